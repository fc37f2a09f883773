"""A pair's life after approval: active ⇄ paused → ended, the meetings its mentor logs, the coordinator's
acknowledgement that writes their hours to the mentor's volunteer book, and the reminders when no meeting is
logged for the centre's number of weeks.

Who may do what (either party may end, as on the mentoring platforms that keep pairs healthy; the centre
always sees who ended it and why):
- the centre's coordinators (mentorships_managed_by) pause, resume and end any of their pairs, and
  acknowledge meetings;
- the mentor pauses or ends their own pair, with one of the reasons a mentor can speak to (not a
  safeguarding concern or a lapsed check: those are the centre's findings); only the centre resumes a pair,
  after checking that the child's situation still fits, and only while the mentor is eligible;
- only the mentor logs the pair's meetings, and withdraws one logged by mistake before it is acknowledged.
Every change locks the pair (or the meeting), re-checks its state, and leaves an audit entry.
"""

import datetime as dt
import logging
import smtplib
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from volunteers.audit import audit_log
from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.models import EndReason, Meeting, Mentorship, MentorshipStatus, Pool
from volunteers.mentoring.permissions import mentorships_managed_by
from volunteers.mentoring.selectors import reminders_due
from volunteers.mentoring.services.eligibility import mentor_eligibility
from volunteers.models import Direction, EntryKind, LedgerEntry, Membership
from volunteers.services.ledger import ledger_hours_credit

logger = logging.getLogger(__name__)

# The verbs of the "mentorship_state" refusal: "This pair cannot be paused in its present state."
ACTIONS = {"pause": _("paused"), "resume": _("resumed"), "end": _("ended")}
MENTOR_END_REASONS = (
    EndReason.GOAL_REACHED,
    EndReason.MENTOR_UNAVAILABLE,
    EndReason.NOT_A_FIT,
    EndReason.OTHER,
)
MAX_MINUTES = 24 * 60
NOTE_LENGTH = 300
# Two identical meetings of one pair logged within this time are one submission sent twice.
REPEAT_WINDOW = dt.timedelta(minutes=1)
MEETING_TITLE = {"kk": "Тәлімгерлік кездесу", "ru": "Встреча наставника", "en": "Mentoring meeting"}
POOL_DIRECTIONS = {Pool.CHILDREN: "sabaqtastyq", Pool.NEWCOMERS: "sabaqtastyq", Pool.HOME_VISITS: "qamqor"}

COORDINATOR, MENTOR = "coordinator", "mentor"


def _manages(user, mentorship_id: int) -> bool:
    return mentorships_managed_by(user).filter(pk=mentorship_id).exists()


def _locked(*, mentorship: Mentorship, by) -> tuple[Mentorship, str]:
    """The pair's row, locked, and the part `by` plays in it; someone who plays none is refused."""
    row = Mentorship.objects.select_for_update().filter(pk=mentorship.pk).first()
    if row is None or not by.is_authenticated:
        raise MentoringError("mentorship_unknown")
    if _manages(by, row.pk):
        return row, COORDINATOR
    if row.mentor_id == by.pk:
        return row, MENTOR
    raise MentoringError("mentorship_unknown")


def _state(mentorship: Mentorship, action: str, *allowed: str) -> None:
    if mentorship.status not in allowed:
        raise MentoringError("mentorship_state", action=ACTIONS[action])


def _audit(*, by, action: str, mentorship: Mentorship, **data) -> None:
    audit_log(
        actor=by,
        action=f"mentoring.{action}",
        subject=mentorship.mentor.volunteer,
        mentorship=mentorship.pk,
        mentee=mentorship.mentee_id,
        organisation=mentorship.organisation_id,
        **data,
    )


@transaction.atomic
def mentorship_pause(*, mentorship: Mentorship, by, note: str = "") -> Mentorship:
    mentorship, role = _locked(mentorship=mentorship, by=by)
    _state(mentorship, "pause", MentorshipStatus.ACTIVE)
    mentorship.status = MentorshipStatus.PAUSED
    mentorship.paused_at = timezone.now()
    mentorship.save(update_fields=["status", "paused_at"])
    _audit(by=by, action="mentorship.paused", mentorship=mentorship, role=role,
           note=(note or "").strip()[:NOTE_LENGTH])  # fmt: skip
    return mentorship


