from events.models.events import DayOfAction, Event, EventQuerySet, EventSeries, EventStatus, Shift
from events.models.signups import ACTIVE_STATUSES, CalendarFeed, Notice, Signup, SignupStatus

__all__ = [
    "ACTIVE_STATUSES",
    "CalendarFeed",
    "DayOfAction",
    "Event",
    "EventQuerySet",
    "EventSeries",
    "EventStatus",
    "Notice",
    "Shift",
    "Signup",
    "SignupStatus",
]
