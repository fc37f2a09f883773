"""The events' figures for the dashboards and the annual reports (volunteers.reporting.figures): events held,
their places and how full they were, who came, by month, direction, day of action and region.

- Held: published (not cancelled, not a draft) and ended within the period, before now: an event still under
  way or to come is not yet held. The area is the event's region, or its organisation.
- Places: the capacities of the event's shifts, cancelled shifts left out; signed up: the places taken
  (confirmed sign-ups, Shift.confirmed_count); the fill rate: signed up / places, a percent to one place.
- Attended: the sign-ups the organisers marked as attended (on shifts not cancelled): a volunteer at two
  shifts counts twice.

A fixed number of aggregate queries whatever the number of events: the events by month; by direction, region
and day of action; the shifts' places by direction and region; the attended sign-ups by day of action; and
the names of the directions, regions and days of action.
"""

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import DayOfAction, Event, EventStatus, Shift, Signup
from volunteers.models import Direction, Region
from volunteers.reporting.figures import (
    Chart,
    FigureQuery,
    Headline,
    Section,
    Table,
    Unit,
    figures_provider,
    shared,
)
from volunteers.reporting.people import day_start, month_label, period_moments, period_months


def fill_rate(signed_up: int, places: int) -> Decimal | None:
    """Signed up as a percent of the places, to one decimal place; None when there are no places."""
    if not places:
        return None
    return (Decimal(signed_up) * 100 / Decimal(places)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def held_q(query: FigureQuery, prefix: str = "") -> Q:
    """The events held in the query's area and period, from a model whose path to the event is `prefix`."""
    since, until = period_moments(query)
    condition = Q(
        **{
            f"{prefix}status": EventStatus.PUBLISHED,
            f"{prefix}ends_at__gte": since,
            f"{prefix}ends_at__lt": min(until, timezone.now()),
        }
    )
    if query.region_id is not None:
        condition &= Q(**{f"{prefix}region_id": query.region_id})
    if query.organisation_id is not None:
        condition &= Q(**{f"{prefix}organisation_id": query.organisation_id})
    return condition


def _by_month(query: FigureQuery) -> tuple[tuple, ...]:
    """(month, events held) for each month of the period: one aggregate, a count per month of the end's
    moment in the site's time zone (comparisons an index answers, no conversion of every row)."""
    months = period_months(query)
    counts = shared(
        f"events:months:{query.key}",
        lambda: Event.objects.filter(held_q(query)).aggregate(
            **{
                f"m{month:%Y%m}": Count(
                    "pk",
                    filter=Q(ends_at__gte=day_start(month), ends_at__lt=day_start(_next_month(month))),
                )
                for month in months
            }
        ),
    )
    return tuple((month_label(month), counts[f"m{month:%Y%m}"]) for month in months)


def _next_month(month):
    return month.replace(year=month.year + month.month // 12, month=month.month % 12 + 1)


def _with_rate(held: int, places: int, signed_up: int) -> tuple:
    return (held, places, signed_up, fill_rate(signed_up, places))


def _counts(query: FigureQuery) -> tuple[list, list, Counter]:
    """The section's counts, in no language: events held by direction, region and day of action; places and
    sign-ups by direction and region; attendances by day of action."""
    events = list(
        Event.objects.filter(held_q(query))
        .values("direction_id", "region_id", "day_of_action_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    shifts = list(
        Shift.objects.filter(held_q(query, "event__"), cancelled_at__isnull=True)
        .values("event__direction_id", "event__region_id")
        .annotate(places=Sum("capacity"), signed_up=Sum("confirmed_count"))
        .order_by()
    )
    attended = Counter(
        dict(
            Signup.objects.filter(
                held_q(query, "shift__event__"), attended=True, shift__cancelled_at__isnull=True
            )
            .values_list("shift__event__day_of_action_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
    )
    return events, shifts, attended


@figures_provider(order=40)
def events_section(query: FigureQuery) -> Section:
    events, shifts, attended = shared(f"events:{query.key}", lambda: _counts(query))

    def totals(events_key, shifts_key):
        held, places, signed_up = Counter(), Counter(), Counter()
        for row in events:
            held[row[events_key]] += row["n"]
        for row in shifts:
            places[row[shifts_key]] += row["places"] or 0
            signed_up[row[shifts_key]] += row["signed_up"] or 0
        return held, places, signed_up

    held_total = sum(row["n"] for row in events)
    places_total = sum(row["places"] or 0 for row in shifts)
    signed_up_total = sum(row["signed_up"] or 0 for row in shifts)
    headlines = (
        Headline(
            "events_held",
            _("Events held"),
            held_total,
            Unit.COUNT,
            note=_("Published events that ended in the period; cancelled ones are left out."),
        ),
        Headline("events_places", _("Places at events"), places_total, Unit.COUNT),
        Headline(
            "events_fill_rate",
            _("Places filled"),
            fill_rate(signed_up_total, places_total),
            Unit.PERCENT,
            note=_("Volunteers signed up as a share of the places; cancelled shifts are left out."),
        ),
        Headline(
            "events_attended",
            _("Attendances"),
            sum(attended.values()),
            Unit.PEOPLE,
            note=_("Sign-ups the organisers marked as attended: a volunteer at two shifts counts twice."),
        ),
    )
    rate_columns = (_("Events held"), _("Places"), _("Signed up"), _("Fill rate, %"))
    rate_units = (Unit.COUNT, Unit.COUNT, Unit.PEOPLE, Unit.PERCENT)
    tables = [
        Table(
            key="events_by_month",
            title=_("Events held by month"),
            columns=(_("Month"), _("Events held")),
            rows=_by_month(query),
            chart=Chart.COLUMNS,
        )
    ]
    held, places, signed_up = totals("direction_id", "event__direction_id")
    tables.append(
        Table(
            key="events_by_direction",
            title=_("Events by direction"),
            columns=(_("Direction"), *rate_columns),
            rows=tuple(
                (
                    str(direction),
                    *_with_rate(held[direction.pk], places[direction.pk], signed_up[direction.pk]),
                )
                for direction in Direction.objects.all()
            ),
            units=rate_units,
        )
    )
    by_day = Counter()
    for row in events:
        by_day[row["day_of_action_id"]] += row["n"]
    tables.append(
        Table(
            key="events_by_day_of_action",
            title=_("The unified days of action"),
            columns=(_("Day of action"), _("Events held"), _("Attendances")),
            rows=tuple((str(day), by_day[day.pk], attended[day.pk]) for day in DayOfAction.objects.all()),
            units=(Unit.COUNT, Unit.PEOPLE),
            note=_("Events held as part of each day of action, and the sign-ups marked as attended at them."),
        )
    )
    if query.national:
        held, places, signed_up = totals("region_id", "event__region_id")
        regions = [(region.pk, str(region)) for region in Region.objects.all()]
        if held[None]:
            regions.append((None, _("Online")))
        tables.append(
            Table(
                key="events_by_region",
                title=_("Events by region"),
                columns=(_("Region"), *rate_columns),
                rows=tuple((name, *_with_rate(held[pk], places[pk], signed_up[pk])) for pk, name in regions),
                units=rate_units,
            )
        )
    return Section(key="events", title=_("Events"), order=40, headlines=headlines, tables=tuple(tables))