@transaction.atomic
def mentorship_resume(*, mentorship: Mentorship, by) -> Mentorship:
    mentorship, role = _locked(mentorship=mentorship, by=by)
    if role != COORDINATOR:
        raise MentoringError("mentorship_resume_coordinator")
    _state(mentorship, "resume", MentorshipStatus.PAUSED)
    today = timezone.localdate()
    if not mentor_eligibility(mentor=mentorship.mentor, pool=mentorship.pool, on=today).ok:
        raise MentoringError("mentor_ineligible", date=formats.date_format(today, "SHORT_DATE_FORMAT"))
    mentorship.status = MentorshipStatus.ACTIVE
    mentorship.paused_at = None
    # The reminder clock starts again: the mentor has a full period to meet before the first reminder.
    mentorship.reminded_at = timezone.now()
    mentorship.save(update_fields=["status", "paused_at", "reminded_at"])
    _audit(by=by, action="mentorship.resumed", mentorship=mentorship, role=role)
    return mentorship


@transaction.atomic
def mentorship_end(*, mentorship: Mentorship, by, reason: str, note: str = "") -> Mentorship:
    mentorship, role = _locked(mentorship=mentorship, by=by)
    _state(mentorship, "end", MentorshipStatus.ACTIVE, MentorshipStatus.PAUSED)
    allowed = EndReason.values if role == COORDINATOR else [str(code) for code in MENTOR_END_REASONS]
    if reason not in allowed:
        raise MentoringError("end_reason", field="reason")
    mentorship.status = MentorshipStatus.ENDED
    mentorship.ended_on = timezone.localdate()
    mentorship.end_reason = reason
    mentorship.end_note = (note or "").strip()[:NOTE_LENGTH]
    mentorship.save(update_fields=["status", "ended_on", "end_reason", "end_note"])
    _audit(by=by, action="mentorship.ended", mentorship=mentorship, role=role, reason=reason,
           note=mentorship.end_note)  # fmt: skip
    return mentorship


# --- Meetings -----------------------------------------------------------------------------------------------


def _minutes_clean(value) -> int:
    try:
        minutes = int(str(value).strip())
    except (TypeError, ValueError):
        raise MentoringError("meeting_length", field="minutes") from None
    if not 1 <= minutes <= MAX_MINUTES:
        raise MentoringError("meeting_length", field="minutes")
    return minutes


@transaction.atomic
def meeting_log(
    *, mentorship: Mentorship, by, occurred_on: dt.date, minutes, topic: str, note: str = ""
) -> Meeting:
    """Log a meeting of the pair (its mentor only, while it is active). The same meeting sent again within a
    minute (a double click, a resubmitted form) is returned instead of a second one."""
    mentorship, _role = _locked(mentorship=mentorship, by=by)
    if mentorship.mentor_id != by.pk:
        raise MentoringError("meeting_mentor_only")
    if mentorship.status != MentorshipStatus.ACTIVE:
        raise MentoringError("meeting_not_active")
    topic = (topic or "").strip()[: Meeting._meta.get_field("topic").max_length]
    if not topic:
        raise MentoringError("meeting_topic", field="topic")
    minutes = _minutes_clean(minutes)
    if occurred_on is None or occurred_on > timezone.localdate():
        raise MentoringError("meeting_future", field="occurred_on")
    if mentorship.started_on and occurred_on < mentorship.started_on:
        raise MentoringError(
            "meeting_before_start",
            field="occurred_on",
            date=formats.date_format(mentorship.started_on, "SHORT_DATE_FORMAT"),
        )
    note = (note or "").strip()[:1000]
    repeated = (
        Meeting.objects.filter(
            mentorship=mentorship,
            occurred_on=occurred_on,
            minutes=minutes,
            topic=topic,
            logged_at__gte=timezone.now() - REPEAT_WINDOW,
        )  # fmt: skip
        .order_by("pk")
        .first()
    )
    if repeated is not None:
        return repeated
    meeting = Meeting.objects.create(
        mentorship=mentorship, occurred_on=occurred_on, minutes=minutes, topic=topic, note=note, logged_by=by
    )
    if mentorship.last_meeting_on is None or occurred_on > mentorship.last_meeting_on:
        mentorship.last_meeting_on = occurred_on
    mentorship.reminded_at = None
    mentorship.save(update_fields=["last_meeting_on", "reminded_at"])
    _audit(by=by, action="meeting.logged", mentorship=mentorship, meeting=meeting.pk, minutes=minutes)
    return meeting


