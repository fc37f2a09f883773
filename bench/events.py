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
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    BATCH,
    Measure,
    connection_keep,
    in_workdir,
    measures_print,
    rows_insert,
    site_prepare,
    volunteers_insert,
)

SHIFTS_PER_EVENT = 4


def _at(day: dt.date, hour: int) -> dt.datetime:
    from django.utils import timezone

    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def seed(*, events: int, volunteers: int, rng: random.Random) -> dict:
    """Insert the volunteers, the events, their shifts and enough confirmed sign-ups that some shifts are
    full; the shifts' counters agree with the sign-up rows."""
    from django.db import transaction
    from django.utils import timezone

    from events.models import DayOfAction, Event, EventStatus, Shift, Signup, SignupStatus
    from events.models.signups import checkin_code_new
    from events.services.days import days_of_action_ensure
    from volunteers.models import Direction, Organisation, OrganisationKind

    days_of_action_ensure()
    directions = list(Direction.objects.all())
    days_of_action = list(DayOfAction.objects.all())
    organisations = list(
        Organisation.objects.filter(kind=OrganisationKind.REGIONAL_FRONT_OFFICE).select_related("region")
    )
    now = timezone.now()
    today = timezone.localdate()
    domain = "@bench.example.kz"

    with transaction.atomic():
        people = volunteers_insert(
            count=volunteers,
            rng=rng,
            region_ids=[organisation.region_id for organisation in organisations],
            domain=domain,
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
        rows_insert(Signup, signups)
    return {"people": len(people), "free": people[len(busy) :], "signups": len(signups)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--volunteers", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per measured page")
    parser.add_argument("--keep", action="store_true", help="keep the throw-away folder and database")
    args = parser.parse_args()
    in_workdir(prefix="bench-events-", keep=args.keep, run=lambda workdir: run(args))


def run(args) -> None:
    site_prepare()
    from django.urls import reverse
    from django.utils import timezone
    from django.utils.translation import override

    from events.models import Event, EventStatus, Shift
    from volunteers.models import Direction, Region, User

    rng = random.Random(20261128)  # noqa: S311 - test data, not secrets
    started = time.perf_counter()
    seeded = seed(events=args.events, volunteers=args.volunteers, rng=rng)
    print(
        f"bulk seed: {time.perf_counter() - started:.1f} s: {Event.objects.count()} events, "
        f"{Shift.objects.count()} shifts, {seeded['people']} volunteers, {seeded['signups']} sign-ups"
    )
    connection_keep()

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
        Measure("listing", listing(lambda number: "")),
        Measure(
            "listing: region+direction+places",
            listing(
                lambda number: (
                    f"?region={regions[number % len(regions)]}"
                    f"&direction={directions[number % len(directions)]}&places=on"
                )
            ),
        ),
        Measure("listing: text search", listing(lambda number: f"?q=no.+{number % 997}")),
        Measure("event page, signed in", event_page, once=sign_in_reader),
        Measure("sign-up, a new volunteer each", signup, each=sign_in_fresh),
    ]
    measures_print(measures, requests=args.requests, language="en")


if __name__ == "__main__":
    main()
