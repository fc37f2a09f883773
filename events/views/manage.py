"""Placeholder until its views are written (this session)."""

from django.http import Http404


def event_list(request, *args, **kwargs):
    raise Http404


def event_create(request, *args, **kwargs):
    raise Http404


def event_detail(request, *args, **kwargs):
    raise Http404


def event_edit(request, *args, **kwargs):
    raise Http404


def event_publish(request, *args, **kwargs):
    raise Http404


def event_cancel(request, *args, **kwargs):
    raise Http404