@transaction.atomic
def meeting_withdraw(*, meeting: Meeting, by) -> None:
    """The mentor takes back a meeting logged by mistake, before the coordinator acknowledges it."""
    row = Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    if row is None:
        return  # withdrawn already: a repeated click
    mentorship = Mentorship.objects.select_for_update().get(pk=row.mentorship_id)
    if mentorship.mentor_id != by.pk:
        raise MentoringError("meeting_unknown")
    if row.acknowledged_at is not None:
        raise MentoringError("meeting_acknowledged")
    row.delete()
    mentorship.last_meeting_on = mentorship.meetings.aggregate(last=Max("occurred_on"))["last"]
    mentorship.save(update_fields=["last_meeting_on"])
    _audit(by=by, action="meeting.withdrawn", mentorship=mentorship, meeting=meeting.pk,
           occurred_on=row.occurred_on.isoformat(), minutes=row.minutes)  # fmt: skip


def meeting_hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _direction(pool: str, cache: dict) -> Direction | None:
    slug = POOL_DIRECTIONS.get(pool)
    if slug not in cache:
        cache[slug] = Direction.objects.filter(slug=slug).first() if slug else None
    return cache[slug]


def _acknowledge(*, meeting: Meeting, by, directions: dict) -> LedgerEntry | None:
    mentorship = meeting.mentorship
    meeting.acknowledged_by = by
    meeting.acknowledged_at = timezone.now()
    meeting.save(update_fields=["acknowledged_by", "acknowledged_at"])
    organisation = mentorship.organisation
    # Crediting also queues the mentor's stage evaluation: mentoring hours are a criterion of the path.
    entry = ledger_hours_credit(
        volunteer=mentorship.mentor.volunteer,
        hours=meeting_hours(meeting.minutes),
        occurred_on=meeting.occurred_on,
        source=meeting.ledger_source,
        verified_by=by,
        kind=EntryKind.MENTORING_HOURS,
        title=MEETING_TITLE,
        organisation=organisation,
        direction=_direction(mentorship.pool, directions),
        region=organisation.region,
        subject=f"mentoring.mentorship:{mentorship.pk}",
    )
    _audit(by=by, action="meeting.acknowledged", mentorship=mentorship, meeting=meeting.pk,
           minutes=meeting.minutes)  # fmt: skip
    return entry


def _meetings_locked(ids) -> list[Meeting]:
    # Locked on their own rows (a join to nullable relations cannot be locked everywhere), then the pairs.
    meetings = list(Meeting.objects.select_for_update().filter(pk__in=list(ids)).order_by("pk"))
    pairs = Mentorship.objects.select_related("mentor__volunteer", "organisation__region").in_bulk(
        [meeting.mentorship_id for meeting in meetings]
    )
    for meeting in meetings:
        meeting.mentorship = pairs[meeting.mentorship_id]
    return meetings


@transaction.atomic
def meeting_acknowledge(*, meeting: Meeting, by) -> LedgerEntry | None:
    """The centre confirms a meeting: its hours go to the mentor's volunteer book. Returns the book's entry
    (None when the book already holds those hours)."""
    [meeting] = _meetings_locked([meeting.pk]) or [None]
    if meeting is None:
        raise MentoringError("meeting_unknown")
    if meeting.mentorship.mentor_id == by.pk:
        raise MentoringError("meeting_own")
    if not _manages(by, meeting.mentorship_id):
        raise MentoringError("meeting_unknown")
    if meeting.acknowledged_at is not None:
        raise MentoringError("meeting_acknowledged")
    return _acknowledge(meeting=meeting, by=by, directions={})


