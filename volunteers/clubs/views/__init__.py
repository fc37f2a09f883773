"""The clubs' pages: the public catalogue and enrolment (public, enrolments), a master's own pages and the
coordinators' review (masters), the coordinators' clubs, sessions and attendance (manage). What they share:"""

from functools import wraps

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from volunteers.clubs.errors import ClubsError
from volunteers.clubs.permissions import clubs_managed_by


def private(view):
    """Pages that name children or show a volunteer's contacts or unapproved photos: no copy in any cache, no
    entry in any search engine, no token in a Referer."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)  # Cache-Control: ..., no-store, private
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
        return response

    return wrapped


def link(name: str, *args) -> str:
    return reverse(name, args=args or None)


def form_error(form, error: ClubsError) -> None:
    """A refusal next to the field it is about, or above the form."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


def managed_club(request, pk: int):
    """A club of the organisations the visitor coordinates, or 404 (someone else's club included)."""
    clubs = clubs_managed_by(request.user).select_related("organisation", "craft", "region")
    return get_object_or_404(clubs, pk=pk)
