import pytest
from django import forms
from django.utils import translation

from config.i18n import TranslatedFormField, TranslatedText, TranslatedWidget
from volunteers.models import Direction


class DirectionForm(forms.ModelForm):
    class Meta:
        model = Direction
        fields = ["slug", "name", "description"]
        widgets = {"description": forms.Textarea}


def test_the_model_field_gets_one_input_per_language_kazakh_first():
    field = DirectionForm.base_fields["name"]
    assert isinstance(field, TranslatedFormField)
    assert field.required  # name is not blank=True
    assert not DirectionForm.base_fields["description"].required
    html = str(DirectionForm()["name"])
    assert html.index('name="name_kk"') < html.index('name="name_ru"') < html.index('name="name_en"')
    assert '<label for="id_name_0">Қазақша</label>' in html
    assert 'lang="ru"' in html


@pytest.mark.django_db
def test_partial_languages_round_trip_and_are_saved_as_given():
    form = DirectionForm({"slug": "eco", "name_kk": " Экология ", "name_ru": "", "name_en": "Ecology"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == {"kk": "Экология", "en": "Ecology"}
    direction = form.save()

    direction.refresh_from_db()
    assert direction.name == {"kk": "Экология", "en": "Ecology"}
    assert direction.description == {}
    again = DirectionForm(
        {"slug": "eco", "name_kk": "Экология", "name_ru": "", "name_en": "Ecology"}, instance=direction
    )
    assert again.is_valid() and not again.has_changed()


@pytest.mark.django_db
@pytest.mark.parametrize("data", [{}, {"name_kk": "", "name_ru": "   ", "name_en": ""}])
def test_no_language_at_all_is_refused_with_a_message(data):
    form = DirectionForm({"slug": "empty", **data})
    with translation.override("ru"):
        assert not form.is_valid()
        assert form.errors["name"] == ["Укажите текст хотя бы на одном языке."]
    assert not Direction.objects.filter(slug="empty").exists()


@pytest.mark.django_db
def test_unknown_languages_cannot_be_posted():
    form = DirectionForm(
        {"slug": "x", "name_kk": "Ана тілі", "name_de": "Muttersprache", "name": '{"de": "x"}'}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == {"kk": "Ана тілі"}


def test_the_missing_languages_are_noted():
    form = DirectionForm(initial={"name": TranslatedText({"kk": "Білім беру"})})
    with translation.override("en"):
        html = str(form["name"])
    assert '<p class="help translated-field-missing">Missing: Русский, English</p>' in html
    assert 'value="Білім беру"' in html


def test_no_note_when_every_language_or_none_is_given():
    full = DirectionForm(initial={"name": {"kk": "а", "ru": "б", "en": "c"}})
    assert "translated-field-missing" not in str(full["name"])
    assert "translated-field-missing" not in str(DirectionForm()["name"])


def test_a_bound_form_notes_what_is_still_missing_after_an_error():
    form = DirectionForm({"slug": "", "name_kk": "", "name_ru": "Экология", "name_en": ""})
    assert not form.is_valid()
    with translation.override("en"):
        html = str(form["name"])
    assert 'value="Экология"' in html
    assert "Missing: Қазақша, English" in html


def test_a_widget_can_be_given_for_long_text():
    html = str(DirectionForm()["description"])
    assert html.count("<textarea") == 3
    field = TranslatedFormField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    assert isinstance(field.widget, TranslatedWidget)
    assert all(widget.attrs["rows"] == 2 for widget in field.widget.widgets)


def test_in_a_public_form_the_field_is_a_fieldset_with_its_label_as_legend():
    html = DirectionForm().as_div()
    start = html.index("<fieldset", html.index("field-translated"))
    group = html[start : html.index("</fieldset>", start)]
    assert "<legend>" in group and 'name="name_kk"' in group
