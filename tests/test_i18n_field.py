import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from config.i18n import TranslatedText
from volunteers.models import Direction


def test_the_active_language_first_then_kazakh_then_the_rest():
    text = TranslatedText({"kk": "Сәлем", "ru": "", "en": "Hello"})
    with translation.override("en"):
        assert str(text) == "Hello"
    with translation.override("ru"):
        assert text.resolve() == ("Сәлем", "kk")
    assert text.missing() == ["ru"]


def test_nothing_in_any_language_reads_as_empty():
    assert TranslatedText({}).resolve() == ("", None)


@pytest.mark.django_db
def test_the_field_refuses_unknown_languages_and_all_empty():
    with pytest.raises(ValidationError) as error:
        Direction(slug="x", name={"de": "Hallo"}).full_clean()
    assert "name" in error.value.message_dict
    with pytest.raises(ValidationError):
        Direction(slug="y", name={"kk": " ", "ru": ""}).full_clean()
    Direction(slug="z", name={"ru": "Только по-русски"}).full_clean()


@pytest.mark.django_db
def test_values_come_back_from_the_database_as_translated_text():
    Direction.objects.create(slug="d", name={"ru": "Помощь"})
    direction = Direction.objects.get(slug="d")
    assert isinstance(direction.name, TranslatedText)
    with translation.override("en"):
        assert str(direction) == "Помощь"
