"""Neither django-allauth nor django-filter ships Kazakh, and Django's kk is partial: the project's
locale/vendor/kk must cover every message of theirs that a visitor can see. An upgrade that adds
messages fails here until they are translated."""

from pathlib import Path

import allauth
import django
import django_filters
import pytest
from babel.messages.pofile import read_po
from django.conf import settings

VENDOR_KK = Path(settings.BASE_DIR) / "locale" / "vendor" / "kk" / "LC_MESSAGES" / "django.po"


def _messages(path: Path, locale: str, translated_only: bool = False) -> set:
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=locale)
    return {
        (message.context, message.id if isinstance(message.id, str) else message.id[0])
        for message in catalogue
        if message.id and (not translated_only or (message.string and not message.fuzzy))
    }


def _package_catalogue(package, language: str, *parts: str) -> Path:
    return Path(package.__file__).parent.joinpath(*parts, "locale", language, "LC_MESSAGES", "django.po")


@pytest.mark.parametrize(
    ("package", "parts"),
    [(allauth, ()), (django_filters, ()), (django, ("conf",)), (django, ("contrib", "auth"))],
    ids=["allauth", "django-filter", "django", "django.contrib.auth"],
)
def test_every_library_message_has_a_kazakh_translation(package, parts):
    wanted = _messages(_package_catalogue(package, "ru", *parts), "ru")
    kazakh = _messages(VENDOR_KK, "kk", translated_only=True)
    shipped = _package_catalogue(package, "kk", *parts)
    if shipped.exists():
        kazakh |= _messages(shipped, "kk", translated_only=True)
    missing = sorted(msgid for _context, msgid in wanted - kazakh)
    assert not missing, f"{len(missing)} messages without Kazakh, e.g. {missing[:5]}"
