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
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
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


def plain(value):
    """A Decimal without trailing zeros: PostgreSQL sums 9.50 where SQLite sums 9.5, the same number, and the
    pages, files and reports show it the same."""
    if isinstance(value, Decimal) and value.is_finite():
        return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return value


@dataclass(frozen=True)
class Headline:
    """One number at the top of a section ("Verified hours: 12 400")."""

    key: str
    label: str
    value: Number
    unit: str = Unit.COUNT
    note: str = ""

    def __post_init__(self):
        object.__setattr__(self, "value", plain(self.value))


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
        object.__setattr__(self, "rows", tuple(tuple(plain(cell) for cell in row) for row in self.rows))

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
WARM_SECONDS = CACHE_SECONDS + 300  # what the beat warms outlives the next beat, so no reader waits


def _cache_key(query: FigureQuery) -> str:
    return f"figures:{translation.get_language()}:{query.key}"


def _computed(query: FigureQuery) -> tuple[dt.datetime | None, list[Section]]:
    """(when the rollups had last read the volunteer book, the sections): read in that order, so the time
    shown is never later than the figures shown."""
    from volunteers.reporting.models import RollupState

    as_of = RollupState.objects.filter(name="ledger").values_list("refreshed_at", flat=True).first()
    return as_of, sections(query)


def dashboard_with_time(query: FigureQuery) -> tuple[dt.datetime | None, list[Section]]:
    """(when the figures were brought up to date, the sections of `query`) in the active language, kept in
    the cache for CACHE_SECONDS: the same area and period read by many people in a morning are computed
    once."""
    key = _cache_key(query)
    found = cache.get(key)
    if found is None:
        found = _computed(query)
        cache.set(key, found, CACHE_SECONDS)
    return found


def dashboard(query: FigureQuery) -> list[Section]:
    return dashboard_with_time(query)[1]


def default_queries(today: dt.date | None = None) -> list[FigureQuery]:
    """What most readers open first, the dashboard's default period (this year up to this month), for the
    country and each region."""
    from volunteers.models import Region

    today = today or timezone.localdate()
    first, last = dt.date(today.year, 1, 1), today.replace(day=1)
    regions = Region.objects.order_by("pk").values_list("pk", flat=True)
    return [
        FigureQuery.months(first, last),
        *(FigureQuery.months(first, last, region_id=pk) for pk in regions),
    ]


_shared: ContextVar[dict | None] = ContextVar("figures_shared", default=None)


def shared(key: str, compute: Callable):
    """What `compute()` returns, computed once while the same figures are made in several languages
    (dashboard_warm): a provider's counts are in no language, only their labels are. Elsewhere (a reader's
    request, a report) computed each time."""
    memo = _shared.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def dashboard_warm(queries: list[FigureQuery]) -> int:
    """Compute `queries` in every language of the site and keep them for WARM_SECONDS (the beat calls it
    after each refresh of the rollups): the national dashboard, the slowest, is then never computed while a
    reader waits. The counts a provider shares (`shared`) are counted once a query, not once a language.
    Returns the number of dashboards computed."""
    for query in queries:
        token = _shared.set({})
        try:
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    cache.set(_cache_key(query), _computed(query), WARM_SECONDS)
        finally:
            _shared.reset(token)
    return len(queries) * len(settings.LANGUAGES)


def find(found: list[Section], key: str) -> Headline | Table | None:
    """The headline or table of `key` among `found` sections."""
    for section in found:
        for item in (*section.headlines, *section.tables):
            if item.key == key:
                return item
    return None
