"""The rollups of the volunteer book (HoursMonth, VolunteerYear), refreshed incrementally.

The book is append-only, so a refresh reads only the entries past RollupState("ledger").last_entry_id, in id
order and in batches; each batch is one transaction that first locks the state row (two refreshes at once
queue batch by batch, and neither counts an entry twice), groups its entries in SQL and adds the sums on.

What is counted:
- HoursMonth: verified entries of the hour kinds, summed by month of `occurred_on`, region, organisation,
  direction and kind (`entries`: the book's rows, corrections included). The region is where the work was
  done (the entry's), else the volunteer's profile region, else 0. Courses completed are counted too, as
  kind "course_completed" with no hours: `entries` is then the number of completions that stand, a verified
  completion +1 and its revocation -1 in the month of the completion (a certificate revoked in June no longer
  counts in March).
- VolunteerYear: per volunteer and year, the verified hours and the months they were active in. Active in a
  month means the month's net verified hours (corrections included) are positive: a shift corrected to zero
  does not make its month active. A batch adds its hours on and sets the bits of its months with positive
  hours; a volunteer's year that a batch corrects downwards (an entry with negative hours) is counted again
  from the book instead, so the result does not depend on how the book was cut into batches. The region is
  the volunteer's profile region when the row was last touched. Erased volunteers have no row (see
  reporting.privacy); their hours stay in HoursMonth, which holds no personal data.

Ids are taken in commit order: a refresh reads no further than the last entry every writer has committed
(see `_horizon`), so an entry whose transaction commits after a later id's is not skipped on PostgreSQL.
"""

import datetime as dt
import time
from collections import defaultdict
from decimal import Decimal

from django.db import OperationalError, connection, transaction
from django.db.models import Count, DateField, F, Func, Max, Min, Q, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from volunteers.models import EntryKind, EntryStatus, LedgerEntry
from volunteers.reporting.models import HoursMonth, RollupState, VolunteerYear
from volunteers.services.stages import HOUR_KINDS

STATE = "ledger"
BATCH = 200_000
# Ids per `IN (...)` list: under SQLite's oldest limit of bound parameters.
IN_CHUNK = 900
# PostgreSQL: how often to try the ledger's SHARE lock without waiting before giving up for this run.
HORIZON_ATTEMPTS = 40
HORIZON_PAUSE = 0.05


class MonthStart(Func):
    """The first day of a date's month. Django's TruncMonth runs a Python function per row on SQLite (slow
    over millions of rows): SQLite's own strftime and PostgreSQL's date_trunc do the same in the database."""

    output_field = DateField()

    def as_sql(self, compiler, connection, **extra_context):
        return compiler.compile(TruncMonth(*self.source_expressions, output_field=DateField()))

    def as_sqlite(self, compiler, connection, **extra_context):
        expression = Func(Value("%Y-%m-01"), *self.source_expressions, function="strftime")
        return compiler.compile(expression)

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(DATE_TRUNC('month', {sql}) AS date)", params


VERIFIED_HOURS = Q(status=EntryStatus.VERIFIED, kind__in=HOUR_KINDS)


def _horizon() -> int | None:
    """The highest id up to which every entry is committed, or None when it cannot be told now.

    PostgreSQL hands out ids before commit, so an entry may become visible after a higher id has: the SHARE
    lock on the ledger waits for no one (NOWAIT, retried) and is granted only when no transaction that
    writes to the ledger is open, so every id at or below the maximum seen then is final. Writers never wait
    on it but for the moment of that one read. SQLite lets one writer at a time, so ids commit in order."""
    latest = LedgerEntry.objects.aggregate(last=Max("pk"))
    if connection.vendor != "postgresql":
        return latest["last"] or 0
    table = connection.ops.quote_name(LedgerEntry._meta.db_table)
    for _attempt in range(HORIZON_ATTEMPTS):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {table} IN SHARE MODE NOWAIT")
                return LedgerEntry.objects.aggregate(last=Max("pk"))["last"] or 0
        except OperationalError:
            time.sleep(HORIZON_PAUSE)
    return None


