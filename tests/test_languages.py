import datetime as dt

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import formats, translation
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def test_root_redirects_to_kazakh_by_default(client, seeded):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/kk/"


def test_root_follows_accept_language(client, seeded):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9,en;q=0.5")["Location"] == "/ru/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/kk/"


def test_cookie_wins_over_accept_language(client, seeded):
    client.cookies["lang"] = "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru")["Location"] == "/en/"


@pytest.mark.parametrize(
    "header",
    ["!!!", "ru;q=abc", ";;;,,,", "x" * 5000, "ru-RU;q=0.9," * 400, "\u043a\u043a", "*;q=-1", "en;q=1e999"],
)
def test_malformed_accept_language_never_errors(client, seeded, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] in {"/kk/", "/ru/", "/en/"}


def test_visiting_a_language_remembers_it(client, seeded):
    response = client.get("/ru/")
    assert response.status_code == 200
    assert response.cookies["lang"].value == "ru"
    assert client.get("/")["Location"] == "/ru/"


def test_each_home_page_is_in_its_language(client, seeded):
    for code, words in {
        "kk": "волонтерлер платформасы",
        "ru": "платформа волонтёров",
        "en": "volunteers",
    }.items():
        html = client.get(f"/{code}/").content.decode()
        assert f'<html lang="{code}">' in html
        assert words in html


def test_switcher_on_a_cms_page_links_its_translations(client, seeded):
    html = client.get("/kk/").content.decode()
    for code in ("kk", "ru", "en"):
        assert f'href="/{code}/" hreflang="{code}" lang="{code}"' in html
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/">' in html
    assert 'lang="kk" aria-current="true"' in html


def test_switcher_on_an_app_page_keeps_the_page(client, seeded):
    html = client.get("/ru/accounts/login/").content.decode()
    assert 'href="/kk/accounts/login/" hreflang="kk"' in html
    assert 'href="/en/accounts/login/" hreflang="en"' in html


@pytest.mark.parametrize(
    ("accept", "text"),
    [("kk", "Бет табылмады"), ("ru", "Страница не найдена"), ("en", "Page not found")],
)
def test_unknown_language_prefix_is_a_404_in_the_visitors_language(client, seeded, accept, text):
    response = client.get("/xx/", HTTP_ACCEPT_LANGUAGE=accept, follow=True)
    assert response.status_code == 404
    assert text in response.content.decode()


def test_missing_page_is_a_404_in_the_page_language(client, seeded):
    response = client.get("/ru/no-such-page/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_kazakh_dates_have_kazakh_month_names():
    day = dt.date(2026, 11, 28)
    with translation.override("kk"):
        assert formats.date_format(day) == "28 қараша 2026 ж."
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "28.11.2026"
        assert formats.date_format(dt.date(2026, 3, 22)) == "22 наурыз 2026 ж."
        assert (
            formats.number_format(1234567.5, decimal_pos=1, use_l10n=True, force_grouping=True)
            == "1\xa0234\xa0567,5"
        )
    with translation.override("ru"):
        assert formats.date_format(day) == "28 ноября 2026 г."


def test_every_catalogue_is_complete():
    call_command("translations", "check")


def test_wagtail_has_the_three_locales(seeded):
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"kk", "ru", "en"}


def test_home_page_queries_do_not_depend_on_the_language(client, seeded, django_assert_max_num_queries):
    client.get("/kk/")  # warm Wagtail's site and locale caches
    for code in ("kk", "ru", "en"):
        cache.clear()  # the anonymous page cache would answer with no query at all
        with django_assert_max_num_queries(17):  # counted in tests/cms/test_home.py; cached after
            assert client.get(f"/{code}/").status_code == 200


def test_translations_apply_fills_kazakh_and_russian_from_json(tmp_path, settings):
    for code in ("kk", "ru", "en"):
        folder = tmp_path / code / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "django.po").write_text(
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            '#, fuzzy\nmsgid "Volunteer"\nmsgstr "Guess"\n',
            encoding="utf-8",
        )
    settings.LOCALE_PATHS = [tmp_path]
    translations = tmp_path / "new.json"
    translations.write_text('{"Volunteer": {"kk": "Волонтер", "ru": "Волонтёр"}}', encoding="utf-8")
    call_command("translations", "apply", str(translations))
    kazakh = (tmp_path / "kk" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert 'msgstr "Волонтер"' in kazakh
    assert "fuzzy" not in kazakh
    assert 'msgstr "Волонтёр"' in (tmp_path / "ru" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")


def test_a_request_too_large_to_read_gets_a_page_in_the_visitors_language(client, seeded, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    response = client.post("/ru/accounts/login/", {f"field{number}": "x" for number in range(10)})
    assert response.status_code == 400
    assert "Не удалось прочитать запрос" in response.content.decode()
