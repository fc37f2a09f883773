"""Sections other apps add to the volunteer's own account page (their courses, later their book): each is a
function of the request returning the context of its template (with "template"), or None to show nothing."""

from collections.abc import Callable

PROFILE_PANELS: list[Callable] = []


def profile_panel(function):
    PROFILE_PANELS.append(function)
    return function


def profile_panels(request) -> list[dict]:
    return [panel for panel in (function(request) for function in PROFILE_PANELS) if panel]
