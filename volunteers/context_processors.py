from django.utils.functional import SimpleLazyObject

from volunteers.permissions import can_manage_volunteers
from volunteers.reporting.permissions import reads_figures


def roles(request):
    """What the menu shows; evaluated only when a template asks, so pages that don't ask run no query."""
    user = getattr(request, "user", None)
    manages = SimpleLazyObject(lambda: user is not None and can_manage_volunteers(user))
    return {
        "can_manage_volunteers": manages,
        "can_read_figures": SimpleLazyObject(lambda: reads_figures(user, manages=bool(manages))),
    }
