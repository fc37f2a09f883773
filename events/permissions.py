"""The one gate for managing events: a coordinator or manager of an organisation manages its events, its
shifts and the sign-ups to them; an admin manages all. Anyone else's event, shift or sign-up id is a 404."""

from events.models import Event, Shift

# Who reaches the coordinators' event pages is the same rule as for the volunteers' pages: one gate.
from volunteers.permissions import can_manage_volunteers as can_manage_events  # noqa: F401
from volunteers.permissions import staff_required as events_manager_required  # noqa: F401


def events_managed_by(user):
    return Event.objects.managed_by(user)


def shifts_managed_by(user):
    return Shift.objects.filter(event__in=events_managed_by(user))
