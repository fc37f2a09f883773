"""Coordinators' writes: creating, editing, publishing and cancelling events and their shifts."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from events.errors import EventError
from events.models import ACTIVE_STATUSES, Event, EventSeries, EventStatus, Notice, Shift, Signup
from events.notices import notice_enqueue
from events.services.signups import signups_cancel_by_organiser, waitlist_promote
from volunteers.audit import audit_log

MAX_REPEATS = 52
# Changing these tells the people signed up: they may need to come at another time or to another place.
MATERIAL_FIELDS = ("starts_at", "ends_at", "region_id", "city", "address", "is_online", "online_url")
EVENT_FIELDS = (
    "title", "description", "direction", "region", "city", "address", "is_online", "online_url", "starts_at",
    "ends_at", "cover", "min_age", "adults_only", "silver_friendly", "accessibility", "cancel_hours_before",
    "day_of_action",
)  # fmt: skip


@dataclass
class ShiftData:
    starts_at: dt.datetime
    ends_at: dt.datetime
    capacity: int
    task: dict = field(default_factory=dict)
    pk: int | None = None
    delete: bool = False


@dataclass
class EventData:
    title: dict
    direction: object
    starts_at: dt.datetime
    ends_at: dt.datetime
    description: dict = field(default_factory=dict)
    region: object = None
    city: str = ""
    address: str = ""
    is_online: bool = False
    online_url: str = ""
    cover: object = None
    min_age: int | None = None
    adults_only: bool = False
    silver_friendly: bool = False
    accessibility: dict = field(default_factory=dict)
    cancel_hours_before: int = 24
    day_of_action: object = None
    languages: list = field(default_factory=list)
    required_courses: list = field(default_factory=list)


def event_data_check(data: EventData) -> None:
    if data.ends_at <= data.starts_at:
        raise EventError("ends_before_start", field="ends_at")
    if not data.is_online and data.region is None:
        raise EventError("region_required", field="region")
    if not data.is_online and not data.address.strip():
        raise EventError("address_required", field="address")
    if data.is_online and not data.online_url:
        raise EventError("online_url_required", field="online_url")


def shifts_check(data: EventData, shifts: list[ShiftData]) -> None:
    kept = [shift for shift in shifts if not shift.delete]
    if not kept:
        raise EventError("no_shifts")
    for index, shift in enumerate(shifts):
        if shift.delete:
            continue
        if shift.ends_at <= shift.starts_at:
            raise EventError("ends_before_start", field="ends_at", index=index)
        if shift.starts_at < data.starts_at or shift.ends_at > data.ends_at:
            raise EventError("shift_outside_event", field="starts_at", index=index)
        if shift.capacity is None or shift.capacity < 1:
            raise EventError("capacity_positive", field="capacity", index=index)


def _event_fill(event: Event, data: EventData) -> None:
    for name in EVENT_FIELDS:
        setattr(event, name, getattr(data, name))
    event.language_codes = data.languages
    event.search_text = event.search_text_build()


def _occurrence(value: dt.datetime, offset_days: int) -> dt.datetime:
    """The same wall-clock time `offset_days` later, in the site's time zone."""
    local = timezone.localtime(value)
    moved = dt.datetime.combine(local.date() + dt.timedelta(days=offset_days), local.time())
    return timezone.make_aware(moved)


@transaction.atomic
def event_create(
    *, organisation, data: EventData, shifts: list[ShiftData], actor, repeat: int = 0, interval_days: int = 7
) -> list[Event]:
    """A draft event with its shifts; with `repeat`, that many more occurrences every `interval_days` days,
    each an event of its own in one series."""
    event_data_check(data)
    shifts_check(data, shifts)
    if not 0 <= repeat <= MAX_REPEATS:
        raise EventError("repeat_count", field="repeat", max=MAX_REPEATS)
    series = None
    if repeat:
        series = EventSeries.objects.create(
            organisation=organisation, created_by=actor, interval_days=interval_days
        )
    events = []
    for number in range(repeat + 1):
        offset = number * interval_days
        event = Event(organisation=organisation, series=series, created_by=actor)
        _event_fill(event, data)
        event.starts_at = _occurrence(data.starts_at, offset)
        event.ends_at = _occurrence(data.ends_at, offset)
        event.save()
        event.required_courses.set(data.required_courses)
        Shift.objects.bulk_create(
            Shift(
                event=event,
                task=shift.task,
                starts_at=_occurrence(shift.starts_at, offset),
                ends_at=_occurrence(shift.ends_at, offset),
                capacity=shift.capacity,
            )
            for shift in shifts
            if not shift.delete
        )
        events.append(event)
    audit_log(
        actor=actor, action="events.event.created", event=events[0].pk, organisation=organisation.pk,
        occurrences=len(events),
    )  # fmt: skip
    return events


