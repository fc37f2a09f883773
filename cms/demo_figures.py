"""The figures' demo, made by `manage.py seed` after the clubs demo, so that an analyst's dashboard
(/<lang>/figures/) shows a year of activity, of "this year" and of "last year" alike: everything falls in the
twelve months before the day the seed runs.

- 60 volunteers in 19 of the 20 regions (most in Almaty, Astana and Shymkent), aged 15 to 75, of both genders
  and a few who prefer not to say, with one or two directions each, the oldest retired. Each registered on a
  day before their first event, consented to the processing of their data (a minor under the guardian
  consent age with their guardian's consent, given in person) and is a member of their region's front
  office. Nobody signs in as them: they have no usable password.
- 25 past events of those front offices in 12 regions and many directions, six of them on the unified days
  of action of their month, each with one shift of 10 to 30 places; one was cancelled the day before (a
  cancelled event is not held). The region's volunteers signed up, most came, and the hours of those who
  came are credited to their books as the check-in does (events/services/checkin.py).
- Hours claimed outside the platform in Almaty, through the claims' services: four verified by the demo
  coordinator, one rejected.
- The introduction course completed (a certificate in the past) by most of those who came to two events or
  more, when the demo's training programme exists; then every demo volunteer's stage on the Volunteer zholy.
- Last, the rollups are refreshed, so that the figures show at once rather than after the next refresh.

The events, shifts and sign-ups are written with the models, as the services would leave them (a shift's
`confirmed_count` is its confirmed sign-ups): the events' services refuse dates in the past, which are the
point of this demo. The stages are evaluated here and their changes marked as congratulated: the demo people
get no mail. Everything is drawn from random.Random(SEED), so two seeds run on the same day make the same
demo, and only once: the first demo person's e-mail marks that the demo exists.
"""

import calendar
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cms.demo import t
from cms.demo_training import INTRODUCTION
from config.dates import months_after
from events.models import DayOfAction, Event, EventStatus, Shift, Signup, SignupStatus
from training.models import Certificate, CoursePage, Enrolment
from training.services.certificates import course_titles, ledger_source
from volunteers.models import (
    ConsentMethod,
    ConsentText,
    Direction,
    EntryKind,
    GuardianConsent,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    PersonalDataConsent,
    Region,
    StageChange,
    StageStanding,
    User,
    VolunteerProfile,
)
from volunteers.models.profile import age_on
from volunteers.reporting.services.rollups import rollups_refresh
from volunteers.services.claims import claim_create, claim_reject, claim_verify
from volunteers.services.ledger import ledger_fact_record, ledger_hours_credit
from volunteers.services.reference import DEMO_DOMAIN
from volunteers.services.registration import needs_guardian
from volunteers.services.stages import course_subject, event_subject, stages_evaluate_range

SEED = 20210422  # the day of the roadmap's order
EMAIL = "figures-{number:02d}@" + DEMO_DOMAIN
MARK = EMAIL.format(number=1)
COORDINATOR = f"coordinator@{DEMO_DOMAIN}"
ALMATY = "KZ-75"

# --- People -------------------------------------------------------------------------------------------------

# region: (demo volunteers living there, its main city)
REGIONS = {
    "KZ-75": (12, "Алматы"), "KZ-71": (10, "Астана"), "KZ-79": (8, "Шымкент"), "KZ-35": (4, "Қарағанды"),
    "KZ-10": (2, "Семей"), "KZ-11": (2, "Көкшетау"), "KZ-15": (2, "Ақтөбе"), "KZ-19": (2, "Қонаев"),
    "KZ-23": (2, "Атырау"), "KZ-27": (1, "Орал"), "KZ-31": (2, "Тараз"), "KZ-33": (1, "Талдықорған"),
    "KZ-39": (2, "Қостанай"), "KZ-43": (2, "Қызылорда"), "KZ-47": (1, "Ақтау"), "KZ-55": (2, "Павлодар"),
    "KZ-59": (1, "Петропавл"), "KZ-61": (2, "Түркістан"), "KZ-63": (2, "Өскемен"),
}  # fmt: skip
# (youngest, oldest, how many): 60 people, 5 of them minors and 12 of the silver age
AGES = [(15, 17, 5), (18, 24, 18), (25, 34, 13), (35, 49, 12), (50, 59, 5), (60, 75, 7)]
RETIRED_FROM = 60
UNSPECIFIED_GENDER_EVERY = 25  # the 25th and the 50th prefer not to say

