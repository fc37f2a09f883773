"""Signing up for shifts, leaving them, and the waitlist.

Capacity is kept by lock, re-check, write: the volunteer's row is locked first (one person's sign-ups queue,
so the overlap check holds), then the shift's row; the counters are re-read under the lock and changed in the
same transaction. The database refuses a shift with more confirmed people than places and a second sign-up of
one person to one shift, should a path ever skip the lock.
"""

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from events.eligibility import person_refusals, shift_closed_reasons
from events.errors import EventError
from events.models import ACTIVE_STATUSES, Notice, Shift, Signup, SignupStatus
from events.notices import notice_enqueue
from volunteers.audit import audit_log
from volunteers.services.eligibility import WEEK, busiest_week_hours, weekly_hours_refusal


def _shift_locked(shift_id: int) -> Shift:
    return Shift.objects.select_for_update(of=("self",)).select_related("event").get(pk=shift_id)


def overlapping_signup(*, volunteer, shift) -> Signup | None:
    return (
        Signup.objects.filter(
            volunteer=volunteer,
            status__in=ACTIVE_STATUSES,
            shift__cancelled_at__isnull=True,
            shift__starts_at__lt=shift.ends_at,
            shift__ends_at__gt=shift.starts_at,
        )
        .exclude(shift_id=shift.pk)
        .select_related("shift__event")
        .first()
    )


def shift_times_near(*, volunteer, shift: Shift) -> list:
    """(start, end) of the person's other active sign-ups within a week of `shift`: what the burnout guard
    weighs (a waitlisted place counts, as for overlaps, so a promotion never breaks the limit)."""
    return list(
        Signup.objects.filter(
            volunteer=volunteer,
            status__in=ACTIVE_STATUSES,
            shift__cancelled_at__isnull=True,
            shift__starts_at__lt=shift.ends_at + WEEK,
            shift__ends_at__gt=shift.starts_at - WEEK,
        )
        .exclude(shift=shift)
        .values_list("shift__starts_at", "shift__ends_at")
    )


def weekly_hours_over_limit(*, shift: Shift, volunteer_ids) -> dict:
    """{volunteer id: hours} of the people among `volunteer_ids` whose shifts within 7 days around `shift`
    (it included) now come to more than the limit: after a change of times, or a lowered limit, the
    coordinator sees who is over it. One query."""
    limit = settings.VOLUNTEERS_WEEKLY_HOURS_LIMIT
    if not limit:
        return {}
    times = defaultdict(list)
    others = Signup.objects.filter(
        volunteer_id__in=volunteer_ids,
        status__in=ACTIVE_STATUSES,
        shift__cancelled_at__isnull=True,
        shift__starts_at__lt=shift.ends_at + WEEK,
        shift__ends_at__gt=shift.starts_at - WEEK,
    ).exclude(shift=shift)
    for volunteer_id, starts_at, ends_at in others.values_list(
        "volunteer_id", "shift__starts_at", "shift__ends_at"
    ):
        times[volunteer_id].append((starts_at, ends_at))
    over = {}
    for volunteer_id, intervals in times.items():
        hours = busiest_week_hours(intervals=intervals, around=(shift.starts_at, shift.ends_at))
        if hours > limit:
            over[volunteer_id] = f"{hours:g}"
    return over


