"""The demo's Volunteer zholy, made by `manage.py seed` after the training programme: the "Active volunteer"
stage asks for the introduction course (while its thresholds are still the platform's default), two partners
list an incentive (a university's social student credit, a museum's free entry), and the year has its
"Volunteer of the year" round. Like the rest of the demo, only what is missing is made: a second run changes
nothing, and what an editor or a coordinator has changed stays theirs.
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cms.demo import t
from cms.demo_training import INTRODUCTION
from training.models import CoursePage
from volunteers.models import AwardRound, Incentive, Organisation, OrganisationKind, Region, Stage

DEMO_REGION = "KZ-75"
UNIVERSITY = {
    "slug": "demo-university",
    "kind": OrganisationKind.UNIVERSITY,
    "name": t("«Алатау» университеті", "Университет «Алатау»", "Alatau University"),
}
MUSEUM = {
    "slug": "demo-science-museum",
    "kind": OrganisationKind.COMPANY,  # a private museum
    "name": t("«Ойлан» ғылым мұражайы", "Музей науки «Ойлан»", "Oilan Science Museum"),
}

ACTIVE_DESCRIPTION = t(
    "20 расталған сағат, үш іс-шара және «Волонтерлікке кіріспе» курсы.",
    "20 подтверждённых часов, три мероприятия и курс «Введение в волонтёрство».",
    "20 verified hours, three events and the course “Introduction to volunteering”.",
)

STUDENT_CREDIT = {
    "title": t(
        "Әлеуметтік студенттік кредит: 20 расталған сағат → 2 академиялық кредит",
        "Социальный студенческий кредит: 20 подтверждённых часов → 2 академических кредита",
        "Social student credit: 20 verified hours → 2 academic credits",
    ),
    "reward": t(
        "«Әлеуметтік жоба» пәні бойынша 2 академиялық кредит",
        "2 академических кредита по дисциплине «Социальный проект»",
        "2 academic credits in the subject “Social project”",
    ),
    "description": t(
        "Университет студенттері волонтер кітапшасындағы 20 расталған сағатты 2 академиялық кредит ретінде "
        "есептей алады. Кітапшаның QR-коды бар үзіндісін деканатқа әкеліңіз.",
        "Студенты университета могут зачесть 20 подтверждённых часов из книжки волонтёра как 2 академических "
        "кредита. Принесите в деканат выписку из книжки с QR-кодом.",
        "Students of the university can have 20 verified hours from their volunteer book counted as 2 "
        "academic credits. Bring the transcript of your book, with its QR code, to the dean's office.",
    ),
    "hours_required": Decimal(20),
}

FREE_ENTRY = {
    "title": t(
        "Белсенді волонтерлерге мұражайға тегін кіру",
        "Бесплатный вход в музей для активных волонтёров",
        "Free entry to the museum for active volunteers",
    ),
    "reward": t(
        "Волонтер мен бір қонаққа тегін кіру",
        "Бесплатный вход для волонтёра и одного гостя",
        "Free entry for the volunteer and one guest",
    ),
    "description": t(
        "Кассада «Белсенді волонтер» кезеңінің сертификатын көрсетіңіз.",
        "Покажите на кассе сертификат этапа «Активный волонтёр».",
        "Show the certificate of the “Active volunteer” stage at the ticket office.",
    ),
    "hours_required": Decimal(0),
}


def _introduction_key() -> str | None:
    course = (
        CoursePage.objects.filter(slug=INTRODUCTION.slug, locale__language_code=settings.LANGUAGE_CODE)
        .order_by("pk")
        .first()
    )
    return str(course.translation_key) if course else None


def _active_stage_ensure() -> tuple[Stage | None, int]:
    stage = Stage.objects.filter(slug="active").first()
    key = _introduction_key()
    if stage is None or key is None or not stage.default_thresholds or stage.required_courses:
        return stage, 0
    # Still the platform's default: the demo may speak for it. An editor's stage is left alone.
    stage.required_courses = [key]
    stage.description = ACTIVE_DESCRIPTION
    stage.save(update_fields=["required_courses", "description", "updated_at"])
    return stage, 1


def _organisation_ensure(spec: dict, *, any_of_kind: bool) -> tuple[Organisation, int]:
    organisation = Organisation.objects.filter(slug=spec["slug"]).first()
    if organisation is None and any_of_kind:
        organisation = Organisation.objects.filter(kind=spec["kind"]).order_by("pk").first()
    if organisation is not None:
        return organisation, 0
    region = Region.objects.get(iso_code=DEMO_REGION)
    return Organisation.objects.create(**spec, region=region, verified=True), 1


def _incentive_ensure(organisation: Organisation, spec: dict, **fields) -> int:
    # One demo incentive per partner, and none for a partner that already offers something.
    if Incentive.objects.filter(organisation=organisation).exists():
        return 0
    Incentive.objects.create(organisation=organisation, **spec, **fields)
    return 1


def _award_round_ensure() -> int:
    year = timezone.localdate().year
    if AwardRound.objects.filter(year=year).exists():
        return 0
    local = timezone.get_current_timezone()  # a zoneinfo zone: tzinfo= is right for it
    # 1 to 20 December, the site's local time (International Volunteer Day, 5 December, falls inside).
    AwardRound.objects.create(
        year=year,
        voting_opens_at=dt.datetime(year, 12, 1, 0, 0, tzinfo=local),
        voting_closes_at=dt.datetime(year, 12, 20, 23, 59, tzinfo=local),
    )
    return 1


@transaction.atomic
def path_demo_ensure() -> dict[str, int]:
    """Returns what this run made."""
    stage, stages = _active_stage_ensure()
    university, universities = _organisation_ensure(UNIVERSITY, any_of_kind=True)
    museum, museums = _organisation_ensure(MUSEUM, any_of_kind=False)
    incentives = _incentive_ensure(university, STUDENT_CREDIT)
    if stage is not None:
        incentives += _incentive_ensure(museum, FREE_ENTRY, stage_required=stage, region=museum.region)
    return {
        "stages": stages,
        "organisations": universities + museums,
        "incentives": incentives,
        "rounds": _award_round_ensure(),
    }