KAZAKH = {
    "female": ["Айгерім", "Әсем", "Аружан", "Дана", "Жансая", "Гүлназ", "Мадина", "Салтанат", "Айдана",
               "Зарина", "Ақмарал", "Динара", "Балжан", "Жұлдыз", "Камила", "Назерке", "Ләззат", "Сәуле"],
    "male": ["Ерлан", "Нұрлан", "Әлихан", "Дәурен", "Бауыржан", "Асқар", "Ерасыл", "Айбек", "Темірлан",
             "Мұхтар", "Серік", "Қайрат", "Санжар", "Арман", "Жандос", "Ербол", "Ғалым", "Мейірбек"],
    # (a man's, a woman's)
    "surnames": [("Ахметов", "Ахметова"), ("Жұмабеков", "Жұмабекова"), ("Сәрсенбаев", "Сәрсенбаева"),
                 ("Оспанов", "Оспанова"), ("Қасымов", "Қасымова"), ("Бекмұратов", "Бекмұратова"),
                 ("Тұрсынов", "Тұрсынова"), ("Есенов", "Есенова"), ("Мұқанов", "Мұқанова"),
                 ("Серікбаев", "Серікбаева"), ("Байжанов", "Байжанова"), ("Смағұлов", "Смағұлова"),
                 ("Нұрланұлы", "Нұрланқызы"), ("Болатұлы", "Болатқызы"), ("Серікұлы", "Серікқызы")],
}  # fmt: skip
RUSSIAN = {
    "female": ["Анна", "Елена", "Ольга", "Наталья", "Татьяна", "Екатерина", "Мария", "Светлана", "Ирина"],
    "male": ["Алексей", "Дмитрий", "Сергей", "Андрей", "Иван", "Михаил", "Владимир", "Николай", "Павел"],
    "surnames": [("Иванов", "Иванова"), ("Смирнов", "Смирнова"), ("Кузнецов", "Кузнецова"), ("Ким", "Ким"),
                 ("Попов", "Попова"), ("Волков", "Волкова"), ("Шевченко", "Шевченко"), ("Ли", "Ли")],
}  # fmt: skip
DIRECTIONS = [
    "taza-alem", "bilim", "qamqor", "saulyq", "sabaqtastyq", "ayala", "asyl-mura", "umit", "events",
    "social-work", "media",
]  # fmt: skip


@dataclass
class Person:
    user: User
    region: Region
    born: dt.date
    registered_on: dt.date
    language: str
    attended: int = 0  # events


# --- Events -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Activity:
    direction: str
    title: dict
    address: str
    hours: int
    adults_only: bool = False