@transaction.atomic
def meeting_acknowledge_many(*, meetings, by) -> int:
    """Acknowledge each of `meetings` that `by` may and that waits; the others are left as they are (so a
    repeated "acknowledge all" changes nothing). Returns how many were acknowledged."""
    ids = [meeting.pk if isinstance(meeting, Meeting) else int(meeting) for meeting in meetings]
    ids = [pk for pk in ids if 0 < pk < 2**63]  # what a database's key can hold; the rest names nothing
    managed = set(mentorships_managed_by(by).filter(meetings__pk__in=ids).values_list("pk", flat=True))
    directions: dict = {}
    count = 0
    for meeting in _meetings_locked(ids):
        if (
            meeting.acknowledged_at is None
            and meeting.mentorship_id in managed
            and meeting.mentorship.mentor_id != by.pk
        ):
            _acknowledge(meeting=meeting, by=by, directions=directions)
            count += 1
    return count


# --- Reminders ----------------------------------------------------------------------------------------------


def _language(user) -> str:
    profile = getattr(user, "profile", None)
    return (profile.language if profile is not None else "") or settings.LANGUAGE_CODE


def _remind(mentorship: Mentorship, today: dt.date) -> bool:
    user = mentorship.mentor.volunteer
    if not user.email or not user.is_active:
        return False
    language = _language(user)
    with translation.override(language):
        context = {
            "mentorship": mentorship,
            "mentor": user,
            "mentee": mentorship.mentee,
            "weeks": (today - mentorship.since).days // 7,
            "since": mentorship.since,
            "met": mentorship.last_meeting_on is not None,
            "url": settings.WAGTAILADMIN_BASE_URL + reverse("mentoring:my_pair", args=[mentorship.pk]),
        }
        subject = render_to_string("mentoring/email/reminder_subject.txt", context).strip()
        body = render_to_string("mentoring/email/reminder_message.txt", context)
    send_mail(subject, body, None, [user.email])
    return True


def _digest(organisation_id: int, pairs: list[Mentorship], today: dt.date) -> None:
    """One e-mail to each coordinator of the centre, in their language, listing the pairs reminded today."""
    staff = Membership.objects.staff().filter(organisation_id=organisation_id, user__is_active=True)
    for membership in staff.select_related("user__profile", "organisation"):
        user = membership.user
        if not user.email:
            continue
        with translation.override(_language(user)):
            context = {
                "coordinator": user,
                "organisation": membership.organisation,
                "pairs": [{"mentorship": pair, "weeks": (today - pair.since).days // 7} for pair in pairs],
                "url": settings.WAGTAILADMIN_BASE_URL + reverse("mentoring:dashboard"),
            }
            subject = render_to_string("mentoring/email/digest_subject.txt", context).strip()
            body = render_to_string("mentoring/email/digest_message.txt", context)
        send_mail(subject, body, None, [user.email])


def reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail each mentor whose active pair has had no meeting for the centre's number of weeks, once a
    period, then each centre's coordinators a digest of their pairs reminded. Each pair is locked and
    re-checked before its mail, so two overlapping runs send one; a second run the same day sends nothing.
    Returns how many mentors were reminded."""
    today = today or timezone.localdate()
    due = reminders_due(Mentorship.objects.all(), today=today)
    reminded: dict[int, list[Mentorship]] = defaultdict(list)
    for pk in list(due.values_list("pk", flat=True)):
        try:
            with transaction.atomic():
                if Mentorship.objects.select_for_update().filter(pk=pk).first() is None:
                    continue
                pair = (
                    due.filter(pk=pk)
                    .select_related("mentor__volunteer__profile", "mentee", "organisation")
                    .first()
                )
                if pair is None:  # a meeting was logged, or another run reminded it, since the list was read
                    continue
                if _remind(pair, today):
                    Mentorship.objects.filter(pk=pk).update(reminded_at=timezone.now())
                    reminded[pair.organisation_id].append(pair)
        except (smtplib.SMTPException, OSError):
            # This pair stays due and is tried again on the next run; the others go on.
            logger.exception("mentoring reminder of pair %s not sent", pk)
    for organisation_id, pairs in reminded.items():
        try:
            _digest(organisation_id, pairs, today)
        except (smtplib.SMTPException, OSError):
            logger.exception("mentoring digest of centre %s not sent", organisation_id)
    return sum(len(pairs) for pairs in reminded.values())
