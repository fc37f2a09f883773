"""Mentees, registered by the coordinators of their centre with the least data that serves a match: a first
name or initials, the year of birth, gender, languages, interests, needs, availability.

Three kinds, one row: a child or young person of a children's home or social service centre (no account); a
newcomer volunteer (their account: name, age and languages come from their profile); a social worker who
wants volunteers for home visits (a name, two volunteers by default).

Only the centre's staff and admins see a mentee (`mentees_visible_to`); each read of a mentee's page and each
list shown is audited, like every change.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from volunteers.audit import audit_log
from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.models import HELD_STATUSES, CentreRules, GenderRule, Interest, Mentee, Need, Pool
from volunteers.mentoring.permissions import centres_managed_by, mentees_visible_to
from volunteers.models import Gender, User
from volunteers.models.profile import SPOKEN_LANGUAGES, Availability
from volunteers.permissions import profile_by_contact, profiles_visible_to

NAME_MAX, NOTE_MAX, DISTRICT_MAX = 40, 300, 100
DEMAND_MAX = 5
AGE_GAP_MAX, REMINDER_WEEKS_MAX = 60, 52
DEFAULT_DEMAND = {Pool.HOME_VISITS: 2}  # roadmap item 12: a social worker with two volunteers


def _codes(values, allowed, *, code: str, field: str, required: bool = False) -> list[str]:
    allowed = {str(value) for value in allowed}
    chosen = list(dict.fromkeys(str(value) for value in values or []))
    if any(value not in allowed for value in chosen) or (required and not chosen):
        raise MentoringError(code, field=field)
    return chosen


def _number(value, *, low: int, high: int, code: str, field: str, **params) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise MentoringError(code, field=field, **params) from None
    if not low <= number <= high:
        raise MentoringError(code, field=field, **params)
    return number


def mentee_volunteer_find(*, by, contact: str) -> User:
    """The volunteer `by` coordinates whose e-mail or phone is `contact`."""
    profile = profile_by_contact(by, contact)
    if profile is None:
        raise MentoringError("mentee_volunteer", field="contact")
    return profile.user


def _centre(*, by, organisation):
    if organisation is None or not centres_managed_by(by).filter(pk=organisation.pk).exists():
        raise MentoringError("mentee_centre", field="organisation")
    return organisation


def _cleaned(
    *, by, pool, name, birth_year, gender, languages, interests, needs, availability, demand, note, volunteer
) -> dict:
    """The fields to write for a mentee of `pool`, or the first rule the values break."""
    if pool not in Pool.values:
        raise MentoringError("mentee_pool", field="pool")
    if pool == Pool.CHILDREN:
        volunteer = None  # a child has no account here
    elif volunteer is not None and not profiles_visible_to(by).filter(user=volunteer).exists():
        raise MentoringError("mentee_volunteer", field="contact")
    if pool == Pool.NEWCOMERS:
        if volunteer is None:
            raise MentoringError("mentee_volunteer", field="contact")
        # What the newcomer told about themselves is the least data and stays true: taken from the profile.
        profile = volunteer.profile
        name = volunteer.first_name or f"#{volunteer.pk}"
        birth_year = profile.date_of_birth.year if profile.date_of_birth else None
        gender = profile.gender
        languages = profile.languages or languages
    name = (name or "").strip()
    if not name or len(name) > NAME_MAX:
        if pool != Pool.NEWCOMERS:
            raise MentoringError("mentee_name", field="name")
        name = name[:NAME_MAX]
    if pool == Pool.CHILDREN:
        low, high = settings.MENTORING_MENTEE_AGES
        year = timezone.localdate().year
        birth_year = _number(
            birth_year, low=year - high, high=year - low, code="mentee_age", field="birth_year", min=low,
            max=high,
        )  # fmt: skip
    elif pool == Pool.HOME_VISITS:
        birth_year = None  # an adult professional: their age serves no match
    gender = gender or ""
    if gender not in Gender.values:
        raise MentoringError("mentee_choices", field="gender")
    if demand in (None, ""):
        demand = DEFAULT_DEMAND.get(pool, 1)
    return {
        "pool": pool,
        "volunteer": volunteer,
        "name": name,
        "birth_year": birth_year,
        "gender": gender,
        "languages": _codes(
            languages,
            [code for code, _name in SPOKEN_LANGUAGES],
            code="mentee_languages",
            field="languages",
            required=True,
        ),  # fmt: skip
        "interests": _codes(interests, Interest.values, code="mentee_choices", field="interests"),
        "needs": _codes(needs, Need.values, code="mentee_choices", field="needs"),
        "availability": _codes(
            availability, Availability.codes(), code="mentee_choices", field="availability"
        ),
        "demand": _number(
            demand, low=1, high=DEMAND_MAX, code="mentee_demand", field="demand", max=DEMAND_MAX
        ),
        "note": (note or "").strip()[:NOTE_MAX],
    }


def _audit(*, by, action: str, mentee: Mentee, **data):
    audit_log(
        actor=by, action=action, subject=mentee.volunteer, mentee=mentee.pk,
        organisation=mentee.organisation_id, **data,
    )  # fmt: skip


@transaction.atomic
def mentee_create(
    *, by, organisation, pool, name="", birth_year=None, gender="", languages=(), interests=(), needs=(),
    availability=(), demand=None, note="", volunteer=None,
) -> Mentee:  # fmt: skip
    organisation = _centre(by=by, organisation=organisation)
    fields = _cleaned(
        by=by, pool=pool, name=name, birth_year=birth_year, gender=gender, languages=languages,
        interests=interests, needs=needs, availability=availability, demand=demand, note=note,
        volunteer=volunteer,
    )  # fmt: skip
    if fields["volunteer"] is not None:
        # The volunteer's row is the lock: the same person registered twice at once, once.
        User.objects.select_for_update().filter(pk=fields["volunteer"].pk).first()
        if Mentee.objects.filter(
            organisation=organisation, pool=pool, volunteer=fields["volunteer"], archived_at__isnull=True
        ).exists():
            raise MentoringError("mentee_duplicate", field="contact")
    mentee = Mentee.objects.create(organisation=organisation, created_by=by, **fields)
    _audit(by=by, action="mentoring.mentee.created", mentee=mentee, pool=pool)
    return mentee


def _locked(*, mentee, by) -> Mentee:
    mentee = (
        mentees_visible_to(by)
        .select_for_update(of=("self",))
        .select_related("volunteer__profile")
        .filter(pk=mentee.pk)
    ).first()
    if mentee is None:
        raise MentoringError("mentee_unknown")
    return mentee


@transaction.atomic
def mentee_update(
    *, mentee: Mentee, by, name="", birth_year=None, gender="", languages=(), interests=(), needs=(),
    availability=(), demand=None, note="",
) -> Mentee:  # fmt: skip
    """Change a mentee's details; the centre, the programme and the account stay."""
    mentee = _locked(mentee=mentee, by=by)
    if mentee.archived_at is not None:
        raise MentoringError("mentee_archived")
    fields = _cleaned(
        by=by, pool=mentee.pool, name=name, birth_year=birth_year, gender=gender, languages=languages,
        interests=interests, needs=needs, availability=availability, demand=demand, note=note,
        volunteer=mentee.volunteer,
    )  # fmt: skip
    del fields["pool"], fields["volunteer"]
    changed = sorted(name for name, value in fields.items() if getattr(mentee, name) != value)
    for field, value in fields.items():
        setattr(mentee, field, value)
    mentee.save(update_fields=[*fields, "updated_at"])
    _audit(by=by, action="mentoring.mentee.changed", mentee=mentee, fields=changed)
    return mentee


