"""A club's sessions as they happen: the attendance of the children enrolled, the masters who led each session
(their hours reach their volunteer book), and a single session cancelled.

- Attendance is taken for a day of the club's series that has begun and was not cancelled; saving again
  corrects the marks and the hours (a master ticked off has the session's hours taken back by a correction in
  the book: the book is never edited in place).
- Each master who led has the session's length in hours once, whatever the number of saves: the book's source
  is the session and the master.
- A cancelled session takes no attendance and counts nowhere; a session with attendance cannot be cancelled.
Every change locks the session's row and re-checks its state.
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import formats, timezone

from volunteers.audit import audit_log
from volunteers.clubs.errors import ClubsError
from volunteers.clubs.models import Attendance, ClubSession, ClubStatus, Enrolment, EnrolmentStatus, Master
from volunteers.clubs.permissions import sessions_managed_by
from volunteers.clubs.services.clubs import REASON_MAX, guardians_tell
from volunteers.models import Direction, EntryKind
from volunteers.services.ledger import ledger_hours_credit

DIRECTION = "asyl-mura"  # Birgemiz: Asyl mura, the historical and cultural heritage


def session_hours(session: ClubSession) -> Decimal:
    seconds = Decimal((session.ends_at - session.starts_at).total_seconds())
    return (seconds / 3600).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def session_source(session: ClubSession, master: Master) -> str:
    return f"clubs.session:{session.pk}:{master.volunteer_id}"


def _day(day: dt.date) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def _locked(*, session: ClubSession, by) -> ClubSession:
    row = sessions_managed_by(by).select_for_update().filter(pk=session.pk).first()
    if row is None:
        raise ClubsError("session_unknown")
    return row


def attendance_refusal(session: ClubSession, *, now: dt.datetime | None = None) -> ClubsError | None:
    """Why attendance cannot be taken at this session now, or None."""
    if session.cancelled_at is not None:
        return ClubsError("session_cancelled", field="day", date=_day(session.date))
    if session.starts_at > (now or timezone.now()):
        return ClubsError("session_future", field="day", date=_day(session.date))
    if session.club.status == ClubStatus.DRAFT:
        return ClubsError("session_club_draft", field="day")
    return None


@transaction.atomic
def attendance_record(*, session: ClubSession, by, present, masters) -> ClubSession:
    """Mark each child enrolled present (the ids in `present`) or absent, and credit the session's hours to
    each master in `masters` (taking them back from a master no longer ticked)."""
    session = _locked(session=session, by=by)
    club = session.club
    refusal = attendance_refusal(session)
    if refusal is not None:
        raise refusal
    enrolled = set(
        Enrolment.objects.filter(club=club, status=EnrolmentStatus.ENROLLED).values_list("pk", flat=True)
    )
    present = {int(pk) for pk in present or []}
    if not present <= enrolled:
        raise ClubsError("attendance_children_changed", field="present")
    led_before = {master.pk: master for master in session.masters.select_related("volunteer")}
    allowed = {master.pk: master for master in club.masters.select_related("volunteer")} | led_before
    chosen = {int(getattr(master, "pk", master)) for master in masters or []}
    if not chosen:
        raise ClubsError("attendance_no_master", field="masters")
    if not chosen <= allowed.keys():
        raise ClubsError("attendance_master_unknown", field="masters")

    marks = {mark.enrolment_id: mark for mark in Attendance.objects.filter(session=session)}
    changed, added = [], []
    for pk in sorted(enrolled):
        mark = marks.get(pk)
        if mark is None:
            added.append(Attendance(session=session, enrolment_id=pk, present=pk in present))
        elif mark.present != (pk in present):
            mark.present = pk in present
            changed.append(mark)
    Attendance.objects.bulk_create(added)
    Attendance.objects.bulk_update(changed, ["present"])

    hours = session_hours(session)
    direction = Direction.objects.filter(slug=DIRECTION).first()
    title = {code: text for code, text in dict(club.title).items() if text}
    for pk in sorted(chosen | led_before.keys()):
        master = allowed[pk]
        ledger_hours_credit(
            volunteer=master.volunteer,
            hours=hours if pk in chosen else Decimal(0),
            occurred_on=session.date,
            source=session_source(session, master),
            verified_by=by,
            kind=EntryKind.CLUB_HOURS,
            title=title,
            organisation=club.organisation,
            direction=direction,
            region=club.region,
            subject=f"clubs.club:{club.pk}",
        )
    session.masters.set(sorted(chosen))
    corrected = session.held_at is not None
    session.held_at = session.held_at or timezone.now()
    session.recorded_by = by
    session.save(update_fields=["held_at", "recorded_by"])
    audit_log(
        actor=by, action="clubs.attendance.recorded", club=club.pk, session=session.pk,
        date=session.date.isoformat(), present=len(present), absent=len(enrolled - present),
        masters=sorted(chosen), corrected=corrected,
    )  # fmt: skip
    return session


@transaction.atomic
def session_cancel(*, session: ClubSession, by, reason: str) -> ClubSession:
    """Cancel one session: it takes no attendance and counts nowhere. The guardians of the children enrolled
    are told when it is still to come. Repeating it changes nothing."""
    session = _locked(session=session, by=by)
    if session.cancelled_at is not None:
        return session
    if session.held_at is not None:
        raise ClubsError("session_held", field="day", date=_day(session.date))
    if session.club.status == ClubStatus.CANCELLED:
        raise ClubsError("club_cancelled")
    reason = " ".join((reason or "").split())[:REASON_MAX]
    if not reason:
        raise ClubsError("session_cancel_reason", field="reason")
    session.cancelled_at = timezone.now()
    session.cancel_reason = reason
    session.save(update_fields=["cancelled_at", "cancel_reason"])
    audit_log(
        actor=by, action="clubs.session.cancelled", club=session.club_id, session=session.pk,
        date=session.date.isoformat(), reason=reason,
    )  # fmt: skip
    if session.starts_at > session.cancelled_at:
        session_id = session.pk
        transaction.on_commit(lambda: session_cancelled_notify(session_id=session_id), robust=True)
    return session


def session_cancelled_notify(*, session_id: int) -> int:
    """After the commit: the guardians of the children enrolled hear of the cancelled session."""
    session = ClubSession.objects.select_related("club__organisation").filter(pk=session_id).first()
    if session is None or session.cancelled_at is None:
        return 0
    club = session.club
    following = (
        club.sessions.filter(date__gt=session.date, cancelled_at__isnull=True).order_by("date").first()
    )
    enrolments = Enrolment.objects.filter(club=club, status=EnrolmentStatus.ENROLLED).exclude(
        guardian_email=""
    )
    return guardians_tell(
        enrolments=enrolments.order_by("pk"),
        template="club_session_cancelled",
        context={"club": club, "session": session, "reason": session.cancel_reason, "following": following},
    )
