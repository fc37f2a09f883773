"""Filled by the training views work."""

from django.http import Http404


def my_learning(request, **kwargs):
    raise Http404


def certificate_pdf(request, **kwargs):
    raise Http404


def certificate_verify(request, **kwargs):
    raise Http404
