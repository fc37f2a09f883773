import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from config.errors import DomainError
from events.models import Shift, Signup, SignupStatus
from events.services.signups import signup_cancel, signup_create
from tests.events.conftest import at

pytestmark = pytest.mark.django_db


def test_a_full_shift_puts_the_next_volunteer_on_the_waitlist(event_factory, volunteer_factory):
    start = at(7, 9)
    event = event_factory(shifts=[(start, start + dt.timedelta(hours=2), 1)])
    shift = event.shifts.get()
    first = signup_create(volunteer=volunteer_factory(), shift=shift)
    second = signup_create(volunteer=volunteer_factory(), shift=shift)
    assert (first.status, second.status) == (SignupStatus.CONFIRMED, SignupStatus.WAITLISTED)
    shift.refresh_from_db()
    assert (shift.confirmed_count, shift.waitlist_count) == (1, 1)


def test_cancelling_promotes_the_first_on_the_waitlist(event_factory, volunteer_factory):
    start = at(7, 9)
    shift = event_factory(shifts=[(start, start + dt.timedelta(hours=2), 1)]).shifts.get()
    first = signup_create(volunteer=volunteer_factory(), shift=shift)
    second = signup_create(volunteer=volunteer_factory(), shift=shift)
    third = signup_create(volunteer=volunteer_factory(), shift=shift)
    signup_cancel(signup=first, actor=first.volunteer)
    statuses = dict(Signup.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "cancelled", second.pk: "confirmed", third.pk: "waitlisted"}
    shift.refresh_from_db()
    assert (shift.confirmed_count, shift.waitlist_count) == (1, 1)


def test_no_two_overlapping_shifts(event_factory, volunteer):
    start = at(7, 9)
    one = event_factory(shifts=[(start, start + dt.timedelta(hours=3), 5)]).shifts.get()
    other = event_factory(
        shifts=[(start + dt.timedelta(hours=2), start + dt.timedelta(hours=4), 5)]
    ).shifts.get()
    signup_create(volunteer=volunteer, shift=one)
    with pytest.raises(DomainError) as refused:
        signup_create(volunteer=volunteer, shift=other)
    assert refused.value.code == "overlap"


def test_back_to_back_shifts_do_not_overlap(event_factory, volunteer):
    start = at(7, 9)
    one = event_factory(shifts=[(start, start + dt.timedelta(hours=3), 5)]).shifts.get()
    other = event_factory(
        shifts=[(start + dt.timedelta(hours=3), start + dt.timedelta(hours=5), 5)]
    ).shifts.get()
    signup_create(volunteer=volunteer, shift=one)
    assert signup_create(volunteer=volunteer, shift=other).status == SignupStatus.CONFIRMED


@pytest.mark.parametrize(
    ("age", "fields", "code"),
    [
        (17, {"adults_only": True}, "adults_only"),
        (15, {"min_age": 16}, "below_min_age"),
    ],
)
def test_minors_are_refused_with_the_reason(event_factory, volunteer_factory, age, fields, code):
    shift = event_factory(**fields).shifts.get()
    with pytest.raises(DomainError) as refused:
        signup_create(volunteer=volunteer_factory(age=age), shift=shift)
    assert refused.value.code == code
    assert not Signup.objects.exists()


def test_a_minor_without_the_guardians_consent_is_refused(event_factory, volunteer_factory):
    shift = event_factory().shifts.get()
    with pytest.raises(DomainError) as refused:
        signup_create(volunteer=volunteer_factory(age=15, guardian=False), shift=shift)
    assert refused.value.code == "guardian_pending"


def test_signing_up_twice_is_refused(event_factory, volunteer):
    shift = event_factory().shifts.get()
    signup_create(volunteer=volunteer, shift=shift)
    with pytest.raises(DomainError) as refused:
        signup_create(volunteer=volunteer, shift=shift)
    assert refused.value.code == "already_signed_up"
    assert Shift.objects.get(pk=shift.pk).confirmed_count == 1


@pytest.mark.parametrize("state", ["draft", "cancelled", "past"])
def test_no_sign_up_to_a_draft_cancelled_or_past_event(event_factory, volunteer, coordinator, state):
    from events.services.events import event_cancel

    event = event_factory(publish=state != "draft")
    if state == "cancelled":
        event_cancel(event=event, actor=coordinator)
    shift = event.shifts.get()
    with (
        time_machine.travel(shift.starts_at + dt.timedelta(minutes=1) if state == "past" else timezone.now()),
        pytest.raises(DomainError) as refused,
    ):
        signup_create(volunteer=volunteer, shift=shift)
    assert (
        refused.value.code
        == {"draft": "not_published", "cancelled": "event_cancelled", "past": "shift_started"}[state]
    )


def test_cancellation_closes_at_the_events_deadline(event_factory, volunteer):
    shift = event_factory(cancel_hours_before=48).shifts.get()
    signup = signup_create(volunteer=volunteer, shift=shift)
    with time_machine.travel(shift.starts_at - dt.timedelta(hours=47)), pytest.raises(DomainError) as refused:
        signup_cancel(signup=signup, actor=volunteer)
    assert refused.value.code == "cancel_deadline_passed"
    assert Signup.objects.get(pk=signup.pk).status == SignupStatus.CONFIRMED


def test_signing_up_again_after_cancelling_goes_to_the_end_of_the_queue(event_factory, volunteer_factory):
    start = at(7, 9)
    shift = event_factory(shifts=[(start, start + dt.timedelta(hours=2), 1)]).shifts.get()
    first, second = volunteer_factory(), volunteer_factory()
    mine = signup_create(volunteer=first, shift=shift)
    signup_create(volunteer=second, shift=shift)
    signup_cancel(signup=mine, actor=first)
    again = signup_create(volunteer=first, shift=shift)
    assert again.pk == mine.pk and again.status == SignupStatus.WAITLISTED
