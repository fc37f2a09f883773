"""Reporting benchmark: the figures' rollups over a volunteer book of 10 000 000 entries.

Seeds a throw-away SQLite database under var/ (or the database of DATABASE_URL when set: it must be an empty,
throw-away one): `seed --no-demo-accounts` (20 regions, their front offices, 14 directions), about 280 more
organisations (each working in one to three directions), 200 000 volunteers, then the book in bulk, in the
order it is written in (by date, over five years up to yesterday): hours of attended shifts (62 %, 4 % of
them corrected, some to 0), hours claimed for work outside the platform (pending, then verified or rejected,
some still pending), courses completed (one in twenty revoked later), mentoring hours, club hours and awards.
A few volunteers are very active, most occasionally (Pareto weights).

Then measures, with the services' own functions:
- the full refresh (`rollups_refresh(full=True)`): wall time, book rows read per second, rollup rows made;
- a refresh with nothing new, and the incremental refresh of 10 000 entries recorded in the last month;
- the reads a national dashboard makes for last year (hours by month, by region, by direction, the total,
  active volunteers by region and by month): the median and p95 of `--repeat` calls and the queries of
  one; and, for comparison, the same figure counted from the book's rows (the same figure, asserted), timed
  `--raw-repeat` times.

Usage: `.venv/bin/python bench/reporting.py [--entries 10000000] [--volunteers 200000] [--new 10000]
[--batch 200000] [--repeat 20] [--raw-repeat 1] [--keep]`.
"""

import argparse
import datetime as dt
import itertools
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import connection_keep, in_workdir, rows_insert, site_prepare, volunteers_insert  # noqa: E402

DOMAIN = "@bench.example.kz"
YEARS = 5
ORGANISATIONS = 300
INSERT_ROWS = 100_000  # rows per transaction while seeding
COLUMNS = [
    "volunteer_id", "kind", "status", "hours", "occurred_on", "source", "subject", "title", "note",
    "organisation_id", "direction_id", "region_id", "corrects_id", "verified_at", "created_at",
]  # fmt: skip


class Book:
    """Generates the book's rows in date order, with ids as the database will give them (the table starts
    empty and the rows go in in order), so that corrections and revocations can name what they correct."""

    def __init__(
        self, *, rng: random.Random, people: list[int], organisations: list[tuple], directions: dict
    ):
        self.rng = rng
        self.people = people
        weights = [rng.paretovariate(1.4) for _person in people]
        self.cumulative = list(itertools.accumulate(weights))
        self.organisations = organisations  # (id, region id, [direction ids])
        self.org_weights = list(itertools.accumulate(rng.paretovariate(1.2) for _org in organisations))
        self.centres = [org for org in organisations if directions["sabaqtastyq"] in org[2]] or organisations
        self.directions = directions
        self.next_id = 1
        self.source = 0
        self.revocations: dict[dt.date, list[tuple]] = {}
        self.counts: dict[str, int] = {}

    def _row(self, rows, volunteer, kind, status, hours, day, *, org=None, direction=None, region=None,
             corrects=None, source=None):  # fmt: skip
        if source is None:
            self.source += 1
            source = f"bench:{self.source}"
        rows.append((volunteer, kind, status, hours, day, source, org, direction, region, corrects))
        self.next_id += 1
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return self.next_id - 1, source

    def day(self, day: dt.date, count: int) -> list[tuple]:
        rng, rows = self.rng, []
        for revoked in self.revocations.pop(day, []):
            self._row(rows, *revoked[:2], "revoked", 0, day, direction=revoked[3], corrects=revoked[4],
                      source=revoked[2])  # fmt: skip
        volunteers = rng.choices(self.people, cum_weights=self.cumulative, k=count)
        organisations = rng.choices(self.organisations, cum_weights=self.org_weights, k=count)
        for volunteer, (org, region, directions) in zip(volunteers, organisations, strict=True):
            if len(rows) >= count:
                break
            draw = rng.random()
            if draw < 0.62:
                hours = rng.choice([2, 3, 3, 4, 4, 5, 6, 8]) + rng.choice([0, 0, 0.5])
                direction = rng.choice(directions)
                first, source = self._row(rows, volunteer, "shift_hours", "verified", hours, day, org=org,
                                          direction=direction, region=region)  # fmt: skip
                if rng.random() < 0.04:
                    corrected = 0 if rng.random() < 0.3 else hours - rng.choice([0.5, 1, 1.5])
                    self._row(rows, volunteer, "shift_hours", "verified", corrected - hours, day, org=org,
                              direction=direction, region=region, corrects=first, source=source)  # fmt: skip
            elif draw < 0.72:
                hours = rng.randint(1, 8)
                claim, source = self._row(rows, volunteer, "claimed_hours", "pending", hours, day, org=org,
                                          region=region)  # fmt: skip
                decision = rng.random()
                if decision < 0.9:
                    verified = decision < 0.7
                    self._row(rows, volunteer, "claimed_hours", "verified" if verified else "rejected",
                              hours if verified else 0, day, org=org, region=region, corrects=claim,
                              source=source)  # fmt: skip
            elif draw < 0.82:
                direction = rng.choice(list(self.directions.values()))
                fact, source = self._row(rows, volunteer, "course_completed", "verified", 0, day,
                                         direction=direction)  # fmt: skip
                if rng.random() < 0.05:
                    later = day + dt.timedelta(days=rng.randint(1, 120))
                    self.revocations.setdefault(later, []).append(
                        (volunteer, "course_completed", source, direction, fact)
                    )
            elif draw < 0.94:
                org, region, _directions = rng.choice(self.centres)
                self._row(rows, volunteer, "mentoring_hours", "verified", rng.choice([1, 1.5, 2, 3]), day,
                          org=org, direction=self.directions["sabaqtastyq"], region=region)  # fmt: skip
            elif draw < 0.97:
                self._row(rows, volunteer, "club_hours", "verified", 2, day, org=org,
                          direction=self.directions["asyl-mura"], region=region)  # fmt: skip
            else:
                self._row(rows, volunteer, "award", "verified", 0, day)
        return rows


