"""The economic value of volunteer time by the ILO's replacement-cost method (ILO Manual on the Measurement of
Volunteer Work, 2011): the hours volunteered × the average hourly wage of the region and year, the wage being
the average monthly nominal wage (table RegionWage, Bureau of National Statistics) / the working hours of a
month.

Which wage an hour of region R in year Y is valued at, first found:
1. R's row of year Y;
2. the Republic's row of year Y (fallback "national");
3. R's latest row before Y (fallback "region_earlier");
4. the Republic's latest row before Y (fallback "national_earlier");
otherwise none: the hours are left out of the value and listed as missing. The year is kept before the region
because a wage of another year is of another price level (wages grew 15-24% a year in 2021-2023), while a
national figure of the same year is at least of the right one. Hours of no region (region id 0 or None) are
valued at the Republic's wage of the year, which is not a fallback; of an earlier year it is.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from volunteers.reporting.models import RegionWage

CENT = Decimal("0.01")
NATIONAL = 0  # the Republic, and hours of no region, as the rollups' region ids have it


@dataclass(frozen=True)
class Wage:
    """The wage an hour was valued at: whose (`region_id`, 0 for the Republic) and of which year, and why that
    one (`fallback`: "" when it is the region's own of the year)."""

    hourly: Decimal
    region_id: int
    year: int
    fallback: str


class WageTable:
    """The whole table of wages read in one query (a few rows a region and year), for many look-ups."""

    def __init__(self, rows: Iterable[tuple[int | None, int, Decimal, Decimal]]):
        self._hourly: dict[int, dict[int, Decimal]] = defaultdict(dict)
        for region_id, year, monthly_wage, hours_per_month in rows:
            hourly = RegionWage(monthly_wage=monthly_wage, hours_per_month=hours_per_month).hourly_wage
            self._hourly[region_id or NATIONAL][year] = hourly

    @classmethod
    def load(cls) -> "WageTable":
        return cls(RegionWage.objects.values_list("region_id", "year", "monthly_wage", "hours_per_month"))

    def _earlier(self, region_id: int, year: int) -> tuple[int, Decimal] | None:
        years = [y for y in self._hourly.get(region_id, ()) if y < year]
        return (max(years), self._hourly[region_id][max(years)]) if years else None

    def lookup(self, region_id: int | None, year: int) -> Wage | None:
        region_id = region_id or NATIONAL
        own = self._hourly.get(region_id, {})
        if year in own:
            return Wage(own[year], region_id, year, "")
        national = self._hourly.get(NATIONAL, {})
        if region_id != NATIONAL:
            if year in national:
                return Wage(national[year], NATIONAL, year, "national")
            if earlier := self._earlier(region_id, year):
                return Wage(earlier[1], region_id, earlier[0], "region_earlier")
        if earlier := self._earlier(NATIONAL, year):
            return Wage(earlier[1], NATIONAL, earlier[0], "national_earlier")
        return None


def hourly_wage(region_id: int | None, year: int) -> Decimal | None:
    """The average hourly wage, in tenge, an hour of volunteering in `region_id` (None or 0: no region) in
    `year` is valued at, with the fallbacks of the module's docstring; None when the table has nothing."""
    wage = WageTable.load().lookup(region_id, year)
    return wage.hourly if wage else None


def economic_value(
    hours_by_region_year: Iterable[tuple[int | None, int, Decimal | int | float | str]],
    *,
    wages: WageTable | None = None,
) -> dict:
    """The value of the hours given as (region_id, year, hours) rows (several rows of one region and year are
    added up; region 0 or None: no region). One query for the wages, or none when `wages` is passed.

    Returns {
        "total": Decimal — tenge, the sum of the rows' values;
        "hours": Decimal — every hour given, valued or not;
        "by_region": {region_id: Decimal tenge} (0: no region);
        "by_year": {year: Decimal tenge};
        "rows": [{"region_id", "year", "hours", "hourly_wage", "value", "wage_region_id", "wage_year",
                  "fallback"}] — one per region and year, sorted by year then region; a row without any
                  wage has hourly_wage and value None and fallback "missing";
        "fallbacks": the rows valued with another region's or year's wage, or with none;
        "missing": the rows with no wage at all (their hours are not in the total).
    }
    Values are rounded to the tiyn per row, from the hourly wage rounded to the tiyn as the admin shows it.
    """
    hours: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    for region_id, year, amount in hours_by_region_year:
        hours[(region_id or NATIONAL, int(year))] += Decimal(str(amount))
    table = wages if wages is not None else WageTable.load()
    rows, by_region, by_year = [], defaultdict(Decimal), defaultdict(Decimal)
    total = Decimal(0)
    for (region_id, year), amount in sorted(hours.items(), key=lambda item: (item[0][1], item[0][0])):
        wage = table.lookup(region_id, year)
        row = {"region_id": region_id, "year": year, "hours": amount}
        if wage is None:
            row |= {"hourly_wage": None, "value": None, "wage_region_id": None, "wage_year": None,
                    "fallback": "missing"}  # fmt: skip
        else:
            value = (amount * wage.hourly).quantize(CENT)
            row |= {"hourly_wage": wage.hourly, "value": value, "wage_region_id": wage.region_id,
                    "wage_year": wage.year, "fallback": wage.fallback}  # fmt: skip
            total += value
            by_region[region_id] += value
            by_year[year] += value
        rows.append(row)
    return {
        "total": total,
        "hours": sum(hours.values(), Decimal(0)),
        "by_region": dict(by_region),
        "by_year": dict(by_year),
        "rows": rows,
        "fallbacks": [row for row in rows if row["fallback"]],
        "missing": [row for row in rows if row["fallback"] == "missing"],
    }
