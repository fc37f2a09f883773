"""The burnout guard: no sign-up that puts more than VOLUNTEERS_WEEKLY_HOURS_LIMIT hours of shifts into any
7 days. At the limit is allowed; one hour past it is refused with the reason, and nothing is written."""

import datetime as dt

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from events.models import Signup, SignupStatus
from events.services.signups import signup_cancel, signup_create
from tests.events.conftest import at
from volunteers.errors import VolunteerError
from volunteers.services.eligibility import busiest_week_hours

pytestmark = pytest.mark.django_db
HOUR = dt.timedelta(hours=1)


@pytest.fixture
def shift_at(event_factory):
    def make(day: int, hours: int, hour: int = 9):
        start = at(day, hour)
        return event_factory(shifts=[(start, start + hours * HOUR, 5)], days=day).shifts.get()

    return make


def test_the_busiest_window_is_found_wherever_it_starts():
    start = at(10, 9)
    around = (start, start + 2 * HOUR)
    before = [(start - dt.timedelta(days=6, hours=20), start - dt.timedelta(days=6, hours=16))]  # 4 h
    after = [(start + dt.timedelta(days=6, hours=20), start + dt.timedelta(days=6, hours=23))]  # 3 h
    # A window of 7 days holding the 2-hour shift can take the shift before or the one after, not both.
    assert busiest_week_hours(intervals=before + after, around=around) == 6
    assert busiest_week_hours(intervals=[], around=around) == 2


def test_a_window_takes_part_of_a_long_shift():
    start = at(10, 9)
    around = (start, start + 2 * HOUR)
    # 24 hours ending 4 days 22 hours before the shift's end: the latest-starting window holding `around`
    # begins 7 days before the end, so it takes the last 2 hours of the long shift.
    long_end = start + 2 * HOUR - dt.timedelta(days=7) + 2 * HOUR
    assert busiest_week_hours(intervals=[(long_end - 24 * HOUR, long_end)], around=around) == 4


@override_settings(VOLUNTEERS_WEEKLY_HOURS_LIMIT=10)
def test_up_to_the_limit_is_allowed_and_one_hour_past_it_is_refused(shift_at, volunteer):
    signup_create(volunteer=volunteer, shift=shift_at(3, 4))
    signup_create(volunteer=volunteer, shift=shift_at(5, 4))
    signup_create(volunteer=volunteer, shift=shift_at(7, 2))  # 10 hours within 7 days: the limit itself

    with pytest.raises(VolunteerError) as refused:
        signup_create(volunteer=volunteer, shift=shift_at(8, 1))
    assert refused.value.code == "weekly_hours"
    assert refused.value.params == {"hours": "11", "limit": 10}
    assert Signup.objects.filter(volunteer=volunteer).count() == 3

    # Eight days after the first shift, the window no longer holds it.
    signup_create(volunteer=volunteer, shift=shift_at(11, 4))


@override_settings(VOLUNTEERS_WEEKLY_HOURS_LIMIT=6)
def test_a_waitlisted_place_counts_and_a_cancelled_one_does_not(shift_at, volunteer, volunteer_factory):
    full = shift_at(3, 4)
    full.capacity = 1
    full.save(update_fields=["capacity"])
    signup_create(volunteer=volunteer_factory(), shift=full)
    waiting = signup_create(volunteer=volunteer, shift=full)
    assert waiting.status == SignupStatus.WAITLISTED
    with pytest.raises(VolunteerError):
        signup_create(volunteer=volunteer, shift=shift_at(4, 3))
    signup_cancel(signup=waiting, actor=volunteer)
    signup_create(volunteer=volunteer, shift=shift_at(4, 3))


@override_settings(VOLUNTEERS_WEEKLY_HOURS_LIMIT=0)
def test_no_limit_when_it_is_zero(shift_at, volunteer):
    for day in (2, 3, 4):
        signup_create(volunteer=volunteer, shift=shift_at(day, 20, hour=2))
    assert Signup.objects.filter(volunteer=volunteer).count() == 3


