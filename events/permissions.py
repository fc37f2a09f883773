"""The one gate for managing events: a coordinator or manager of an organisation manages its events, its
shifts and the sign-ups to them; an admin manages all. Anyone else's event, shift or sign-up id is a 404."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from events.models import Event, Shift, Signup
from volunteers.permissions import organisations_managed_by, staff_memberships


def can_manage_events(user) -> bool:
    return user.is_authenticated and (user.is_superuser or staff_memberships(user).exists())


def events_managed_by(user):
    return Event.objects.managed_by(user)


def shifts_managed_by(user):
    return Shift.objects.filter(event__in=events_managed_by(user))


def signups_managed_by(user):
    return Signup.objects.managed_by(user)


def organisations_for_events(user):
    return organisations_managed_by(user)


def events_manager_required(view):
    """Anonymous visitors go to the login; people who coordinate no organisation get 403."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_manage_events(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded
