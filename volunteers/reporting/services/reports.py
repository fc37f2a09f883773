"""The roadmap's annual reports: asked for by a reader (report_request), prepared by a Celery task
(report_generate) as an XLSX workbook and a PDF, kept on the AnnualReport row.

The order behind the roadmap (No. 84-r of 22 April 2021, items 2-3) asks each akimat to report on the
roadmap's measures once a year, by the 25th of the month after the year, and the ministry to sum the reports
up by 1 March. A report lists every measure with the figures the platform holds for it (the providers'
headlines and tables named in roadmap.MEASURES), then every section in full; the national summary adds a
table of the regions. Figures only: counts and sums, never a person.

Asking twice for a report being prepared gives the one being prepared; asking again for one that is ready
prepares a new one (the figures may have changed since: late verifications, a corrected wage).
"""

import datetime as dt
import logging
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from volunteers.audit import audit_log
from volunteers.models import Region, VolunteerProfile
from volunteers.reporting import figures, selectors
from volunteers.reporting.documents import MeasureFigures, ReportContent, report_pdf, report_xlsx
from volunteers.reporting.figures import FigureQuery, Section, Table, Unit
from volunteers.reporting.models import AnnualReport, RegionWage, ReportStatus, RollupState
from volunteers.reporting.permissions import FiguresScope, figures_scope, scope_allows, scope_q
from volunteers.reporting.roadmap import MEASURES
from volunteers.reporting.services.rollups import STATE, rollups_refresh
from volunteers.reporting.services.value import WageTable, economic_value

logger = logging.getLogger(__name__)

IN_FLIGHT = (ReportStatus.QUEUED, ReportStatus.RUNNING)
# A report still queued or being prepared this long after it was asked for was lost (a worker stopped, the
# broker was down): it no longer holds a new request back, and the list says it was interrupted. Well over the
# task's time limit and a busy queue's wait.
STALE_AFTER = dt.timedelta(hours=1)
ERROR_LENGTH = 500


class ReportRequestError(Exception):
    """A report that may not be asked for; `.code` is stable, `.message` is for the reader."""

    messages = {
        "not_allowed": gettext_lazy("You may not prepare this report."),
        "year_in_future": gettext_lazy("A report is of a year that has begun or ended."),
        "language": gettext_lazy("Choose one of the site's languages."),
        "unknown_region": gettext_lazy("There is no such region. Choose one from the list."),
    }

    def __init__(self, code: str):
        self.code = code
        self.message = self.messages[code]
        super().__init__(str(self.message))


def reports_visible(scope: FiguresScope):
    """The reports `scope` may see and download, newest first, without their files: the national summaries
    for national readers, a region's reports for those who read the region (the gate's scope_allows, as a
    filter)."""
    return (
        AnnualReport.objects.filter(scope_q(scope, region_field="region_id"))
        .defer("xlsx", "pdf")
        .order_by("-requested_at", "-pk")
    )


def report_stale(report: AnnualReport, *, now: dt.datetime | None = None) -> bool:
    return report.status in IN_FLIGHT and report.requested_at < (now or timezone.now()) - STALE_AFTER


@transaction.atomic
def report_request(*, user, region_id: int | None, year: int, language: str) -> tuple[AnnualReport, bool]:
    """The annual report of `region_id` (None: the national summary) for `year` in `language`, queued for the
    task; (the report, True) when a new one was queued, (the one being prepared, False) when the same is
    already queued or being prepared. The forms ask the same questions first, with the messages next to
    their fields: this is the backstop for any other caller."""
    if region_id is not None and not Region.objects.filter(pk=region_id).exists():
        raise ReportRequestError("unknown_region")
    if not scope_allows(figures_scope(user), region_id=region_id):
        raise ReportRequestError("not_allowed")
    if year > timezone.localdate().year:
        raise ReportRequestError("year_in_future")
    if language not in dict(settings.LANGUAGES):
        raise ReportRequestError("language")
    now = timezone.now()
    same = AnnualReport.objects.defer("xlsx", "pdf").filter(
        year=year, region_id=region_id, language=language, status__in=IN_FLIGHT
    )
    for report in same.order_by("-requested_at"):
        if not report_stale(report, now=now):
            return report, False
    same.filter(requested_at__lt=now - STALE_AFTER).update(
        status=ReportStatus.FAILED, finished_at=now, error="interrupted: asked for again"
    )
    report = AnnualReport.objects.create(year=year, region_id=region_id, language=language, requested_by=user)
    audit_log(actor=user, action="reporting.report.requested", report=report.pk, year=year, region=region_id,
              language=language)  # fmt: skip
    from volunteers.reporting.tasks import report_generate as task

    # robust: a broker that cannot be reached leaves the report queued (and, an hour later, interrupted)
    # rather than failing the reader's request after the row is committed.
    transaction.on_commit(lambda: task.delay(report.pk), robust=True)
    return report, True