def entries_insert(rows: list[tuple], *, now: dt.datetime) -> None:
    from django.db import connection

    from volunteers.models import LedgerEntry

    quote = connection.ops.quote_name
    table = quote(LedgerEntry._meta.db_table)
    columns = ", ".join(quote(column) for column in COLUMNS)
    if connection.vendor == "postgresql":
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for volunteer, kind, status, hours, day, source, org, direction, region, corrects in rows:
                copy.write_row(
                    (volunteer, kind, status, f"{hours:.2f}", day, source, "", "{}", "", org, direction,
                     region, corrects, now if status != "pending" else None, now)
                )  # fmt: skip
        return
    stamp = connection.ops.adapt_datetimefield_value(now)
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608
            [
                (volunteer, kind, status, f"{hours:.2f}", day.isoformat(), source, "", "{}", "", org,
                 direction, region, corrects, stamp if status != "pending" else None, stamp)
                for volunteer, kind, status, hours, day, source, org, direction, region, corrects in rows
            ],
        )  # fmt: skip


def book_write(book: Book, *, days: list[dt.date], entries: int) -> None:
    """`entries` rows spread evenly over `days`, committed INSERT_ROWS at a time."""
    from django.db import transaction
    from django.utils import timezone

    now = timezone.now()
    pending: list[tuple] = []
    written = 0
    for number, day in enumerate(days):
        target = entries * (number + 1) // len(days)
        rows = book.day(day, target - written - len(pending))
        pending += rows
        if len(pending) >= INSERT_ROWS or number == len(days) - 1:
            with transaction.atomic():
                entries_insert(pending, now=now)
            written += len(pending)
            pending = []


def seed(*, volunteers: int, entries: int, rng: random.Random) -> Book:
    from django.db import connection, transaction
    from django.utils import timezone

    from volunteers.models import Direction, Organisation, OrganisationKind

    directions = dict(Direction.objects.values_list("slug", "pk"))
    direction_ids = list(directions.values())
    fronts = list(
        Organisation.objects.filter(kind=OrganisationKind.REGIONAL_FRONT_OFFICE).values_list(
            "pk", "region_id"
        )
    )
    regions = [region for _pk, region in fronts]
    kinds = [OrganisationKind.NGO, OrganisationKind.SOCIAL_SERVICE_CENTRE, OrganisationKind.SCHOOL,
             OrganisationKind.UNIVERSITY, OrganisationKind.COMPANY]  # fmt: skip
    Organisation.objects.bulk_create(
        [
            Organisation(
                slug=f"bench-{number}",
                kind=rng.choice(kinds),
                region_id=rng.choice(regions),
                name={"en": f"Organisation {number}"},
            )  # fmt: skip
            for number in range(ORGANISATIONS - len(fronts))
        ]
    )
    organisations = [
        (pk, region, rng.sample(direction_ids, rng.randint(1, 3)))
        for pk, region in Organisation.objects.filter(region__isnull=False).values_list("pk", "region_id")
    ]
    with transaction.atomic():
        people = volunteers_insert(count=volunteers, rng=rng, region_ids=regions, domain=DOMAIN)
    book = Book(rng=rng, people=people, organisations=organisations, directions=directions)
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    first = yesterday.replace(year=yesterday.year - YEARS) + dt.timedelta(days=1)
    days = [first + dt.timedelta(days=number) for number in range((yesterday - first).days + 1)]
    book_write(book, days=days, entries=entries)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return book