def rollups_refresh(*, full: bool = False, batch: int = BATCH) -> dict:
    """Add the book's entries recorded since the last refresh to the rollups; `full` empties the rollups and
    reads the whole book again (the figures are partial until it ends). Safe to run at any time, also twice
    at once. Returns {"entries": book rows counted, "hours_months": HoursMonth rows written (updated or
    created), "volunteer_years": VolunteerYear rows written, "batches", "last_entry_id", "seconds",
    "busy": True when the ledger's writers kept it from starting (PostgreSQL; the next run catches up)}."""
    if batch < 1:
        raise ValueError("batch must be at least 1")
    started = time.monotonic()
    RollupState.objects.get_or_create(name=STATE)
    if full:
        _rollups_empty()
    result = {"entries": 0, "hours_months": 0, "volunteer_years": 0, "batches": 0, "busy": False}
    horizon = _horizon()
    if horizon is None:
        result["busy"] = True
    else:
        while (done := _batch_refresh(horizon=horizon, size=batch)) is not None:
            result["batches"] += 1
            for name in ("entries", "hours_months", "volunteer_years"):
                result[name] += done[name]
    result["last_entry_id"] = RollupState.objects.get(name=STATE).last_entry_id
    result["seconds"] = round(time.monotonic() - started, 3)
    return result


@transaction.atomic
def _rollups_empty() -> None:
    state = RollupState.objects.select_for_update().get(name=STATE)
    HoursMonth.objects.all().delete()
    VolunteerYear.objects.all().delete()
    state.last_entry_id = 0
    state.save(update_fields=["last_entry_id"])


@transaction.atomic
def _batch_refresh(*, horizon: int, size: int) -> dict | None:
    """One batch: the next `size` entries up to `horizon`, in the state row's lock. None when there are
    none left."""
    state = RollupState.objects.select_for_update().get(name=STATE)
    after = state.last_entry_id
    if after >= horizon:
        return None
    ahead = LedgerEntry.objects.filter(pk__gt=after, pk__lte=horizon).order_by("pk")
    upto = ahead.values_list("pk", flat=True)[size - 1 : size].first() or horizon
    entries = LedgerEntry.objects.filter(pk__gt=after, pk__lte=upto)
    counted, hours_months = _hours_months_add(entries)
    volunteer_years = _volunteer_years_add(entries, upto=upto)
    state.last_entry_id = upto
    state.refreshed_at = timezone.now()
    state.save(update_fields=["last_entry_id", "refreshed_at"])
    return {"entries": counted, "hours_months": hours_months, "volunteer_years": volunteer_years}


# --- HoursMonth ---------------------------------------------------------------------------------------------

HM_KEY = ("month", "region_id", "organisation_id", "direction_id", "kind")


def _key_values(month_of: str = "occurred_on") -> dict:
    return {
        "m": MonthStart(month_of),
        "r": Coalesce("region_id", "volunteer__profile__region_id", Value(0)),
        "o": Coalesce("organisation_id", Value(0)),
        "d": Coalesce("direction_id", Value(0)),
        "k": F("kind"),
    }


def _hours_months_add(entries) -> tuple[int, int]:
    """Group the batch by HoursMonth's key and add it on. Returns (entries counted, rows written)."""
    counted_kinds = Q(status=EntryStatus.VERIFIED, kind__in=[*HOUR_KINDS, EntryKind.COURSE_COMPLETED])
    grouped = (
        entries.filter(counted_kinds)
        .values(**_key_values())
        .annotate(total=Sum("hours"), entries=Count("pk"))
        .order_by()
    )
    sums: dict[tuple, list] = {}
    counted = 0
    for row in grouped:
        sums[(row["m"], row["r"], row["o"], row["d"], row["k"])] = [
            row["total"] or Decimal(0),
            row["entries"],
        ]
        counted += row["entries"]
    # A revoked completion takes the completion back in the month it was counted in.
    revoked = (
        entries.filter(status=EntryStatus.REVOKED, kind=EntryKind.COURSE_COMPLETED)
        .values(**_key_values(month_of=Coalesce("corrects__occurred_on", "occurred_on")))
        .annotate(entries=Count("pk"))
        .order_by()
    )
    for row in revoked:
        key = (row["m"], row["r"], row["o"], row["d"], row["k"])
        sums.setdefault(key, [Decimal(0), 0])[1] -= row["entries"]
        counted += row["entries"]
    if not sums:
        return counted, 0
    existing = {
        tuple(values[1:]): values[0]
        for values in HoursMonth.objects.filter(month__in={key[0] for key in sums}).values_list("pk", *HM_KEY)
    }
    table = connection.ops.quote_name(HoursMonth._meta.db_table)
    increments = [(hours, count, existing[key]) for key, (hours, count) in sums.items() if key in existing]
    if increments:
        with connection.cursor() as cursor:
            # The F() increment of every existing key as one statement executed for many rows: an ORM
            # update() per key would compile a query for each of the up to 100 000 keys of a batch.
            cursor.executemany(
                f"UPDATE {table} SET hours = hours + %s, entries = entries + %s WHERE id = %s",  # noqa: S608
                increments,
            )
    HoursMonth.objects.bulk_create(
        [
            HoursMonth(
                month=month,
                region_id=region,
                organisation_id=organisation,
                direction_id=direction,
                kind=kind,
                hours=hours,
                entries=count,
            )  # fmt: skip
            for (month, region, organisation, direction, kind), (hours, count) in sums.items()
            if (month, region, organisation, direction, kind) not in existing
        ],
        batch_size=1000,
    )
    return counted, len(sums)


