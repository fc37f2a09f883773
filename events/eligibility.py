"""May this person sign up for this shift now? Every reason they may not, in the visitor's language."""

from django.utils import timezone

from events.errors import EventError
from events.models import EventStatus
from training.qualifications import courses_missing
from volunteers.services.eligibility import event_refusals


def shift_closed_reasons(*, shift, now=None) -> list[EventError]:
    """Reasons that hold for everyone: the event is not open, or the shift has begun."""
    event = shift.event
    now = now or timezone.now()
    if event.status == EventStatus.CANCELLED:
        return [EventError("event_cancelled")]
    if event.status != EventStatus.PUBLISHED:
        return [EventError("not_published")]
    if shift.cancelled_at is not None:
        return [EventError("shift_cancelled")]
    if shift.starts_at <= now:
        return [EventError("shift_started")]
    return []


def person_refusals(*, user, event, courses=None) -> list:
    """Reasons that come from the person: age, a guardian's consent, required courses.

    `courses` lets a caller that has prefetched the event's required courses pass them in.
    """
    day = timezone.localtime(event.starts_at).date()
    refusals = list(event_refusals(user=user, adults_only=event.adults_only, min_age=event.min_age, on=day))
    if refusals and refusals[0].code == "no_profile":
        return refusals
    courses = event.required_courses.all() if courses is None else courses
    for course in courses_missing(user=user, courses=courses, on=day):
        refusals.append(EventError("course_missing", course=course.title))
    return refusals