def dashboard_seed(*, book: Book, rng: random.Random, events_a_year: int) -> dict:
    """What the dashboard reads besides the book, at the planned scale: the volunteers' genders and chosen
    directions, memberships (half the volunteers belong to an organisation of their region), and
    `events_a_year` events over the last two years, one shift each, with places taken (the fill rate)."""
    from django.db import connection, transaction
    from django.db.models.functions import Mod
    from django.utils import timezone

    from events.models import Event, EventStatus, Shift
    from volunteers.models import Gender, Membership, MembershipRole, VolunteerProfile

    genders = [Gender.FEMALE, Gender.MALE, ""]
    direction_ids = list(book.directions.values())
    by_region: dict[int, list[int]] = {}
    for pk, region, _directions in book.organisations:
        by_region.setdefault(region, []).append(pk)
    profiles = list(VolunteerProfile.objects.values_list("pk", "user_id", "region_id"))
    through = VolunteerProfile.directions.through
    with transaction.atomic():
        for remainder, gender in enumerate(genders[:2]):  # a third give none
            VolunteerProfile.objects.alias(third=Mod("pk", 3)).filter(third=remainder).update(gender=gender)
        rows_insert(
            through,
            [
                {"volunteerprofile_id": pk, "direction_id": direction}
                for pk, _user, _region in profiles
                for direction in rng.sample(direction_ids, rng.choice((1, 1, 2, 3)))
            ],
        )
        rows_insert(
            Membership,
            [
                {"user_id": user, "organisation_id": rng.choice(by_region[region]),
                 "role": MembershipRole.VOLUNTEER, "active": True}
                for _pk, user, region in profiles
                if rng.random() < 0.5
            ],
        )  # fmt: skip
    now = timezone.now()
    first = now - dt.timedelta(days=730)
    events = []
    for number in range(events_a_year * 2):
        organisation, region, directions = rng.choice(book.organisations)
        starts = first + dt.timedelta(minutes=rng.randrange(730 * 24 * 60))
        events.append(
            {"organisation_id": organisation, "region_id": region, "direction_id": rng.choice(directions),
             "title": {"ru": f"Событие {number}"}, "description": {}, "accessibility": {},
             "starts_at": starts, "ends_at": starts + dt.timedelta(hours=3),
             "status": EventStatus.CANCELLED if number % 40 == 0 else EventStatus.PUBLISHED,
             "published_at": starts - dt.timedelta(days=14)}
        )  # fmt: skip
    with transaction.atomic():
        rows_insert(Event, events)
        shifts = []
        for pk, starts, ends in Event.objects.values_list("pk", "starts_at", "ends_at").iterator():
            capacity = rng.randint(5, 60)
            shifts.append({"event_id": pk, "task": {}, "starts_at": starts, "ends_at": ends,
                           "capacity": capacity, "confirmed_count": rng.randint(0, capacity)})  # fmt: skip
        rows_insert(Shift, shifts)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"events": len(events), "profiles": len(profiles)}


