"""Capacity under a burst of sign-ups, with real concurrent transactions (PostgreSQL row locks)."""

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from events.models import Shift, Signup, SignupStatus
from events.services.signups import signup_cancel, signup_create
from tests.events.conftest import at

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (.ci/run runs it)"
    ),
]


def _together(work, items):
    """Run work(item) for every item in its own thread and connection, all released at once."""
    barrier = threading.Barrier(len(items))
    errors = []

    def run(item):
        try:
            barrier.wait()
            work(item)
        except Exception as error:  # noqa: BLE001 - collected and asserted on below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def test_fifty_concurrent_sign_ups_for_ten_places(event_factory, volunteer_factory):
    start = at(7, 9)
    shift = event_factory(shifts=[(start, start + dt.timedelta(hours=3), 10)]).shifts.get()
    volunteers = [volunteer_factory() for _i in range(50)]

    errors = _together(lambda volunteer: signup_create(volunteer=volunteer, shift=shift), volunteers)

    assert errors == []
    statuses = list(Signup.objects.filter(shift=shift).values_list("status", flat=True))
    assert statuses.count(SignupStatus.CONFIRMED) == 10
    assert statuses.count(SignupStatus.WAITLISTED) == 40
    shift = Shift.objects.get(pk=shift.pk)
    assert (shift.confirmed_count, shift.waitlist_count) == (10, 40)


def test_concurrent_cancellations_promote_exactly_as_many_from_the_waitlist(event_factory, volunteer_factory):
    start = at(7, 9)
    shift = event_factory(shifts=[(start, start + dt.timedelta(hours=3), 5)]).shifts.get()
    signups = [signup_create(volunteer=volunteer_factory(), shift=shift) for _i in range(12)]
    confirmed = [signup for signup in signups if signup.status == SignupStatus.CONFIRMED]

    errors = _together(lambda signup: signup_cancel(signup=signup, actor=signup.volunteer), confirmed)

    assert errors == []
    statuses = dict(Signup.objects.filter(shift=shift).values_list("pk", "status"))
    assert [statuses[s.pk] for s in signups[5:10]] == [SignupStatus.CONFIRMED] * 5
    assert [statuses[s.pk] for s in signups[10:]] == [SignupStatus.WAITLISTED] * 2
    shift = Shift.objects.get(pk=shift.pk)
    assert (shift.confirmed_count, shift.waitlist_count) == (5, 2)


def test_one_volunteer_racing_for_two_overlapping_shifts_gets_one(event_factory, volunteer):
    start = at(7, 9)
    first = event_factory(shifts=[(start, start + dt.timedelta(hours=3), 5)]).shifts.get()
    second = event_factory(
        shifts=[(start + dt.timedelta(hours=1), start + dt.timedelta(hours=4), 5)]
    ).shifts.get()

    errors = _together(lambda shift: signup_create(volunteer=volunteer, shift=shift), [first, second])

    assert [error.code for error in errors] == ["overlap"]
    assert Signup.objects.filter(volunteer=volunteer).count() == 1
