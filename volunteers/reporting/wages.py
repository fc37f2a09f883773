"""The table of average wages that values volunteer time, seeded from data/wages.csv.

The CSV holds the Bureau of National Statistics' average monthly nominal wage per employee for the Republic
(no region) and for the regions by ISO 3166-2 code, each row with the source it was read in. Only figures read
in a source are there; a region or year that could not be found is left out, and the value then falls back
(see services/value.py). Admins keep the table afterwards (Volunteers → Average wages): `wages_ensure` adds
the rows that are missing and never changes one that exists.

Hours in a working month: the Labour Code (No. 414-V, 2015, art. 68) sets the normal working week at no more
than 40 hours. A year has 52.14 weeks, 2086 hours at 40 a week, less the public holidays that fall on working
days (about ten, 80 hours): about 2000 hours, 166.7 a month. One figure for every year rather than each year's
calendar: a working day more or less moves it by 0.4%, less than the wage figures' own revisions. The paid
annual leave is not taken off: the average wage includes the leave pay, so the hours it pays for include it.
An admin may set another figure on a row.
"""

import csv
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from volunteers.models import Region

from .models import RegionWage

WAGES_CSV = Path(__file__).resolve().parent / "data" / "wages.csv"
HOURS_PER_MONTH = Decimal("166.7")  # 40 h × 52.14 weeks − public holidays ≈ 2000 h a year, / 12


@transaction.atomic
def wages_ensure(*, path: Path = WAGES_CSV) -> int:
    """Adds the rows of the CSV whose (region, year) the table lacks; returns how many it added. A row of a
    region that is not loaded is skipped. Never edits an existing row: admins may have corrected it."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    regions = dict(Region.objects.values_list("iso_code", "pk"))
    existing = set(RegionWage.objects.values_list("region_id", "year"))
    missing = {}
    for row in rows:
        iso = row["region_iso"].strip()
        if iso and iso not in regions:
            continue
        key = (regions[iso] if iso else None, int(row["year"]))
        if key in existing or key in missing:
            continue
        missing[key] = RegionWage(
            region_id=key[0],
            year=key[1],
            monthly_wage=Decimal(row["monthly_wage"]),
            hours_per_month=HOURS_PER_MONTH,
            source=row["source"].strip(),
            source_url=row["source_url"].strip(),
        )
    # Two seeds at once: the second one's rows meet the unique constraints and are dropped, not raised.
    RegionWage.objects.bulk_create(missing.values(), ignore_conflicts=True)
    return len(missing)
