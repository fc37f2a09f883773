# ruff: noqa: F811  (fixtures take the fixtures imported below as arguments)
"""The silver volunteering page: the editors' text in three languages and what the page adds itself (three
ways to join, the events suited to silver volunteers, the craft clubs, the figures), in a fixed number of
queries, and nothing personal in what the page cache keeps for anonymous visitors."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from wagtail.models import Site

from cms.models import HomePage, Navigation, SilverProgrammePage, SiteSettings
from events.models import Event
from tests.clubs.conftest import (  # noqa: F401  (clubs, as the clubs tests make them)
    almaty,
    club_factory,
    craft,
    master,
    master_factory,
    organisation,
    silver_factory,
    volunteer_factory,
)
from tests.cms.conftest import body, event_make, translate
from volunteers.clubs.models import ClubStatus
from volunteers.models import Organisation, OrganisationKind, Region

pytestmark = pytest.mark.django_db

TEXTS = {
    "kk": {"title": "Күміс волонтерлік", "slug": "kumis", "intro": "Елу жастан асқандарға."},
    "ru": {"title": "Серебряное волонтёрство", "slug": "serebro", "intro": "Для тех, кому за пятьдесят."},
    "en": {"title": "Silver volunteering", "slug": "silver", "intro": "For people over fifty."},
}
PHONE = "+7 727 123 45 67"


@pytest.fixture
def silver_page(seeded):
    site = Site.objects.get(is_default_site=True)
    Navigation.for_site(site)  # the settings rows a first visit would make (and purge the cache with)
    SiteSettings.for_site(site)
    Organisation.objects.filter(slug="front-office-kz-75").update(phone=PHONE)
    home = HomePage.objects.get(locale__language_code="kk")
    page = home.add_child(instance=SilverProgrammePage(**TEXTS["kk"], body=body("Күміс волонтерлер туралы")))
    page.save_revision().publish()
    pages = {"kk": page}
    for code in ("ru", "en"):
        pages[code] = translate(page, code, **TEXTS[code], body=body(f"{code}: about"))
    return pages


def _get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response


def _queries(client, url) -> tuple[int, object]:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = _get(client, url)
    return len(queries), response


def _silver_event(**extra) -> Event:
    event = event_make(**extra)
    Event.objects.filter(pk=event.pk).update(silver_friendly=True)
    return event


def _link(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_the_page_in_each_language_with_its_three_ways_to_join(client, silver_page, code):
    page = silver_page[code]
    with translation.override(code):
        response = _get(client, page.url)
        signup, easy = reverse("account_signup"), reverse("easy_reading")
    text = response.text
    assert f'<html lang="{code}">' in text
    assert TEXTS[code]["title"] in text and TEXTS[code]["intro"] in text
    assert f"{code}: about" in text or code == "kk"
    assert f'href="{signup}"' in text  # register online
    assert f'href="tel:{PHONE.replace(" ", "")}"' in text  # a coordinator: the front offices' phones
    assert f"{easy}?on=1&amp;next={page.url}" in text  # easy reading
    assert len(response.context["front_offices"]) == Region.objects.count()


def test_the_ways_to_join_in_words(client, silver_page):
    with translation.override("en"):
        text = _get(client, silver_page["en"].url).text
    for words in (
        "How to join",
        "Register online",
        "Ask a coordinator to register you",
        "Switch on easy reading",
    ):
        assert words in text


def test_one_page_per_home_page(silver_page):
    home = HomePage.objects.get(locale__language_code="kk")
    assert not SilverProgrammePage.can_create_at(home)
    assert "cms.SilverProgrammePage" in [
        f"cms.{model.__name__}" for model in HomePage.allowed_subpage_models()
    ]


def test_the_region_in_the_address_shows_its_front_office(client, silver_page):
    url = silver_page["en"].url
    with translation.override("en"):
        response = _get(client, f"{url}?region=kz-75")
    office = response.context["my_front_office"]
    assert office.kind == OrganisationKind.REGIONAL_FRONT_OFFICE and office.region.iso_code == "KZ-75"
    assert f"Call {PHONE}" in response.text

    with translation.override("en"):
        response = _get(client, f"{url}?region=<script>")
    assert response.context["my_front_office"] is None
    assert "We do not know this region" in response.text and "<script>" not in response.text


def test_a_signed_in_volunteer_sees_their_regions_front_office_and_it_is_not_cached(
    client, silver_page, volunteer_factory
):
    url = silver_page["en"].url
    client.force_login(volunteer_factory(age=62))  # of Almaty
    with translation.override("en"):
        mine = _get(client, url)
        anonymous = _get(Client(), url)
    assert mine.context["my_front_office"].region.iso_code == "KZ-75"
    assert f"Call {PHONE}" in mine.text and "My account" in mine.text
    assert f"Call {PHONE}" not in anonymous.text and "My account" not in anonymous.text
    assert "csrftoken" not in anonymous.cookies


def test_the_easy_reading_mode_is_said_to_be_on(client, silver_page):
    client.cookies["easy"] = "1"
    with translation.override("en"):
        response = _get(client, silver_page["en"].url)
    assert "Easy reading is on." in response.text and "Back to the standard view" in response.text


def test_upcoming_published_events_suited_to_silver_volunteers_up_to_six(client, silver_page):
    soon = _silver_event(days=2, title={"en": "Reading to children", "kk": "Балаларға кітап оқу"})
    ended = _silver_event(days=2, title={"en": "Ended silver event"})
    past = timezone.now() - dt.timedelta(days=3)
    Event.objects.filter(pk=ended.pk).update(starts_at=past, ends_at=past + dt.timedelta(hours=3))
    event_make(days=1, title={"en": "Not for silver"})
    with translation.override("en"):
        response = _get(client, silver_page["en"].url)
    assert [event.pk for event in response.context["events"]] == [soon.pk]
    assert "Reading to children" in response.text and "Not for silver" not in response.text
    assert "Ended silver event" not in response.text
    for days in range(3, 10):
        _silver_event(days=days)
    cache.clear()
    with translation.override("en"):
        response = _get(client, silver_page["en"].url)
    assert len(response.context["events"]) == 6 and response.context["events"][0].pk == soon.pk


def test_the_clubs_with_places_left_and_the_links_to_the_catalogue(client, silver_page, club_factory):
    club_factory(title={"en": "Woodwork for boys", "kk": "Ағаш өңдеу"}, capacity=10)
    club_factory(title={"en": "A draft club"}, status=ClubStatus.DRAFT)
    with translation.override("en"):
        response = _get(client, silver_page["en"].url)
        catalogue, declare = _link("clubs:catalogue"), _link("clubs:master_declare")
    assert "Woodwork for boys" in response.text and "A draft club" not in response.text
    assert "10 places left" in response.text
    if catalogue:  # the catalogue and the declaration are other parts' pages: linked once they exist
        assert f'href="{catalogue}"' in response.text
    if declare:
        assert f'href="{declare}"' in response.text


def test_the_figures_of_the_programme(client, silver_page, club_factory, silver_factory):
    club_factory()
    silver_factory(age=70)
    with translation.override("en"):
        response = _get(client, silver_page["en"].url)
    figures = response.context["figures"]
    # Silver: the club's master and the volunteer of seventy.
    assert (figures["silver_volunteers"], figures["clubs"], figures["masters"]) == (2, 1, 1)
    assert "Silver volunteering in figures" in response.text


def test_the_page_runs_the_same_queries_for_any_number_of_events_and_clubs(client, silver_page, club_factory):
    url = silver_page["ru"].url
    _silver_event(days=2)
    club_factory()
    with translation.override("ru"):
        few, _response = _queries(client, url)
    for days in range(3, 10):
        _silver_event(days=days)
    start = timezone.localdate() + dt.timedelta(days=30)
    for week in range(7):
        club_factory(starts_on=start + dt.timedelta(weeks=week), weekdays=((start.weekday()),), weeks=2)
    with translation.override("ru"):
        many, response = _queries(client, url)
    assert len(response.context["events"]) == 6 and len(response.context["clubs"]) == 6
    assert many == few


def test_the_second_anonymous_visit_is_served_from_the_cache(
    client, silver_page, django_assert_max_num_queries
):
    url = silver_page["kk"].url
    first = _get(client, url)
    with django_assert_max_num_queries(2):
        second = _get(Client(), url)
    assert second.content == first.content
