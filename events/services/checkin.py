"""Check-in at the door and attendance after the shift; attended hours go to the volunteer's book."""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from events.errors import EventError
from events.models import Event, Signup, SignupStatus
from events.models.signups import CODE_ALPHABET, CODE_LENGTH
from volunteers.audit import audit_log
from volunteers.models import EntryKind
from volunteers.services.ledger import ledger_hours_credit
from volunteers.services.stages import event_subject


@dataclass
class CheckinResult:
    signup: Signup
    already: bool  # scanned before: nothing changed


def code_normalise(raw: str) -> str | None:
    """A code as scanned (a URL ending in the code) or typed (any case, with spaces or dashes); None when it
    cannot be a code at all."""
    text = (raw or "").strip().upper()
    segments = [segment for segment in text.split("/") if segment]
    text = segments[-1] if segments else ""
    text = re.sub(r"[\s\-]", "", text)
    if len(text) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in text):
        return None
    return text


@transaction.atomic
def checkin_scan(*, event: Event, raw_code: str, actor) -> CheckinResult:
    """Mark the volunteer present. Scanning the same code again changes nothing and says when it was first
    scanned; a code of another event or of someone not confirmed is refused."""
    code = code_normalise(raw_code)
    signup = (
        Signup.objects.select_for_update(of=("self",))
        .select_related("volunteer", "shift__event")
        .filter(code=code)
        .first()
        if code
        else None
    )
    if signup is None:
        raise EventError("code_unknown", field="code")
    if signup.shift.event_id != event.pk:
        raise EventError("code_other_event", field="code")
    if signup.status != SignupStatus.CONFIRMED:
        raise EventError("code_not_confirmed", field="code", status=signup.get_status_display())
    if signup.checked_in_at is not None:
        return CheckinResult(signup=signup, already=True)
    signup.checked_in_at = timezone.now()
    signup.checked_in_by = actor
    signup.save(update_fields=["checked_in_at", "checked_in_by"])
    audit_log(actor=actor, action="events.signup.checked_in", subject=signup.volunteer, signup=signup.pk)
    return CheckinResult(signup=signup, already=False)


def hours_parse(value) -> Decimal:
    try:
        hours = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise EventError("hours_invalid", field="hours") from None
    if not hours.is_finite() or hours < 0 or hours > 24:
        raise EventError("hours_invalid", field="hours")
    return hours.quantize(Decimal("0.01"))


@transaction.atomic
def attendance_confirm(*, signup: Signup, attended: bool, hours, actor) -> Signup:
    """Record whether the volunteer came and for how long, and credit the hours to their book. Confirming
    again with other hours writes the difference there; a no-show is credited nothing."""
    signup = (
        Signup.objects.select_for_update(of=("self",))
        .select_related(
            "volunteer", "shift__event__organisation", "shift__event__direction", "shift__event__region"
        )
        .get(pk=signup.pk)
    )
    shift = signup.shift
    if signup.status != SignupStatus.CONFIRMED:
        raise EventError("code_not_confirmed", status=signup.get_status_display())
    if shift.starts_at > timezone.now():
        raise EventError("attendance_before_start")
    hours = hours_parse(shift.hours if hours in (None, "") else hours) if attended else Decimal(0)
    signup.attended = attended
    signup.hours = hours
    signup.attendance_confirmed_at = timezone.now()
    signup.attendance_confirmed_by = actor
    signup.save(update_fields=["attended", "hours", "attendance_confirmed_at", "attendance_confirmed_by"])
    event = shift.event
    ledger_hours_credit(
        volunteer=signup.volunteer,
        hours=hours,
        occurred_on=timezone.localtime(shift.starts_at).date(),
        source=f"events.signup:{signup.pk}",
        subject=event_subject(event.pk),
        verified_by=actor,
        kind=EntryKind.SHIFT_HOURS,
        title=dict(event.title),
        organisation=event.organisation,
        direction=event.direction,
        region=event.region,
    )
    audit_log(
        actor=actor, action="events.attendance.confirmed", subject=signup.volunteer, signup=signup.pk,
        attended=attended, hours=str(hours),
    )  # fmt: skip
    return signup
