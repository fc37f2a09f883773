import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Signup, SignupStatus
from events.services.signups import signup_create
from tests.events.conftest import at

pytestmark = pytest.mark.django_db


def test_the_listing_shows_published_upcoming_events_in_the_visitors_language(client, event_factory):
    event_factory(title={"kk": "Саябақты тазалау", "ru": "Уборка парка", "en": "Park clean-up"})
    event_factory(title={"en": "Draft event"}, publish=False)
    response = client.get("/ru/events/")
    assert response.status_code == 200
    assert "Уборка парка" in response.text
    assert "Draft event" not in response.text


def test_a_missing_translation_falls_back_with_a_note(client, event_factory):
    event = event_factory(title={"ru": "Только по-русски"})
    response = client.get(f"/en/events/{event.pk}/")
    assert "Только по-русски" in response.text
    assert "has not been translated into your language yet" in response.text


def test_the_listing_runs_the_same_queries_for_any_page_size(client, event_factory):
    event_factory()
    client.get("/en/events/?places=on&language=kk")  # the city choices, menus and footer are then cached
    with CaptureQueriesContext(connection) as one:
        client.get("/en/events/?places=on&language=kk")
    for _i in range(24):
        event_factory()
    client.get("/en/events/?places=on&language=kk")  # new events empty the menu cache: fill it again
    with CaptureQueriesContext(connection) as full_page:
        response = client.get("/en/events/?places=on&language=kk")
    assert len(response.context["page"].object_list) == 20
    assert len(full_page) == len(one)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=gorky", {"in-person-kk", "silver-ru"}),
        ("online=yes", {"online-en"}),
        ("online=no", {"in-person-kk", "silver-ru"}),
        ("language=en", {"online-en"}),
        ("silver=on", {"silver-ru"}),
        ("direction=bilim", {"online-en"}),
        ("region=KZ-75", {"in-person-kk", "silver-ru"}),
        ("city=Almaty", {"in-person-kk", "silver-ru"}),
        ("places=on", {"in-person-kk", "online-en"}),
    ],
)
def test_the_filters(client, event_factory, volunteer, query, expected):
    start = at(10, 9)
    event_factory(title={"en": "in-person-kk"}, languages=["kk"])
    full = event_factory(
        title={"en": "silver-ru"}, languages=["ru"], silver_friendly=True,
        shifts=[(start, start + dt.timedelta(hours=2), 1)],
    )  # fmt: skip
    signup_create(volunteer=volunteer, shift=full.shifts.get())
    event_factory(
        title={"en": "online-en"}, is_online=True, online_url="https://meet.example.kz/x", address="",
        city="", region=None, languages=["en"], direction="bilim",
    )  # fmt: skip
    response = client.get(f"/en/events/?{query}")
    shown = {name for name in ("in-person-kk", "silver-ru", "online-en") if f">{name}<" in response.text}
    assert shown == expected


def test_a_date_range_that_ends_before_it_starts_gets_a_message_next_to_the_field(client, event_factory):
    event_factory()
    response = client.get("/kk/events/?date_from=2026-12-10&date_to=2026-12-01")
    assert response.status_code == 200
    assert response.context["filter"].form.errors["date_to"]


def test_the_date_filter_keeps_events_in_the_range(client, event_factory):
    event_factory(title={"en": "soon"}, days=3)
    event_factory(title={"en": "later"}, days=20)
    until = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    response = client.get(f"/en/events/?date_to={until}")
    assert ">soon<" in response.text and ">later<" not in response.text


def test_the_event_page_says_why_a_minor_cannot_sign_up(client, event_factory, volunteer_factory):
    event = event_factory(adults_only=True)
    client.force_login(volunteer_factory(age=17))
    response = client.get(f"/en/events/{event.pk}/")
    assert "This event is for adults only" in response.text
    assert f'action="/en/events/shifts/{event.shifts.get().pk}/signup/"' not in response.text


def test_signing_up_through_the_page(client, event_factory, volunteer):
    event = event_factory()
    shift = event.shifts.get()
    client.force_login(volunteer)
    response = client.post(f"/ru/events/shifts/{shift.pk}/signup/")
    signup = Signup.objects.get(volunteer=volunteer)
    assert response.status_code == 302 and response.url == f"/ru/events/my/{signup.pk}/"
    page = client.get(response.url)
    assert signup.code_display in page.text
    assert client.get(f"/ru/events/my/{signup.pk}/qr.svg").headers["Content-Type"] == "image/svg+xml"


