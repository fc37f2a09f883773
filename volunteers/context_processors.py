from django.utils.functional import SimpleLazyObject

from volunteers.permissions import can_manage_volunteers
from volunteers.reporting.permissions import figures_scope


def roles(request):
    """What the menu shows; evaluated only when a template asks, so pages that don't ask run no query."""
    user = getattr(request, "user", None)
    return {
        "can_manage_volunteers": SimpleLazyObject(lambda: user is not None and can_manage_volunteers(user)),
        "can_read_figures": SimpleLazyObject(lambda: user is not None and figures_scope(user).allowed),
    }
