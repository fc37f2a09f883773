"""Reads of the figures from the rollups (reporting.services.rollups), never from the volunteer book's rows:
each function is one aggregate query over a table of months, whatever the size of the book.

Filters, all optional and combined:
- `region`, `organisation`, `direction`: an id, a model instance, or a collection of either (a scope: the
  regions an analyst reads, the organisations a coordinator manages); 0 is "none given" in the rollups;
- `kind`: one EntryKind of hours or a collection of them (default: every kind of hours);
- the period: `year`, or `start` and/or `end` dates. The rollups hold months, so a period covers the whole
  months its dates fall in (from 15 March to 10 May: March, April and May). A period that ends before it
  starts raises PeriodError (a ValueError).

Hours are Decimals; a region, organisation or direction is its id, 0 for the entries that name none.
"""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.db import models
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from volunteers.models import EntryKind
from volunteers.reporting.models import HoursMonth, VolunteerYear
from volunteers.services.stages import HOUR_KINDS

DIMENSIONS = {
    "region": "region_id",
    "organisation": "organisation_id",
    "direction": "direction_id",
    "kind": "kind",
}


class PeriodError(ValueError):
    """A period the figures cannot be read for; `.code` is stable, `.message` is for the visitor."""

    messages = {
        "period_reversed": _("The period ends before it starts."),
        "period_twice": _("Give either a year or a period's dates, not both."),
    }

    def __init__(self, code: str):
        self.code = code
        self.message = self.messages[code]
        super().__init__(str(self.message))