@transaction.atomic
def signup_create(*, volunteer, shift: Shift) -> Signup:
    """Confirm a place, or a place on the waitlist when the shift is full. Raises EventError with the reason
    when this person may not sign up."""
    get_user_model().objects.select_for_update().filter(pk=volunteer.pk).first()
    shift = _shift_locked(shift.pk)
    reasons = shift_closed_reasons(shift=shift) or person_refusals(user=volunteer, event=shift.event)
    if reasons:
        raise reasons[0]
    signup = Signup.objects.filter(shift=shift, volunteer=volunteer).first()
    if signup is not None and signup.status == SignupStatus.CONFIRMED:
        raise EventError("already_signed_up")
    if signup is not None and signup.status == SignupStatus.WAITLISTED:
        raise EventError("already_waitlisted")
    other = overlapping_signup(volunteer=volunteer, shift=shift)
    if other is not None:
        raise EventError("overlap", other=str(other.shift))
    refusal = weekly_hours_refusal(
        intervals=shift_times_near(volunteer=volunteer, shift=shift), around=(shift.starts_at, shift.ends_at)
    )
    if refusal is not None:
        raise refusal

    now = timezone.now()
    status = SignupStatus.CONFIRMED if shift.confirmed_count < shift.capacity else SignupStatus.WAITLISTED
    if signup is None:
        signup = Signup(shift=shift, volunteer=volunteer)
    signup.status = status
    signup.queued_at = now
    signup.cancelled_at = None
    signup.cancelled_by_organiser = False
    signup.promoted_at = None
    signup.save()
    if status == SignupStatus.CONFIRMED:
        shift.confirmed_count += 1
    else:
        shift.waitlist_count += 1
    shift.save(update_fields=["confirmed_count", "waitlist_count"])
    audit_log(actor=volunteer, action=f"events.signup.{status}", subject=volunteer, signup=signup.pk)
    notice_enqueue(
        signup=signup, kind=Notice.Kind.CONFIRMED if status == "confirmed" else Notice.Kind.WAITLISTED
    )
    return signup


def _leave(*, signup: Signup, shift: Shift, by_organiser: bool) -> None:
    """Mark the sign-up cancelled and free its place; the caller holds the shift's lock."""
    if signup.status == SignupStatus.CONFIRMED:
        shift.confirmed_count -= 1
    else:
        shift.waitlist_count -= 1
    signup.status = SignupStatus.CANCELLED
    signup.cancelled_at = timezone.now()
    signup.cancelled_by_organiser = by_organiser
    signup.save(update_fields=["status", "cancelled_at", "cancelled_by_organiser"])


def waitlist_promote(*, shift: Shift) -> list[Signup]:
    """Fill the free places from the waitlist, first come first served; the caller holds the shift's lock.
    Nobody is promoted into a shift that has begun: a place freed then would be a surprise, not a help."""
    promoted = []
    if shift.starts_at <= timezone.now() or shift.cancelled_at is not None:
        return promoted
    free = shift.capacity - shift.confirmed_count
    if free <= 0:
        return promoted
    waiting = list(
        Signup.objects.select_for_update()
        .filter(shift=shift, status=SignupStatus.WAITLISTED)
        .order_by("queued_at", "pk")[:free]
    )
    now = timezone.now()
    for signup in waiting:
        signup.status = SignupStatus.CONFIRMED
        signup.promoted_at = now
        signup.save(update_fields=["status", "promoted_at"])
        audit_log(actor=None, action="events.signup.promoted", subject=signup.volunteer, signup=signup.pk)
        notice_enqueue(signup=signup, kind=Notice.Kind.PROMOTED)
        promoted.append(signup)
    shift.confirmed_count += len(promoted)
    shift.waitlist_count -= len(promoted)
    return promoted


@transaction.atomic
def signup_cancel(*, signup: Signup, actor) -> Signup:
    """The volunteer leaves a shift or its waitlist. A confirmed place can be given up until the event's
    deadline; it then goes to the first person on the waitlist."""
    shift = _shift_locked(signup.shift_id)
    signup = Signup.objects.select_for_update().get(pk=signup.pk)
    if signup.status not in ACTIVE_STATUSES:
        raise EventError("not_active")
    if signup.status == SignupStatus.CONFIRMED and timezone.now() > shift.cancel_deadline():
        raise EventError("cancel_deadline_passed", hours=shift.event.cancel_hours_before)
    _leave(signup=signup, shift=shift, by_organiser=False)
    waitlist_promote(shift=shift)
    shift.save(update_fields=["confirmed_count", "waitlist_count"])
    audit_log(actor=actor, action="events.signup.cancelled", subject=signup.volunteer, signup=signup.pk)
    return signup


