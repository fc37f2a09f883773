import datetime as dt

import pytest

from events.models import Shift, Signup, SignupStatus
from events.services.signups import signup_create
from tests.events.conftest import at
from volunteers.services.privacy import volunteer_data_export, volunteer_erase

pytestmark = pytest.mark.django_db


def test_erasing_a_volunteer_frees_their_place_for_the_waitlist(event_factory, volunteer_factory):
    start = at(7, 9)
    shift = event_factory(shifts=[(start, start + dt.timedelta(hours=2), 1)]).shifts.get()
    leaving, waiting = volunteer_factory(), volunteer_factory()
    signup_create(volunteer=leaving, shift=shift)
    queued = signup_create(volunteer=waiting, shift=shift)

    volunteer_erase(user=leaving, actor=leaving, reason="consent_withdrawn")

    assert Signup.objects.get(volunteer=leaving).status == SignupStatus.CANCELLED
    assert Signup.objects.get(pk=queued.pk).status == SignupStatus.CONFIRMED
    shift = Shift.objects.get(pk=shift.pk)
    assert (shift.confirmed_count, shift.waitlist_count) == (1, 0)


def test_the_data_export_lists_the_volunteers_sign_ups_only(event_factory, volunteer_factory):
    shift = event_factory(title={"en": "Tree planting"}).shifts.get()
    mine, other = volunteer_factory(), volunteer_factory()
    signup_create(volunteer=mine, shift=shift)
    signup_create(volunteer=other, shift=shift)
    exported = volunteer_data_export(user=mine)["event_signups"]
    assert len(exported) == 1
    assert exported[0]["event"]["en"] == "Tree planting" and exported[0]["status"] == "confirmed"
