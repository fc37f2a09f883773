"""The volunteer book's figures: verified hours by month, direction, region and kind, and their economic value
by the ILO's replacement-cost method. Read from the rollups (selectors), a fixed number of queries whatever
the size of the book."""

from collections import defaultdict
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from volunteers.models import Direction, EntryKind, Organisation, OrganisationKind, Region
from volunteers.reporting import selectors
from volunteers.reporting.figures import Chart, FigureQuery, Headline, Section, Table, Unit, figures_provider
from volunteers.reporting.people import month_label
from volunteers.reporting.services.value import WageTable, economic_value


def _names(model, ids) -> dict[int, str]:
    """{id: name in the active language} of the rows of `model` among `ids`; 0 is "not given"."""
    names = {row.pk: str(row) for row in model.objects.filter(pk__in=[pk for pk in ids if pk])}
    return {pk: names.get(pk, _("Not given")) for pk in ids}


def _hours_by_organisation_kind(filters) -> Table:
    """Hours by the kind of organisation they were given with (front offices, NGOs, companies: corporate
    volunteering...): one query of the rollups, one of the organisations named."""
    by_organisation = selectors.hours_by("organisation", **filters)
    kinds = dict(
        Organisation.objects.filter(pk__in=[pk for pk, _hours in by_organisation if pk]).values_list(
            "pk", "kind"
        )
    )
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for pk, hours in by_organisation:
        totals[kinds.get(pk, "")] += hours
    names = dict(OrganisationKind.choices)
    return Table(
        key="hours_by_organisation_kind",
        title=_("Verified hours by type of organisation"),
        columns=(_("Type of organisation"), _("Hours")),
        rows=tuple(
            (str(names[kind]) if kind else _("No organisation"), hours)
            for kind, hours in sorted(totals.items(), key=lambda item: -item[1])
        ),
        units=(Unit.HOURS,),
    )


@figures_provider(order=20)
def hours_section(query: FigureQuery) -> Section:
    filters = query.rollup_filters()
    by_month = selectors.hours_by_month(**filters)
    by_direction = selectors.hours_by("direction", **filters)
    by_kind = selectors.hours_by("kind", **filters)
    total = sum((hours for _month, hours in by_month), Decimal(0))
    tables = [
        Table(
            key="hours_by_month",
            title=_("Verified hours by month"),
            columns=(_("Month"), _("Hours")),
            rows=tuple((month_label(month), hours) for month, hours in by_month),
            units=(Unit.HOURS,),
            chart=Chart.COLUMNS,
        ),
    ]
    directions = _names(Direction, [pk for pk, _hours in by_direction])
    tables.append(
        Table(
            key="hours_by_direction",
            title=_("Verified hours by direction"),
            columns=(_("Direction"), _("Hours")),
            rows=tuple((directions[pk], hours) for pk, hours in by_direction),
            units=(Unit.HOURS,),
        )
    )
    kinds = dict(EntryKind.choices)
    tables.append(
        Table(
            key="hours_by_kind",
            title=_("Verified hours by where they were given"),
            columns=(_("Kind"), _("Hours")),
            rows=tuple((str(kinds.get(kind, kind)), hours) for kind, hours in by_kind),
            units=(Unit.HOURS,),
        )
    )
    if query.organisation_id is None:
        tables.append(_hours_by_organisation_kind(filters))
    if query.region_id is None and query.organisation_id is None:
        by_region = selectors.hours_by("region", **filters)
        regions = _names(Region, [pk for pk, _hours in by_region])
        tables.append(
            Table(
                key="hours_by_region",
                title=_("Verified hours by region"),
                columns=(_("Region"), _("Hours")),
                rows=tuple((regions[pk], hours) for pk, hours in by_region),
                units=(Unit.HOURS,),
                note=_("Hours are placed in the region where they were given, else the volunteer's own."),
            )
        )
    return Section(
        key="hours",
        title=_("Hours"),
        order=20,
        headlines=(Headline("hours_total", _("Verified hours"), total, Unit.HOURS),),
        tables=tuple(tables),
    )


def _fallback_words(row) -> str:
    words = {
        "": _("the region's own average"),
        "national": _("the Republic's average of the same year"),
        "region_earlier": _("the region's average of %(year)s") % {"year": row["wage_year"]},
        "national_earlier": _("the Republic's average of %(year)s") % {"year": row["wage_year"]},
        "missing": _("no average wage: not valued"),
    }
    return str(words[row["fallback"]])


@figures_provider(order=30)
def value_section(query: FigureQuery) -> Section:
    """The economic value of the verified hours: each region's hours of a year × that region's average hourly
    wage of the year (the table admins keep, with its fallbacks)."""
    value = economic_value(selectors.hours_by_region_year(**query.rollup_filters()), wages=WageTable.load())
    regions = _names(Region, sorted({row["region_id"] for row in value["rows"]}))
    rows = tuple(
        (
            f"{regions[row['region_id']]}, {row['year']}",
            row["hours"],
            row["hourly_wage"],
            row["value"],
        )
        for row in sorted(value["rows"], key=lambda row: (row["year"], -(row["value"] or 0)))
    )
    notes = tuple(
        _("%(region)s, %(year)s: valued at %(wage)s.")
        % {"region": regions[row["region_id"]], "year": row["year"], "wage": _fallback_words(row)}
        for row in value["fallbacks"]
    )
    return Section(
        key="value",
        title=_("Economic value of volunteer time"),
        order=30,
        headlines=(
            Headline(
                "economic_value",
                _("Economic value"),
                value["total"],
                Unit.TENGE,
                note=_(
                    "Verified hours × the average hourly wage of the region and year (ILO replacement cost)."
                ),
            ),
        ),
        tables=(
            Table(
                key="value_by_region",
                title=_("Economic value by region and year"),
                columns=(_("Region and year"), _("Value, tenge"), _("Hours"), _("Hourly wage, tenge")),
                rows=tuple((label, amount, hours, wage) for label, hours, wage, amount in rows),
                units=(Unit.TENGE, Unit.HOURS, Unit.TENGE),
                note=_(
                    "The average monthly nominal wage (Bureau of National Statistics) divided by %(hours)s "
                    "working hours a month; admins keep the table."
                )
                % {"hours": formats.number_format(Decimal("166.7"), 1)},
            ),
        ),
        notes=notes,
    )