def report_generate(*, report_id: int) -> str:
    """Prepare the queued report `report_id`: refresh the rollups (the report holds everything verified until
    it is made), compute every section in the report's language, build both files and keep them with the
    report, READY. Returns the report's status. A report not queued is left alone (a repeated task does
    nothing); on any error the report is FAILED, its error logged, and no file is kept."""
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().defer("xlsx", "pdf").filter(pk=report_id).first()
        if report is None:
            return "missing"
        if report.status != ReportStatus.QUEUED:
            return report.status
        report.status, report.started_at = ReportStatus.RUNNING, timezone.now()
        report.save(update_fields=["status", "started_at"])
    running = AnnualReport.objects.filter(pk=report.pk, status=ReportStatus.RUNNING)
    try:
        figures_as_of = _rollups_fresh()
        with translation.override(report.language):
            content = report_content(report, figures_as_of=figures_as_of)
            xlsx, pdf = report_xlsx(content), report_pdf(content)
    except Exception as error:
        logger.exception("annual report %s failed", report.pk)
        running.update(status=ReportStatus.FAILED, finished_at=timezone.now(), xlsx=None, pdf=None,
                       error=f"{type(error).__name__}: {error}"[:ERROR_LENGTH])  # fmt: skip
        return ReportStatus.FAILED
    # Both files and the status in one statement: a report is READY with both files or has none.
    done = running.update(status=ReportStatus.READY, finished_at=timezone.now(), figures_as_of=figures_as_of,
                          xlsx=xlsx, pdf=pdf, error="")  # fmt: skip
    return ReportStatus.READY if done else "interrupted"


def _rollups_fresh() -> dt.datetime | None:
    """Bring the rollups up to date; returns the moment the figures are of. When the refresh could read the
    book to its end, the moment it started (every entry verified before it is in); when the book's writers
    kept it from starting (PostgreSQL, busy), the last refresh's."""
    started = timezone.now()
    if not rollups_refresh()["busy"]:
        return started
    return RollupState.objects.filter(name=STATE).values_list("refreshed_at", flat=True).first()


# --- The content --------------------------------------------------------------------------------------------


def due_date(report: AnnualReport) -> dt.date:
    """An akimat's report is due by the 25th of the month after the year; the national summary by 1 March."""
    return dt.date(report.year + 1, 3, 1) if report.national else dt.date(report.year + 1, 1, 25)


def _moment(value: dt.datetime | None) -> str:
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else "—"


def report_title(report: AnnualReport) -> str:
    if report.national:
        return _("National summary on volunteering, %(year)s") % {"year": report.year}
    return _("Annual report on volunteering: %(region)s, %(year)s") % {
        "region": report.region,
        "year": report.year,
    }


def report_content(report: AnnualReport, *, figures_as_of: dt.datetime | None) -> ReportContent:
    """What the report says, in the active language: its facts, the roadmap's measures with the figures found
    for each, every provider's section, the regions (national summary) and the wages used."""
    query = FigureQuery.year(report.year, region_id=report.region_id)
    found = figures.sections(query)
    provisional = figures_as_of is None or timezone.localtime(figures_as_of).year <= report.year
    facts = (
        (_("Area"), str(report.region) if report.region_id else _("Kazakhstan (the whole country)")),
        (_("Year"), str(report.year)),
        (
            _("Basis"),
            _(
                "Order of the Prime Minister of the Republic of Kazakhstan No. 84-r of 22 April 2021 on "
                "the Roadmap for the development of volunteering for 2021–2023, items 2–3: the akimats "
                "report on the roadmap's measures once a year, by the 25th of the month after the year; the "
                "ministry sums the reports up by 1 March."
            ),
        ),
        (_("Due by"), formats.date_format(due_date(report), "DATE_FORMAT")),
        (
            _("Figures as of"),
            _("%(moment)s: everything verified until then is counted.") % {"moment": _moment(figures_as_of)},
        ),
        (
            _("State of the figures"),
            _("Provisional: the year is not over.")
            if provisional
            else _("The year is over: the figures are of the whole year."),
        ),
        (_("Prepared on"), _moment(timezone.now())),
    )
    measures = tuple(
        MeasureFigures(
            items=measure.items,
            title=str(measure.title),
            figures=tuple(item for key in measure.keys if (item := figures.find(found, key)) is not None),
        )
        for measure in MEASURES
    )
    names = {region.pk: str(region) for region in Region.objects.all()}
    value = economic_value(selectors.hours_by_region_year(**query.rollup_filters()), wages=WageTable.load())
    extra = [_regions_section(report.year, value, names)] if report.national else []
    extra.append(_wages_section(value, names))
    return ReportContent(
        title=report_title(report),
        language=report.language,
        facts=facts,
        measures=measures,
        sections=(*found, *extra),
    )


