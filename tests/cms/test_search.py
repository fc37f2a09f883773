import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction
from wagtail.rich_text import RichText

from cms.models import HomePage, NewsIndexPage, NewsPage, StandardPage
from events.services.events import EventData, ShiftData, event_create, event_publish
from volunteers.models import Direction, Membership, MembershipRole, Organisation, OrganisationKind, Region

pytestmark = pytest.mark.django_db

BODY = [("paragraph", RichText("<p>Мәтін</p>"))]
REPORT = re.compile(r">Отчёт волонтёров (номер \d+|за год)</a>")
EVENT_LINK = re.compile(r'href="/en/events/\d+/"')


def _publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def homes(seeded):
    return {code: HomePage.objects.get(locale__language_code=code) for code in ("kk", "ru", "en")}


@pytest.fixture
def news_index(homes):
    index = _publish(homes["kk"].add_child(instance=NewsIndexPage(title="Жаңалықтар", slug="news")))
    ru = _publish(index.copy_for_translation(Locale.objects.get(language_code="ru")))
    ru.title = "Новости"
    _publish(ru)
    return {"kk": index, "ru": ru}


def _news(parent, title, summary="", **fields):
    page = parent.add_child(instance=NewsPage(title=title, summary=summary or title, body=BODY, **fields))
    return _publish(page)


@pytest.fixture
def organiser(user_factory, seeded):
    region = Region.objects.get(iso_code="KZ-75")
    organisation = Organisation.objects.create(
        slug="steppe-care", kind=OrganisationKind.NGO, region=region, name={"en": "Steppe Care"}
    )
    user = user_factory(email="coordinator@example.kz")
    Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.COORDINATOR)
    return organisation, user, region


@pytest.fixture
def event_factory(organiser):
    organisation, user, region = organiser

    def make(title: dict, *, days: int = 7, publish: bool = True):
        starts = timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
        data = EventData(
            title=title, direction=Direction.objects.get(slug="taza-alem"), starts_at=starts,
            ends_at=starts + dt.timedelta(hours=3), region=region, city="Almaty", address="Gorky Park",
        )  # fmt: skip
        [event] = event_create(
            organisation=organisation, data=data, actor=user,
            shifts=[ShiftData(starts_at=data.starts_at, ends_at=data.ends_at, capacity=5)],
        )  # fmt: skip
        if publish:
            event_publish(event=event, actor=user)
        return event

    return make


def test_pages_are_found_in_the_visitors_language_only(client, news_index):
    _news(news_index["kk"], "Саябақтағы сенбілік", summary="Волонтерлер саябақты тазалады.")
    _news(news_index["ru"], "Субботник в парке", summary="Волонтёры убрали парк у реки.")

    ru = client.get("/ru/search/", {"q": "парк"})
    assert ru.status_code == 200
    html = ru.content.decode()
    assert "Субботник в парке" in html
    assert "Волонтёры убрали парк у реки." in html  # the summary as the snippet
    assert "Саябақтағы сенбілік" not in html

    kk = client.get("/kk/search/", {"q": "саябақ"}).content.decode()
    assert "Саябақтағы сенбілік" in kk
    assert "Субботник в парке" not in kk


def test_search_description_is_preferred_as_the_snippet_and_the_link_goes_to_the_page(client, news_index):
    page = _news(
        news_index["ru"],
        "Донорская акция",
        summary="Длинный текст.",
        search_description="Коротко о донорстве.",
    )
    html = client.get("/ru/search/", {"q": "донорская"}).content.decode()
    assert "Коротко о донорстве." in html
    assert f'href="{page.get_url()}"' in html


def test_drafts_and_restricted_pages_are_not_found(client, news_index):
    draft = news_index["ru"].add_child(
        instance=NewsPage(title="Черновик о волонтёрах", summary="x", body=BODY, live=False)
    )
    draft.save_revision()
    private = _news(news_index["ru"], "Закрытая страница о волонтёрах")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    html = client.get("/ru/search/", {"q": "волонтёрах"}).content.decode()
    assert "Черновик о волонтёрах" not in html
    assert "Закрытая страница" not in html


