from django.utils.translation import gettext_lazy as _

from config.errors import DomainError


class EventError(DomainError):
    messages = {
        "ends_before_start": _("The end must be after the start."),
        "shift_outside_event": _("The shift must fall between the event's start and end."),
        "capacity_positive": _("Give at least one place."),
        "capacity_below_confirmed": _(
            "%(confirmed)s volunteers are already confirmed for this shift: the places cannot be fewer."
        ),
        "no_shifts": _("Add at least one shift."),
        "region_required": _("Choose the region, or mark the event as online."),
        "address_required": _("Give the address, or mark the event as online."),
        "online_url_required": _("Give the link to join online."),
        "not_draft": _("Only a draft can be published."),
        "already_cancelled": _("This event has already been cancelled."),
        "event_over": _("This event is over."),
        "not_published": _("This event is not open for sign-up."),
        "event_cancelled": _("This event has been cancelled."),
        "shift_cancelled": _("This shift has been cancelled."),
        "shift_started": _("This shift has already started: sign-up is closed."),
        "already_signed_up": _("You are already signed up for this shift."),
        "already_waitlisted": _("You are already on the waitlist for this shift."),
        "overlap": _("You are signed up for another shift at that time: %(other)s."),
        "course_missing": _("This event requires a valid certificate of the course “%(course)s”."),
        "cancel_deadline_passed": _(
            "Cancellation closed %(hours)s hours before the start. Please tell the coordinator if you "
            "cannot come."
        ),
        "not_active": _("This sign-up has already been cancelled."),
        "code_unknown": _("This code was not recognised. Check it and try again."),
        "code_other_event": _("This code belongs to another event."),
        "code_not_confirmed": _("This volunteer is not confirmed for the shift (%(status)s)."),
        "hours_invalid": _("Give the hours as a number from 0 to 24."),
        "attendance_before_start": _("Attendance can be confirmed once the shift has started."),
        "repeat_count": _("Repeat from 1 to %(max)s times."),
    }