def _regions_section(year: int, value: dict, names: dict[int, str]) -> Section:
    """Every region's registered and active volunteers, verified hours and their value: four grouped queries
    whatever the number of regions (the value's were made already)."""
    year_end = dt.datetime(year + 1, 1, 1, tzinfo=timezone.get_current_timezone())
    registered = dict(
        VolunteerProfile.objects.active()
        .filter(created_at__lt=year_end)
        .order_by()
        .values_list("region_id")
        .annotate(count=Count("pk"))
        .values_list("region_id", "count")
    )
    registered = {region_id or 0: count for region_id, count in registered.items()}
    active = selectors.active_volunteers_by_region(year)
    hours = dict(selectors.hours_by("region", year=year))
    worth = value["by_region"]
    rows = []
    for region_id, name in names.items():  # in the order of the regions' ISO codes
        rows.append(
            (name, registered.get(region_id, 0), active.get(region_id, 0), hours.get(region_id, Decimal(0)),
             worth.get(region_id, Decimal(0)))
        )  # fmt: skip
    if any((registered.get(0), active.get(0), hours.get(0), worth.get(0))):
        rows.append((_("Not given"), registered.get(0, 0), active.get(0, 0), hours.get(0, Decimal(0)),
                     worth.get(0, Decimal(0))))  # fmt: skip
    rows.append(
        (_("Total"), sum(registered.values()), sum(active.values()), sum(hours.values(), Decimal(0)),
         value["total"])
    )  # fmt: skip
    return Section(
        key="report_regions",
        title=_("The regions"),
        order=900,
        tables=(
            Table(
                key="report_regions",
                title=_("Volunteers, hours and their value by region, %(year)s") % {"year": year},
                columns=(
                    _("Region"),
                    _("Registered volunteers"),
                    _("Active volunteers"),
                    _("Verified hours"),
                    _("Economic value, tenge"),
                ),  # fmt: skip
                rows=tuple(rows),
                units=(Unit.PEOPLE, Unit.PEOPLE, Unit.HOURS, Unit.TENGE),
                note=_(
                    "Volunteers are counted in the region they live in (registered by the end of the year; "
                    "active: with verified hours in it); hours and their value in the region where they were "
                    "given, else the volunteer's own."
                ),
            ),
        ),
    )


def _wages_section(value: dict, names: dict[int, str]) -> Section:
    """The average wages the hours were valued at (rows of RegionWage) and where each comes from."""
    used = sorted(
        {(row["wage_region_id"], row["wage_year"]) for row in value["rows"] if row["wage_year"] is not None},
        key=lambda key: (key[1], names.get(key[0], "")),
    )
    wages = {
        (wage.region_id or 0, wage.year): wage
        for wage in RegionWage.objects.filter(year__in={year for _region, year in used})
    }
    republic = _("Republic of Kazakhstan")
    rows, sources = [], defaultdict(list)
    for region_id, year in used:
        wage = wages.get((region_id, year))
        if wage is None:  # edited away since the value was computed: nothing to cite
            continue
        label = f"{names.get(region_id, republic) if region_id else republic}, {year}"
        rows.append((label, wage.monthly_wage, wage.hours_per_month, wage.hourly_wage))
        sources[(wage.source, wage.source_url)].append(label)
    notes = [
        _("Valued at the ILO's replacement cost: verified hours × the average hourly wage of the region.")
    ]
    notes += [
        _("%(wages)s: %(source)s") % {"wages": "; ".join(labels), "source": f"{source} {url}".strip()}
        for (source, url), labels in sources.items()
    ]
    return Section(
        key="report_wages",
        title=_("Average wages and their sources"),
        order=1000,
        tables=(
            Table(
                key="report_wages",
                title=_("Average wages the hours were valued at"),
                columns=(
                    _("Region and year"),
                    _("Average monthly wage, tenge"),
                    _("Working hours in a month"),
                    _("Hourly wage, tenge"),
                ),  # fmt: skip
                rows=tuple(rows),
                units=(Unit.TENGE, Unit.HOURS, Unit.TENGE),
                chart="",
            ),
        ),
        notes=tuple(notes),
    )