TREES = Activity(
    "taza-alem",
    t("Саябаққа ағаш отырғызу", "Посадка деревьев в парке", "Tree planting in the park"),
    "қалалық саябақ, басты кіреберіс",
    4,
)
ACTIVITIES = [
    TREES,
    Activity(
        "taza-alem",
        t("Өзен жағасын тазалау", "Уборка берега реки", "Riverbank clean-up"),
        "өзен жағалауы, көпір маңы",
        3,
    ),
    Activity(
        "bilim",
        t(
            "Егде жастағыларға смартфон сабағы",
            "Урок смартфона для пожилых",
            "Smartphone lesson for older people",
        ),
        "орталық кітапхана, оқу залы",
        2,
    ),
    Activity(
        "bilim",
        t(
            "Оқушыларға қаржылық сауаттылық",
            "Финансовая грамотность для школьников",
            "Financial literacy for pupils",
        ),
        "№12 мектеп, акт залы",
        2,
    ),
    Activity(
        "saulyq",
        t(
            "Балалар ауруханасында ойын күні",
            "День игр в детской больнице",
            "Games day at a children's hospital",
        ),
        "облыстық балалар ауруханасы",
        3,
    ),
    Activity(
        "qamqor",
        t("Қарттар үйіне бару", "Визит в дом престарелых", "Visit to a care home"),
        "қарттар мен мүгедектерге арналған үй",
        3,
    ),
    Activity(
        "asyl-mura",
        t("Мұражайда экскурсия жүргізу", "Экскурсии в музее", "Guided tours at the museum"),
        "облыстық тарихи-өлкетану мұражайы",
        4,
    ),
    Activity(
        "umit",
        t("Іздестіру-құтқару жаттығуы", "Поисково-спасательные учения", "Search-and-rescue drill"),
        "қала сыртындағы орман, жиналу орны аялдамада",
        5,
        adults_only=True,
    ),
    Activity(
        "ayala",
        t("Жануарлар баспанасына көмек", "Помощь приюту для животных", "Helping an animal shelter"),
        "жануарлар баспанасы",
        3,
    ),
    Activity(
        "sabaqtastyq",
        t("Балалар үйінде шеберлік сабағы", "Мастер-класс в детском доме", "Workshop at a children's home"),
        "балалар үйі",
        2,
    ),
    Activity(
        "events",
        t("Қала күніндегі волонтерлер", "Волонтёры на Дне города", "Volunteers at the city day"),
        "орталық алаң",
        5,
    ),
    Activity(
        "social-work",
        t(
            "Мұқтаж отбасыларға азық-түлік жинау",
            "Сбор продуктов для семей в нужде",
            "Food drive for families",
        ),
        "әлеуметтік қызмет көрсету орталығы",
        4,
    ),
]
# day of action: (what is done on it, in which region)
DAYS_OF_ACTION = {
    "save-a-life": (
        Activity(
            "saulyq",
            t("«Өмірді сақта»: донор күні", "«Спаси жизнь»: день донора", "“Save a life”: donor day"),
            "қалалық қан орталығы",
            4,
        ),
        "KZ-75",
    ),
    "give-warmth": (
        Activity(
            "qamqor",
            t(
                "«Жылу сыйла»: ардагерлерге көмек",
                "«Подари тепло»: помощь ветеранам",
                "“Give warmth”: helping veterans",
            ),
            "ардагерлер кеңесі",
            4,
        ),
        "KZ-79",
    ),
    "safety-day": (
        Activity(
            "umit",
            t("Суда қауіпсіздік сабағы", "Урок безопасности на воде", "Water safety lesson"),
            "қалалық жағажай",
            3,
        ),
        "KZ-35",
    ),
    "zoo-care": (
        Activity(
            "ayala",
            t(
                "«Зооқамқорлық»: баспанадағы жұмыс күні",
                "«Зоозабота»: день в приюте",
                "“Zoo-care”: a day at the shelter",
            ),
            "жануарлар баспанасы",
            5,
        ),
        "KZ-75",
    ),
    "clean-planet": (
        Activity(
            "taza-alem",
            t(
                "«Таза планета»: соқпақтарды тазалау",
                "«Чистая планета»: уборка троп",
                "“Clean planet”: trail clean-up",
            ),
            "қала маңындағы саябақ",
            4,
        ),
        "KZ-71",
    ),
    "volunteer-day": (
        Activity(
            "events",
            t("Волонтерлер күніне арналған форум", "Форум ко Дню волонтёра", "Volunteer Day forum"),
            "Тәуелсіздік сарайы",
            5,
        ),
        "KZ-71",
    ),
}
# The other events' regions, one an event, spread over the year (in a shuffled order).
EVENT_REGIONS = [
    "KZ-75", "KZ-75", "KZ-75", "KZ-75", "KZ-71", "KZ-71", "KZ-79", "KZ-79", "KZ-79",
    "KZ-35", "KZ-55", "KZ-15", "KZ-63", "KZ-61", "KZ-39", "KZ-31", "KZ-23", "KZ-10",
]  # fmt: skip
BIG_CITIES = {"KZ-75", "KZ-71", "KZ-79"}
# Astana's tree planting, 40 days ago, called off the day before.
CANCELLED = ("KZ-71", 40, "Қатты жел туралы ескерту: қауіпсіздік үшін іс-шара өтпейді.")
CAME = 0.85  # of those signed up
LEFT_EARLY = 0.2  # of those who came: credited an hour less

