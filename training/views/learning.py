"""Filled by the training views work."""

from django.http import Http404


def enrol(request, **kwargs):
    raise Http404


def renew(request, **kwargs):
    raise Http404


def lesson_read(request, **kwargs):
    raise Http404


def quiz_submit(request, **kwargs):
    raise Http404
