"""What the seeded benchmarks share: a throw-away database, plain multi-row INSERTs, volunteers in bulk, and
the timing of in-process requests printed as one table.

Imported as `bench.common` once the script has put the project's root on sys.path: the folder itself must not
go first on the path, where its events.py would stand in for the events app.
"""

import dataclasses
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH = 5000


def settings_configure(workdir: Path) -> None:
    if os.environ.get("DATABASE_URL"):
        if "var/db.sqlite3" in os.environ["DATABASE_URL"]:
            raise SystemExit("DATABASE_URL points at the development database: give a throw-away one.")
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    os.environ["DJANGO_VAR_DIR"] = str(workdir)  # mail, media and cache of the run stay in its folder
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["ALLOWED_HOSTS"] = "testserver"


def in_workdir(*, prefix: str, keep: bool, run: Callable[[Path], None]) -> None:
    """Run the benchmark in a new folder under var/, removed afterwards unless kept."""
    (ROOT / "var").mkdir(exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix=prefix, dir=ROOT / "var"))
    settings_configure(workdir)
    try:
        run(workdir)
    finally:
        if keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def site_prepare() -> None:
    """Django set up, the database migrated and seeded (without demo accounts), and the time it took."""
    import logging

    import django

    django.setup()
    # The in-memory broker of the embedded default says so once, in the middle of the table.
    logging.getLogger("kombu.connection").setLevel(logging.ERROR)
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed", "--no-demo-accounts", stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"migrate + seed: {time.perf_counter() - started:.1f} s ({connection.vendor})")


def connection_keep() -> None:
    """Keep one connection for the whole run (as CONN_MAX_AGE does in production), so queries can be
    counted."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)


def rows_insert(model, rows: list[dict]) -> None:
    """Plain multi-row INSERTs for the big tables. At 100 000 rows most of bulk_create's time goes into
    compiling each value into SQL; here every column not given takes the field's default, and only JSON,
    dates, times and UUIDs need adapting. Rows are keyed by column (attname: `user_id`)."""
    import json

    from django.db import connection, models
    from django.db.models.fields import AutoFieldMixin
    from django.utils import timezone

    now = timezone.now()
    fields = [field for field in model._meta.concrete_fields if not isinstance(field, AutoFieldMixin)]

    def adapt(field, value):
        if value is None:
            return None
        if isinstance(field, models.JSONField):
            return json.dumps(value)
        if isinstance(field, models.DateTimeField):
            return connection.ops.adapt_datetimefield_value(value)
        if isinstance(field, models.DateField):
            return connection.ops.adapt_datefield_value(value)
        if isinstance(field, models.TimeField):
            return connection.ops.adapt_timefield_value(value)
        if isinstance(field, models.UUIDField):  # hex text on SQLite, a uuid on PostgreSQL
            return field.get_db_prep_value(value, connection)
        return value

    def value(field, row):
        if field.attname in row:
            return adapt(field, row[field.attname])
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return adapt(field, now)
        return adapt(field, field.get_default())

    quote = connection.ops.quote_name
    # Names from the models' metadata; the values go as parameters.
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        for first in range(0, len(rows), BATCH):
            cursor.executemany(
                sql, [tuple(value(field, row) for field in fields) for row in rows[first : first + BATCH]]
            )


def volunteers_insert(*, count: int, rng, region_ids: list, domain: str, names=None) -> list[int]:
    """`count` users with a volunteer's profile each, in a regional front office's region; their ids in
    order. `names(number)` gives a user's names (default: first name "V<number>"). The caller holds the
    transaction."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from volunteers.models import User, VolunteerProfile

    today = timezone.localdate()
    names = names or (lambda number: {"first_name": f"V{number}"})
    no_password = make_password(None)  # unusable, and made once rather than 100 000 times
    rows_insert(
        User,
        [
            {"email": f"volunteer{number}{domain}", "password": no_password, **names(number)}
            for number in range(count)
        ],
    )
    people = list(User.objects.filter(email__endswith=domain).order_by("pk").values_list("pk", flat=True))
    rows_insert(
        VolunteerProfile,
        [
            {
                "user_id": person,
                "date_of_birth": today.replace(year=today.year - rng.randint(18, 75), day=1),
                "region_id": rng.choice(region_ids),
                "language": rng.choice(["kk", "ru", "en"]),
                "languages": ["kk", "ru"],
            }
            for person in people
        ],
    )
    return people


@dataclasses.dataclass
class Measure:
    """One row of the table. `action(client, number)` makes the request and says whether it answered as it
    should; `once` runs before the first request, `each` before every request (not timed). With `requests`
    set to 1 the request is made once, cold: timed, with its queries counted."""

    label: str
    action: Callable
    once: Callable | None = None
    each: Callable | None = None
    requests: int | None = None


def measures_print(measures: list[Measure], *, requests: int, language: str) -> None:
    """The median and p95 server time of `requests` requests (after one to warm the caches and the template
    loader) and the queries of one request, in `language`."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils.translation import override

    width = max(36, max(len(measure.label) for measure in measures) + 2)
    print(f"{'request':<{width}}{'median ms':>10}{'p95 ms':>9}{'queries':>9}{'errors':>8}")
    with override(language):
        for measure in measures:
            client = Client()
            if measure.once is not None:
                measure.once(client)
            if measure.requests == 1:
                if measure.each is not None:
                    measure.each(client)
                start = time.perf_counter()
                with CaptureQueriesContext(connection) as queries:
                    done = measure.action(client, 0)
                elapsed = (time.perf_counter() - start) * 1000
                errors = int(not done)
                print(f"{measure.label:<{width}}{elapsed:>10.2f}{elapsed:>9.2f}{len(queries):>9}{errors:>8}")
                continue
            if measure.each is not None:
                measure.each(client)
            measure.action(client, 0)  # warm the caches and the template loader
            if measure.each is not None:
                measure.each(client)
            with CaptureQueriesContext(connection) as queries:
                measure.action(client, 1)
            # Now: the next request resets the connection's query log.
            query_count = len(queries)
            timings, errors = [], 0
            for number in range(measure.requests or requests):
                if measure.each is not None:
                    measure.each(client)
                start = time.perf_counter()
                done = measure.action(client, number)
                timings.append((time.perf_counter() - start) * 1000)
                errors += not done
            timings.sort()
            p95 = timings[int(len(timings) * 0.95) - 1]
            median = statistics.median(timings)
            print(f"{measure.label:<{width}}{median:>10.2f}{p95:>9.2f}{query_count:>9}{errors:>8}")
