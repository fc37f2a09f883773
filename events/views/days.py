"""Placeholder until its views are written (this session)."""

from django.http import Http404


def day_list(request, *args, **kwargs):
    raise Http404


def day_detail(request, *args, **kwargs):
    raise Http404
