"""Filled by the training views work."""

from django.http import Http404


def training_status(request, **kwargs):
    raise Http404
