"""The dashboard and its exports (being written)."""

from django.http import Http404

from volunteers.reporting.views import figures_reader


@figures_reader
def dashboard(request):
    raise Http404


@figures_reader
def export(request, fmt):
    raise Http404