def period_months(
    *, start: dt.date | None = None, end: dt.date | None = None, year: int | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """The first and the last month (their first days) a period covers; None where it is open."""
    if year is not None:
        if start is not None or end is not None:
            raise PeriodError("period_twice")
        return dt.date(year, 1, 1), dt.date(year, 12, 1)
    if start is not None and end is not None and end < start:
        raise PeriodError("period_reversed")
    return (start.replace(day=1) if start else None, end.replace(day=1) if end else None)


def _ids(value) -> set[int] | None:
    if value is None:
        return None
    if isinstance(value, models.Model):
        return {value.pk}
    if isinstance(value, int):
        return {value}
    if isinstance(value, Iterable) and not isinstance(value, str):
        return {item.pk if isinstance(item, models.Model) else int(item) for item in value}
    raise TypeError(f"an id, an instance or a collection of them, not {value!r}")


def _kinds(kind) -> list[str]:
    if kind is None:
        return [str(value) for value in HOUR_KINDS]
    if isinstance(kind, str):
        return [str(kind)]
    return [str(value) for value in kind]


def _months(*, region=None, organisation=None, direction=None, kind=None, start=None, end=None, year=None):
    first, last = period_months(start=start, end=end, year=year)
    condition = Q()
    scopes = {"region_id": region, "organisation_id": organisation, "direction_id": direction}
    for field, value in scopes.items():
        ids = _ids(value)
        if ids is not None:
            condition &= Q(**{f"{field}__in": ids})
    condition &= Q(kind__in=_kinds(kind))
    if first is not None:
        condition &= Q(month__gte=first)
    if last is not None:
        condition &= Q(month__lte=last)
    return HoursMonth.objects.filter(condition).order_by(), (first, last)


def hours_total(**filters) -> Decimal:
    """The verified hours of the filters' entries (see the module's docstring for the filters)."""
    rows, _period = _months(**filters)
    return rows.aggregate(hours=Sum("hours"))["hours"] or Decimal(0)


def hours_by_month(**filters) -> list[tuple[dt.date, Decimal]]:
    """[(first day of the month, hours)] in order of months: every month of the period, with no hours where
    none were recorded; when the period is open at an end, from or up to the months that have hours."""
    rows, (first, last) = _months(**filters)
    hours = dict(rows.values_list("month").annotate(hours=Sum("hours")).values_list("month", "hours"))
    if not hours and (first is None or last is None):
        return []
    month = first or min(hours)
    last = last or max(hours)
    series = []
    while month <= last:
        series.append((month, hours.get(month, Decimal(0))))
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return series


def hours_by(dimension: str, **filters) -> list[tuple[int | str, Decimal]]:
    """[(id, hours)] by "region", "organisation", "direction" (ids, 0 for none) or "kind" (EntryKind
    values), most hours first; only those with hours recorded in the period."""
    try:
        field = DIMENSIONS[dimension]
    except KeyError:
        raise ValueError(f"dimension must be one of {', '.join(DIMENSIONS)}, not {dimension!r}") from None
    rows, _period = _months(**filters)
    grouped = rows.values(field).annotate(total=Sum("hours")).order_by("-total", field)
    return [(row[field], row["total"]) for row in grouped]


def courses_completed(
    *, region=None, organisation=None, direction=None, start=None, end=None, year=None
) -> int:
    """Courses completed in the period that still stand (a revoked certificate no longer counts in the month
    it was issued in). The region is the volunteer's (the book gives none for a course)."""
    rows, _period = _months(
        region=region, organisation=organisation, direction=direction, kind=EntryKind.COURSE_COMPLETED,
        start=start, end=end, year=year,
    )  # fmt: skip
    return rows.aggregate(entries=Sum("entries"))["entries"] or 0


# --- Active volunteers --------------------------------------------------------------------------------------
# Active in a month: the volunteer's net verified hours of the month are positive; in a year: in any month.
# The region is the volunteer's (their profile's), not where the hours were given.


def _bit(month: int) -> int:
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1 to 12, not {month!r}")
    return 1 << (month - 1)


def _volunteer_years(year: int, region=None):
    rows = VolunteerYear.objects.filter(year=year).order_by()
    ids = _ids(region)
    if ids is not None:
        rows = rows.filter(region_id__in=ids)
    return rows


def active_volunteers(year: int, *, region=None, month: int | None = None) -> int:
    """Volunteers active in `year` (or in its `month`, 1-12), living in `region` (ids, instances, a set)."""
    rows = _volunteer_years(year, region)
    if month is None:
        return rows.filter(months__gt=0).count()
    return rows.alias(bit=F("months").bitand(_bit(month))).filter(bit__gt=0).count()


def active_volunteers_by_region(year: int, *, month: int | None = None, region=None) -> dict[int, int]:
    """{region id (0: not given): volunteers active in the year, or in its `month`}; regions with none are
    left out."""
    rows = _volunteer_years(year, region)
    if month is None:
        rows = rows.filter(months__gt=0)
    else:
        rows = rows.alias(bit=F("months").bitand(_bit(month))).filter(bit__gt=0)
    return dict(rows.values_list("region_id").annotate(count=Count("pk")).values_list("region_id", "count"))


def active_volunteers_by_month(year: int, *, region=None) -> list[tuple[dt.date, int]]:
    """[(first day of the month, volunteers active in it)] for the twelve months of `year`."""
    rows = _volunteer_years(year, region).alias(
        **{f"bit{month}": F("months").bitand(_bit(month)) for month in range(1, 13)}
    )
    counts = rows.aggregate(
        **{f"m{month}": Count("pk", filter=Q(**{f"bit{month}__gt": 0})) for month in range(1, 13)}
    )
    return [(dt.date(year, month, 1), counts[f"m{month}"]) for month in range(1, 13)]


def hours_by_region_year(**filters) -> list[tuple[int, int, Decimal]]:
    """[(region id, year, hours)] of the filters' entries: what the value of volunteer time is computed
    from (services.value.economic_value), each region's hours at its own year's wage."""
    rows, _period = _months(**filters)
    grouped = (
        rows.annotate(year=ExtractYear("month"))
        .values("region_id", "year")
        .annotate(total=Sum("hours"))
        .order_by("year", "region_id")
    )
    return [(row["region_id"], row["year"], row["total"]) for row in grouped]
