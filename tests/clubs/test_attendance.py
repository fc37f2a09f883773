"""Attendance at a club's sessions and the masters' hours in their volunteer book, through the services:
once per session and master whatever the number of saves, corrected by a second save; a single session
cancelled."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.db.models import Sum
from django.utils import timezone

from tests.clubs.test_clubs import enrol, past_saturday
from volunteers.clubs.errors import ClubsError
from volunteers.clubs.models import Attendance, ClubSession, ClubStatus, EnrolmentStatus
from volunteers.clubs.services.attendance import attendance_record, session_cancel
from volunteers.models import AuditEntry, EntryKind, LedgerEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(club_factory, master, master_factory):
    """A club that began three weeks ago, led by two masters, with three children enrolled and one waiting."""
    second = master_factory()
    club = club_factory(starts_on=past_saturday(weeks=3), masters=[master, second])
    children = [enrol(club, name) for name in ("Айдос", "Бекзат", "Ерасыл")]
    waiting = enrol(club, "Дамир", status=EnrolmentStatus.WAITLISTED)
    past = club.sessions.filter(starts_at__lt=timezone.now()).order_by("date").first()
    return club, past, children, waiting, (master, second)


def book(master, session=None):
    entries = LedgerEntry.objects.filter(volunteer=master.volunteer, kind=EntryKind.CLUB_HOURS)
    if session is not None:
        entries = entries.filter(source=f"clubs.session:{session.pk}:{master.volunteer_id}")
    return entries.aggregate(total=Sum("hours"))["total"] or Decimal(0), entries.count()


def test_attendance_marks_each_child_and_credits_each_master_who_led(coordinator, running):
    club, session, (aidos, bekzat, yerassyl), _waiting, (first, second) = running
    attendance_record(
        session=session, by=coordinator, present=[aidos.pk, yerassyl.pk], masters=[first, second]
    )

    marks = dict(Attendance.objects.filter(session=session).values_list("enrolment_id", "present"))
    assert marks == {aidos.pk: True, bekzat.pk: False, yerassyl.pk: True}
    session.refresh_from_db()
    assert session.held_at is not None and session.recorded_by == coordinator
    assert set(session.masters.all()) == {first, second}
    entry = LedgerEntry.objects.get(volunteer=first.volunteer)
    assert (entry.kind, entry.hours, entry.occurred_on, entry.status) == (
        EntryKind.CLUB_HOURS, Decimal("2.00"), session.date, "verified",
    )  # fmt: skip
    assert entry.source == f"clubs.session:{session.pk}:{first.volunteer_id}"
    assert entry.subject == f"clubs.club:{club.pk}"
    assert (entry.organisation, entry.region, entry.direction.slug) == (
        club.organisation,
        club.region,
        "asyl-mura",
    )
    assert entry.title == dict(club.title) and entry.verified_by == coordinator
    assert book(second) == (Decimal("2.00"), 1)
    audit = AuditEntry.objects.get(action="clubs.attendance.recorded")
    assert (audit.data["present"], audit.data["absent"], audit.data["corrected"]) == (2, 1, False)


def test_saving_again_corrects_the_marks_and_the_hours_and_counts_once(coordinator, running):
    club, session, (aidos, bekzat, _yerassyl), _waiting, (first, second) = running
    attendance_record(session=session, by=coordinator, present=[aidos.pk], masters=[first, second])
    attendance_record(session=session, by=coordinator, present=[aidos.pk], masters=[first, second])
    assert book(first) == (Decimal("2.00"), 1)  # the same save twice: counted once

    # The second master did not lead after all, and Bekzat came.
    attendance_record(session=session, by=coordinator, present=[aidos.pk, bekzat.pk], masters=[first])
    assert Attendance.objects.filter(session=session).count() == 3
    assert Attendance.objects.get(session=session, enrolment=bekzat).present is True
    assert book(first) == (Decimal("2.00"), 1)
    assert book(second) == (Decimal("0.00"), 2)  # the book keeps the credit and its correction
    correction = LedgerEntry.objects.filter(volunteer=second.volunteer).order_by("pk").last()
    assert correction.hours == Decimal("-2.00") and correction.corrects is not None
    assert list(ClubSession.objects.get(pk=session.pk).masters.all()) == [first]

    attendance_record(session=session, by=coordinator, present=[], masters=[first, second])
    assert book(second) == (Decimal("2.00"), 3)
    assert AuditEntry.objects.filter(action="clubs.attendance.recorded", data__corrected=True).count() == 3


def test_a_future_a_cancelled_session_and_a_drafts_take_no_attendance(
    coordinator, running, club_factory, master
):
    club, past, _children, _waiting, _masters = running
    future = club.sessions.filter(starts_at__gt=timezone.now()).first()
    cancelled = club.sessions.filter(starts_at__lt=timezone.now()).order_by("date")[1]
    ClubSession.objects.filter(pk=cancelled.pk).update(cancelled_at=timezone.now(), cancel_reason="Snow")
    draft = club_factory(status=ClubStatus.DRAFT, starts_on=past_saturday(weeks=2))
    in_draft = draft.sessions.order_by("date").first()
    cases = [(future, "session_future"), (cancelled, "session_cancelled"), (in_draft, "session_club_draft")]
    for session, code in cases:
        with pytest.raises(ClubsError) as raised:
            attendance_record(session=session, by=coordinator, present=[], masters=[master])
        assert raised.value.code == code
    assert not Attendance.objects.exists() and not LedgerEntry.objects.exists()


def test_what_cannot_be_marked(coordinator, running, master_factory):
    club, session, (aidos, *_rest), waiting, (first, _second) = running
    stranger = master_factory()  # verified, same craft and region, but not one of this club's masters
    cases = [
        ({"present": [aidos.pk], "masters": []}, "attendance_no_master", "masters"),
        ({"present": [aidos.pk], "masters": [stranger]}, "attendance_master_unknown", "masters"),
        ({"present": [waiting.pk], "masters": [first]}, "attendance_children_changed", "present"),
    ]
    for values, code, field in cases:
        with pytest.raises(ClubsError) as raised:
            attendance_record(session=session, by=coordinator, **values)
        assert (raised.value.code, raised.value.field) == (code, field)
    assert not Attendance.objects.exists() and not LedgerEntry.objects.exists()


def test_a_master_who_led_stays_creditable_after_leaving_the_club(coordinator, running):
    club, session, _children, _waiting, (first, second) = running
    attendance_record(session=session, by=coordinator, present=[], masters=[first, second])
    club.masters.set([first])
    attendance_record(session=session, by=coordinator, present=[], masters=[first, second])
    assert book(second) == (Decimal("2.00"), 1)


def test_another_organisations_coordinator_records_nothing(coordinator_factory, other_organisation, running):
    _club, session, (aidos, *_rest), _waiting, (first, _second) = running
    outsider = coordinator_factory(other_organisation)
    with pytest.raises(ClubsError) as raised:
        attendance_record(session=session, by=outsider, present=[aidos.pk], masters=[first])
    assert raised.value.code == "session_unknown"
    with pytest.raises(ClubsError):
        session_cancel(session=session, by=outsider, reason="No")


# --- A session cancelled ------------------------------------------------------------------------------------


def test_cancelling_a_coming_session_tells_the_guardians_of_children_enrolled(
    coordinator, club_factory, django_capture_on_commit_callbacks
):
    title = {"kk": "Ағаш ою үйірмесі", "ru": "Кружок резьбы", "en": "Carving club"}
    club = club_factory(title=title)
    enrol(club, "Айдос", email="mother@example.kz", language="ru")
    enrol(club, "Дамир", status=EnrolmentStatus.WAITLISTED, email="aunt@example.kz", language="en")
    first, following = club.sessions.order_by("date")[:2]
    with pytest.raises(ClubsError) as raised:
        session_cancel(session=first, by=coordinator, reason="")
    assert (raised.value.code, raised.value.field) == ("session_cancel_reason", "reason")

    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=first, by=coordinator, reason="Нет света")
    first.refresh_from_db()
    assert first.cancelled_at is not None and first.cancel_reason == "Нет света"
    [message] = mail.outbox  # the waitlisted child's guardian has no session to miss
    assert message.to == ["mother@example.kz"]
    assert "Кружок резьбы" in message.subject and "Нет света" in message.body
    assert following.date.strftime("%Y") in message.body

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        session_cancel(session=first, by=coordinator, reason="Again")
    assert callbacks == [] and len(mail.outbox) == 1
    assert AuditEntry.objects.filter(action="clubs.session.cancelled").count() == 1


def test_a_session_with_attendance_is_not_cancelled_and_a_past_one_is_quietly(
    coordinator, running, django_capture_on_commit_callbacks
):
    club, session, (aidos, *_rest), _waiting, (first, _second) = running
    aidos.guardian_email = "mother@example.kz"
    aidos.save(update_fields=["guardian_email"])
    attendance_record(session=session, by=coordinator, present=[aidos.pk], masters=[first])
    with pytest.raises(ClubsError) as raised:
        session_cancel(session=session, by=coordinator, reason="Mistake")
    assert raised.value.code == "session_held"
    # A past session that did not take place is cancelled so that it waits for no attendance; nobody is told.
    other = club.sessions.filter(starts_at__lt=timezone.now(), held_at__isnull=True).first()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        session_cancel(session=other, by=coordinator, reason="The hall was closed")
    assert callbacks == [] and mail.outbox == []
    assert other.date < timezone.localdate() + dt.timedelta(days=1)
