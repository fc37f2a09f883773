"""Content in three languages stored as one JSON value per field: {"kk": "...", "ru": "...", "en": "..."}.

This is the project's one approach for text written by people other than the CMS editors (regions,
directions, events, stages...): a missing language falls back to the next one, and the value knows which
languages are missing so that forms can show it.
"""

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
