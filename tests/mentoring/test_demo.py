"""The demo's mentoring (cms/demo_mentoring.py): a children's home run by the demo coordinator, its mentors,
children and one active pair whose acknowledged meeting is in the mentor's book; a second run makes
nothing."""

from decimal import Decimal

import pytest

from cms.demo_mentoring import mentoring_demo_ensure
from volunteers.mentoring.models import Meeting, Mentee, Mentor, Mentorship, MentorStatus
from volunteers.mentoring.permissions import mentees_visible_to
from volunteers.models import EntryKind, LedgerEntry, User
from volunteers.services.reference import DEMO_DOMAIN, demo_accounts_ensure

pytestmark = pytest.mark.django_db


def test_the_demo_mentoring_and_a_second_run_that_changes_nothing(seeded):
    demo_accounts_ensure()
    assert mentoring_demo_ensure() == {"centres": 1, "pairs": 1, "applications": 1}
    coordinator = User.objects.get(email=f"coordinator@{DEMO_DOMAIN}")
    assert mentees_visible_to(coordinator).count() == Mentee.objects.count() == 8
    assert Mentor.objects.filter(status=MentorStatus.APPROVED).count() == 5
    assert Mentor.objects.get(volunteer__email=f"volunteer@{DEMO_DOMAIN}").status == MentorStatus.APPLIED
    pair = Mentorship.objects.get()
    assert pair.status == "active" and pair.last_meeting_on is not None
    assert Meeting.objects.filter(acknowledged_at__isnull=False).count() == 1
    entry = LedgerEntry.objects.get(kind=EntryKind.MENTORING_HOURS)
    assert entry.volunteer == pair.mentor.volunteer and entry.hours == Decimal("1.50")

    assert mentoring_demo_ensure() == {"centres": 0, "pairs": 0, "applications": 0}
    assert (Mentor.objects.count(), Mentee.objects.count(), Meeting.objects.count()) == (6, 8, 2)
    assert LedgerEntry.objects.filter(kind=EntryKind.MENTORING_HOURS).count() == 1
