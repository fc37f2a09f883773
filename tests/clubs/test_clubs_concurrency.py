"""The same clicks at the same moment, with real concurrent transactions (PostgreSQL row locks): attendance
saved four times credits each master's hours once; a club cancelled by two coordinators at once tells each
guardian once."""

from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from tests.clubs.test_clubs import enrol, past_saturday
from tests.events.test_concurrency import _together
from volunteers.clubs.models import Attendance, ClubStatus
from volunteers.clubs.services.attendance import attendance_record
from volunteers.clubs.services.clubs import club_cancel
from volunteers.models import AuditEntry, LedgerEntry

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (.ci/run runs it)"
    ),
]


def test_attendance_saved_four_times_at_once_credits_the_hours_once(
    club_factory, master, coordinator, coordinator_factory, organisation
):
    colleague = coordinator_factory(organisation, email="colleague@example.kz")
    club = club_factory(starts_on=past_saturday(weeks=2))
    children = [enrol(club, name) for name in ("Айдос", "Бекзат")]
    session = club.sessions.filter(starts_at__lt=timezone.now()).order_by("date").first()

    def save(by):
        attendance_record(session=session, by=by, present=[children[0].pk], masters=[master])

    errors = _together(save, [coordinator, colleague, coordinator, colleague])

    assert errors == []
    entries = LedgerEntry.objects.filter(volunteer=master.volunteer)
    assert entries.count() == 1 and entries.aggregate(total=Sum("hours"))["total"] == Decimal("2.00")
    assert Attendance.objects.filter(session=session).count() == 2


def test_a_club_cancelled_by_two_coordinators_at_once_tells_each_guardian_once(
    club_factory, coordinator, coordinator_factory, organisation
):
    colleague = coordinator_factory(organisation, email="colleague@example.kz")
    club = club_factory()
    enrol(club, "Айдос", email="mother@example.kz")

    errors = _together(
        lambda by: club_cancel(club=club, by=by, reason="No hall"), [coordinator, colleague, coordinator]
    )

    assert errors == []
    club.refresh_from_db()
    assert club.status == ClubStatus.CANCELLED
    assert AuditEntry.objects.filter(action="clubs.club.cancelled").count() == 1
    assert [message.to for message in mail.outbox] == [["mother@example.kz"]]
