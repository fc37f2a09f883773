"""The days of action (roadmap item 41): the year's calendar, and a page per day with that year's events."""

import datetime as dt

from django.db.models import Count, F, Q, Sum
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from events.models import DayOfAction, EventStatus

# Far enough back for the roadmap's first years, and a few years ahead for events planned early.
FIRST_YEAR = 2021
YEARS_AHEAD = 5


def _year(request) -> int:
    """The year in ?year=, or this year when it is missing, not a number or out of range."""
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return this_year
    return year if FIRST_YEAR <= year <= this_year + YEARS_AHEAD else this_year


def _year_context(year: int) -> dict:
    this_year = timezone.localdate().year
    return {
        "year": year,
        "is_this_year": year == this_year,
        "previous_year": year - 1 if year > FIRST_YEAR else None,
        "next_year": year + 1 if year < this_year + YEARS_AHEAD else None,
    }


def _in_year(year: int, prefix: str = "") -> Q:
    """Events that start in `year`, local time; a range on starts_at so that its index can serve it."""
    zone = timezone.get_current_timezone()
    start, end = dt.datetime(year, 1, 1, tzinfo=zone), dt.datetime(year + 1, 1, 1, tzinfo=zone)
    return Q(**{f"{prefix}starts_at__gte": start, f"{prefix}starts_at__lt": end})


def _listed() -> Q:
    """Published events, and cancelled ones that had been published (they stay, marked, so people know)."""
    return Q(status=EventStatus.PUBLISHED) | Q(status=EventStatus.CANCELLED, published_at__isnull=False)


def _when(day: DayOfAction, year: int) -> dict:
    """The day's date in `year` when it has a fixed one (`exact`), else the first of its month."""
    try:
        return {"date": dt.date(year, day.month, day.day or 1), "exact": day.day is not None}
    except ValueError:  # a day the month does not have (31 April, 29 February in a common year)
        return {"date": dt.date(year, day.month, 1), "exact": False}


def day_list(request):
    year = _year(request)
    days = DayOfAction.objects.annotate(
        event_count=Count(
            "events", filter=_in_year(year, "events__") & Q(events__status=EventStatus.PUBLISHED)
        )
    ).order_by("month", "sort_order", "slug")  # Meta.ordering does not apply to an aggregation
    rows = [{"day": day, **_when(day, year)} for day in days]
    return render(request, "events/days/list.html", {"rows": rows, **_year_context(year)})


def day_detail(request, slug: str):
    day = get_object_or_404(DayOfAction, slug=slug)
    year = _year(request)
    events = (
        day.events.filter(_listed(), _in_year(year))
        .select_related("region")
        .annotate(
            places_left=Sum(
                F("shifts__capacity") - F("shifts__confirmed_count"),
                filter=Q(shifts__cancelled_at__isnull=True),
            )
        )
        .order_by("starts_at", "pk")
    )
    context = {
        "day": day,
        "when": _when(day, year),
        "events": events,
        "now": timezone.now(),
        **_year_context(year),
    }
    return render(request, "events/days/detail.html", context)
