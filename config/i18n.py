"""Content in three languages stored as one JSON value per field: {"kk": "...", "ru": "...", "en": "..."}.

This is the project's one approach for text written by people other than the CMS editors (regions,
directions, events, stages...): a missing language falls back to the next one, and the value knows which
languages are missing so that forms can show it.
"""

import copy

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def fallback_order(language: str | None = None) -> list[str]:
    """The active language first, then the site's default, then the rest in the order of LANGUAGES."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    order = [language, settings.LANGUAGE_CODE, *language_codes()]
    return list(dict.fromkeys(code for code in order if code in language_codes()))


class TranslatedText(dict):
    def resolve(self, language: str | None = None) -> tuple[str, str | None]:
        """The text to show and the language it is in (None when no language has any text)."""
        for code in fallback_order(language):
            text = (self.get(code) or "").strip()
            if text:
                return text, code
        return "", None

    def in_language(self, language: str | None = None) -> str:
        return self.resolve(language)[0]

    def missing(self) -> list[str]:
        return [code for code in language_codes() if not (self.get(code) or "").strip()]

    def __str__(self) -> str:
        return self.in_language()


class TranslatedField(models.JSONField):
    """A JSON object of language code → text, read back as TranslatedText."""

    default_error_messages = {
        "invalid_languages": _("Only these languages can be given: %(languages)s."),
        "empty": _("Give the text in at least one language."),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", dict)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        value = super().from_db_value(value, expression, connection)
        return TranslatedText(value or {})

    def to_python(self, value):
        value = super().to_python(value)
        return TranslatedText(value or {}) if isinstance(value, dict | type(None)) else value

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        value = value or {}
        if set(value) - set(language_codes()):
            raise ValidationError(
                self.error_messages["invalid_languages"],
                code="invalid_languages",
                params={"languages": ", ".join(language_codes())},
            )
        if not self.blank and not any((text or "").strip() for text in value.values()):
            raise ValidationError(self.error_messages["empty"], code="empty")

    def formfield(self, **kwargs):
        # Not JSONField.formfield(): its forms.JSONField would hand people raw JSON to edit.
        kwargs.setdefault("form_class", TranslatedFormField)
        return models.Field.formfield(self, **kwargs)


class TranslatedWidget(forms.MultiWidget):
    """One input per language (Kazakh first), each labelled with its language, and a note of what is missing.

    `widget` is the input used for every language: a single-line TextInput unless told otherwise
    (`forms.Textarea` for long text).
    """

    template_name = "widgets/translated.html"

    def __init__(self, widget=None, attrs=None):
        widget = widget or forms.TextInput
        widgets = {
            code: widget if isinstance(widget, type) else copy.deepcopy(widget) for code in language_codes()
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = value if isinstance(value, dict) else {}
        return [value.get(code) or "" for code in language_codes()]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        names = dict(settings.LANGUAGES)
        missing = []
        for code, subwidget in zip(language_codes(), context["widget"]["subwidgets"], strict=True):
            subwidget["language"] = code
            subwidget["language_name"] = names[code]
            subwidget["attrs"]["lang"] = code
            if not str(subwidget["value"] or "").strip():
                missing.append(names[code])
        # Nothing given at all is an empty form, not a partial translation: no note then.
        context["widget"]["missing"] = missing if len(missing) < len(language_codes()) else []
        return context


class TranslatedFormField(forms.MultiValueField):
    """Cleans to {"kk": ..., "ru": ..., "en": ...} with only the languages given; unknown languages cannot
    be posted (only the inputs of settings.LANGUAGES are read). Required means: at least one language."""

    default_error_messages = {"required": TranslatedField.default_error_messages["empty"]}

    def __init__(self, *, widget=None, encoder=None, decoder=None, show_hidden_initial=False, **kwargs):
        # encoder/decoder come from JSONField's defaults; the hidden initial is for callable defaults
        # (`dict` here) and would render the dict into one hidden input: neither applies.
        names = dict(settings.LANGUAGES)
        fields = [forms.CharField(label=names[code], required=False) for code in language_codes()]
        if not isinstance(widget, TranslatedWidget):
            widget = TranslatedWidget(widget)
        super().__init__(fields=fields, widget=widget, require_all_fields=False, **kwargs)

    def clean(self, value):
        text = super().clean(value)
        # MultiValueField counts " " as given; after stripping it is not.
        if self.required and not text:
            raise ValidationError(self.error_messages["required"], code="required")
        return text

    def compress(self, data_list):
        texts = zip(language_codes(), data_list or [], strict=False)
        return TranslatedText({code: text for code, text in texts if text})
