"""The clubs on the account page: a silver volunteer is offered to declare a craft, a master sees their
crafts, a guardian their children's clubs; everyone else sees nothing of clubs. And the erasure's command."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from tests.clubs.conftest import born_aged
from volunteers.clubs.models import Enrolment
from volunteers.clubs.services.enrolments import enrolment_create

pytestmark = pytest.mark.django_db


def _profile_page(client, user) -> str:
    client.force_login(user)
    with translation.override("en"):
        url = reverse("account_profile")
    response = client.get(url)
    assert response.status_code == 200
    return response.text


def test_a_silver_volunteer_is_offered_to_declare_a_craft(client, silver_factory):
    text = _profile_page(client, silver_factory())
    assert "Declare your craft" in text and reverse("clubs:master_declare") in text


def test_a_retired_volunteer_under_50_is_silver_too(client, silver_factory):
    assert "Declare your craft" in _profile_page(client, silver_factory(age=45, is_retired=True))


def test_a_younger_volunteer_sees_nothing_of_clubs(client, volunteer):
    assert "Craft clubs</h2>" not in _profile_page(client, volunteer)


def test_a_master_sees_their_crafts(client, master_factory):
    master = master_factory()
    text = _profile_page(client, master.volunteer)
    assert "You are a verified master of 1 craft." in text and reverse("clubs:masters_mine") in text


def test_a_guardian_sees_their_childrens_clubs(client, club, volunteer):
    enrolment_create(
        club=club, child_name="Aidos", child_birth_date=born_aged(10), guardian_name="Aigul Serikova",
        guardian_phone="+77011234567", consent=True, guardian=volunteer,
    )  # fmt: skip
    text = _profile_page(client, volunteer)
    assert "1 of your children is in a club or on its waitlist." in text
    assert reverse("clubs:my_enrolments") in text


def test_the_erasure_command_erases_the_enrolments_of_a_club_that_ended(club):
    enrolment = enrolment_create(
        club=club, child_name="Aidos", child_birth_date=born_aged(10), guardian_name="Aigul Serikova",
        guardian_phone="+77011234567", consent=True,
    )  # fmt: skip
    club.starts_on, club.ends_on = (
        club.starts_on - dt.timedelta(days=400),
        club.starts_on - dt.timedelta(days=300),
    )
    club.save(update_fields=["starts_on", "ends_on"])
    call_command("clubs_erase_ended", stdout=open("/dev/null", "w"))  # noqa: SIM115
    enrolment = Enrolment.objects.get(pk=enrolment.pk)
    assert (enrolment.child_name, enrolment.guardian_name, enrolment.guardian_phone) == ("", "", "")
    assert enrolment.child_birth_date == born_aged(10)
