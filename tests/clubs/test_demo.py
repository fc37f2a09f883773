"""The demo's silver volunteering (cms/demo_clubs.py): the programme page in three languages, two verified
masters, the two clubs of the roadmap with their schedule, children and one session held whose hours are in
the master's book; a second run makes nothing."""

from decimal import Decimal

import pytest
from django.utils import translation

from cms.demo_clubs import clubs_demo_ensure
from cms.models import SilverProgrammePage
from volunteers.clubs.models import (
    Attendance,
    Audience,
    Club,
    ClubStatus,
    Enrolment,
    EnrolmentStatus,
    Master,
    MasterPhoto,
    MasterStatus,
)
from volunteers.models import EntryKind, LedgerEntry, User
from volunteers.services.reference import DEMO_DOMAIN, demo_accounts_ensure

pytestmark = pytest.mark.django_db

# What every run leaves: nothing more, nothing less.
COUNTS = {"masters": 2, "photos": 2, "clubs": 2, "enrolments": 13, "attendance": 5, "hours": 1}


def _counts() -> dict:
    return {
        "masters": Master.objects.count(),
        "photos": MasterPhoto.objects.count(),
        "clubs": Club.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "attendance": Attendance.objects.count(),
        "hours": LedgerEntry.objects.filter(kind=EntryKind.CLUB_HOURS).count(),
    }


def test_the_demo_clubs_and_a_second_run_that_changes_nothing(seeded, client):
    demo_accounts_ensure()
    made = clubs_demo_ensure()
    assert made == {"pages": 1, "translations": 2, "masters": 2, "clubs": 2}
    assert _counts() == COUNTS
    coordinator = User.objects.get(email=f"coordinator@{DEMO_DOMAIN}")

    boys = Club.objects.get(audience=Audience.BOYS)
    girls = Club.objects.get(audience=Audience.GIRLS)
    assert boys.title["kk"] == "Ата көрген оқ жонар" and girls.title["kk"] == "Ана көрген тон пішер"
    for club in (boys, girls):
        assert club.status == ClubStatus.OPEN and club.region.iso_code == "KZ-75"
        assert coordinator.memberships.filter(organisation=club.organisation).exists()
        [master] = club.masters.all()
        assert master.status == MasterStatus.VERIFIED and master.craft == club.craft
        assert master.volunteer.profile.is_silver and not master.volunteer.has_usable_password()
        assert master.photos.filter(approved_at__isnull=False).count() == 1
        assert club.sessions.count() == 14
        assert all(session.date.weekday() in club.weekdays for session in club.sessions.all())
        enrolments = club.enrolments.all()
        assert club.enrolled_count == sum(e.status == EnrolmentStatus.ENROLLED for e in enrolments)
        assert club.waitlist_count == sum(e.status == EnrolmentStatus.WAITLISTED for e in enrolments)
        assert all(club.accepts_age(e.child_birth_date) for e in enrolments)
    assert girls.is_full and girls.waitlist_count == 2
    assert boys.places_left == 3

    [held] = boys.sessions.filter(held_at__isnull=False)
    assert list(held.masters.all()) == list(boys.masters.all())
    assert held.attendance.filter(present=True).count() == 4
    entry = LedgerEntry.objects.get(kind=EntryKind.CLUB_HOURS)
    assert entry.volunteer == boys.masters.get().volunteer and entry.hours == Decimal("2.00")
    assert entry.source == f"clubs.session:{held.pk}:{entry.volunteer_id}"
    assert entry.subject == f"clubs.club:{boys.pk}"
    assert not girls.sessions.filter(held_at__isnull=False).exists()

    assert clubs_demo_ensure() == {"pages": 0, "translations": 0, "masters": 0, "clubs": 0}
    assert _counts() == COUNTS

    for code, title in (
        ("kk", "Күміс волонтерлік"),
        ("ru", "Серебряное волонтёрство"),
        ("en", "Silver volunteering"),
    ):
        page = SilverProgrammePage.objects.get(locale__language_code=code)
        assert page.live and page.alias_of_id is None
        with translation.override(code):
            response = client.get(page.url)
        assert response.status_code == 200
        assert title in response.text
        assert "+7 727 000 00 00" in response.text  # Almaty's front office, its phone given by the demo