# --- Claims of hours outside the platform, decided by Almaty's front office ---------------------------------

# (hours, days ago, what was done in kk and in ru, None: verified, else the reason it was rejected)
CLAIMS = [
    (3, 25, "Аула балаларына футбол жаттығуы", "Футбольная тренировка для детей во дворе", None),
    (2, 60, "Аудандық кітапханада кітаптарды сұрыптау", "Сортировка книг в районной библиотеке", None),
    (4, 95, "Жалғыз тұратын көршіге дәрі мен азық-түлік жеткізу",
     "Доставка лекарств и продуктов одинокой соседке", None),
    (5, 150, "Мектеп ауласындағы сенбілік", "Субботник во дворе школы", None),
    (6, 40, "Өз пәтерімдегі жөндеу", "Ремонт в своей квартире",
     "Өз пәтеріңіздегі жөндеу волонтерлік қызмет болып саналмайды."),
]  # fmt: skip

MADE = ("volunteers", "regions", "events", "signups", "entries", "claims", "certificates", "stages")


def figures_demo_ensure() -> dict[str, int]:
    """Make the demo unless it exists, then bring the rollups up to date. Returns what this run made: the
    volunteers and the regions they live in, the events, the confirmed sign-ups, the verified entries of
    hours, the claims, the certificates and the demo volunteers with a stage; a second run makes nothing."""
    made = _demo_make()
    rollups_refresh()
    return made


@transaction.atomic
def _demo_make() -> dict[str, int]:
    if User.objects.filter(email=MARK).exists() or not Region.objects.filter(iso_code=ALMATY).exists():
        return dict.fromkeys(MADE, 0)
    rng = random.Random(SEED)  # noqa: S311  (demo data, not a secret)
    today = timezone.localdate()
    coordinator = User.objects.filter(email=COORDINATOR).first()
    people = _people_make(rng, today)
    events, signups, entries = _events_make(rng, today, people, coordinator)
    claims = _claims_make(today, people, coordinator)
    certificates = _certificates_make(rng, today, people)
    ids = [person.user.pk for person in people]
    stages_evaluate_range(first_id=min(ids), last_id=max(ids))
    # Nobody reads these people's mail: the congratulations queued for commit find them sent already.
    StageChange.objects.filter(volunteer_id__in=ids, notified_at__isnull=True).update(
        notified_at=timezone.now()
    )
    return {
        "volunteers": len(people),
        "regions": len({person.region.pk for person in people}),
        "events": events,
        "signups": signups,
        "entries": entries,
        "claims": claims,
        "certificates": certificates,
        "stages": StageStanding.objects.filter(volunteer_id__in=ids, stage__isnull=False).count(),
    }


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _day_of(year: int, month: int, day: int) -> dt.date:
    """The day of the month, or the month's last day when it is shorter (a day of action set on the 31st)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _born(rng: random.Random, age: int, today: dt.date) -> dt.date:
    """A birthday that makes the person `age` today: between 11 and 1 months short of `age` + 1 years ago."""
    return today.replace(year=today.year - age - 1, day=1) + dt.timedelta(days=rng.randint(40, 360))


def _front_offices() -> dict[str, Organisation]:
    """The regional front offices by their region's code."""
    offices = Organisation.objects.filter(kind=OrganisationKind.REGIONAL_FRONT_OFFICE).select_related(
        "region"
    )
    return {office.region.iso_code: office for office in offices}