@transaction.atomic
def event_update(*, event: Event, data: EventData, shifts: list[ShiftData], actor) -> Event:
    """Save the coordinator's changes. Places cannot drop below the people already confirmed; more places go
    to the waitlist; a removed shift's volunteers are told; a new time or place is announced to everyone
    signed up."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == EventStatus.CANCELLED:
        raise EventError("already_cancelled")
    event_data_check(data)
    shifts_check(data, shifts)
    before = {name: getattr(event, name) for name in MATERIAL_FIELDS}
    _event_fill(event, data)
    changed = any(getattr(event, name) != value for name, value in before.items())

    existing = {shift.pk: shift for shift in Shift.objects.select_for_update().filter(event=event)}
    for index, item in enumerate(shifts):
        if item.pk is None:
            if not item.delete:
                Shift.objects.create(
                    event=event, task=item.task, starts_at=item.starts_at, ends_at=item.ends_at,
                    capacity=item.capacity,
                )  # fmt: skip
            continue
        shift = existing.get(item.pk)
        if shift is None or shift.cancelled_at is not None:
            continue  # a stale form: the shift is gone already
        if item.delete:
            shift.cancelled_at = timezone.now()
            signups_cancel_by_organiser(shift=shift, actor=actor)
            shift.save(update_fields=["cancelled_at"])
            continue
        if item.capacity < shift.confirmed_count:
            raise EventError(
                "capacity_below_confirmed", field="capacity", index=index, confirmed=shift.confirmed_count
            )
        moved = (shift.starts_at, shift.ends_at) != (item.starts_at, item.ends_at)
        changed = changed or moved
        shift.task, shift.starts_at, shift.ends_at, shift.capacity = (
            item.task, item.starts_at, item.ends_at, item.capacity,
        )  # fmt: skip
        waitlist_promote(shift=shift)
        shift.save(
            update_fields=["task", "starts_at", "ends_at", "capacity", "confirmed_count", "waitlist_count"]
        )

    if changed and event.status == EventStatus.PUBLISHED:
        event.version += 1
    event.save()
    event.required_courses.set(data.required_courses)
    if changed and event.status == EventStatus.PUBLISHED:
        for signup in Signup.objects.filter(shift__event=event, status__in=ACTIVE_STATUSES):
            notice_enqueue(signup=signup, kind=Notice.Kind.CHANGED, key=str(event.version))
    audit_log(actor=actor, action="events.event.changed", event=event.pk, announced=changed)
    return event


@transaction.atomic
def event_publish(*, event: Event, actor) -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != EventStatus.DRAFT:
        raise EventError("not_draft")
    if event.ends_at <= timezone.now():
        raise EventError("event_over")
    if not event.shifts.filter(cancelled_at__isnull=True).exists():
        raise EventError("no_shifts")
    event.status = EventStatus.PUBLISHED
    event.published_at = timezone.now()
    event.save(update_fields=["status", "published_at", "updated_at"])
    audit_log(actor=actor, action="events.event.published", event=event.pk)
    return event


@transaction.atomic
def event_cancel(*, event: Event, actor, reason: str = "") -> Event:
    """Cancel the event: every sign-up ends and each volunteer is told, with the reason."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == EventStatus.CANCELLED:
        raise EventError("already_cancelled")
    event.status = EventStatus.CANCELLED
    event.cancelled_at = timezone.now()
    event.cancel_reason = reason.strip()
    event.save(update_fields=["status", "cancelled_at", "cancel_reason", "updated_at"])
    for shift in Shift.objects.select_for_update().filter(event=event, cancelled_at__isnull=True):
        signups_cancel_by_organiser(shift=shift, actor=actor)
    audit_log(actor=actor, action="events.event.cancelled", event=event.pk)
    return event
