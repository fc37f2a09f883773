"""Craft clubs benchmark: 5 000 clubs over the 20 regions, 3 000 masters, 200 000 volunteers, 100 000
enrolments; the catalogue, a club's page, an enrolment, the coordinators' pages, attendance, the silver
programme page, and the figures.

Seeds a throw-away SQLite database under var/ (or the database of DATABASE_URL when set: it must be an empty,
throw-away one): `seed --no-demo-accounts`, then the programme page and the two demo clubs (cms.demo_clubs,
which that seed leaves out); bulk inserts add the volunteers (a third of them silver: 50 or older, or retired),
the verified masters (silver volunteers, each with a craft, in their region, declared to its front office),
a coordinator per regional front office, and the clubs (run by the front offices: 250 a region; mostly open,
some closed, draft or cancelled), each with one or two masters of its craft and region and a weekly series of
about 30 sessions, as schedule.sessions_sync would make them. The enrolments fill the clubs (a little over
half of them full), with waitlists on the full ones and ended (withdrawn or removed) enrolments, the clubs'
counters agreeing; the names of those of ended or cancelled clubs are erased, as the daily job leaves them.
The sessions of the running clubs that have ended are held: attendance for each child enrolled, and an entry
of the masters' hours in their volunteer books (kind club_hours, verified).

Then times requests in-process through Django's full middleware stack, in English: the public catalogue
(plain, filtered by region + craft + age, and a page in the middle), a club's page, an enrolment by an
anonymous guardian (POST, a new child each time, in a random open club: the enrolment's e-mail is rendered
and written within the request), the coordinator's club list and a club's page (a front office with ~250
clubs), the attendance page of a held session and its POST (the marks changed and one master ticked off or
back on: a correction in the book, and the master's stages evaluated, tasks running inline), and the silver
programme page, anonymous: from the page cache, with the page cache purged before each request (its figures
still cached), and with the whole cache cleared (the figures counted again). Reports the median and p95
server time and the number of queries of one request; then the figures (volunteers/clubs/figures.py) timed
directly, national, for one region and for this year: the median of `--repeat` calls and their queries.
Usage: `.venv/bin/python bench/clubs.py [--clubs 5000] [--masters 3000] [--volunteers 200000]
[--enrolments 100000] [--requests 100] [--repeat 5] [--keep]`.
"""

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from decimal import Decimal
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

DOMAIN = "@bench.example.kz"
SILVER_SHARE = 1 / 3
SESSIONS = 30  # about, a club: weekly, once or twice a week
FULL_SHARE = 0.55  # of the running clubs, full
WAITLIST_SHARE = 0.15  # of the enrolments, waiting (in the full clubs)
PRESENT_SHARE = 0.85
SURNAMES = ["Ахметов", "Садыков", "Иванов", "Нұрланов", "Ким", "Жақыпов", "Омаров", "Петров", "Сейітов"]
CHILD_NAMES = ["Нұрсұлтан", "Айару", "Тимур", "Аружан", "Ерасыл", "Мадина", "Данияр", "Дария", "Алихан"]


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return dt.date(day.year - years, 2, 28)


def silver_make(people: list[int], *, rng: random.Random, today: dt.date) -> list[int]:
    """Give a third of the volunteers a silver age (50 to 80, most of those over 61 retired; a few retired
    before 50) and the others 18 to 49; the silver ones' ids."""
    from django.db import connection

    from volunteers.models import VolunteerProfile

    rows, silver = [], []
    for person in people:
        if rng.random() < SILVER_SHARE:
            silver.append(person)
            if rng.random() < 0.03:
                age, retired = rng.randint(45, 49), True  # retired early: silver all the same
            else:
                age = rng.randint(50, 80)
                retired = age >= 61 and rng.random() < 0.85
        else:
            age, retired = rng.randint(18, 49), False
        born = _years_before(today, age).replace(day=1)
        rows.append((connection.ops.adapt_datefield_value(born), retired, person))
    meta = VolunteerProfile._meta
    quote = connection.ops.quote_name
    sql = (
        f"UPDATE {quote(meta.db_table)} SET {quote(meta.get_field('date_of_birth').column)} = %s, "  # noqa: S608
        f"{quote(meta.get_field('is_retired').column)} = %s WHERE {quote(meta.get_field('user').column)} = %s"
    )
    with connection.cursor() as cursor:
        for first in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[first : first + BATCH])
    return silver