def signup_leave_on_erase(*, signup: Signup) -> None:
    """An erased volunteer's place goes to the waitlist, whatever the deadline; the caller (the erasure)
    owns the transaction."""
    shift = _shift_locked(signup.shift_id)
    signup = Signup.objects.select_for_update().get(pk=signup.pk)
    if signup.status not in ACTIVE_STATUSES:
        return
    _leave(signup=signup, shift=shift, by_organiser=False)
    waitlist_promote(shift=shift)
    shift.save(update_fields=["confirmed_count", "waitlist_count"])


def signups_cancel_by_organiser(*, shift: Shift, actor) -> int:
    """Cancel every active sign-up of a shift the organiser cancels; the caller owns the transaction and
    holds the shift's lock. Each volunteer is told."""
    count = 0
    for signup in Signup.objects.select_for_update().filter(shift=shift, status__in=ACTIVE_STATUSES):
        _leave(signup=signup, shift=shift, by_organiser=True)
        notice_enqueue(signup=signup, kind=Notice.Kind.CANCELLED)
        count += 1
    shift.save(update_fields=["confirmed_count", "waitlist_count"])
    if count:
        audit_log(actor=actor, action="events.shift.signups_cancelled", shift=shift.pk, count=count)
    return count


def waitlist_position(signup: Signup) -> int | None:
    if signup.status != SignupStatus.WAITLISTED:
        return None
    ahead = Signup.objects.filter(
        shift_id=signup.shift_id, status=SignupStatus.WAITLISTED, queued_at__lt=signup.queued_at
    ).count()
    return ahead + 1


HORIZON = dt.timedelta(days=28)


def weekly_limit_overruns(*, shifts, now=None) -> list[dict]:
    """The people signed up for `shifts` (a coordinator's, upcoming within four weeks) whose sign-ups, at any
    organisation, put more than the limit into 7 days around one of those shifts: [{volunteer, shift, hours}],
    one row per person (their worst shift), most hours first. Three queries, whatever the number of people."""
    limit = settings.VOLUNTEERS_WEEKLY_HOURS_LIMIT
    if not limit:
        return []
    now = now or timezone.now()
    mine = list(
        Signup.objects.filter(
            shift__in=shifts,
            status__in=ACTIVE_STATUSES,
            shift__cancelled_at__isnull=True,
            shift__ends_at__gt=now,
            shift__starts_at__lt=now + HORIZON,
        ).select_related("volunteer", "shift__event")
    )
    if not mine:
        return []
    times = defaultdict(list)
    everything = Signup.objects.filter(
        volunteer_id__in={signup.volunteer_id for signup in mine},
        status__in=ACTIVE_STATUSES,
        shift__cancelled_at__isnull=True,
        shift__ends_at__gt=now - WEEK,
        shift__starts_at__lt=now + HORIZON + WEEK,
    )
    for volunteer_id, shift_id, starts_at, ends_at in everything.values_list(
        "volunteer_id", "shift_id", "shift__starts_at", "shift__ends_at"
    ):
        times[volunteer_id].append((shift_id, starts_at, ends_at))
    worst = {}
    for signup in mine:
        shift = signup.shift
        others = [(start, end) for shift_id, start, end in times[signup.volunteer_id] if shift_id != shift.pk]
        hours = busiest_week_hours(intervals=others, around=(shift.starts_at, shift.ends_at))
        if hours > limit and hours > worst.get(signup.volunteer_id, {}).get("hours", 0):
            worst[signup.volunteer_id] = {"volunteer": signup.volunteer, "shift": shift, "hours": hours}
    return sorted(
        worst.values(), key=lambda row: (-row["hours"], row["shift"].starts_at, row["volunteer"].pk)
    )
