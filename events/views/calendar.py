"""Placeholder until its views are written (this session)."""

from django.http import Http404


def signup_ics(request, *args, **kwargs):
    raise Http404


def feed_manage(request, *args, **kwargs):
    raise Http404


def feed_revoke(request, *args, **kwargs):
    raise Http404


def feed(request, *args, **kwargs):
    raise Http404