def test_a_refused_sign_up_shows_the_reason_next_to_the_shift(client, event_factory, volunteer_factory):
    event = event_factory(min_age=18)
    client.force_login(volunteer_factory(age=16))
    response = client.post(f"/kk/events/shifts/{event.shifts.get().pk}/signup/")
    assert response.status_code == 409
    assert 'role="alert"' in response.text
    assert not Signup.objects.exists()


def test_someone_elses_sign_up_is_a_404(client, event_factory, volunteer_factory):
    shift = event_factory().shifts.get()
    theirs = signup_create(volunteer=volunteer_factory(), shift=shift)
    client.force_login(volunteer_factory())
    for url in (f"/en/events/my/{theirs.pk}/", f"/en/events/my/{theirs.pk}/qr.svg"):
        assert client.get(url).status_code == 404
    assert client.post(f"/en/events/my/{theirs.pk}/cancel/").status_code == 404
    assert Signup.objects.get(pk=theirs.pk).status == SignupStatus.CONFIRMED


def test_a_draft_is_a_404_for_visitors(client, event_factory, volunteer):
    event = event_factory(publish=False)
    client.force_login(volunteer)
    assert client.get(f"/en/events/{event.pk}/").status_code == 404
    assert client.post(f"/en/events/shifts/{event.shifts.get().pk}/signup/").status_code == 404


def test_my_events_lists_and_cancels(client, event_factory, volunteer):
    shift = event_factory(title={"en": "Tree planting"}).shifts.get()
    signup = signup_create(volunteer=volunteer, shift=shift)
    client.force_login(volunteer)
    assert "Tree planting" in client.get("/en/events/my/").text
    response = client.post(f"/en/events/my/{signup.pk}/cancel/")
    assert response.status_code == 302
    assert Signup.objects.get(pk=signup.pk).status == SignupStatus.CANCELLED


def test_an_anonymous_visitor_is_asked_to_sign_in(client, event_factory):
    event = event_factory()
    response = client.get(f"/kk/events/{event.pk}/")
    assert "/kk/accounts/login/?next=" in response.text
    login = client.post(f"/kk/events/shifts/{event.shifts.get().pk}/signup/")
    assert login.status_code == 302 and "/accounts/login/" in login.url


def test_the_event_page_runs_the_same_queries_for_any_number_of_shifts(client, event_factory, volunteer):
    def event_with(count, days):
        start = at(days, 8)
        shifts = [(start + dt.timedelta(hours=h), start + dt.timedelta(hours=h + 1), 3) for h in range(count)]
        event = event_factory(shifts=shifts)
        for shift in event.shifts.all():
            signup_create(volunteer=volunteer, shift=shift)
        return event

    client.force_login(volunteer)
    small, large = event_with(1, days=9), event_with(8, days=10)
    client.get(f"/en/events/{small.pk}/")  # the menus and footer are cached after the first page
    with CaptureQueriesContext(connection) as one:
        client.get(f"/en/events/{small.pk}/")
    with CaptureQueriesContext(connection) as eight:
        response = client.get(f"/en/events/{large.pk}/")
    assert response.text.count("You are signed up") == 8
    assert len(eight) == len(one)


ENGLISH_UI = (
    "Sign up",
    "places left",
    "Requirements",
    "Shifts",
    "My events",
    "Search",
    "With places left",
    "Check-in",
)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_volunteers_pages_speak_the_visitors_language(client, event_factory, volunteer, language):
    event = event_factory(title={"kk": "Саябақ", "ru": "Парк", "en": "Park"})
    signup = signup_create(volunteer=volunteer, shift=event.shifts.get())
    client.force_login(volunteer)
    for path in ("events/", f"events/{event.pk}/", "events/my/", f"events/my/{signup.pk}/", "events/days/"):
        text = client.get(f"/{language}/{path}").text
        leaked = [phrase for phrase in ENGLISH_UI if f">{phrase}<" in text or f">{phrase}:" in text]
        assert leaked == [], (path, leaked)


def test_the_language_check_above_would_see_english(client, event_factory, volunteer):
    event = event_factory()
    client.force_login(volunteer)
    text = client.get(f"/en/events/{event.pk}/").text
    assert ">Shifts<" in text and ">Sign up<" in text