@transaction.atomic
def mentee_archive(*, mentee: Mentee, by) -> Mentee:
    """Take the mentee out of matching (they left the centre, or no longer want a mentor). Repeating it
    changes nothing; a mentee with an active or paused pair keeps it until the pair is ended."""
    mentee = _locked(mentee=mentee, by=by)
    if mentee.archived_at is not None:
        return mentee
    if mentee.mentorships.filter(status__in=HELD_STATUSES).exists():
        raise MentoringError("mentee_open_pairs")
    mentee.archived_at = timezone.now()
    mentee.save(update_fields=["archived_at", "updated_at"])
    _audit(by=by, action="mentoring.mentee.archived", mentee=mentee)
    return mentee


def mentee_viewed(*, mentee: Mentee, by) -> None:
    """A read of a mentee's page leaves a trace: who looked at which child's data, and when."""
    _audit(by=by, action="mentoring.mentee.viewed", mentee=mentee)


def mentees_list_viewed(*, by, mentees) -> None:
    """One entry for a page of the list, naming the mentees shown."""
    ids = [mentee.pk for mentee in mentees]
    if ids:
        audit_log(actor=by, action="mentoring.mentees.listed", mentees=ids)


def mentees_listed(
    *, user, organisation=None, pool: str = "", needs_mentor: bool = False, archived: bool = False
) -> QuerySet[Mentee]:
    """The mentees `user` may see, filtered, with their held pairs counted as `held` (one query a page).
    `needs_mentor`: those with fewer mentors than they want."""
    mentees = (
        mentees_visible_to(user)
        .select_related("organisation")
        .annotate(held=Count("mentorships", filter=Q(mentorships__status__in=HELD_STATUSES)))
        .filter(archived_at__isnull=not archived)
    )
    if organisation is not None:
        mentees = mentees.filter(organisation=organisation)
    if pool:
        mentees = mentees.filter(pool=pool)
    if needs_mentor:
        mentees = mentees.filter(held__lt=F("demand"))
    return mentees.order_by("name", "pk")


