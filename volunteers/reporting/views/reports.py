"""The annual reports (being written)."""

from django.http import Http404

from volunteers.reporting.views import figures_reader


@figures_reader
def report_list(request):
    raise Http404


@figures_reader
def report_download(request, pk, fmt):
    raise Http404