def _people_make(rng: random.Random, today: dt.date) -> list[Person]:
    regions = {region.iso_code: region for region in Region.objects.filter(iso_code__in=REGIONS)}
    offices = _front_offices()
    directions = {direction.slug: direction for direction in Direction.objects.filter(slug__in=DIRECTIONS)}
    consent = ConsentText.current()
    homes = [code for code, (count, _city) in REGIONS.items() if code in regions for _i in range(count)]
    ages = [rng.randint(low, high) for low, high, count in AGES for _i in range(count)]
    rng.shuffle(ages)
    people = []
    for number, (code, age) in enumerate(zip(homes, ages, strict=False), start=1):
        region, city = regions[code], REGIONS[code][1]
        gender = "" if number % UNSPECIFIED_GENDER_EVERY == 0 else rng.choice(["female", "male"])
        names = RUSSIAN if rng.random() < 0.25 else KAZAKH
        sex = gender or rng.choice(["female", "male"])
        first, last = rng.choice(names[sex]), rng.choice(names["surnames"])[sex == "female"]
        language = "ru" if names is RUSSIAN else rng.choice(["kk", "kk", "ru"])
        spoken = ["ru"] if names is RUSSIAN else ["kk", "ru"]
        if rng.random() < 0.2:
            spoken.append("en")
        # Most registered early in the twelve months; some only lately (they came to fewer events, or none).
        days = rng.randint(250, 420) if rng.random() < 0.7 else rng.randint(20, 250)
        registered_on = today - dt.timedelta(days=days)
        registered_at = _at(registered_on, rng.randint(8, 21), rng.randint(0, 59))
        user = User(
            email=EMAIL.format(number=number), first_name=first, last_name=last, date_joined=registered_at
        )
        user.set_unusable_password()
        user.save()
        born = _born(rng, age, today)
        profile = VolunteerProfile.objects.create(
            user=user, date_of_birth=born, gender=gender, region=region, city=city, languages=spoken,
            language=language, is_retired=age >= RETIRED_FROM,
            preferred_channel="phone" if age >= RETIRED_FROM else "email",
        )  # fmt: skip
        chosen = rng.sample(DIRECTIONS, rng.choice([1, 1, 2]))
        profile.directions.set([directions[slug] for slug in chosen if slug in directions])
        VolunteerProfile.objects.filter(pk=profile.pk).update(created_at=registered_at)
        if consent is not None:
            given = PersonalDataConsent.objects.create(
                user=user, text=consent, language=language, method=ConsentMethod.ONLINE
            )
            PersonalDataConsent.objects.filter(pk=given.pk).update(given_at=registered_at)
        if needs_guardian(age_on(born, registered_on)):
            parent = f"{rng.choice(names['female'])} {rng.choice(names['surnames'])[1]}"
            GuardianConsent.objects.create(
                profile=profile, guardian_name=parent, language=language, method=ConsentMethod.IN_PERSON,
                confirmed_at=registered_at, confirmed_name=parent,
            )  # fmt: skip
        if code in offices:
            Membership.objects.create(user=user, organisation=offices[code], role=MembershipRole.VOLUNTEER)
        people.append(Person(user, region, born, registered_on, language))
    return people


def _event_days(rng: random.Random, today: dt.date) -> list[tuple]:
    """(day, activity, region's code, day of action) of every event but the cancelled one, in order of days:
    each day of action on its day (its month's 15th when it names none) within the last twelve months, the
    others every two or three weeks (those for adults only in the big cities)."""
    plan = []
    for day in DayOfAction.objects.filter(slug__in=DAYS_OF_ACTION):
        on = _day_of(today.year, day.month, day.day or 15)
        if on >= today:
            on = _day_of(today.year - 1, day.month, day.day or 15)
        activity, code = DAYS_OF_ACTION[day.slug]
        plan.append((on, activity, code, day))
    regions, activities = list(EVENT_REGIONS), list(ACTIVITIES)
    rng.shuffle(regions)
    rng.shuffle(activities)
    for index, code in enumerate(regions):
        # The latest two days ago: this year's dashboard is empty on the 1st and 2nd of January only.
        on = today - dt.timedelta(days=2 + 18 * index + (rng.randint(0, 9) if index else 0))
        activity = activities[index % len(activities)]
        if activity.adults_only and code not in BIG_CITIES:
            activity = TREES  # a small region's few volunteers may all be minors
        plan.append((on, activity, code, None))
    return sorted(plan, key=lambda item: item[0])


