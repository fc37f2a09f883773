"""May this volunteer join an event? The age and consent rules that events check, in one place."""

import datetime as dt

from django.conf import settings

from volunteers.errors import VolunteerError
from volunteers.models.profile import age_on, local_today


def event_refusals(*, user, adults_only: bool = False, min_age: int | None = None, on: dt.date | None = None):
    """The reasons this person cannot sign up for an event on `on` (its start date); empty when they can.

    Age is taken on the day of the event, so a volunteer who turns 18 the day before may join.
    """
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    if profile is None or profile.erased_at is not None or profile.date_of_birth is None:
        return [VolunteerError("no_profile")]
    day = on or local_today()
    age = age_on(profile.date_of_birth, day)
    refusals = []
    if age < settings.VOLUNTEERS_GUARDIAN_CONSENT_UNDER and not profile.guardian_confirmed():
        refusals.append(VolunteerError("guardian_pending"))
    if adults_only and age < settings.VOLUNTEERS_ADULT_AGE:
        refusals.append(VolunteerError("adults_only"))
    if min_age is not None and age < min_age:
        refusals.append(VolunteerError("below_min_age", age=min_age))
    return refusals


WEEK = dt.timedelta(days=7)


def busiest_week_hours(*, intervals, around) -> float:
    """The most hours of `intervals` and `around` ((start, end) pairs) that fall within any 7 days that take
    in all of `around`. The covered time is piecewise linear in the window's start, so its maximum lies where
    a window's edge meets an interval's end: only those starts are tried."""
    start, end = around
    low, high = sorted((end - WEEK, start))
    intervals = [*intervals, around]
    starts = {low, high}
    for first, last in intervals:
        starts.update(point for point in (first, last, first - WEEK, last - WEEK) if low <= point <= high)

    def covered(window_start):
        window_end = window_start + WEEK
        return sum(
            max(0.0, (min(last, window_end) - max(first, window_start)).total_seconds())
            for first, last in intervals
        )

    return max(covered(point) for point in starts) / 3600


def weekly_hours_refusal(*, intervals, around) -> VolunteerError | None:
    """The burnout guard: refuse a shift that would put more than VOLUNTEERS_WEEKLY_HOURS_LIMIT hours into
    any 7 days, given the person's other shifts (`intervals`)."""
    limit = settings.VOLUNTEERS_WEEKLY_HOURS_LIMIT
    if not limit:
        return None
    hours = busiest_week_hours(intervals=intervals, around=around)
    if hours <= limit:
        return None
    return VolunteerError("weekly_hours", hours=f"{hours:g}", limit=limit)
