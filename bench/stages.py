"""Stages benchmark: the "Volunteer zholy" evaluation of 100 000 volunteers with 2 000 000 book entries.

Seeds a throw-away SQLite database under var/ (or the database of DATABASE_URL when set: it must be an empty,
throw-away one): `seed --no-demo-accounts` (the five default stages come with the migrations), the
volunteers, then the book in bulk (plain multi-row INSERTs on SQLite, COPY on PostgreSQL), generated a
thousand volunteers at a time so the seeding itself stays small: about 15 % of the volunteers have no entry;
the others have a few to a few hundred, over the last three years: hours of attended shifts (a fifth of
them another shift of the same event; 4 % corrected, some to 0), hours claimed for work outside the platform
(pending, then verified or rejected, some still pending), courses completed (one in twenty revoked), mentoring
hours and awards.

Then, in a fresh process (so that its peak resident memory is the evaluation's, not the seeding's), measures
with the service's own functions:
- the first full evaluation (`stages_evaluate_all`: every standing and every stage reached is written),
- the second one (idempotent: it must write no change and update no standing),
- the first one again, after the standings and the history are deleted, under tracemalloc (which slows
  Python down, so its time is not the one reported above) for the peak of Python's allocations,
- one volunteer's `stage_evaluate` and `stage_progress` (the most active volunteer, median of 50).
Reports wall time, ledger rows read per second, the queries of each chunk (counted with an execute wrapper)
and the process's peak resident memory (ru_maxrss) after each step.

The congratulations on a stage reached are not sent within the run: the Celery app is switched to
non-eager with its in-memory broker, so each congratulation is queued as it would be in production (the cost
of publishing is measured) and the queue is counted and emptied after each chunk.

Usage: `.venv/bin/python bench/stages.py [--volunteers 100000] [--entries 2000000] [--chunk 2000] [--keep]`.
"""

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import connection_keep, in_workdir, site_prepare, volunteers_insert  # noqa: E402

DOMAIN = "@bench.example.kz"
DAYS = 3 * 365
GROUP = 1000  # volunteers whose entries are generated and inserted at a time
COURSES = [f"00000000-0000-4000-8000-{number:012d}" for number in range(1, 13)]
TITLES = {
    "shift_hours": {"kk": "Саябақты тазалау", "ru": "Уборка парка", "en": "Park clean-up"},
    "claimed_hours": {"en": "Sorted books at the library"},
    "course_completed": {"kk": "Волонтерлікке кіріспе", "ru": "Введение в волонтёрство"},
    "mentoring_hours": {"en": "Mentoring meeting"},
    "award": {"en": "Thank-you letter"},
}
COLUMNS = [
    "volunteer_id", "kind", "status", "hours", "occurred_on", "source", "subject", "title", "note",
    "verified_at", "created_at",
]  # fmt: skip


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


# --- The book ---------------------------------------------------------------------------------------------


