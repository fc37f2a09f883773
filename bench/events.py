"""Events benchmark: 10 000 events, 40 000 shifts, 100 000 volunteers; the listing, an event page, a sign-up.

Seeds a throw-away SQLite database under var/ (or the database of DATABASE_URL when set: it must be an empty,
throw-away one) with bulk inserts, then times requests in-process through Django's full middleware stack:
the public listing (plain, filtered by region + direction + places left, and a text search), an event's page
seen by a signed-in volunteer, and a sign-up (POST, a fresh volunteer each time). Reports the median and p95
server time and the number of queries of one request. Tasks run inline, so a sign-up's confirmation e-mail is
rendered and written (to the throw-away folder) within the request.
Usage: `.venv/bin/python bench/events.py [--events 10000] [--volunteers 100000] [--requests 200] [--keep]`.
"""

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHIFTS_PER_EVENT = 4
BATCH = 5000


def _settings(workdir: Path) -> None:
    if os.environ.get("DATABASE_URL"):
        if "var/db.sqlite3" in os.environ["DATABASE_URL"]:
            raise SystemExit("DATABASE_URL points at the development database: give a throw-away one.")
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    os.environ["DJANGO_VAR_DIR"] = str(workdir)  # mail, media and cache of the run stay in its folder
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["ALLOWED_HOSTS"] = "testserver"


def _at(day: dt.date, hour: int) -> dt.datetime:
    from django.utils import timezone

    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _insert(model, rows: list[dict]) -> None:
    """Plain multi-row INSERTs for the big tables. At 100 000 rows most of bulk_create's time goes into
    compiling each value into SQL; here every column not given takes the field's default, and only JSON,
    dates and times need adapting. Rows are keyed by column (attname: `user_id`)."""
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


