"""Placeholder until its views are written (this session)."""

from django.http import Http404


def event_list(request, *args, **kwargs):
    raise Http404


def event_detail(request, *args, **kwargs):
    raise Http404


def signup_create(request, *args, **kwargs):
    raise Http404


def my_events(request, *args, **kwargs):
    raise Http404


def my_signup(request, *args, **kwargs):
    raise Http404


def my_signup_cancel(request, *args, **kwargs):
    raise Http404


def my_signup_qr(request, *args, **kwargs):
    raise Http404