def _event_create(
    *, office, activity: Activity, direction, on: dt.date, capacity: int, coordinator, day_of_action=None
) -> tuple[Event, Shift]:
    starts, ends = _at(on, 10), _at(on, 10 + activity.hours)
    event = Event(
        organisation=office, title=activity.title, direction=direction, region=office.region,
        city=REGIONS.get(office.region.iso_code, (0, ""))[1], address=activity.address, starts_at=starts,
        ends_at=ends, adults_only=activity.adults_only, day_of_action=day_of_action,
        status=EventStatus.PUBLISHED, published_at=starts - dt.timedelta(days=21), created_by=coordinator,
    )  # fmt: skip
    event.language_codes = ["kk", "ru"]
    event.search_text = event.search_text_build()
    event.save()
    Event.objects.filter(pk=event.pk).update(created_at=event.published_at)
    shift = Shift.objects.create(event=event, starts_at=starts, ends_at=ends, capacity=capacity)
    return event, shift


def _candidates(rng: random.Random, people: list[Person], event: Event) -> list[Person]:
    """The event's region's volunteers registered before it (adults only where it says so), shuffled."""
    day = timezone.localtime(event.starts_at).date()
    pool = [
        person for person in people
        if person.region.pk == event.region_id and person.registered_on < day - dt.timedelta(days=2)
        and not (event.adults_only and age_on(person.born, day) < settings.VOLUNTEERS_ADULT_AGE)
    ]  # fmt: skip
    rng.shuffle(pool)
    return pool


def _events_make(rng: random.Random, today: dt.date, people: list[Person], coordinator) -> tuple[int, ...]:
    """The events held, their sign-ups and the hours credited, and the cancelled event. Returns (events,
    confirmed sign-ups, verified entries of hours)."""
    offices = _front_offices()
    directions = {direction.slug: direction for direction in Direction.objects.all()}
    events = signups = entries = 0
    for on, activity, code, day_of_action in _event_days(rng, today):
        office, direction = offices.get(code), directions.get(activity.direction)
        if office is None or direction is None:
            continue
        actor = coordinator if code == ALMATY else None  # the only front office with a demo coordinator
        capacity = rng.randint(20, 30) if day_of_action else rng.randint(10, 20) if code in BIG_CITIES else 10
        event, shift = _event_create(
            office=office, activity=activity, direction=direction, on=on, capacity=capacity,
            coordinator=actor, day_of_action=day_of_action,
        )  # fmt: skip
        pool = _candidates(rng, people, event)
        chosen = pool[: min(capacity, max(1, round(len(pool) * rng.uniform(0.7, 1))))]
        day = timezone.localtime(shift.starts_at).date()
        for person in chosen:
            # Signed up between registering (three days before the event at the latest) and two days before.
            ahead = dt.timedelta(days=rng.randint(2, min(14, (day - person.registered_on).days - 1)))
            came = rng.random() < CAME
            hours = shift.hours - (1 if rng.random() < LEFT_EARLY else 0) if came else Decimal(0)
            signup = Signup.objects.create(
                shift=shift, volunteer=person.user, status=SignupStatus.CONFIRMED,
                queued_at=shift.starts_at - ahead - dt.timedelta(hours=rng.randint(0, 12)),
                checked_in_at=shift.starts_at + dt.timedelta(minutes=rng.randint(-15, 20)) if came else None,
                checked_in_by=actor if came else None, attended=came, hours=hours,
                attendance_confirmed_at=shift.ends_at + dt.timedelta(hours=1), attendance_confirmed_by=actor,
            )  # fmt: skip
            # As attendance_confirm credits it: the same source, subject and fields; a no-show writes nothing.
            entry = ledger_hours_credit(
                volunteer=person.user,
                hours=hours,
                occurred_on=day,
                source=f"events.signup:{signup.pk}",
                subject=event_subject(event.pk),
                verified_by=actor,
                kind=EntryKind.SHIFT_HOURS,
                title=dict(event.title),
                organisation=office,
                direction=direction,
                region=event.region,
            )
            entries += entry is not None
            person.attended += came
        Shift.objects.filter(pk=shift.pk).update(confirmed_count=len(chosen))
        events += 1
        signups += len(chosen)
    cancelled = _cancelled_make(
        rng, today, people, offices.get(CANCELLED[0]), directions.get(TREES.direction)
    )
    return events + cancelled, signups, entries