def dashboard_measure(*, repeat: int) -> None:
    """The dashboard's server time, as an analyst asks it: every section computed (the cache emptied before
    each request), and read again from the cache; for the country, a region and an organisation; then the
    CSV export."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.utils import timezone

    from bench.common import Measure, measures_print
    from volunteers.models import Organisation, OrganisationKind, Region

    analyst = get_user_model().objects.create_superuser(email="analyst@bench.example.kz", password=None)
    year = timezone.localdate().year - 1
    almaty = Region.objects.get(iso_code="KZ-75").pk
    organisation = Organisation.objects.filter(
        kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region_id=almaty
    ).get()
    period = f"start={year}-01&end={year}-12"
    areas = {"the country": "kz", "a region (Almaty)": f"region:{almaty}",
             "an organisation": f"organisation:{organisation.pk}"}  # fmt: skip

    def login(client):
        client.force_login(analyst)

    def get(path):
        def action(client, _number):
            return client.get(path).status_code == 200

        return action

    measures = []
    for label, area in areas.items():
        path = f"/ru/figures/?area={area}&{period}"
        measures.append(Measure(f"dashboard {year}, {label}: computed", get(path), once=login,
                                each=lambda client: cache.clear()))  # fmt: skip
        measures.append(Measure(f"dashboard {year}, {label}: cached", get(path), once=login))
    export = get(f"/ru/figures/export.csv?area=kz&{period}")
    measures.append(Measure(f"CSV export {year}, the country: computed", export, once=login,
                            each=lambda client: cache.clear()))  # fmt: skip
    print(f"\nthe dashboard's server time (HTTP, as an analyst; {repeat} requests each)")
    measures_print(measures, requests=repeat, language="ru")

    from django.utils import translation

    from volunteers.reporting.figures import FigureQuery, providers

    query = FigureQuery.year(year)
    print(f"\nthe country's sections of {year}, each computed (median of {repeat})")
    print(f"{'section':<36}{'median ms':>10}{'p95 ms':>9}{'queries':>9}")
    with translation.override("ru"):
        for provider in providers():
            median, p95, queries, section = timed(lambda provider=provider: provider(query), repeat)
            print(f"{section.key:<36}{median:>10.1f}{p95:>9.1f}{queries:>9}")
    started = time.perf_counter()
    from volunteers.reporting.tasks import figures_warm

    warmed = figures_warm()
    print(f"\nwarming this year's dashboards (the country and 20 regions, 3 languages): {warmed} in "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip


# --- The measures ------------------------------------------------------------------------------------------


def timed(function, repeat: int) -> tuple[float, float, int, object]:
    """(median ms, p95 ms, queries of one call, the result) of `repeat` calls after one to warm up."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        result = function()
    timings = []
    for _number in range(repeat):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    return statistics.median(timings), p95, len(queries), result


def raw_figures(year: int) -> dict:
    """The dashboard's figures counted from the book's rows, as they would be without the rollups."""
    from django.db.models import Count, Sum, Value
    from django.db.models.functions import Coalesce

    from volunteers.models import LedgerEntry
    from volunteers.reporting.services.rollups import VERIFIED_HOURS, MonthStart

    def book():
        return LedgerEntry.objects.filter(
            VERIFIED_HOURS, occurred_on__gte=dt.date(year, 1, 1), occurred_on__lte=dt.date(year, 12, 31)
        ).order_by()

    def by_month():
        rows = book().values(m=MonthStart("occurred_on")).annotate(total=Sum("hours"))
        hours = {row["m"]: row["total"] for row in rows}
        return [(dt.date(year, number, 1), hours.get(dt.date(year, number, 1), 0)) for number in range(1, 13)]

    def by(field):
        def grouped():
            rows = book().values(key=field).annotate(total=Sum("hours")).order_by("-total", "key")
            return [(row["key"], row["total"]) for row in rows]

        return grouped

    def active_by_region():
        # Active: net hours of some month of the year positive; the region: the volunteer's profile.
        months = (
            book()
            .filter(volunteer__profile__erased_at__isnull=True)
            .values("volunteer_id", m=MonthStart("occurred_on"))
            .annotate(total=Sum("hours"))
            .filter(total__gt=0)
            .values("volunteer_id")
        )
        from volunteers.models import VolunteerProfile

        rows = (
            VolunteerProfile.objects.filter(user_id__in=months)
            .values(home=Coalesce("region_id", Value(0)))
            .annotate(count=Count("pk"))
        )
        return {row["home"]: row["count"] for row in rows}

    return {
        "hours by month": by_month,
        "hours by region": by(Coalesce("region_id", "volunteer__profile__region_id", Value(0))),
        "hours by direction": by(Coalesce("direction_id", Value(0))),
        "hours, the year's total": lambda: book().aggregate(total=Sum("hours"))["total"],
        "active volunteers by region": active_by_region,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000_000)
    parser.add_argument("--events", type=int, default=100_000, help="events a year, over two years")
    parser.add_argument("--dashboard-repeat", type=int, default=5)
    parser.add_argument("--volunteers", type=int, default=200_000)
    parser.add_argument("--new", type=int, default=10_000, help="entries of the incremental refresh")
    parser.add_argument("--batch", type=int, default=200_000, help="entries per refresh transaction")
    parser.add_argument("--repeat", type=int, default=20, help="calls per dashboard read")
    parser.add_argument("--raw-repeat", type=int, default=1, help="calls per read from the book's rows")
    parser.add_argument("--keep", action="store_true", help="keep the throw-away folder and database")
    args = parser.parse_args()
    in_workdir(prefix="bench-reporting-", keep=args.keep, run=lambda workdir: run(args))