@override_settings(VOLUNTEERS_WEEKLY_HOURS_LIMIT=5)
def test_the_refusal_is_shown_next_to_the_shift_in_the_visitors_language(client, shift_at, volunteer):
    signup_create(volunteer=volunteer, shift=shift_at(3, 4))
    shift = shift_at(4, 2)
    client.force_login(volunteer)
    with translation.override("ru"):
        url = reverse("events:signup", kwargs={"shift_id": shift.pk})
    response = client.post(url)
    assert response.status_code == 409
    assert "волонтёрство за 7 дней составит 6 ч при пределе 5 ч" in response.content.decode()
    assert not Signup.objects.filter(shift=shift).exists()


def test_the_coordinator_sees_who_is_over_the_limit_on_the_attendance_list(
    client, shift_at, coordinator, volunteer, volunteer_factory
):
    shift = shift_at(4, 4)
    rested = volunteer_factory()
    for person in (volunteer, rested):
        signup_create(volunteer=person, shift=shift)
    signup_create(volunteer=volunteer, shift=shift_at(5, 6))
    client.force_login(coordinator)
    with translation.override("en"):
        url = reverse("events_manage:attendance", kwargs={"shift_id": shift.pk})

    with override_settings(VOLUNTEERS_WEEKLY_HOURS_LIMIT=8):  # lowered after they signed up
        page = client.get(url).content.decode()
    assert page.count("10 h in 7 days: over the limit of 8 h") == 1

    with override_settings(VOLUNTEERS_WEEKLY_HOURS_LIMIT=40):
        assert "over the limit" not in client.get(url).content.decode()


def _overview(client, user):
    client.force_login(user)
    with translation.override("en"):
        return client.get(reverse("events_manage:weekly_limit"))


@override_settings(VOLUNTEERS_WEEKLY_HOURS_LIMIT=8)
def test_the_coordinators_overview_counts_sign_ups_at_every_organisation(
    client, event_factory, coordinator, coordinator_factory, other_organisation, volunteer, volunteer_factory
):
    other_coordinator = coordinator_factory(organisation=other_organisation)
    with override_settings(VOLUNTEERS_WEEKLY_HOURS_LIMIT=40):
        ours = event_factory(shifts=[(at(4, 9), at(4, 15), 5)], days=4).shifts.get()
        theirs = event_factory(
            shifts=[(at(5, 9), at(5, 13), 5)],
            days=5,
            organisation_=other_organisation,
            actor=other_coordinator,
        ).shifts.get()
        signup_create(volunteer=volunteer, shift=ours)
        signup_create(volunteer=volunteer, shift=theirs)  # 6 + 4 = 10 h within 7 days
        signup_create(volunteer=volunteer_factory(), shift=ours)  # 6 h: under the limit

    page = _overview(client, coordinator).content.decode()
    assert page.count("<tr>") == 2  # the header and one person
    assert volunteer.get_full_name() in page and ">10<" in page

    # The other organisation's coordinator sees the same person through their own shift.
    page = _overview(client, other_coordinator).content.decode()
    assert volunteer.get_full_name() in page


def test_the_overview_is_for_coordinators_and_its_queries_do_not_grow_with_the_people(
    client, event_factory, coordinator, volunteer, volunteer_factory
):
    assert _overview(client, volunteer).status_code in (403, 404)
    shift = event_factory(shifts=[(at(4, 9), at(4, 17), 50)], days=4).shifts.get()
    signup_create(volunteer=volunteer, shift=shift)
    client.force_login(coordinator)
    with translation.override("en"):
        url = reverse("events_manage:weekly_limit")
    client.get(url)  # the site's menus and settings are cached from here on
    with override_settings(VOLUNTEERS_WEEKLY_HOURS_LIMIT=4), CaptureQueriesContext(connection) as one:
        assert volunteer.get_full_name() in client.get(url).content.decode()
    for _ in range(5):
        signup_create(volunteer=volunteer_factory(), shift=shift)
    with override_settings(VOLUNTEERS_WEEKLY_HOURS_LIMIT=4), CaptureQueriesContext(connection) as six:
        assert client.get(url).content.decode().count("<tr>") == 7
    assert len(six.captured_queries) == len(one.captured_queries)
