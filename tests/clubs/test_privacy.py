"""The clubs' part of a person's data (volunteers/clubs/privacy.py): what a master and a guardian find in
their export, and what erasing their account does to their declarations, photos, clubs and enrolments."""

import pytest
from django.utils import timezone
from wagtail.images import get_image_model

from tests.clubs.conftest import born_aged
from tests.cms.conftest import image_create
from volunteers.clubs.models import Enrolment, EnrolmentStatus, MasterPhoto, MasterStatus
from volunteers.models import AuditEntry
from volunteers.services.privacy import volunteer_data_export, volunteer_erase

pytestmark = pytest.mark.django_db


def _enrol(club, name, guardian=None, status=EnrolmentStatus.ENROLLED) -> Enrolment:
    born = born_aged(9)
    return Enrolment.objects.create(
        club=club, child_name=name, child_birth_date=born, child_key=Enrolment.key_of(name, born),
        guardian=guardian, guardian_name="Сәуле Серікова", guardian_phone="+77010000001", status=status,
        consent_version=1, consent_language="kk", consent_method="online", consent_at=timezone.now(),
        enrolled_at=timezone.now() if status == EnrolmentStatus.ENROLLED else None,
    )  # fmt: skip


@pytest.fixture
def led(master, club):
    """The master's club with its first session held (led by them) and the next one to come (also theirs)."""
    held, coming = club.sessions.order_by("date")[:2]
    held.held_at = timezone.now()
    held.save(update_fields=["held_at"])
    held.masters.set([master])
    coming.masters.set([master])
    MasterPhoto.objects.create(
        master=master, image=image_create("Spoon"), caption="A carved spoon", approved_at=timezone.now()
    )
    return {"master": master, "club": club, "held": held, "coming": coming}


def test_a_masters_export(led):
    master, club = led["master"], led["club"]
    section = volunteer_data_export(user=master.volunteer)["clubs"]
    [declared] = section["crafts_declared"]
    assert declared["craft"] == "woodwork" and declared["status"] == MasterStatus.VERIFIED
    assert declared["story"] == "Forty years of carving."
    assert [photo["caption"] for photo in declared["photos"]] == ["A carved spoon"]
    assert [row["club"] for row in section["clubs_led"]] == [club.pk]
    assert section["clubs_led"][0]["title"]["en"] == "Woodwork club"
    sessions = section["sessions_led"]
    assert [row["date"] for row in sessions] == [led["held"].date.isoformat(), led["coming"].date.isoformat()]
    assert sessions[0]["held_at"] is not None and sessions[1]["held_at"] is None
    assert section["enrolments_made"] == []


def test_a_guardians_export_holds_their_enrolments_only(club, volunteer_factory):
    parent, other = volunteer_factory(age=38), volunteer_factory(age=40)
    _enrol(club, "Айдос", guardian=parent)
    _enrol(club, "Нұр", guardian=other, status=EnrolmentStatus.WAITLISTED)
    section = volunteer_data_export(user=parent)["clubs"]
    [row] = section["enrolments_made"]
    assert row["child_name"] == "Айдос" and row["club"] == club.pk and row["status"] == "enrolled"
    assert row["club_title"]["en"] == "Woodwork club" and row["consent"]["method"] == "online"
    assert section["crafts_declared"] == section["clubs_led"] == section["sessions_led"] == []


def test_nothing_about_clubs_no_section(volunteer):
    assert volunteer_data_export(user=volunteer)["clubs"] is None


def test_erasing_a_master(led, coordinator):
    master, club = led["master"], led["club"]
    image_id = master.photos.get().image_id
    volunteer_erase(user=master.volunteer, actor=coordinator, reason="consent_withdrawn")

    master.refresh_from_db()
    assert master.status == MasterStatus.WITHDRAWN
    assert (master.story, master.years, master.decline_reason) == ("", None, "")
    assert not MasterPhoto.objects.filter(master=master).exists()
    assert not get_image_model().objects.filter(pk=image_id).exists()
    assert not club.masters.exists()
    # The session held keeps who led it (the hours were credited from it); the one to come does not.
    assert list(led["held"].masters.all()) == [master]
    assert not led["coming"].masters.exists()
    assert AuditEntry.objects.filter(action="clubs.master.withdrawn", subject=master.volunteer).exists()


def test_erasing_a_declined_master_keeps_the_decision(master_factory):
    declined = master_factory(status=MasterStatus.DECLINED)
    declined.decline_reason = "Not a craft we can verify"
    declined.save(update_fields=["decline_reason"])
    volunteer_erase(user=declined.volunteer, actor=None, reason="consent_withdrawn")
    declined.refresh_from_db()
    assert declined.status == MasterStatus.DECLINED and declined.decline_reason == ""
    assert not AuditEntry.objects.filter(action="clubs.master.withdrawn").exists()


def test_erasing_a_guardian_clears_the_link_only(club, volunteer_factory):
    parent, other = volunteer_factory(age=38), volunteer_factory(age=40)
    mine = _enrol(club, "Айдос", guardian=parent)
    theirs = _enrol(club, "Нұр", guardian=other)
    volunteer_erase(user=parent, actor=parent, reason="consent_withdrawn")
    mine.refresh_from_db()
    assert mine.guardian is None
    # The club's record of the child stays, under the consent given for the child's data.
    assert mine.status == EnrolmentStatus.ENROLLED and mine.child_name == "Айдос"
    assert Enrolment.objects.get(pk=theirs.pk).guardian == other
