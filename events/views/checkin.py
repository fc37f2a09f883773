"""Placeholder until its views are written (this session)."""

from django.http import Http404


def checkin(request, *args, **kwargs):
    raise Http404


def attendance(request, *args, **kwargs):
    raise Http404


def export(request, *args, **kwargs):
    raise Http404
