"""The demo's mentoring (Sabaqtastyq), made by `manage.py seed` after the training programme and the demo
accounts: a children's home in Almaty whose coordinator is the demo coordinator, with its matching rules,
eight children registered with the least data (a first name or initials, the year of birth, languages,
interests, needs), five approved mentors with a verified background check and the safeguarding certificate,
one active pair with two meetings (one acknowledged, so its hours are in the mentor's book), and the demo
volunteer's own application waiting for review. Only what is missing is made: a second run changes nothing.
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cms.demo import t
from cms.demo_training import SAFEGUARDING
from training.models import Certificate, CoursePage, Enrolment
from training.services.certificates import certificate_issue
from volunteers.mentoring.models import (
    BackgroundCheck,
    CentreRules,
    Meeting,
    Mentee,
    Mentor,
    MentorshipStatus,
    MentorStatus,
    Pool,
)
from volunteers.mentoring.models import Mentorship as Pair
from volunteers.models import (
    Direction,
    EntryKind,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    Region,
    User,
    VolunteerProfile,
)
from volunteers.services.ledger import ledger_hours_credit
from volunteers.services.reference import DEMO_DOMAIN

DEMO_REGION = "KZ-75"
HOME = {
    "slug": "demo-childrens-home",
    "kind": OrganisationKind.CHILDREN_HOME,
    "name": t(
        "Алматы қаласының №1 балалар үйі", "Детский дом №1 города Алматы", "Almaty children's home No. 1"
    ),
}
DISTRICT = "Медеу"

# e-mail name, first name, last name, born, gender, languages, interests, availability, capacity, pools
MENTORS = [
    ("mentor.dana", "Дана", "Әбдірахманова", dt.date(1994, 5, 12), "female", ["kk", "ru", "en"],
     ["reading", "languages", "art"], ["sat-morning", "sat-afternoon", "wed-evening"], 2, [Pool.CHILDREN]),
    ("mentor.arman", "Арман", "Қасымов", dt.date(1990, 11, 3), "male", ["kk", "ru"],
     ["sport", "games", "computers"], ["sun-morning", "sat-afternoon"], 2, [Pool.CHILDREN, Pool.NEWCOMERS]),
    ("mentor.olga", "Ольга", "Ким", dt.date(1972, 2, 20), "female", ["ru"],
     ["cooking", "crafts", "music"], ["tue-evening", "sat-morning"], 1, [Pool.CHILDREN, Pool.HOME_VISITS]),
    ("mentor.nurlan", "Нұрлан", "Серікбаев", dt.date(1985, 7, 30), "male", ["kk"],
     ["history", "sport", "nature"], ["sun-afternoon", "sat-morning"], 1, [Pool.CHILDREN]),
    ("mentor.aliya", "Әлия", "Жұмабекова", dt.date(1999, 1, 15), "female", ["kk", "ru"],
     ["science", "computers", "dance"], ["wed-evening", "sun-afternoon"], 2, [Pool.CHILDREN]),
]  # fmt: skip

# name, age, gender, languages, interests, needs, availability
MENTEES = [
    ("Әсел", 12, "female", ["kk"], ["reading", "art"], ["schoolwork", "confidence"], ["sat-morning"]),
    ("Д. Н.", 15, "male", ["kk", "ru"], ["sport", "computers"], ["career"], ["sun-morning", "sat-afternoon"]),
    ("Мадина", 9, "female", ["ru"], ["cooking", "music"], ["leisure"], ["sat-morning"]),
    ("Ерлан", 16, "male", ["kk"], ["history", "sport"], ["independent_living", "career"], ["sun-afternoon"]),
    ("А. Б.", 13, "female", ["kk", "ru"], ["science", "dance"], ["schoolwork"], ["wed-evening"]),
    ("Тимур", 11, "male", ["ru"], ["games", "sport"], ["confidence"], ["sat-afternoon"]),
    ("Жанель", 14, "female", ["kk", "en"], ["languages", "reading"], ["language"], ["sat-afternoon"]),
    ("С. М.", 10, "male", ["kk"], ["nature", "crafts"], ["leisure", "schoolwork"], ["sun-afternoon"]),
]

MEETINGS = [
    # weeks ago, minutes, topic, acknowledged
    (3, 90, t("Кітапханаға бардық", "Сходили в библиотеку", "We went to the library"), True),
    (1, 60, t("Үй тапсырмасы: математика", "Домашнее задание по математике", "Homework: mathematics"), False),
]


def _home_ensure(coordinator: User | None) -> tuple[Organisation, int]:
    home = Organisation.objects.filter(slug=HOME["slug"]).first()
    made = 0
    if home is None:
        home = Organisation.objects.create(
            **HOME, region=Region.objects.get(iso_code=DEMO_REGION), verified=True
        )
        CentreRules.objects.create(organisation=home, district=DISTRICT, min_age_gap=5, reminder_weeks=3)
        made = 1
    if coordinator is not None:
        Membership.objects.get_or_create(
            user=coordinator, organisation=home, defaults={"role": MembershipRole.COORDINATOR}
        )
    return home, made


def _safeguarding_course() -> CoursePage | None:
    return (
        CoursePage.objects.filter(slug=SAFEGUARDING.slug, locale__language_code=settings.LANGUAGE_CODE)
        .order_by("pk")
        .first()
    )


def _certificate_ensure(user: User, course: CoursePage | None) -> None:
    """The demo mentors passed the safeguarding course (the demo skips the lessons, not the certificate)."""
    if course is None or Certificate.objects.filter(user=user, course_key=course.translation_key).exists():
        return
    enrolment, _created = Enrolment.objects.get_or_create(
        user=user,
        course_key=course.translation_key,
        defaults={"round_started_at": timezone.now(), "completed_at": timezone.now()},
    )
    certificate_issue(enrolment=enrolment, course=course)


def _mentors_ensure(home: Organisation, course: CoursePage | None) -> list[Mentor]:
    region = home.region
    today = timezone.localdate()
    mentors = []
    for name, first, last, born, gender, languages, interests, availability, capacity, pools in MENTORS:
        user, created = User.objects.get_or_create(
            email=f"{name}@{DEMO_DOMAIN}", defaults={"first_name": first, "last_name": last}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            VolunteerProfile.objects.create(
                user=user, date_of_birth=born, gender=gender, region=region, city=DISTRICT,
                languages=languages, availability=availability, language=languages[0],
            )  # fmt: skip
        mentor = Mentor.objects.filter(volunteer=user).first()
        if mentor is None:
            mentor = Mentor.objects.create(
                volunteer=user, organisation=home, pools=[str(pool) for pool in pools], region=region,
                district=DISTRICT, capacity=capacity, languages=languages, interests=interests,
                availability=availability, status=MentorStatus.APPROVED, decided_at=timezone.now(),
            )  # fmt: skip
            BackgroundCheck.objects.create(
                mentor=mentor, reference=f"DEMO-{user.pk:05d}", issued_on=today - dt.timedelta(days=60),
                expires_on=today + dt.timedelta(days=305),
            )  # fmt: skip
        _certificate_ensure(user, course)
        mentors.append(mentor)
    return mentors


def _mentees_ensure(home: Organisation) -> list[Mentee]:
    year = timezone.localdate().year
    existing = {mentee.name: mentee for mentee in Mentee.objects.filter(organisation=home)}
    mentees = []
    for name, age, gender, languages, interests, needs, availability in MENTEES:
        mentee = existing.get(name) or Mentee.objects.create(
            organisation=home, pool=Pool.CHILDREN, name=name, birth_year=year - age, gender=gender,
            languages=languages, interests=interests, needs=needs, availability=availability,
        )  # fmt: skip
        mentees.append(mentee)
    return mentees


def _pair_ensure(home: Organisation, mentor: Mentor, mentee: Mentee, coordinator: User | None) -> int:
    if Pair.objects.filter(organisation=home).exists():
        return 0
    today = timezone.localdate()
    pair = Pair.objects.create(
        pool=Pool.CHILDREN, mentee=mentee, mentor=mentor, organisation=home, status=MentorshipStatus.ACTIVE,
        score=78, reasons={"languages": ["kk"], "interests": ["art", "reading"], "same_district": True,
                           "availability": ["sat-morning"],
                           "age_gap": today.year - MENTORS[0][3].year - MENTEES[0][1]},
        proposed_by=coordinator, decided_by=coordinator, decided_at=timezone.now(),
        started_on=today - dt.timedelta(weeks=6),
    )  # fmt: skip
    direction = Direction.objects.filter(slug="sabaqtastyq").first()
    for weeks, minutes, topic, acknowledged in MEETINGS:
        meeting = Meeting.objects.create(
            mentorship=pair, occurred_on=today - dt.timedelta(weeks=weeks), minutes=minutes,
            topic=topic.get(settings.LANGUAGE_CODE, topic["en"]), logged_by=mentor.volunteer,
        )  # fmt: skip
        if acknowledged:
            Meeting.objects.filter(pk=meeting.pk).update(
                acknowledged_by=coordinator, acknowledged_at=timezone.now()
            )
            ledger_hours_credit(
                volunteer=mentor.volunteer, hours=Decimal(minutes) / 60, occurred_on=meeting.occurred_on,
                source=meeting.ledger_source, verified_by=coordinator, kind=EntryKind.MENTORING_HOURS,
                title=t("Тәлімгерлік кездесу", "Встреча наставника с подопечным", "Mentoring meeting"),
                organisation=home, direction=direction, region=home.region,
                subject=f"mentoring.mentorship:{pair.pk}",
            )  # fmt: skip
    pair.last_meeting_on = max(meeting.occurred_on for meeting in pair.meetings.all())
    pair.save(update_fields=["last_meeting_on"])
    return 1


def _application_ensure(home: Organisation) -> int:
    """The demo volunteer has applied to mentor: the coordinator's review has something to review."""
    volunteer = User.objects.filter(email=f"volunteer@{DEMO_DOMAIN}").select_related("profile").first()
    if volunteer is None or Mentor.objects.filter(volunteer=volunteer).exists():
        return 0
    Mentor.objects.create(
        volunteer=volunteer, organisation=home, pools=[Pool.CHILDREN], region=home.region, district=DISTRICT,
        capacity=1, languages=["kk", "ru"], interests=["nature", "reading"], availability=["sun-morning"],
        motivation="Мен балаларға кітап оқуды жақсы көруге көмектескім келеді.",
    )  # fmt: skip
    return 1


@transaction.atomic
def mentoring_demo_ensure() -> dict[str, int]:
    """Returns what this run made."""
    coordinator = User.objects.filter(email=f"coordinator@{DEMO_DOMAIN}").first()
    home, homes = _home_ensure(coordinator)
    mentors = _mentors_ensure(home, _safeguarding_course())
    mentees = _mentees_ensure(home)
    pairs = _pair_ensure(home, mentors[0], mentees[0], coordinator)
    applications = _application_ensure(home)
    return {"centres": homes, "pairs": pairs, "applications": applications}
