import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction
from wagtail.rich_text import RichText

from cms.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
BODY = [("paragraph", RichText("<p>Мәтін</p>"))]


def _sitemap(client) -> dict[str, dict[str, str]]:
    """Each listed address with its alternates, as {language: address}."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def _publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def about(seeded):
    """A page in Kazakh, translated into Russian, and still an alias of the Kazakh page in English."""
    home = HomePage.objects.get(locale__language_code="kk")
    page = _publish(home.add_child(instance=StandardPage(title="Біз туралы", slug="about", body=BODY)))
    ru = page.copy_for_translation(Locale.objects.get(language_code="ru"))
    ru.title = "О нас"
    ru.slug = "o-nas"
    _publish(ru)
    en_home = HomePage.objects.get(locale__language_code="en")
    page.create_alias(
        parent=en_home, update_locale=Locale.objects.get(language_code="en"), reset_translation_key=False
    )
    return page


def test_every_live_page_of_every_language_is_listed_with_all_its_alternates(client, about):
    urls = _sitemap(client)
    homes = {"kk": "http://localhost/kk/", "ru": "http://localhost/ru/", "en": "http://localhost/en/"}
    abouts = {
        "kk": "http://localhost/kk/about/",
        "ru": "http://localhost/ru/o-nas/",
        "en": "http://localhost/en/about/",
    }
    assert set(urls) == {*homes.values(), *abouts.values()}
    for location in homes.values():
        assert urls[location] == homes
    for location in abouts.values():
        assert urls[location] == abouts


def test_drafts_and_restricted_pages_are_not_listed(client, about):
    home = HomePage.objects.get(locale__language_code="kk")
    draft = home.add_child(instance=StandardPage(title="Жоба", slug="draft", body=BODY, live=False))
    draft.save_revision()
    private = _publish(home.add_child(instance=StandardPage(title="Ішкі", slug="inside", body=BODY)))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    listed = " ".join(_sitemap(client))
    assert "/draft/" not in listed
    assert "/inside/" not in listed


def test_the_sitemap_takes_the_same_queries_for_many_pages(client, about):
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as few:
        client.get("/sitemap.xml")
    home = HomePage.objects.get(locale__language_code="kk")
    ru = Locale.objects.get(language_code="ru")
    for number in range(10):
        page = _publish(home.add_child(instance=StandardPage(title=f"Бет {number}", body=BODY)))
        _publish(page.copy_for_translation(ru))
    with CaptureQueriesContext(connection) as many:
        urls = _sitemap(client)
    assert len(urls) == 6 + 20
    assert len(many) <= len(few)