def seed(*, events: int, volunteers: int, rng: random.Random) -> dict:
    """Insert the volunteers, the events, their shifts and enough confirmed sign-ups that some shifts are
    full; the shifts' counters agree with the sign-up rows."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from events.models import DayOfAction, Event, EventStatus, Shift, Signup, SignupStatus
    from events.models.signups import checkin_code_new
    from events.services.days import days_of_action_ensure
    from volunteers.models import Direction, Organisation, OrganisationKind, User, VolunteerProfile

    days_of_action_ensure()
    directions = list(Direction.objects.all())
    days_of_action = list(DayOfAction.objects.all())
    organisations = list(
        Organisation.objects.filter(kind=OrganisationKind.REGIONAL_FRONT_OFFICE).select_related("region")
    )
    now = timezone.now()
    today = timezone.localdate()
    domain = "@bench.example.kz"

    no_password = make_password(None)  # unusable, and made once rather than 100 000 times
    with transaction.atomic():
        _insert(
            User,
            [
                {"email": f"volunteer{number}{domain}", "password": no_password, "first_name": f"V{number}"}
                for number in range(volunteers)
            ],
        )
        people = list(User.objects.filter(email__endswith=domain).order_by("pk").values_list("pk", flat=True))
        _insert(
            VolunteerProfile,
            [
                {
                    "user_id": person,
                    "date_of_birth": today.replace(year=today.year - rng.randint(18, 75), day=1),
                    "region_id": rng.choice(organisations).region_id,
                    "language": rng.choice(["kk", "ru", "en"]),
                    "languages": ["kk", "ru"],
                }
                for person in people
            ],
        )

        rows = []
        for number in range(events):
            organisation = organisations[number % len(organisations)]
            day = today + dt.timedelta(days=rng.randint(-30, 330))
            start = rng.randint(8, 12)
            status = rng.choices(
                [EventStatus.PUBLISHED, EventStatus.DRAFT, EventStatus.CANCELLED], weights=[95, 3, 2]
            )[0]
            event = Event(
                organisation=organisation,
                direction=rng.choice(directions),
                region=organisation.region,
                city=organisation.region.admin_centre,
                title={
                    "kk": f"Іс-шара №{number}",
                    "ru": f"Мероприятие №{number}",
                    "en": f"Event no. {number}",
                },
                description={"ru": "Уборка парка, посадка деревьев и сортировка отходов.", "kk": "Саябақ"},
                address=f"Street {number % 300}, {number % 90 + 1}",
                is_online=rng.random() < 0.1,
                online_url="https://example.org/meet",
                starts_at=_at(day, start),
                ends_at=_at(day, start + 2 * SHIFTS_PER_EVENT),
                adults_only=rng.random() < 0.1,
                silver_friendly=rng.random() < 0.2,
                day_of_action=rng.choice(days_of_action) if rng.random() < 0.1 else None,
                status=status,
                published_at=now if status != EventStatus.DRAFT else None,
                cancelled_at=now if status == EventStatus.CANCELLED else None,
            )
            event.language_codes = rng.choice([["kk"], ["ru"], ["kk", "ru"], ["kk", "ru", "en"]])
            event.search_text = event.search_text_build()
            rows.append(event)
        Event.objects.bulk_create(rows, batch_size=BATCH)

        shifts = []
        for event in Event.objects.order_by("pk").only("pk", "status", "starts_at"):
            for number in range(SHIFTS_PER_EVENT):
                capacity = rng.randint(5, 30)
                full = event.is_published and rng.random() < 0.15
                confirmed = capacity if full else (rng.randint(0, 3) if event.is_published else 0)
                shifts.append(
                    Shift(
                        event=event,
                        task={"ru": "Помощь", "kk": "Көмек", "en": "Helping"},
                        starts_at=event.starts_at + dt.timedelta(hours=2 * number),
                        ends_at=event.starts_at + dt.timedelta(hours=2 * number + 2),
                        capacity=capacity,
                        confirmed_count=confirmed,
                    )
                )
        Shift.objects.bulk_create(shifts, batch_size=BATCH)

        # The last tenth of the people have no sign-ups: the sign-up benchmark takes them one by one.
        busy = people[: int(len(people) * 0.9)]
        turn = 0
        signups = []
        confirmed = Shift.objects.filter(confirmed_count__gt=0).order_by("pk")
        for shift, count in confirmed.values_list("pk", "confirmed_count"):
            for _place in range(count):
                signups.append(
                    {
                        "shift_id": shift,
                        "volunteer_id": busy[turn % len(busy)],
                        "status": SignupStatus.CONFIRMED.value,
                        "code": checkin_code_new(),
                        "queued_at": now,
                    }
                )
                turn += 1
        _insert(Signup, signups)
    return {"people": len(people), "free": people[len(busy) :], "signups": len(signups)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--volunteers", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per measured page")
    parser.add_argument("--keep", action="store_true", help="keep the throw-away folder and database")
    args = parser.parse_args()

    (ROOT / "var").mkdir(exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="bench-events-", dir=ROOT / "var"))
    _settings(workdir)
    try:
        run(args, workdir)
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def run(args, workdir: Path) -> None:
    import logging

    import django

    django.setup()
    # The in-memory broker of the embedded default says so once, in the middle of the table.
    logging.getLogger("kombu.connection").setLevel(logging.ERROR)
    from django.core.management import call_command
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone
    from django.utils.translation import override

    from events.models import Event, EventStatus, Shift
    from volunteers.models import Direction, Region, User

    rng = random.Random(20261128)  # noqa: S311 - test data, not secrets
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed", "--no-demo-accounts", stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"migrate + seed: {time.perf_counter() - started:.1f} s ({connection.vendor})")
    started = time.perf_counter()
    seeded = seed(events=args.events, volunteers=args.volunteers, rng=rng)
    print(
        f"bulk seed: {time.perf_counter() - started:.1f} s: {Event.objects.count()} events, "
        f"{Shift.objects.count()} shifts, {seeded['people']} volunteers, {seeded['signups']} sign-ups"
    )

    # Keep one connection for the whole run (as CONN_MAX_AGE does in production), so queries can be counted.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)

    now = timezone.now()
    regions = list(Region.objects.values_list("iso_code", flat=True))
    directions = list(Direction.objects.values_list("slug", flat=True))
    upcoming = list(
        Event.objects.filter(status=EventStatus.PUBLISHED, starts_at__gt=now).values_list("pk", flat=True)
    )
    open_shifts = list(
        Shift.objects.filter(
            event__status=EventStatus.PUBLISHED,
            starts_at__gt=now + dt.timedelta(hours=1),
            event__adults_only=False,
        ).values_list("pk", flat=True)
    )
    with override("en"):
        list_url = reverse("events:list")

    def listing(query):
        return lambda client, number: client.get(list_url + query(number)).status_code == 200

    def event_page(client, number):
        return client.get(reverse("events:detail", kwargs={"pk": rng.choice(upcoming)})).status_code == 200

    def signup(client, number):
        response = client.post(reverse("events:signup", kwargs={"shift_id": rng.choice(open_shifts)}))
        # Signed up (or on the waitlist): sent on to the sign-up's page, not back to a form or the login.
        return response.status_code == 302 and "/events/my/" in response["Location"]

    reader, *fresh = seeded["free"]
    fresh = iter(fresh)

    def sign_in_reader(client):
        client.force_login(User.objects.get(pk=reader))

    def sign_in_fresh(client):
        client.force_login(User.objects.get(pk=next(fresh)))

    measures = [
        # label, once before the requests, before each request (not timed), the request
        ("listing", None, None, listing(lambda number: "")),
        (
            "listing: region+direction+places",
            None,
            None,
            listing(
                lambda number: (
                    f"?region={regions[number % len(regions)]}"
                    f"&direction={directions[number % len(directions)]}&places=on"
                )
            ),
        ),
        ("listing: text search", None, None, listing(lambda number: f"?q=no.+{number % 997}")),
        ("event page, signed in", sign_in_reader, None, event_page),
        ("sign-up, a new volunteer each", None, sign_in_fresh, signup),
    ]

    print(f"{'request':<36}{'median ms':>10}{'p95 ms':>9}{'queries':>9}{'errors':>8}")
    with override("en"):
        for label, once, each, action in measures:
            client = Client()
            if once is not None:
                once(client)
            if each is not None:
                each(client)
            action(client, 0)  # warm the caches and the template loader
            if each is not None:
                each(client)
            with CaptureQueriesContext(connection) as queries:
                action(client, 1)
            # Now: the next request resets the connection's query log.
            query_count = len(queries)
            timings, errors = [], 0
            for number in range(args.requests):
                if each is not None:
                    each(client)
                start = time.perf_counter()
                done = action(client, number)
                timings.append((time.perf_counter() - start) * 1000)
                errors += not done
            timings.sort()
            p95 = timings[int(len(timings) * 0.95) - 1]
            median = statistics.median(timings)
            print(f"{label:<36}{median:>10.2f}{p95:>9.2f}{query_count:>9}{errors:>8}")


if __name__ == "__main__":
    main()
