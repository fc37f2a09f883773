"""Craft clubs benchmark: 5 000 clubs over the 20 regions, 3 000 masters, 200 000 volunteers, 100 000
enrolments; the catalogue, a club's page, an enrolment, the coordinators' pages, attendance, the silver
programme page, and the figures.

Seeds a throw-away SQLite database under var/ (or the database of DATABASE_URL when set: it must be an empty,
throw-away one): `seed --no-demo-accounts`, then the programme page and the two demo clubs (cms.demo_clubs,
which that seed leaves out); bulk inserts add the volunteers (a third of them silver: 50 or older, or
retired), the verified masters (silver volunteers, each with a craft, in their region, declared to its front
office), a coordinator per regional front office, and the clubs (run by the front offices: 250 a region;
mostly open, some closed, draft or cancelled), each with one or two masters of its craft and region and a
weekly series of about 30 sessions, as schedule.sessions_sync would make them. The enrolments fill the clubs
(a little over half of them full), with waitlists on the full ones and ended (withdrawn or removed)
enrolments, the clubs' counters agreeing; the names of those of ended or cancelled clubs are erased, as the
daily job leaves them. The sessions of the running clubs that have ended are held: attendance for each child
enrolled, and an entry of the masters' hours in their volunteer books (kind club_hours, verified).

Then times requests in-process through Django's full middleware stack, in English: the public catalogue
(plain, filtered by region + craft + age, and a page in the middle), a club's page, an enrolment by an
anonymous guardian (POST, a new child each time, in a random open club: the enrolment's e-mail is rendered and
written within the request), the coordinator's club list and a club's page (a front office with ~250 clubs),
the attendance page of a held session and its POST (the marks changed and one master ticked off or back on: a
correction in the book, and the master's stages evaluated, tasks running inline), and the silver programme
page, anonymous: from the page cache, with the page cache purged before each request (its figures still
cached), and with the whole cache cleared (the figures counted again). Reports the median and p95 server time
and the number of queries of one request; then the figures (volunteers/clubs/figures.py) timed directly,
national, for one region and for this year: the median of `--repeat` calls and their queries.
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
    """The clubs' rows (keyed by column) and the masters of each, 250 a region: a craft that has masters in
    the region, one or two of them."""
    from volunteers.clubs.models import Audience, ClubStatus

    regions = sorted(offices)
    pairs = {region: [key for key in masters if key[0] == region] for region in regions}
    plans = []
    for number in range(count):
        region = regions[number % len(regions)]
        if not pairs[region]:
            continue
        craft = rng.choice(pairs[region])[1]
        candidates = masters[(region, craft)]
        leaders = rng.sample(candidates, min(len(candidates), rng.choice([1, 1, 2])))
        status = rng.choices(
            [ClubStatus.OPEN, ClubStatus.CLOSED, ClubStatus.DRAFT, ClubStatus.CANCELLED],
            weights=[83, 10, 4, 3],
        )[0]
        weekdays = sorted(rng.sample(range(7), rng.choice([1, 1, 1, 2])))
        weeks = -(-SESSIONS // len(weekdays))
        if status == ClubStatus.DRAFT:
            starts_on = today + dt.timedelta(days=rng.randint(7, 120))
        else:  # about a third of the sessions in the past, a tenth of the clubs ended
            starts_on = today + dt.timedelta(days=rng.randint(-36 * 7, 20 * 7))
        hour = rng.randint(10, 17)
        min_age = rng.randint(6, 12)
        office = offices[region]
        club = {
            "organisation_id": office.pk,
            "craft_id": craft,
            "title": {
                "kk": f"{crafts[craft]['kk']}: үйірме №{number}",
                "ru": f"{crafts[craft]['ru']}: кружок №{number}",
                "en": f"{crafts[craft]['en']}: club no. {number}",
            },
            "description": {"ru": "Дети учатся ремеслу у мастера. Инструменты бесплатно.", "kk": "Үйірме"},
            "audience": rng.choices([Audience.BOYS, Audience.GIRLS, Audience.ALL], weights=[35, 35, 30])[
                0
            ].value,
            "region_id": region,
            "city": office.region.admin_centre,
            "address": f"Street {number % 300}, {number % 90 + 1}",
            "min_age": min_age,
            "max_age": min(min_age + rng.randint(3, 6), 18),
            "capacity": rng.randint(8, 20),
            "languages": rng.choice([["kk"], ["ru"], ["kk", "ru"], ["kk", "ru", "en"]]),
            "starts_on": starts_on,
            "ends_on": starts_on + dt.timedelta(weeks=weeks, days=-1),
            "weekdays": weekdays,
            "start_time": dt.time(hour),
            "end_time": dt.time(hour + 2),
            "status": status.value,
            "published_at": None
            if status == ClubStatus.DRAFT
            else now - dt.timedelta(days=rng.randint(60, 400)),
        }
        if status == ClubStatus.CANCELLED:
            club.update(
                cancelled_at=now - dt.timedelta(days=rng.randint(0, 20)), cancel_reason="Шебер ауырды."
            )
        plans.append({"club": club, "masters": leaders})
    return plans


def enrolments_plan(plans: list[dict], *, total: int, rng: random.Random) -> None:
    """How many children each club has: the clubs but drafts filled (FULL_SHARE of them full), WAITLIST_SHARE
    of `total` on the full ones' waitlists, the rest ended enrolments; sets the clubs' counters."""
    from volunteers.clubs.models import ClubStatus

    running = [plan for plan in plans if plan["club"]["status"] != ClubStatus.DRAFT]
    for plan in plans:
        plan.update(enrolled=0, waitlisted=0, ended=0)
    for plan in running:
        capacity = plan["club"]["capacity"]
        full = rng.random() < FULL_SHARE
        plan["enrolled"] = capacity if full else rng.randint(capacity // 3, capacity - 1)
    full = [plan for plan in running if plan["enrolled"] == plan["club"]["capacity"]]
    rest = max(total - sum(plan["enrolled"] for plan in running), 0)
    waiting = min(int(total * WAITLIST_SHARE), rest) if full else 0
    for _turn in range(waiting):
        rng.choice(full)["waitlisted"] += 1
    for _turn in range(rest - waiting if running else 0):
        rng.choice(running)["ended"] += 1
    for plan in plans:
        plan["club"].update(enrolled_count=plan["enrolled"], waitlist_count=plan["waitlisted"])


def enrolment_rows(plan: dict, club_id: int, *, numbers, rng: random.Random, today, now, coordinator) -> list:
    """The club's enrolments: the enrolled first, then the waitlist, then the ended ones (erased); the active
    ones erased too once the club has ended or was cancelled."""
    from volunteers.clubs.consent import CONSENT_VERSION
    from volunteers.clubs.models import ClubStatus, Enrolment, EnrolmentStatus, Relationship
    from volunteers.models import ConsentMethod

    club = plan["club"]
    start = max(today, club["starts_on"])
    erased = club["ends_on"] < today or club["status"] == ClubStatus.CANCELLED
    opened = club["published_at"] or now
    ended = [EnrolmentStatus.WITHDRAWN] * 4 + [EnrolmentStatus.REMOVED]
    statuses = (
        [EnrolmentStatus.ENROLLED] * plan["enrolled"]
        + [EnrolmentStatus.WAITLISTED] * plan["waitlisted"]
        + [rng.choice(ended) for _turn in range(plan["ended"])]
    )
    rows = []
    for place, status in enumerate(statuses):
        number = next(numbers)
        age = rng.randint(club["min_age"], club["max_age"])
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
        if (
            not active or erased
        ):  # as services.enrolments._erase and the daily enrolments_erase_ended leave it
            row.update(
                child_name="",
                child_key=f"#bench{number}",
                guardian_name="",
                guardian_phone="",
                guardian_email="",
            )
        rows.append(row)
    return rows


def sessions_rows(plan: dict, club_id: int, *, now, coordinator) -> list:
    """The club's sessions as schedule.sessions_sync makes them; those of a running club that have ended are
    held (attendance recorded by the region's coordinator), those after a club was cancelled cancelled."""
    import types

    from django.conf import settings

    from volunteers.clubs.models import ClubStatus
    from volunteers.clubs.schedule import series_dates, session_bounds

    club = plan["club"]
    times = types.SimpleNamespace(start_time=club["start_time"], end_time=club["end_time"])
    rows = []
    for day in series_dates(club["starts_on"], club["ends_on"], club["weekdays"])[
        : settings.CLUBS_SESSIONS_MAX
    ]:
        starts_at, ends_at = session_bounds(times, day)
        row = {"club_id": club_id, "date": day, "starts_at": starts_at, "ends_at": ends_at}
        if club["status"] == ClubStatus.CANCELLED and starts_at > club["cancelled_at"]:
            row.update(cancelled_at=club["cancelled_at"], cancel_reason=club["cancel_reason"])
        elif club["status"] != ClubStatus.DRAFT and ends_at <= now:
            row.update(held_at=ends_at, recorded_by_id=coordinator)
        rows.append(row)
    return rows


def seed(*, clubs: int, masters: int, volunteers: int, enrolments: int, rng: random.Random) -> dict:
    """Everything in one transaction; returns what the measures need and the counts."""
    import itertools

    from django.db import transaction
    from django.db.models import Max
    from django.utils import timezone

    from volunteers.clubs.models import (
        Attendance,
        Club,
        ClubSession,
        Craft,
        Enrolment,
        EnrolmentStatus,
        Master,
        MasterStatus,
    )
    from volunteers.clubs.services.attendance import DIRECTION
    from volunteers.models import (
        Direction,
        EntryKind,
        EntryStatus,
        LedgerEntry,
        Organisation,
        OrganisationKind,
    )

    now = timezone.now()
    today = timezone.localdate()
    offices = {
        office.region_id: office
        for office in Organisation.objects.filter(kind=OrganisationKind.REGIONAL_FRONT_OFFICE).select_related(
            "region"
        )
    }
    crafts = {craft.pk: dict(craft.name) for craft in Craft.objects.all()}
    direction = Direction.objects.filter(slug=DIRECTION).values_list("pk", flat=True).first()
    last_club = Club.objects.aggregate(last=Max("pk"))["last"] or 0
    last_session = ClubSession.objects.aggregate(last=Max("pk"))["last"] or 0

    with transaction.atomic():
        people = volunteers_insert(count=volunteers, rng=rng, region_ids=sorted(offices), domain=DOMAIN)
        silver = silver_make(people, rng=rng, today=today)
        masters_insert(count=masters, silver=silver, offices=offices, rng=rng, now=now)
        coordinators = coordinators_insert(offices)
        pairs, volunteer_of = {}, {}
        bench_masters = Master.objects.filter(volunteer__email__endswith=DOMAIN, status=MasterStatus.VERIFIED)
        for pk, region, craft, volunteer in bench_masters.values_list(
            "pk", "region_id", "craft_id", "volunteer_id"
        ):
            pairs.setdefault((region, craft), []).append(pk)
            volunteer_of[pk] = volunteer

        plans = clubs_plan(
            count=clubs, offices=offices, masters=pairs, crafts=crafts, rng=rng, today=today, now=now
        )
        enrolments_plan(plans, total=enrolments, rng=rng)
        rows_insert(Club, [plan["club"] for plan in plans])
        club_ids = list(Club.objects.filter(pk__gt=last_club).order_by("pk").values_list("pk", flat=True))
        plan_of = dict(zip(club_ids, plans, strict=True))
        rows_insert(
            Club.masters.through,
            [
                {"club_id": club, "master_id": master}
                for club, plan in plan_of.items()
                for master in plan["masters"]
            ],
        )
        rows_insert(
            ClubSession,
            [
                row
                for club, plan in plan_of.items()
                for row in sessions_rows(
                    plan, club, now=now, coordinator=coordinators[plan["club"]["region_id"]]
                )
            ],
        )
        numbers = itertools.count(1)
        rows_insert(
            Enrolment,
            [
                row
                for club, plan in plan_of.items()
                for row in enrolment_rows(
                    plan,
                    club,
                    numbers=numbers,
                    rng=rng,
                    today=today,
                    now=now,
                    coordinator=coordinators[plan["club"]["region_id"]],
                )  # fmt: skip
            ],
        )

        # The held sessions: who led them, the attendance of the children enrolled, the masters' hours.
        enrolled = {}
        bench_enrolments = Enrolment.objects.filter(club_id__gt=last_club, status=EnrolmentStatus.ENROLLED)
        for pk, club in bench_enrolments.order_by("pk").values_list("pk", "club_id"):
            enrolled.setdefault(club, []).append(pk)
        held = ClubSession.objects.filter(pk__gt=last_session, held_at__isnull=False).order_by("pk")
        led, marks, entries = [], [], []
        for session, club, day, starts_at, ends_at, held_at in held.values_list(
            "pk", "club_id", "date", "starts_at", "ends_at", "held_at"
        ):
            plan = plan_of[club]
            coordinator = coordinators[plan["club"]["region_id"]]
            hours = (Decimal((ends_at - starts_at).total_seconds()) / 3600).quantize(Decimal("0.01"))
            for child in enrolled.get(club, []):
                marks.append(
                    {"session_id": session, "enrolment_id": child, "present": rng.random() < PRESENT_SHARE}
                )
            for master in plan["masters"]:
                led.append({"clubsession_id": session, "master_id": master})
                entries.append(
                    {
                        "volunteer_id": volunteer_of[master],
                        "kind": EntryKind.CLUB_HOURS.value,
                        "status": EntryStatus.VERIFIED.value,
                        "hours": hours,
                        "occurred_on": day,
                        "source": f"clubs.session:{session}:{volunteer_of[master]}",
                        "subject": f"clubs.club:{club}",
                        "title": plan["club"]["title"],
                        "organisation_id": plan["club"]["organisation_id"],
                        "direction_id": direction,
                        "region_id": plan["club"]["region_id"],
                        "verified_by_id": coordinator,
                        "verified_at": held_at,
                        "created_at": held_at,
                    }
                )
        rows_insert(ClubSession.masters.through, led)
        rows_insert(Attendance, marks)
        rows_insert(LedgerEntry, entries)
    return {
        "people": len(people),
        "silver": len(silver),
        "masters": len(volunteer_of),
        "clubs": len(club_ids),
        "sessions": ClubSession.objects.filter(pk__gt=last_session).count(),
        "held": held.count(),
        "enrolments": Enrolment.objects.filter(club_id__gt=last_club).count(),
        "enrolled": sum(plan["enrolled"] for plan in plans),
        "waitlisted": sum(plan["waitlisted"] for plan in plans),
        "attendance": len(marks),
        "entries": len(entries),
        "coordinators": coordinators,
    }


def figures_print(*, region, year: int, repeat: int) -> None:
    """Each figure called directly, national, for one region and for one year: the median of `repeat` calls
    and the queries of one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from volunteers.clubs import figures

    functions = [
        ("silver_volunteers_by_region", figures.silver_volunteers_by_region),
        ("clubs_figures", figures.clubs_figures),
        ("children_enrolled", figures.children_enrolled),
        ("sessions_held", figures.sessions_held),
        ("masters_verified", figures.masters_verified),
        ("masters_hours", figures.masters_hours),
    ]
    scopes = [
        ("national", {}),
        (f"region {region.iso_code}", {"region": region}),
        (f"year {year}", {"year": year}),
    ]
    rows = [(name, label, function, filters) for name, function in functions for label, filters in scopes]
    rows.append(("programme figures (the six, uncached)", "national", figures._programme_count, {}))
    print(f"{'figure':<40}{'scope':<14}{'median ms':>10}{'max ms':>9}{'queries':>9}")
    for name, label, function, filters in rows:
        with CaptureQueriesContext(connection) as queries:
            function(**filters)
        timings = []
        for _turn in range(repeat):
            started = time.perf_counter()
            function(**filters)
            timings.append((time.perf_counter() - started) * 1000)
        median = statistics.median(timings)
        print(f"{name:<40}{label:<14}{median:>10.2f}{max(timings):>9.2f}{len(queries):>9}")


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


def run(args) -> None:
    site_prepare()
    import itertools

    from django.conf import settings
    from django.core.cache import cache
    from django.urls import reverse
    from django.utils import timezone
    from django.utils.translation import override

    from cms.cache import page_cache_purge
    from cms.demo_clubs import clubs_demo_ensure
    from cms.models import SilverProgrammePage
    from volunteers.clubs.models import (
        Attendance,
        Club,
        ClubSession,
        ClubStatus,
        Craft,
        Enrolment,
        EnrolmentStatus,
    )
    from volunteers.clubs.views.manage import PAGE_SIZE as MANAGE_PAGE_SIZE
    from volunteers.clubs.views.public import PAGE_SIZE
    from volunteers.models import LedgerEntry, Organisation, Region, User

    started = time.perf_counter()
    made = clubs_demo_ensure()  # `seed --no-demo-accounts` stops before the demo content
    print(
        f"programme page and demo clubs: {time.perf_counter() - started:.1f} s: {made['pages']} pages, "
        f"{made['clubs']} clubs"
    )
    rng = random.Random(20261128)  # noqa: S311 - test data, not secrets
    started = time.perf_counter()
    seeded = seed(
        clubs=args.clubs,
        masters=args.masters,
        volunteers=args.volunteers,
        enrolments=args.enrolments,
        rng=rng,
    )
    print(
        f"bulk seed: {time.perf_counter() - started:.1f} s: {seeded['people']} volunteers "
        f"({seeded['silver']} silver), {seeded['masters']} masters, {seeded['clubs']} clubs, "
        f"{seeded['sessions']} sessions ({seeded['held']} held), {seeded['enrolments']} enrolments "
        f"({seeded['enrolled']} enrolled, {seeded['waitlisted']} waitlisted), "
        f"{seeded['attendance']} attendance marks, {seeded['entries']} book entries"
    )
    connection_keep()

    today = timezone.localdate()
    office = Organisation.objects.select_related("region").get(slug="front-office-kz-75")
    coordinator = User.objects.get(pk=seeded["coordinators"][office.region_id])
    managed = Club.objects.filter(organisation=office)
    regions = list(Region.objects.filter(pk__in=seeded["coordinators"]).values_list("iso_code", flat=True))
    crafts = list(Craft.objects.values_list("slug", flat=True))
    listed = Club.objects.public().filter(ends_on__gte=today).count()
    public = list(Club.objects.public().values_list("pk", flat=True))
    open_clubs = list(
        Club.objects.filter(status=ClubStatus.OPEN, ends_on__gte=today).values_list(
            "pk", "min_age", "max_age", "starts_on"
        )
    )
    running = list(managed.exclude(status=ClubStatus.DRAFT).values_list("pk", flat=True))
    held = list(
        ClubSession.objects.filter(
            club__organisation=office,
            held_at__isnull=False,
            club__status__in=[ClubStatus.OPEN, ClubStatus.CLOSED],
        ).values_list("club_id", "date")
    )
    with override("en"):
        catalogue_url = reverse("clubs:catalogue")
        manage_url = reverse("clubs:manage_list")
        silver_page = SilverProgrammePage.objects.get(locale__language_code="en")
        silver_url = silver_page.get_url()
    middle = max(listed // PAGE_SIZE // 2, 1)
    last_page = -(-managed.count() // MANAGE_PAGE_SIZE)  # the coordinator's list: the ended ones last
    print(
        f"the catalogue lists {listed} clubs ({-(-listed // PAGE_SIZE)} pages); the coordinator's front "
        f"office ({office.region.iso_code}) runs {managed.count()} clubs, {len(held)} of its sessions held"
    )

    def get(url_of):
        return lambda client, number: client.get(url_of(number)).status_code == 200

    def filtered(number):
        return (
            f"{catalogue_url}?region={regions[number % len(regions)]}&craft={crafts[number % len(crafts)]}"
            f"&age={6 + number % 10}"
        )

    children = itertools.count(1)

    def enrol(client, number):
        club, low, high, starts_on = rng.choice(open_clubs)
        child = next(children)
        start = max(today, starts_on)
        born = _years_before(start, rng.randint(low, high)) - dt.timedelta(days=rng.randint(1, 360))
        response = client.post(
            reverse("clubs:enrol", args=[club]),
            {
                "child_name": f"Bench Child {child}",
                "child_birth_date": born.isoformat(),
                "guardian_name": f"Bench Guardian {child}",
                "relationship": "parent",
                "guardian_phone": f"+7702{child:07d}",
                "guardian_email": f"new.guardian{child}{DOMAIN}",
                "language": "ru",
                "consent": "on",
            },
        )
        # Enrolled (or on the waitlist): sent on to the enrolment's page, not back to the form with errors.
        return response.status_code == 302 and "/clubs/enrolment/" in response["Location"]

    def sign_in(client):
        client.force_login(coordinator)

    def attendance_url(club, day):
        return reverse("clubs:session_attendance", args=[club, day.isoformat()])

    # The POST: each held session's masters as recorded; each save ticks a two-master club's second master
    # off or back on (a correction in the book) and changes the marks.
    masters_of = {}
    led = Club.masters.through.objects.filter(club__organisation=office).order_by("master_id")
    for club, master in led.values_list("club_id", "master_id"):
        masters_of.setdefault(club, []).append(master)
    pairs = [(club, day) for club, day in held if len(masters_of[club]) == 2] or held
    ticked = {}

    def attendance_save(client, number):
        club, day = pairs[number % len(pairs)]
        masters = masters_of[club]
        now_ticked = ticked.get((club, day), len(masters))
        ticked[(club, day)] = 1 if now_ticked == len(masters) else len(masters)
        enrolled = Enrolment.objects.filter(club_id=club, status=EnrolmentStatus.ENROLLED).values_list(
            "pk", flat=True
        )
        response = client.post(
            attendance_url(club, day),
            {
                "present": [pk for pk in enrolled if rng.random() < PRESENT_SHARE],
                "masters": masters[: ticked[(club, day)]],
            },
        )
        return response.status_code == 302 and response["Location"] == reverse(
            "clubs:club_manage", args=[club]
        )

    cache_seconds = settings.CMS_PAGE_CACHE_SECONDS
    measures = [
        Measure("catalogue", get(lambda number: catalogue_url)),
        Measure("catalogue: region+craft+age", get(filtered)),
        Measure(f"catalogue: page {middle}", get(lambda number: f"{catalogue_url}?page={middle}")),
        Measure("club page", get(lambda number: reverse("clubs:club_detail", args=[rng.choice(public)]))),
        Measure("enrolment POST, anonymous, a new child", enrol),
        Measure("coordinator: club list", get(lambda number: manage_url), once=sign_in),
        Measure(
            f"coordinator: club list, page {last_page}",
            get(lambda number: f"{manage_url}?page={last_page}"),
            once=sign_in,
        ),
        Measure(
            "coordinator: club page",
            get(lambda number: reverse("clubs:club_manage", args=[rng.choice(running)])),
            once=sign_in,
        ),
        Measure(
            "attendance page, held session",
            get(lambda number: attendance_url(*rng.choice(held))),
            once=sign_in,
        ),
        Measure("attendance POST, re-saved (correction)", attendance_save, once=sign_in),
        Measure(f"silver page, anonymous, page cache {cache_seconds} s", get(lambda number: silver_url)),
        Measure(
            "silver page, page cache purged each",
            get(lambda number: silver_url),
            each=lambda client: page_cache_purge(),
        ),
        Measure(
            "silver page, whole cache cleared each",
            get(lambda number: silver_url),
            each=lambda client: cache.clear(),
        ),
    ]
    measures_print(measures, requests=args.requests, language="en")

    made = Enrolment.objects.filter(child_name__startswith="Bench Child").count()
    corrections = LedgerEntry.objects.filter(corrects__isnull=False).count()
    print(
        f"enrolment POSTs: {made} children enrolled or waitlisted; attendance POSTs: {corrections} "
        f"corrections in the book, {Attendance.objects.count()} attendance marks"
    )
    print()
    figures_print(region=office.region, year=today.year, repeat=args.repeat)


if __name__ == "__main__":
    main()
