"""Who may mentor in which programme, on a given day.

- children (Sabaqtastyq): an approved mentor with a background check and a safeguarding certificate, both
  valid that day; eligible until the earlier of their ends;
- home visits (Qamqor): an approved mentor with a valid background check;
- newcomers: an approved mentor who has reached the stage MENTORING_NEWCOMERS_MIN_STAGE of Volunteer zholy.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q

from volunteers.mentoring.models import BackgroundCheck, Mentor, MentorStatus, Pool
from volunteers.models import StageStanding


@dataclass(frozen=True)
class Eligibility:
    until: dt.date | None = None  # the last day it holds (None: no end), when `ok`
    missing: list[str] = field(default_factory=list)  # "approval", "pool", "check", "certificate", "stage"

    @property
    def ok(self) -> bool:
        return not self.missing


def _checks_valid_on(day: dt.date):
    return BackgroundCheck.objects.filter(issued_on__lte=day, expires_on__gte=day, revoked_at__isnull=True)


# Training (which depends on volunteers, not the other way) registers where safeguarding certificates come
# from: a function (user ids, day) -> pairs (user id, the certificate's last day, or None for no end).
SAFEGUARDING_SOURCES = []


def safeguarding_source(function):
    SAFEGUARDING_SOURCES.append(function)
    return function


def _certificates_valid_on(ids, day: dt.date) -> dict[int, dt.date | None]:
    found: dict[int, dt.date | None] = {}
    for source in SAFEGUARDING_SOURCES:
        for user_id, expires_on in source(ids, day):
            held = found.get(user_id, expires_on)
            found[user_id] = None if expires_on is None or held is None else max(expires_on, held)
    return found


def eligibility_map(*, mentors, pool: str, on: dt.date) -> dict[int, Eligibility]:
    """Each mentor's eligibility for `pool` on `on`, keyed by the mentor's id (the volunteer's id). A few
    queries however many mentors."""
    mentors = list(mentors)
    ids = [mentor.pk for mentor in mentors]
    checks: dict[int, dt.date] = {}
    certificates: dict[int, dt.date | None] = {}
    stages: dict[int, int] = {}
    if pool in (Pool.CHILDREN, Pool.HOME_VISITS):
        for mentor_id, expires_on in (
            _checks_valid_on(on).filter(mentor_id__in=ids).values_list("mentor_id", "expires_on")
        ):
            checks[mentor_id] = max(expires_on, checks.get(mentor_id, expires_on))
    if pool == Pool.CHILDREN:
        certificates = _certificates_valid_on(ids, on)
    if pool == Pool.NEWCOMERS:
        stages = dict(
            StageStanding.objects.filter(volunteer_id__in=ids, stage__isnull=False).values_list(
                "volunteer_id", "stage__position"
            )
        )
    result = {}
    for mentor in mentors:
        missing, ends = [], []
        if mentor.status != MentorStatus.APPROVED:
            missing.append("approval")
        if pool not in mentor.pools:
            missing.append("pool")
        if pool in (Pool.CHILDREN, Pool.HOME_VISITS):
            if mentor.pk in checks:
                ends.append(checks[mentor.pk])
            else:
                missing.append("check")
        if pool == Pool.CHILDREN:
            if mentor.pk not in certificates:
                missing.append("certificate")
            elif certificates[mentor.pk] is not None:
                ends.append(certificates[mentor.pk])
        if pool == Pool.NEWCOMERS and stages.get(mentor.pk, 0) < settings.MENTORING_NEWCOMERS_MIN_STAGE:
            missing.append("stage")
        result[mentor.pk] = Eligibility(until=min(ends) if ends and not missing else None, missing=missing)
    return result


def mentor_eligibility(*, mentor: Mentor, pool: str, on: dt.date) -> Eligibility:
    return eligibility_map(mentors=[mentor], pool=pool, on=on)[mentor.pk]


def eligible_mentors(*, pool: str, region_ids, on: dt.date) -> tuple[list[Mentor], dict[int, Eligibility]]:
    """The approved mentors of `region_ids` eligible for `pool` on `on`, with their eligibility (its end)."""
    mentors = list(
        Mentor.objects.filter(status=MentorStatus.APPROVED, region_id__in=list(region_ids))
        .filter(Q(volunteer__is_active=True))
        .select_related("volunteer__profile")
    )
    mentors = [mentor for mentor in mentors if pool in mentor.pools]
    eligibility = eligibility_map(mentors=mentors, pool=pool, on=on)
    kept = [mentor for mentor in mentors if eligibility[mentor.pk].ok]
    return kept, {mentor.pk: eligibility[mentor.pk] for mentor in kept}
