"""The training programme's figures for the dashboards and the annual reports (volunteers.reporting.figures):
courses completed, and the certificates issued by course and by month.

- Courses completed: for the country and a region, from the rollups of the volunteer book (a completion that
  a revoked certificate withdrew no longer counts; the region is the volunteer's); for an organisation, the
  certificates issued in the period to its active members and not revoked.
- The tables: the certificates issued in the period and not revoked, by course (its title in the active
  language) and by month; the area is the holder's profile region, or the organisation's active members.

Three queries whatever the number of certificates: the rollups' count, the certificates grouped by course and
month, and the titles of the courses found.
"""

from collections import Counter

from django.db.models import Count, Max
from django.utils.translation import gettext as _

from training.models import Certificate
from volunteers.reporting import selectors
from volunteers.reporting.figures import Chart, FigureQuery, Headline, Section, Table, Unit, figures_provider
from volunteers.reporting.people import members_of, month_label, period_months
from volunteers.reporting.services.rollups import MonthStart


def certificates_of(query: FigureQuery):
    """The certificates issued in the query's period and area, not revoked."""
    certificates = Certificate.objects.filter(
        issued_on__gte=query.start, issued_on__lte=query.end, revoked_at__isnull=True
    ).order_by()
    if query.region_id is not None:
        certificates = certificates.filter(user__profile__region_id=query.region_id)
    if query.organisation_id is not None:
        certificates = certificates.filter(user_id__in=members_of(query.organisation_id))
    return certificates


@figures_provider(order=50)
def training_section(query: FigureQuery) -> Section:
    grouped = list(
        certificates_of(query)
        .values("course_key", month=MonthStart("issued_on"))
        .annotate(n=Count("pk"), latest=Max("pk"))
        .order_by()
    )
    by_course, by_month, latest = Counter(), Counter(), {}
    for row in grouped:
        by_course[row["course_key"]] += row["n"]
        by_month[row["month"]] += row["n"]
        latest[row["course_key"]] = max(latest.get(row["course_key"], 0), row["latest"])
    # A course's title as its latest certificate of the period gives it, in the active language.
    titles = {
        key: str(title)
        for key, title in Certificate.objects.filter(pk__in=latest.values()).values_list(
            "course_key", "course_title"
        )
    }
    if query.organisation_id is None:
        completed = selectors.courses_completed(**query.rollup_filters())
        note = _("Courses completed in the period that still stand, from the volunteer book.")
    else:
        completed = sum(by_course.values())
        note = _("Certificates issued in the period to the organisation's members, not revoked.")
    course_rows = sorted(((titles.get(key, ""), count) for key, count in by_course.items()), key=_by_count)
    return Section(
        key="training",
        title=_("Training"),
        order=50,
        headlines=(Headline("courses_completed", _("Courses completed"), completed, Unit.COUNT, note=note),),
        tables=(
            Table(
                key="courses_by_course",
                title=_("Certificates issued by course"),
                columns=(_("Course"), _("Certificates")),
                rows=tuple(course_rows),
                note=_("Certificates issued in the period and not revoked."),
            ),
            Table(
                key="courses_by_month",
                title=_("Certificates issued by month"),
                columns=(_("Month"), _("Certificates")),
                rows=tuple((month_label(month), by_month[month]) for month in period_months(query)),
                chart=Chart.COLUMNS,
            ),
        ),
    )


def _by_count(row) -> tuple:
    """Most certificates first, then by title."""
    return (-row[1], row[0])