# --- VolunteerYear ------------------------------------------------------------------------------------------


def _volunteer_months(entries):
    """Verified hours of the volunteers not erased, by volunteer and month, with their profile region."""
    return (
        entries.filter(volunteer__profile__erased_at__isnull=True)
        .values(
            "volunteer_id",
            m=MonthStart("occurred_on"),
            home=Coalesce("volunteer__profile__region_id", Value(0)),
        )
        .order_by()
    )


def _volunteer_years_add(entries, *, upto: int) -> int:
    """Add the batch's hours and active months to VolunteerYear. Returns the rows written."""
    grouped = _volunteer_months(entries.filter(VERIFIED_HOURS)).annotate(
        total=Sum("hours"), lowest=Min("hours")
    )
    years: dict[tuple[int, int], list] = {}  # (volunteer, year) -> [hours, months, region, corrected]
    for row in grouped:
        month, hours = row["m"], row["total"] or Decimal(0)
        year = years.setdefault((row["volunteer_id"], month.year), [Decimal(0), 0, row["home"], False])
        year[0] += hours
        if hours > 0:
            year[1] |= 1 << (month.month - 1)
        if row["lowest"] is not None and row["lowest"] < 0:
            year[3] = True
    if not years:
        return 0
    corrected = {key for key, year in years.items() if year[3]}
    if corrected:
        recount = _volunteer_years_count(corrected, upto=upto)
        for key in corrected:
            years[key][:2] = recount.get(key, (Decimal(0), 0))

    existing = {}
    by_year = defaultdict(list)
    for volunteer, year in years:
        by_year[year].append(volunteer)
    for year, volunteers in by_year.items():
        for first in range(0, len(volunteers), IN_CHUNK):
            chunk = volunteers[first : first + IN_CHUNK]
            for pk, volunteer in VolunteerYear.objects.filter(year=year, volunteer_id__in=chunk).values_list(
                "pk", "volunteer_id"
            ):
                existing[(volunteer, year)] = pk
    table = connection.ops.quote_name(VolunteerYear._meta.db_table)
    added = [(hours, months, region, existing[key]) for key, (hours, months, region, fix) in years.items()
             if key in existing and not fix]  # fmt: skip
    replaced = [(hours, months, region, existing[key]) for key, (hours, months, region, fix) in years.items()
                if key in existing and fix]  # fmt: skip
    with connection.cursor() as cursor:
        if added:
            cursor.executemany(
                f"UPDATE {table} SET hours = hours + %s, months = months | %s, region_id = %s "  # noqa: S608
                "WHERE id = %s",
                added,
            )
        if replaced:
            cursor.executemany(
                f"UPDATE {table} SET hours = %s, months = %s, region_id = %s WHERE id = %s",  # noqa: S608
                replaced,
            )
    VolunteerYear.objects.bulk_create(
        [
            VolunteerYear(volunteer_id=volunteer, year=year, hours=hours, months=months, region_id=region)
            for (volunteer, year), (hours, months, region, _fix) in years.items()
            if (volunteer, year) not in existing
        ],
        batch_size=1000,
    )
    return len(years)


def _volunteer_years_count(keys: set[tuple[int, int]], *, upto: int) -> dict[tuple[int, int], tuple]:
    """(hours, months) of these volunteers' years from the book, as far as the rollups have read it."""
    counted: dict[tuple[int, int], list] = {}
    volunteers = sorted({volunteer for volunteer, _year in keys})
    first_year, last_year = min(year for _v, year in keys), max(year for _v, year in keys)
    for first in range(0, len(volunteers), IN_CHUNK):
        rows = _volunteer_months(
            LedgerEntry.objects.filter(
                VERIFIED_HOURS,
                pk__lte=upto,
                volunteer_id__in=volunteers[first : first + IN_CHUNK],
                occurred_on__gte=dt.date(first_year, 1, 1),
                occurred_on__lte=dt.date(last_year, 12, 31),
            )
        ).annotate(total=Sum("hours"))
        for row in rows:
            key = (row["volunteer_id"], row["m"].year)
            if key not in keys:
                continue
            year = counted.setdefault(key, [Decimal(0), 0])
            year[0] += row["total"] or Decimal(0)
            if (row["total"] or 0) > 0:
                year[1] |= 1 << (row["m"].month - 1)
    return {key: tuple(value) for key, value in counted.items()}