def run(args) -> None:
    site_prepare()
    connection_keep()
    from decimal import Decimal

    from django.db import connection
    from django.utils import timezone

    from volunteers.models import LedgerEntry
    from volunteers.reporting import selectors
    from volunteers.reporting.models import HoursMonth, VolunteerYear
    from volunteers.reporting.services.rollups import rollups_refresh

    rng = random.Random(20261129)  # noqa: S311 - test data, not secrets
    started = time.perf_counter()
    book = seed(volunteers=args.volunteers, entries=args.entries, rng=rng)
    rows = LedgerEntry.objects.count()
    kinds = ", ".join(f"{kind} {count:,}" for kind, count in sorted(book.counts.items()))
    print(f"bulk seed: {time.perf_counter() - started:.1f} s: {rows:,} book entries ({kinds}), "
          f"{args.volunteers:,} volunteers, {len(book.organisations)} organisations")  # fmt: skip

    print(f"\n{'refresh':<34}{'seconds':>9}{'rows/s':>12}{'counted':>12}{'batches':>9}{'rollup rows':>13}")

    def refresh_print(label: str, result: dict, read: int) -> None:
        made = HoursMonth.objects.count() + VolunteerYear.objects.count()
        speed = read / result["seconds"] if result["seconds"] else 0
        print(f"{label:<34}{result['seconds']:>9.2f}{speed:>12,.0f}{result['entries']:>12,}"
              f"{result['batches']:>9}{made:>13,}")  # fmt: skip

    refresh_print("full (10 000 000 rows)" if rows == 10_000_000 else f"full ({rows:,} rows)",
                  rollups_refresh(full=True, batch=args.batch), rows)  # fmt: skip
    refresh_print("nothing new", rollups_refresh(batch=args.batch), 0)
    today = timezone.localdate()
    book_write(
        book, days=[today - dt.timedelta(days=number) for number in range(30, 0, -1)], entries=args.new
    )
    refresh_print(f"incremental ({args.new:,} new rows)", rollups_refresh(batch=args.batch), args.new)
    print(f"rollups: {HoursMonth.objects.count():,} HoursMonth rows, {VolunteerYear.objects.count():,} "
          f"VolunteerYear rows ({connection.vendor})")  # fmt: skip

    year = today.year - 1
    reads = {
        "hours by month": lambda: selectors.hours_by_month(year=year),
        "hours by region": lambda: selectors.hours_by("region", year=year),
        "hours by direction": lambda: selectors.hours_by("direction", year=year),
        "hours, the year's total": lambda: selectors.hours_total(year=year),
        "active volunteers by region": lambda: selectors.active_volunteers_by_region(year),
        "active volunteers by month": lambda: selectors.active_volunteers_by_month(year),
        "active volunteers": lambda: selectors.active_volunteers(year),
    }
    raw = raw_figures(year)
    print(f"\nthe national dashboard of {year}")
    print(f"{'read':<30}{'median ms':>10}{'p95 ms':>9}{'queries':>9}{'from the book ms':>18}{'x faster':>10}"
          f"{'same':>6}")  # fmt: skip
    for label, read in reads.items():
        median, p95, queries, figures = timed(read, args.repeat)
        line = f"{label:<30}{median:>10.2f}{p95:>9.2f}{queries:>9}"
        if label in raw:
            raw_median, _p95, _queries, raw_result = timed(raw[label], args.raw_repeat)
            if label == "hours, the year's total":
                same = Decimal(figures) == Decimal(raw_result or 0)
            else:
                same = figures == raw_result
            line += f"{raw_median:>18.1f}{raw_median / median:>10.0f}{'yes' if same else 'NO':>6}"
        print(line)

    started = time.perf_counter()
    seeded = dashboard_seed(book=book, rng=rng, events_a_year=args.events)
    seconds = time.perf_counter() - started
    print(f"\ndashboard data: {seeded['events']:,} events with a shift each, genders, directions and "
          f"memberships of {seeded['profiles']:,} volunteers, in {seconds:.1f} s")  # fmt: skip
    dashboard_measure(repeat=args.dashboard_repeat)


if __name__ == "__main__":
    main()
