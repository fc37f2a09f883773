"""The figures the dashboards, the annual reports and the exports show: what a figure is, the registry of the
apps that give figures, and the dashboard's assembly.

Each part of the platform that holds figures registers a *provider* (`@figures_provider(order)`), a function
of a FigureQuery (an area and a period) that returns a Section: a few headline numbers and tables. The
volunteers domain's own (volunteers, hours and their value, mentoring, clubs) live in volunteers/; events and
training register theirs from their own apps (events/figures.py, training/figures.py), so the dependencies
still flow one way. A provider reads aggregates only, never a person's data, and from the rollups
(volunteers.reporting.selectors) wherever the volunteer book would be read: a fixed number of queries whatever
the size of the tables.

Every table can be drawn as a chart (its first value column, `chart`) and is always shown as a table too, so
a reader without the chart (a screen reader, a printout, the spreadsheet) has every number.
"""

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.utils import timezone, translation

Number = int | Decimal | None


class Unit:
    """How a value is read and formatted."""

    PEOPLE = "people"
    COUNT = "count"
    HOURS = "hours"
    TENGE = "tenge"
    PERCENT = "percent"


class Chart:
    """How a table is drawn: bars for a breakdown, columns for a series in time, none (the table only)."""

    BARS = "bars"
    COLUMNS = "columns"
    NONE = ""


@dataclass(frozen=True)
class FigureQuery:
    """An area and a period whose figures are read.

    The area is the whole country (neither id), a region, or an organisation, never two of them. The period is
    whole months, from the first day of `start`'s month to the last day of `end`'s: the rollups hold months.
    Who may read the area is the gate's question (permissions.figures_scope), asked before a query is made."""

    start: dt.date
    end: dt.date
    region_id: int | None = None
    organisation_id: int | None = None

    def __post_init__(self):
        if self.region_id is not None and self.organisation_id is not None:
            raise ValueError("a region or an organisation, not both")
        if self.end < self.start:
            raise ValueError("the period ends before it starts")

    @classmethod
    def months(
        cls,
        first: dt.date,
        last: dt.date,
        *,
        region_id: int | None = None,
        organisation_id: int | None = None,
    ) -> "FigureQuery":
        """From the first day of `first`'s month to the last day of `last`'s."""
        end = last.replace(day=calendar.monthrange(last.year, last.month)[1])
        return cls(first.replace(day=1), end, region_id=region_id, organisation_id=organisation_id)

    @classmethod
    def year(cls, year: int, **area) -> "FigureQuery":
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), **area)

    @property
    def national(self) -> bool:
        return self.region_id is None and self.organisation_id is None

    @property
    def years(self) -> range:
        return range(self.start.year, self.end.year + 1)

    @property
    def whole_year(self) -> int | None:
        """The year, when the period is exactly one calendar year."""
        if self.start == dt.date(self.start.year, 1, 1) and self.end == dt.date(self.start.year, 12, 31):
            return self.start.year
        return None

    @property
    def on(self) -> dt.date:
        """The day the people are counted on (their age, whether registered): the period's last, or today
        when the period has not ended."""
        return min(self.end, timezone.localdate())

    def rollup_filters(self) -> dict:
        """The filters of volunteers.reporting.selectors for this area and period."""
        filters = {"start": self.start, "end": self.end}
        if self.region_id is not None:
            filters["region"] = self.region_id
        if self.organisation_id is not None:
            filters["organisation"] = self.organisation_id
        return filters

    def area_filters(self) -> dict:
        """`region=` / `organisation=` as the clubs' and other apps' figure functions take them."""
        return {
            key: value
            for key, value in (("region", self.region_id), ("organisation", self.organisation_id))
            if value is not None
        }

    @property
    def key(self) -> str:
        return f"{self.start:%Y%m%d}-{self.end:%Y%m%d}-r{self.region_id or 0}-o{self.organisation_id or 0}"


@dataclass(frozen=True)
class Headline:
    """One number at the top of a section ("Verified hours: 12 400")."""

    key: str
    label: str
    value: Number
    unit: str = Unit.COUNT
    note: str = ""


@dataclass(frozen=True)
class Table:
    """A breakdown or a series: rows of a label and one value per value column.

    `columns` are the headings, the first of the rows' labels ("Region"), then one per value ("Hours");
    `units` has one unit per value column. `chart` draws the first value column. `note` says how the figure is
    counted, or where it comes from, in a sentence under it."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]
    units: tuple[str, ...] = (Unit.COUNT,)
    chart: str = Chart.BARS
    note: str = ""

    def __post_init__(self):
        if len(self.columns) != len(self.units) + 1:
            raise ValueError(f"{self.key}: one heading for the labels and one for each unit")
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(f"{self.key}: a row of {len(row)} cells under {len(self.columns)} headings")

    @property
    def empty(self) -> bool:
        return not any(any(value for value in row[1:]) for row in self.rows)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    headlines: tuple[Headline, ...] = ()
    tables: tuple[Table, ...] = ()
    order: int = 100
    notes: tuple[str, ...] = field(default_factory=tuple)


Provider = Callable[[FigureQuery], Section]
_providers: dict[str, tuple[int, Provider]] = {}


def figures_provider(order: int):
    """Register a provider of a section; sections are shown in the order of `order` (lowest first). A
    provider is registered once under its module and name, however often its module is imported."""

    def register(function: Provider) -> Provider:
        _providers[f"{function.__module__}.{function.__qualname__}"] = (order, function)
        return function

    return register


def providers() -> list[Provider]:
    return [function for _order, function in sorted(_providers.values(), key=lambda item: item[0])]


def sections(query: FigureQuery) -> list[Section]:
    """Every provider's section for `query`, in order, computed now (the reports use this)."""
    return sorted((provider(query) for provider in providers()), key=lambda section: section.order)


CACHE_SECONDS = 600  # the rollups are refreshed every 10 minutes: the dashboard is no older than they are


def dashboard(query: FigureQuery) -> list[Section]:
    """The sections of `query` in the active language, kept in the cache for CACHE_SECONDS: the same area and
    period read by many people in a morning are computed once."""
    key = f"figures:{translation.get_language()}:{query.key}"
    found = cache.get(key)
    if found is None:
        found = sections(query)
        cache.set(key, found, CACHE_SECONDS)
    return found


def find(found: list[Section], key: str) -> Headline | Table | None:
    """The headline or table of `key` among `found` sections."""
    for section in found:
        for item in (*section.headlines, *section.tables):
            if item.key == key:
                return item
    return None