def test_untranslated_page_is_found_in_its_source_language_with_its_language_marked(client, news_index):
    source = _news(news_index["kk"], "Қамқор жобасы туралы")
    source.create_alias(
        parent=news_index["ru"],
        update_locale=Locale.objects.get(language_code="ru"),
        reset_translation_key=False,
    )

    html = client.get("/ru/search/", {"q": "қамқор"}).content.decode()
    assert 'lang="kk">Қамқор жобасы туралы</a>' in html


def test_upcoming_published_events_are_found_with_their_title_in_the_visitors_language(client, event_factory):
    event = event_factory(
        {"kk": "Өзен жағасын тазалау", "ru": "Уборка берега реки", "en": "River bank clean-up"}
    )
    event_factory({"ru": "Черновик: уборка берега", "en": "Draft"}, publish=False)

    en = client.get("/en/search/", {"q": "RIVER bank"}).content.decode()
    assert "River bank clean-up" in en
    assert f'href="/en/events/{event.pk}/"' in en

    ru = client.get("/ru/search/", {"q": "берега"}).content.decode()
    assert "Уборка берега реки" in ru
    assert "Черновик" not in ru

    # A word of another language's title finds the event too; it is shown in the visitor's language.
    kk = client.get("/kk/search/", {"q": "river"}).content.decode()
    assert "Өзен жағасын тазалау" in kk


def test_past_events_are_not_found_and_at_most_ten_are_listed(client, event_factory):
    for number in range(12):
        event_factory({"en": f"Tree planting {number}"}, days=number + 1)
    html = client.get("/en/search/", {"q": "tree planting"}).content.decode()
    assert len(EVENT_LINK.findall(html)) == 10
    assert "Tree planting 0<" in html
    assert "Tree planting 11<" not in html


def _searched(queries) -> bool:
    return any("wagtailsearch" in query["sql"] or "events_event" in query["sql"] for query in queries)


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_search_asks_for_words(client, seeded, query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert "Type a word or two" in response.content.decode()
    assert not _searched(queries)


def test_a_too_long_search_gets_a_message_not_an_error(client, seeded):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/search/", {"q": "volunteer " * 30})
    assert response.status_code == 200
    assert not _searched(queries)
    html = response.content.decode()
    assert "too long" in html
    assert 'maxlength="200"' in html


def test_a_search_with_markup_is_shown_as_text(client, seeded):
    html = client.get("/en/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def _queries(client, path, params) -> tuple[int, str]:
    cache.clear()  # the menus are cached until the next publish: count them in both requests alike
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_results_are_paginated_in_a_bounded_number_of_queries(client, news_index, event_factory):
    ru_locale = Locale.objects.get(language_code="ru")
    standard = (
        news_index["ru"]
        .get_parent()
        .add_child(instance=StandardPage(title="Отчёт волонтёров за год", body=BODY, locale=ru_locale))
    )
    _publish(standard)
    _news(news_index["ru"], "Отчёт волонтёров номер 0")
    event_factory({"ru": "Отчёт волонтёров: встреча 0"})
    query = {"q": "отчёт волонтёров"}
    client.get("/ru/search/", query)  # the first request of a site creates its settings rows
    few, html = _queries(client, "/ru/search/", query)
    assert len(REPORT.findall(html)) == 2  # both page types: one query each for their own fields

    for number in range(1, 14):
        _news(news_index["ru"], f"Отчёт волонтёров номер {number}")
    for number in range(1, 12):
        event_factory({"ru": f"Отчёт волонтёров: встреча {number}"})
    many, html = _queries(client, "/ru/search/", query)
    assert many <= few < 20
    assert len(REPORT.findall(html)) == 10
    assert 'rel="next"' in html

    second = client.get("/ru/search/", {**query, "page": 2}).content.decode()
    assert len(REPORT.findall(second)) == 5
    assert 'rel="prev"' in second
    assert client.get("/ru/search/", {**query, "page": "x"}).status_code == 200