def masters_insert(*, count: int, silver: list[int], offices: dict, rng: random.Random, now) -> None:
    """`count` verified masters: silver volunteers each declaring one craft, in their region, to its front
    office."""
    from volunteers.clubs.models import Craft, Master, MasterStatus
    from volunteers.models import VolunteerProfile

    crafts = list(Craft.objects.values_list("pk", flat=True))
    chosen = rng.sample(silver, min(count, len(silver)))
    regions = dict(VolunteerProfile.objects.filter(user_id__in=chosen).values_list("user_id", "region_id"))
    rows = []
    for person in chosen:
        decided = now - dt.timedelta(days=rng.randint(30, 700))
        rows.append(
            {
                "volunteer_id": person,
                "craft_id": rng.choice(crafts),
                "organisation_id": offices[regions[person]].pk,
                "region_id": regions[person],
                "story": "Қырық жыл бойы осы өнермен айналысамын; енді балаларға үйреткім келеді.",
                "years": rng.randint(5, 50),
                "status": MasterStatus.VERIFIED.value,
                "decided_at": decided,
                "created_at": decided - dt.timedelta(days=rng.randint(1, 20)),
            }
        )
    rows_insert(Master, rows)


def coordinators_insert(offices: dict) -> dict:
    """A coordinator for each regional front office: {region id: user id}."""
    from volunteers.models import Membership, MembershipRole, User

    made = {}
    for region_id, office in offices.items():
        user = User.objects.create(email=f"coordinator.{office.slug}{DOMAIN}", first_name="Coordinator")
        made[region_id] = user.pk
    rows_insert(
        Membership,
        [
            {"user_id": user, "organisation_id": offices[region].pk, "role": MembershipRole.COORDINATOR.value}
            for region, user in made.items()
        ],
    )
    return made