# --- Centres' rules -----------------------------------------------------------------------------------------


@transaction.atomic
def centre_rules_save(
    *, organisation, by, district="", gender_rule=GenderRule.ANY, min_age_gap=None, max_age_gap=None,
    reminder_weeks=None,
) -> CentreRules:  # fmt: skip
    """A centre's rules for matching and follow-up; empty bounds and weeks leave the platform's defaults."""
    _centre(by=by, organisation=organisation)
    if gender_rule not in GenderRule.values:
        raise MentoringError("mentee_choices", field="gender_rule")

    def optional(value, *, low, high, code, field):
        if value in (None, ""):
            return None
        return _number(value, low=low, high=high, code=code, field=field)

    min_age_gap = optional(
        min_age_gap, low=0, high=AGE_GAP_MAX, code="rules_age_gap_range", field="min_age_gap"
    )
    max_age_gap = optional(
        max_age_gap, low=0, high=AGE_GAP_MAX, code="rules_age_gap_range", field="max_age_gap"
    )
    if min_age_gap is not None and max_age_gap is not None and max_age_gap < min_age_gap:
        raise MentoringError("rules_age_gap", field="max_age_gap")
    reminder_weeks = optional(
        reminder_weeks, low=1, high=REMINDER_WEEKS_MAX, code="rules_reminder_weeks", field="reminder_weeks"
    )
    fields = {
        "district": (district or "").strip()[:DISTRICT_MAX],
        "gender_rule": gender_rule,
        "min_age_gap": min_age_gap,
        "max_age_gap": max_age_gap,
        "reminder_weeks": reminder_weeks,
    }
    rules = CentreRules.objects.select_for_update().filter(organisation=organisation).first()
    if rules is None:
        rules = CentreRules.objects.create(organisation=organisation, **fields)
    else:
        for name, value in fields.items():
            setattr(rules, name, value)
        rules.save(update_fields=list(fields))
    audit_log(actor=by, action="mentoring.rules.saved", organisation=organisation.pk, **fields)
    return rules
