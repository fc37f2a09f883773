"""The annual reports: the list of those the reader may see with the form that asks for one (report_list), and
their files (report_download). Both behind the one gate (figures_reader); a report of a region the reader
does not read is not found, as if it did not exist."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from config.exports import XLSX_CONTENT_TYPE
from volunteers.reporting.forms import ReportForm
from volunteers.reporting.models import ReportStatus
from volunteers.reporting.services.reports import (
    IN_FLIGHT,
    ReportRequestError,
    report_request,
    report_stale,
    reports_visible,
)
from volunteers.reporting.views import figures_reader

PAGE_SIZE = 25
CONTENT_TYPES = {"xlsx": XLSX_CONTENT_TYPE, "pdf": "application/pdf"}
ERROR_FIELDS = {"year_in_future": "year", "language": "language"}


@figures_reader
def report_list(request):
    scope = request.figures_scope
    if request.method == "POST":
        form = ReportForm(scope, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                _report, created = report_request(
                    user=request.user,
                    region_id=data["region_id"],
                    year=data["year"],
                    language=data["language"],
                )
            except ReportRequestError as error:  # the form asked first: only a change in between gets here
                form.add_error(ERROR_FIELDS.get(error.code, "area"), error.message)
            else:
                if created:
                    text = _("The report has been asked for. It is listed below: its files can be downloaded "
                             "as soon as it is ready.")  # fmt: skip
                    messages.success(request, text)
                else:
                    messages.info(
                        request, _("The same report is being prepared already: it is listed below.")
                    )
                return redirect("figures:reports")
    else:
        today = timezone.localdate()
        form = ReportForm(scope, initial={"year": today.year - 1, "language": request.LANGUAGE_CODE})

    page = Paginator(reports_visible(scope).select_related("region"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    now = timezone.now()
    for report in page:
        report.stale = report_stale(report, now=now)
        report.provisional = report.status == ReportStatus.READY and (
            report.figures_as_of is None or timezone.localtime(report.figures_as_of).year <= report.year
        )
    in_flight = any(report.status in IN_FLIGHT and not report.stale for report in page)
    names = {}
    if request.user.is_staff or request.user.is_superuser:
        # Administrators see who asked (the audit log says it too); other readers see "you" or not.
        ids = {report.requested_by_id for report in page if report.requested_by_id}
        names = {user.pk: str(user) for user in get_user_model().objects.filter(pk__in=ids)}
    for report in page:
        report.asker = names.get(report.requested_by_id, "")
    return render(
        request,
        "reporting/reports.html",
        {
            "form": form,
            "page": page,
            "reports": page.object_list,
            "in_flight": in_flight,
            "may_request": bool(form.fields["area"].widget.choices),
            "statuses": ReportStatus,
        },
        status=400 if form.errors else 200,
    )


@figures_reader
def report_download(request, pk, fmt):
    """A ready report's file, to a reader who may see the report; anything else is not found."""
    if fmt not in CONTENT_TYPES:
        raise Http404
    report = (
        reports_visible(request.figures_scope)
        .filter(pk=pk, status=ReportStatus.READY)
        .select_related("region")
        .defer(None)
        .defer("pdf" if fmt == "xlsx" else "xlsx")
        .first()
    )
    content = getattr(report, fmt, None) if report is not None else None
    if not content:
        raise Http404
    if report.national:
        filename = f"birgemiz-national-summary-{report.year}-{report.language}.{fmt}"
    else:
        filename = f"birgemiz-report-{report.region.iso_code}-{report.year}-{report.language}.{fmt}"
    response = HttpResponse(bytes(content), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
