"""What events hold about a volunteer, in their data export; and their places freed when they are erased."""

from django.utils import timezone

from events.models import ACTIVE_STATUSES, Signup
from events.services.signups import signup_leave_on_erase
from volunteers.services.privacy import export_section, on_erase


@export_section("event_signups")
def _signups(user):
    signups = Signup.objects.filter(volunteer=user).select_related("shift__event").order_by("created_at")
    return [
        {
            "event": dict(signup.shift.event.title),
            "shift_starts_at": signup.shift.starts_at.isoformat(),
            "shift_ends_at": signup.shift.ends_at.isoformat(),
            "status": signup.status,
            "signed_up_at": signup.created_at.isoformat(),
            "checked_in_at": signup.checked_in_at.isoformat() if signup.checked_in_at else None,
            "attended": signup.attended,
            "hours": str(signup.hours) if signup.hours is not None else None,
        }
        for signup in signups
    ]


@on_erase
def _free_places(user):
    upcoming = Signup.objects.filter(
        volunteer=user, status__in=ACTIVE_STATUSES, shift__starts_at__gt=timezone.now()
    )
    for signup in upcoming:
        signup_leave_on_erase(signup=signup)