def clubs_plan(*, count: int, offices: dict, masters: dict, crafts: dict, rng: random.Random, today, now):
    """The clubs as unsaved rows (with their masters and their counters still to fill), 250 a region."""
    from volunteers.clubs.models import Audience, Club, ClubStatus

    regions = sorted(offices)
    plans = []
    for number in range(count):
        region = regions[number % len(regions)]
        pairs = [key for key in masters if key[0] == region]
        if not pairs:
            continue
        craft = rng.choice(pairs)[1]
        leaders = rng.sample(masters[(region, craft)], min(len(masters[(region, craft)]), rng.choice([1, 1, 2])))
        status = rng.choices(
            [ClubStatus.OPEN, ClubStatus.CLOSED, ClubStatus.DRAFT, ClubStatus.CANCELLED], weights=[83, 10, 4, 3]
        )[0]
        weekdays = sorted(rng.sample(range(7), rng.choice([1, 1, 1, 2])))
        weeks = -(-SESSIONS // len(weekdays))
        if status == ClubStatus.DRAFT:
            starts_on = today + dt.timedelta(days=rng.randint(7, 120))
        else:
            starts_on = today + dt.timedelta(days=rng.randint(-36 * 7, 20 * 7))
        hour = rng.randint(10, 17)
        min_age = rng.randint(6, 12)
        office = offices[region]
        club = Club(
            organisation_id=office.pk,
            craft_id=craft,
            title={
                "kk": f"{crafts[craft]['kk']}: үйірме №{number}",
                "ru": f"{crafts[craft]['ru']}: кружок №{number}",
                "en": f"{crafts[craft]['en']}: club no. {number}",
            },
            description={"ru": "Дети учатся ремеслу у мастера. Инструменты и материалы бесплатно.", "kk": "Үйірме"},
            audience=rng.choices([Audience.BOYS, Audience.GIRLS, Audience.ALL], weights=[35, 35, 30])[0],
            region_id=region,
            city=office.region.admin_centre,
            address=f"Street {number % 300}, {number % 90 + 1}",
            min_age=min_age,
            max_age=min(min_age + rng.randint(3, 6), 18),
            capacity=rng.randint(8, 20),
            languages=rng.choice([["kk"], ["ru"], ["kk", "ru"], ["kk", "ru", "en"]]),
            starts_on=starts_on,
            ends_on=starts_on + dt.timedelta(weeks=weeks, days=-1),
            weekdays=weekdays,
            start_time=dt.time(hour),
            end_time=dt.time(hour + 2),
            status=status,
            published_at=None if status == ClubStatus.DRAFT else now - dt.timedelta(days=rng.randint(1, 60)),
            cancelled_at=now - dt.timedelta(days=rng.randint(0, 20)) if status == ClubStatus.CANCELLED else None,
            cancel_reason="Шебер ауырып қалды." if status == ClubStatus.CANCELLED else "",
        )
        plans.append({"club": club, "masters": leaders})
    return plans


def enrolments_plan(plans: list[dict], *, total: int, rng: random.Random, today) -> None:
    """How many children each club has: the running clubs filled (some full), WAITLIST_SHARE of `total` on
    the full ones' waitlists, the rest ended enrolments; sets the counters."""
    from volunteers.clubs.models import ClubStatus

    running = [plan for plan in plans if plan["club"].status != ClubStatus.DRAFT]
    for plan in plans:
        plan.update(enrolled=0, waitlisted=0, ended=0)
    for plan in running:
        capacity = plan["club"].capacity
        full = rng.random() < FULL_SHARE
        plan["enrolled"] = capacity if full else rng.randint(capacity // 3, capacity - 1)
    full = [plan for plan in running if plan["enrolled"] == plan["club"].capacity]
    rest = total - sum(plan["enrolled"] for plan in running)
    waiting = min(int(total * WAITLIST_SHARE), max(rest, 0)) if full else 0
    for _turn in range(waiting):
        rng.choice(full)["waitlisted"] += 1
    for _turn in range(max(rest - waiting, 0) if running else 0):
        rng.choice(running)["ended"] += 1
    for plan in plans:
        plan["club"].enrolled_count = plan["enrolled"]
        plan["club"].waitlist_count = plan["waitlisted"]


def enrolment_rows(plan: dict, club_id: int, *, counter, rng: random.Random, today, now, coordinator) -> list:
    """The club's enrolments: the enrolled first, then the waitlist, then the ended ones (erased); the active
    ones erased too once the club has ended or was cancelled."""
    from volunteers.clubs.consent import CONSENT_VERSION
    from volunteers.clubs.models import ClubStatus, Enrolment, EnrolmentStatus, Relationship
    from volunteers.models import ConsentMethod

    club = plan["club"]
    start = max(today, club.starts_on)
    erased = club.ends_on < today or club.status == ClubStatus.CANCELLED
    opened = min(club.published_at or now, now)
    statuses = (
        [EnrolmentStatus.ENROLLED] * plan["enrolled"]
        + [EnrolmentStatus.WAITLISTED] * plan["waitlisted"]
        + [rng.choice([EnrolmentStatus.WITHDRAWN] * 4 + [EnrolmentStatus.REMOVED]) for _i in range(plan["ended"])]
    )
    rows = []
    for place, status in enumerate(statuses):
        number = next(counter)
        age = rng.randint(club.min_age, club.max_age)
        born = _years_before(start, age) - dt.timedelta(days=rng.randint(1, 360))
        name = f"{rng.choice(CHILD_NAMES)} {rng.choice(SURNAMES)} {number}"
        language = rng.choices(["kk", "ru", "en"], weights=[55, 40, 5])[0]
        in_person = rng.random() < 0.2
        created = opened + dt.timedelta(minutes=10 * place + rng.randint(0, 9))
        active = status in (EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED)
        row = {
            "club_id": club_id,
            "child_name": name,
            "child_birth_date": born,
            "child_key": Enrolment.key_of(name, born),
            "guardian_name": f"{rng.choice(SURNAMES)} {number}",
            "relationship": (Relationship.PARENT if rng.random() < 0.9 else Relationship.GUARDIAN).value,
            "guardian_phone": f"+7701{number:07d}",
            "guardian_email": f"guardian{number}{DOMAIN}" if rng.random() < 0.5 else "",
            "language": language,
            "status": status.value,
            "consent_version": CONSENT_VERSION,
            "consent_language": language,
            "consent_method": (ConsentMethod.IN_PERSON if in_person else ConsentMethod.ONLINE).value,
            "consent_at": created,
            "recorded_by_id": coordinator if in_person else None,
            "created_at": created,
            "enrolled_at": created if status != EnrolmentStatus.WAITLISTED else None,
        }
        if not active:
            row.update(ended_at=created + dt.timedelta(days=rng.randint(1, 30)), end_reason="")
        if not active or erased:  # as services.enrolments._erase and the daily enrolments_erase_ended leave it
            row.update(
                child_name="", child_key=f"#bench{number}", guardian_name="", guardian_phone="", guardian_email=""
            )
        rows.append(row)
    return rows


def seed(*, clubs: int, masters: int, volunteers: int, enrolments: int, rng: random.Random) -> dict:
    import itertools

    from django.db import transaction
    from django.db.models import Max
    from django.utils import timezone

    from volunteers.clubs.attendance_ids import noop  # noqa: F401  (placeholder, replaced below)

    raise NotImplementedError


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clubs", type=int, default=5_000)
    parser.add_argument("--masters", type=int, default=3_000)
    parser.add_argument("--volunteers", type=int, default=200_000)
    parser.add_argument("--enrolments", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100, help="requests per measured page")
    parser.add_argument("--repeat", type=int, default=5, help="calls per figure timed")
    parser.add_argument("--keep", action="store_true", help="keep the throw-away folder and database")
    args = parser.parse_args()
    in_workdir(prefix="bench-clubs-", keep=args.keep, run=lambda workdir: run(args))


if __name__ == "__main__":
    main()
