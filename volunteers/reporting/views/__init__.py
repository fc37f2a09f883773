"""The figures' pages: the dashboard and its exports (dashboard), the annual reports (reports). What they
share: the one gate."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.cache import patch_cache_control

from volunteers.reporting.permissions import figures_scope


def figures_reader(view):
    """Anonymous visitors go to the login; a signed-in person who reads no figures (a volunteer, an editor)
    gets 403. The view finds what the reader may see as `request.figures_scope`. Responses are private:
    a region's figures stay out of shared caches."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        request.figures_scope = figures_scope(request.user)
        if not request.figures_scope.allowed:
            raise PermissionDenied
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True)
        return response

    return guarded