class Book:
    """Generates one volunteer's entries as rows of COLUMNS, with sources unique across the run."""

    def __init__(self, rng: random.Random, today: dt.date):
        self.rng, self.today = rng, today
        self.number = 0
        self.counts: dict[str, int] = {}

    def _source(self, prefix: str) -> str:
        self.number += 1
        return f"{prefix}:{self.number}"

    def _count(self, name: str, rows: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + rows

    def entries(self, volunteer_id: int, count: int) -> list[tuple]:
        rng = self.rng
        first = rng.randint(0, DAYS)  # days before today of their first activity
        rows: list[tuple] = []
        event = None

        def row(kind, status, hours, days_ago, source, subject=""):
            rows.append(
                (volunteer_id, kind, status, hours, self.today - dt.timedelta(days=days_ago), source, subject)
            )

        def when() -> int:
            return rng.randint(0, first)

        while len(rows) < count:
            draw = rng.random()
            if draw < 0.62:
                if event is None or rng.random() > 0.2:
                    event = rng.randint(1, 30_000)  # otherwise another shift of the same event
                source, subject = self._source("events.signup"), f"events.event:{event}"
                hours = rng.choice([2, 3, 3, 4, 4, 5, 6, 8]) + rng.choice([0, 0, 0.5])
                days_ago = when()
                row("shift_hours", "verified", hours, days_ago, source, subject)
                self._count("shift hours")
                if rng.random() < 0.04:
                    corrected = 0 if rng.random() < 0.3 else hours - rng.choice([0.5, 1, 1.5])
                    row("shift_hours", "verified", corrected - hours, days_ago, source, subject)
                    self._count("corrections")
            elif draw < 0.72:
                source, hours, days_ago = self._source("volunteers.claim"), rng.randint(1, 8), when()
                row("claimed_hours", "pending", hours, days_ago, source)
                decision = rng.random()
                if decision < 0.7:
                    row("claimed_hours", "verified", hours, days_ago, source)
                    self._count("claims verified")
                elif decision < 0.9:
                    row("claimed_hours", "rejected", 0, days_ago, source)
                    self._count("claims rejected")
                else:
                    self._count("claims pending")
            elif draw < 0.82:
                source, days_ago = self._source("training.certificate"), when()
                subject = f"training.course:{rng.choice(COURSES)}"
                row("course_completed", "verified", 0, days_ago, source, subject)
                self._count("courses completed")
                if rng.random() < 0.05:
                    row("course_completed", "revoked", 0, rng.randint(0, days_ago), source, subject)
                    self._count("courses revoked")
            elif draw < 0.97:
                source = self._source("volunteers.mentoring")
                row("mentoring_hours", "verified", rng.choice([1, 1.5, 2, 3]), when(), source)
                self._count("mentoring hours")
            else:
                row("award", "verified", 0, when(), self._source("volunteers.award"))
                self._count("awards")
        rows[0] = (*rows[0][:4], self.today - dt.timedelta(days=first), *rows[0][5:])  # the first activity
        return rows[:count]


def entry_counts(*, volunteers: int, entries: int, rng: random.Random) -> list[int]:
    """How many entries each volunteer has: none for about 15 %, the others a long-tailed number (a few
    very active people, many occasional ones), adding up to `entries` exactly."""
    weights = [0.0 if rng.random() < 0.15 else rng.paretovariate(1.6) for _ in range(volunteers)]
    scale = entries / sum(weights)
    counts = [min(int(weight * scale), 2000) for weight in weights]
    active = [index for index, weight in enumerate(weights) if weight]
    short = entries - sum(counts)
    while short > 0:
        index = rng.choice(active)
        if counts[index] < 2000:
            counts[index] += 1
            short -= 1
    return counts


def entries_insert(rows: list[tuple], *, now: dt.datetime) -> None:
    from django.db import connection

    from volunteers.models import LedgerEntry

    quote = connection.ops.quote_name
    table = quote(LedgerEntry._meta.db_table)
    titles = {kind: json.dumps(title, ensure_ascii=False) for kind, title in TITLES.items()}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            columns = ", ".join(quote(column) for column in COLUMNS)
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for volunteer_id, kind, status, hours, day, source, subject in rows:
                    verified = now if status != "pending" else None
                    copy.write_row(
                        (volunteer_id, kind, status, f"{hours:.2f}", day, source, subject, titles[kind], "",
                         verified, now)
                    )  # fmt: skip
        return
    stamp = connection.ops.adapt_datetimefield_value(now)
    columns = ", ".join(quote(column) for column in COLUMNS)
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(
            sql,
            [
                (volunteer_id, kind, status, f"{hours:.2f}", day.isoformat(), source, subject, titles[kind],
                 "", stamp if status != "pending" else None, stamp)
                for volunteer_id, kind, status, hours, day, source, subject in rows
            ],
        )  # fmt: skip


def seed(*, volunteers: int, entries: int, rng: random.Random) -> dict:
    from django.db import connection, transaction
    from django.utils import timezone

    from volunteers.models import Organisation, OrganisationKind

    regions = list(
        Organisation.objects.filter(kind=OrganisationKind.REGIONAL_FRONT_OFFICE).values_list(
            "region_id", flat=True
        )
    )
    with transaction.atomic():
        people = volunteers_insert(count=volunteers, rng=rng, region_ids=regions, domain=DOMAIN)
    counts = entry_counts(volunteers=len(people), entries=entries, rng=rng)
    book = Book(rng, timezone.localdate())
    now = timezone.now()
    for first in range(0, len(people), GROUP):
        rows = []
        for person, count in zip(people[first : first + GROUP], counts[first : first + GROUP], strict=True):
            if count:
                rows += book.entries(person, count)
        with transaction.atomic():
            entries_insert(rows, now=now)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"volunteers": len(people), "with entries": sum(1 for count in counts if count), **book.counts}


# --- The measures ------------------------------------------------------------------------------------------


