import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from events.models import DayOfAction
from events.services.days import days_of_action_ensure
from events.services.events import event_cancel

pytestmark = pytest.mark.django_db

# A summer day: the whole year lies on either side of it.
NOW = timezone.make_aware(dt.datetime(2026, 7, 1, 12))  # noqa: DTZ001 - made aware in the site's zone
LAST_YEAR = timezone.make_aware(dt.datetime(2025, 9, 1, 12))  # noqa: DTZ001


@pytest.fixture
def days(db):
    days_of_action_ensure()
    return {day.slug: day for day in DayOfAction.objects.all()}


@pytest.fixture
def clean_planet(days):
    return days["clean-planet"]


@pytest.fixture
def now():
    with time_machine.travel(NOW, tick=False):
        yield NOW


def test_the_seed_gives_six_days_in_three_languages_and_repeats_harmlessly(db):
    assert days_of_action_ensure() == 6
    DayOfAction.objects.filter(slug="clean-planet").update(name={"en": "Edited"})
    assert days_of_action_ensure() == 6
    days = list(DayOfAction.objects.all())
    assert [day.month for day in days] == [4, 5, 6, 8, 9, 12]
    assert all(day.name.missing() == [] and day.description.missing() == [] for day in days)
    assert DayOfAction.objects.get(slug="clean-planet").name["ru"] == "Марафон «Чистая планета»"
    assert DayOfAction.objects.get(slug="volunteer-day").day == 5


def test_the_calendar_counts_this_years_published_events(client, now, clean_planet, event_factory):
    event_factory(day_of_action=clean_planet, days=7)
    event_factory(day_of_action=clean_planet, days=14)
    event_factory(day_of_action=clean_planet, days=21, publish=False)
    event_factory(day_of_action=clean_planet, days=200)  # next year
    response = client.get("/en/events/days/")
    assert response.status_code == 200
    assert [row["day"].month for row in response.context["rows"]] == [4, 5, 6, 8, 9, 12]
    [row] = [row for row in response.context["rows"] if row["day"].slug == "clean-planet"]
    assert row["day"].event_count == 2
    assert "2 events in 2026" in response.text
    assert "International Volunteer Day" in response.text


def test_the_calendar_is_in_the_visitors_language(client, days):
    response = client.get("/kk/events/days/")
    assert "«Таза планета» марафоны" in response.text
    assert "Марафон «Чистая планета»" not in response.text


def test_the_day_page_lists_this_years_events_in_the_visitors_language(
    client, clean_planet, days, event_factory
):
    with time_machine.travel(LAST_YEAR, tick=False):
        event_factory(day_of_action=clean_planet, title={"ru": "Прошлогодний субботник", "en": "Last year"})
    with time_machine.travel(NOW, tick=False):
        event_factory(day_of_action=clean_planet, title={"ru": "Уборка в горах", "en": "Mountain clean-up"})
        event_factory(day_of_action=days["zoo-care"], title={"ru": "Приют для собак", "en": "Dog shelter"})
        event_factory(day_of_action=clean_planet, title={"ru": "Черновик", "en": "Draft"}, publish=False)
        response = client.get("/ru/events/days/clean-planet/")
    assert response.status_code == 200
    assert "Уборка в горах" in response.text
    assert "Mountain clean-up" not in response.text
    assert "Прошлогодний субботник" not in response.text
    assert "Приют для собак" not in response.text
    assert "Черновик" not in response.text


def test_another_year_is_chosen_with_the_year_parameter(client, now, clean_planet, event_factory):
    with time_machine.travel(LAST_YEAR, tick=False):
        event_factory(day_of_action=clean_planet, title={"en": "Last year's clean-up"})
    event_factory(day_of_action=clean_planet, title={"en": "This year's clean-up"})
    response = client.get("/en/events/days/clean-planet/?year=2025")
    assert response.context["year"] == 2025
    assert "Last year&#x27;s clean-up" in response.text
    assert "This year&#x27;s clean-up" not in response.text


def test_a_cancelled_event_stays_on_the_day_page_marked(
    client, now, clean_planet, event_factory, coordinator
):
    event = event_factory(day_of_action=clean_planet, title={"en": "Rained off"})
    event_cancel(event=event, actor=coordinator, reason="Storm warning")
    response = client.get("/en/events/days/clean-planet/")
    [listed] = response.context["events"]
    assert listed.pk == event.pk
    assert "day-event-cancelled" in response.text
    assert 'class="badge badge-warning">Cancelled' in response.text


def test_the_day_page_shows_the_places_left(client, now, clean_planet, event_factory):
    start = NOW + dt.timedelta(days=7)
    event_factory(
        day_of_action=clean_planet,
        shifts=[(start, start + dt.timedelta(hours=2), 4), (start, start + dt.timedelta(hours=3), 3)],
    )
    response = client.get("/en/events/days/clean-planet/")
    assert "7 places left" in response.text


@pytest.mark.parametrize("year", ["abc", "", "-1", "1900", "99999999999999999999", "2026.5"])
def test_an_unusable_year_shows_this_year(client, now, clean_planet, year):
    for path in ("/en/events/days/", "/en/events/days/clean-planet/"):
        response = client.get(path, {"year": year})
        assert response.status_code == 200
        assert response.context["year"] == 2026


def test_an_unknown_day_is_not_found(client, days):
    assert client.get("/en/events/days/no-such-day/").status_code == 404


def test_the_day_page_runs_the_same_queries_for_any_number_of_events(
    client, now, clean_planet, event_factory, django_assert_max_num_queries
):
    event_factory(day_of_action=clean_planet)
    with django_assert_max_num_queries(100) as one:
        client.get("/en/events/days/clean-planet/")
    for number in range(6):
        start = NOW + dt.timedelta(days=3 + number)
        event_factory(
            day_of_action=clean_planet,
            shifts=[(start, start + dt.timedelta(hours=2), 5), (start, start + dt.timedelta(hours=4), 5)],
        )
    with django_assert_max_num_queries(len(one)):
        response = client.get("/en/events/days/clean-planet/")
    assert len(response.context["events"]) == 7


def test_the_calendar_runs_the_same_queries_for_any_number_of_events(
    client, now, days, event_factory, django_assert_max_num_queries
):
    with django_assert_max_num_queries(100) as empty:
        client.get("/en/events/days/")
    for slug in days:
        event_factory(day_of_action=days[slug])
    with django_assert_max_num_queries(len(empty)):
        client.get("/en/events/days/")


def test_a_day_the_month_does_not_have_shows_the_month(client, now, days):
    DayOfAction.objects.filter(slug="save-a-life").update(day=31)  # 31 April: the database allows it
    assert client.get("/en/events/days/").status_code == 200
    response = client.get("/en/events/days/save-a-life/")
    assert response.status_code == 200
    assert "April 2026" in response.text