def _cancelled_make(rng: random.Random, today: dt.date, people: list[Person], office, direction) -> int:
    """The event called off the day before for a storm warning: its sign-ups ended by the organiser."""
    if office is None or direction is None:
        return 0
    _code, days, reason = CANCELLED
    event, shift = _event_create(
        office=office, activity=TREES, direction=direction, on=today - dt.timedelta(days=days), capacity=15,
        coordinator=None,
    )  # fmt: skip
    cancelled_at = event.starts_at - dt.timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(
        status=EventStatus.CANCELLED, cancelled_at=cancelled_at, cancel_reason=reason
    )
    day = timezone.localtime(event.starts_at).date()
    for person in _candidates(rng, people, event)[:3]:
        ahead = dt.timedelta(days=rng.randint(1, min(10, (day - person.registered_on).days - 2)))
        Signup.objects.create(
            shift=shift, volunteer=person.user, status=SignupStatus.CANCELLED,
            queued_at=cancelled_at - ahead, cancelled_at=cancelled_at,
            cancelled_by_organiser=True,
        )  # fmt: skip
    return 1


def _claims_make(today: dt.date, people: list[Person], coordinator) -> int:
    """Claims of Almaty's adult volunteers, decided by the demo coordinator (none without demo accounts)."""
    office = _front_offices().get(ALMATY)
    if coordinator is None or office is None:
        return 0
    claimants = [
        person for person in people if person.region.iso_code == ALMATY and age_on(person.born, today) >= 18
    ]
    for person, (hours, days, kk, ru, rejected) in zip(claimants, CLAIMS, strict=False):
        claim = claim_create(
            volunteer=person.user, organisation_id=office.pk, hours=hours,
            occurred_on=max(today - dt.timedelta(days=days), person.registered_on),
            description=kk if person.language == "kk" else ru, language=person.language,
        )  # fmt: skip
        if rejected:
            claim_reject(claim_id=claim.pk, actor=coordinator, reason=rejected)
        else:
            claim_verify(claim_id=claim.pk, actor=coordinator)
    return min(len(claimants), len(CLAIMS))


def _certificates_make(rng: random.Random, today: dt.date, people: list[Person]) -> int:
    """The introduction course completed by most of those who came to two events or more, some days after
    they registered: the certificate and the fact in their book, as training's certificate_issue leaves them
    (without its e-mail)."""
    course = (
        CoursePage.objects.live()
        .filter(slug=INTRODUCTION.slug, locale__language_code=settings.LANGUAGE_CODE)
        .select_related("direction")
        .order_by("pk")
        .first()
    )
    if course is None:
        return 0
    titles = course_titles(course)
    made = 0
    for person in people:
        if person.attended < 2 or rng.random() > 0.7:
            continue
        issued_on = min(person.registered_on + dt.timedelta(days=rng.randint(3, 30)), today)
        completed_at = _at(issued_on, rng.randint(9, 22), rng.randint(0, 59))
        enrolment = Enrolment.objects.create(
            user=person.user, course_key=course.translation_key, completed_at=completed_at,
            round_started_at=completed_at - dt.timedelta(days=2),
        )  # fmt: skip
        certificate = Certificate.objects.create(
            user=person.user, enrolment=enrolment, course_key=course.translation_key,
            holder_name=person.user.get_full_name(), course_title=titles, issued_on=issued_on,
            expires_on=months_after(issued_on, course.validity_months) if course.validity_months else None,
        )  # fmt: skip
        ledger_fact_record(
            volunteer=person.user, kind=EntryKind.COURSE_COMPLETED, occurred_on=issued_on,
            source=ledger_source(certificate), subject=course_subject(course.translation_key),
            title=dict(certificate.course_title), direction=course.direction,
        )  # fmt: skip
        made += 1
    return made