class Queries:
    """Counts the queries sent (an execute wrapper: no SQL kept)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def congratulations_queued() -> int:
    """The congratulations the run queued since the last call, removed from the in-memory broker."""
    from kombu.transport.memory import Channel

    queued = 0
    for queue in list(Channel.queues.values()):
        queued += queue.qsize()
        queue.queue.clear()
    return queued


def evaluate_all(*, chunk: int, label: str) -> dict:
    """One stages_evaluate_all, timed, with its queries per chunk and the congratulations it queued."""
    from django.db import connection

    from volunteers.models import LedgerEntry
    from volunteers.services.stages import stages_evaluate_all

    counter = Queries()
    per_chunk: list[int] = []
    queued = [0]
    last = [0]

    def progress(last_id, written):
        per_chunk.append(counter.count - last[0])
        last[0] = counter.count
        queued[0] += congratulations_queued()

    rows = LedgerEntry.objects.count()
    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        written = stages_evaluate_all(chunk=chunk, progress=progress)
        elapsed = time.perf_counter() - started
    return {
        "label": label,
        "seconds": elapsed,
        "changes": written,
        "rows": rows,
        "chunks": len(per_chunk),
        "queries": per_chunk,
        "queued": queued[0],
        "rss": _rss_mb(),
    }


def result_print(result: dict) -> None:
    queries = result["queries"] or [0]
    print(
        f"{result['label']:<34}{result['seconds']:>9.1f} s{result['rows'] / result['seconds']:>11,.0f} rows/s"
        f"{result['changes']:>9} changes{result['queued']:>8} mails queued"
        f"   queries/chunk min {min(queries)} median {statistics.median(queries):g} max {max(queries)}"
        f" ({result['chunks']} chunks)   ru_maxrss {result['rss']:.0f} MB"
    )


def measure(args) -> None:
    """The measures, in their own process."""
    import logging
    import tracemalloc

    import django

    django.setup()
    logging.getLogger("kombu.connection").setLevel(logging.ERROR)
    connection_keep()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from config.celery import app
    from volunteers.models import LedgerEntry, StageChange, StageStanding, User
    from volunteers.services.stages import stage_evaluate, stage_progress

    # Congratulations are queued in memory (and counted, then dropped), not rendered and sent inline.
    app.conf.task_always_eager = False
    print(f"measuring in a fresh process ({connection.vendor}); ru_maxrss after set-up {_rss_mb():.0f} MB")

    first = evaluate_all(chunk=args.chunk, label="first full evaluation")
    result_print(first)
    mark = timezone.now()
    second = evaluate_all(chunk=args.chunk, label="second full evaluation")
    result_print(second)
    touched = StageStanding.objects.filter(evaluated_at__gte=mark).count()
    if touched:
        raise SystemExit(f"the second evaluation updated {touched} standings: it must update none")
    if second["changes"]:
        raise SystemExit(f"the second evaluation wrote {second['changes']} changes: it must write none")

    standings = StageStanding.objects.count()
    by_stage = dict(
        StageStanding.objects.values_list("stage__position")
        .order_by("stage__position")
        .annotate(count=django.db.models.Count("pk"))
    )
    print(
        f"standings: {standings}; by stage position {by_stage}; history rows: {StageChange.objects.count()}"
    )

    StageChange.objects.all().delete()
    StageStanding.objects.all().delete()
    tracemalloc.start()
    again = evaluate_all(chunk=args.chunk, label="first again, under tracemalloc")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    result_print(again)
    print(f"tracemalloc peak of the full evaluation: {peak / 1024 / 1024:.1f} MB")

    busiest = (
        LedgerEntry.objects.values("volunteer_id")
        .annotate(count=django.db.models.Count("pk"))
        .order_by("-count")
        .first()
    )
    volunteer = User.objects.get(pk=busiest["volunteer_id"])
    entries = f"one volunteer ({busiest['count']} entries)"
    for label, call in (
        (f"stage_evaluate, {entries}", lambda: stage_evaluate(volunteer=volunteer)),
        (f"stage_progress, {entries}", lambda: stage_progress(volunteer=volunteer)),
    ):
        call()
        with CaptureQueriesContext(connection) as queries:
            call()
        timings = []
        for _ in range(50):
            started = time.perf_counter()
            call()
            timings.append((time.perf_counter() - started) * 1000)
        print(f"{label:<58}{statistics.median(timings):>8.2f} ms median{len(queries):>5} queries")
    congratulations_queued()
    print(f"ru_maxrss at the end: {_rss_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--volunteers", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=2_000_000)
    parser.add_argument("--chunk", type=int, default=2000, help="volunteers' ids per chunk")
    parser.add_argument("--keep", action="store_true", help="keep the throw-away folder and database")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.measure:
        measure(args)
        return
    in_workdir(prefix="bench-stages-", keep=args.keep, run=lambda workdir: run(args))


def run(args) -> None:
    site_prepare()
    rng = random.Random(20260615)  # noqa: S311 - test data, not secrets
    started = time.perf_counter()
    seeded = seed(volunteers=args.volunteers, entries=args.entries, rng=rng)
    print(
        f"bulk seed: {time.perf_counter() - started:.1f} s: "
        + ", ".join(f"{count} {name}" for name, count in seeded.items())
    )
    from django.db import connections

    connections.close_all()
    # The measures run in a new process on the same database (the environment names it).
    command = [sys.executable, __file__, "--measure", "--chunk", str(args.chunk)]
    subprocess.run(command, check=True, env=os.environ.copy())  # noqa: S603


if __name__ == "__main__":
    main()
