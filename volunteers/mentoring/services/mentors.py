"""Mentors: a volunteer applies to an organisation of their region; its coordinators approve or decline, and
verify the background check (a certificate of no criminal record they saw: its dates and number, no scan).

Every write locks the mentor's row and re-checks its state, so a double click or two coordinators deciding at
once cannot both win. The mentor's region is their profile's; the organisation reviews the application.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from config.dates import months_after
from volunteers.audit import audit_log
from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.models import (
    HELD_STATUSES,
    BackgroundCheck,
    Interest,
    Mentor,
    MentorStatus,
    Pool,
)
from volunteers.mentoring.permissions import mentors_managed_by
from volunteers.models import Organisation, OrganisationKind, User, VolunteerProfile
from volunteers.models.profile import SPOKEN_LANGUAGES, Availability

logger = logging.getLogger(__name__)

# The organisations a mentor may apply to: those that run mentoring or coordinate volunteers in the region.
MENTOR_ORGANISATION_KINDS = (
    OrganisationKind.CHILDREN_HOME,
    OrganisationKind.SOCIAL_SERVICE_CENTRE,
    OrganisationKind.REGIONAL_FRONT_OFFICE,
    OrganisationKind.NGO,
)
OPEN_APPLICATION = (MentorStatus.APPLIED, MentorStatus.APPROVED)
DISTRICT_MAX, MOTIVATION_MAX, REASON_MAX, REFERENCE_MAX = 100, 1000, 300, 40


def json_list_has(field: str, code: str) -> Q:
    """Rows whose JSON list `field` holds `code`: the list's text holds the quoted code on SQLite and on
    PostgreSQL alike (JSON `contains` is not available on SQLite). Codes are plain slugs."""
    return Q(**{f"{field}__icontains": f'"{code}"'})


# Training (which depends on volunteers, not the other way) may register where its safeguarding course is: a
# function () -> the course's URL in the active language, or None.
SAFEGUARDING_COURSE_URLS = []


def safeguarding_course_url_source(function):
    SAFEGUARDING_COURSE_URLS.append(function)
    return function


def safeguarding_course_url() -> str | None:
    """Where a mentor takes the safeguarding course: the course when training says where it is, else the
    volunteer's learning page."""
    for source in SAFEGUARDING_COURSE_URLS:
        url = source()
        if url:
            return url
    try:
        return reverse("training:my_learning")
    except NoReverseMatch:
        return None


def mentor_organisations(*, region) -> QuerySet[Organisation]:
    """The verified organisations of `region` a volunteer may apply to mentor with."""
    if region is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        verified=True, region=region, kind__in=MENTOR_ORGANISATION_KINDS
    ).order_by("kind", "slug")


def _codes(values, allowed, *, code: str, field: str, required: bool = False) -> list[str]:
    """The chosen codes, each once, in the order given; an unknown one, or none when one is required, is
    refused with `code`."""
    allowed = {str(value) for value in allowed}
    chosen = list(dict.fromkeys(str(value) for value in values or []))
    if any(value not in allowed for value in chosen) or (required and not chosen):
        raise MentoringError(code, field=field)
    return chosen


def _capacity(value) -> int:
    limit = settings.MENTORING_MAX_CAPACITY
    try:
        capacity = int(value)
    except (TypeError, ValueError):
        raise MentoringError("mentor_capacity", field="capacity", max=limit) from None
    if not 1 <= capacity <= limit:
        raise MentoringError("mentor_capacity", field="capacity", max=limit)
    return capacity


def _offer(*, capacity, languages, interests, availability, district) -> dict:
    """What a mentor offers, checked: the fields both the application and its later changes write."""
    return {
        "capacity": _capacity(capacity),
        "languages": _codes(
            languages,
            [code for code, _name in SPOKEN_LANGUAGES],
            code="mentor_languages",
            field="languages",
            required=True,
        ),  # fmt: skip
        "interests": _codes(interests, Interest.values, code="mentor_choices", field="interests"),
        "availability": _codes(
            availability, Availability.codes(), code="mentor_choices", field="availability"
        ),
        "district": (district or "").strip()[:DISTRICT_MAX],
    }


@transaction.atomic
def mentor_apply(
    *, volunteer, organisation, pools, capacity, languages, interests=(), availability=(), district="",
    motivation="",
) -> Mentor:  # fmt: skip
    """Apply to mentor. Re-applying after a decline or a withdrawal reuses the row (back to waiting)."""
    # The user's row is the lock: two applications at once queue, and the second sees the first.
    User.objects.select_for_update().filter(pk=volunteer.pk).first()
    profile = VolunteerProfile.objects.active().select_related("region").filter(user=volunteer).first()
    if profile is None or profile.region is None or profile.date_of_birth is None:
        raise MentoringError("mentor_no_profile")
    if profile.age() < settings.VOLUNTEERS_ADULT_AGE:
        raise MentoringError("mentor_minor")
    mentor = Mentor.objects.select_for_update().filter(volunteer=volunteer).first()
    if mentor is not None and mentor.status in OPEN_APPLICATION:
        raise MentoringError("mentor_already_applied")
    pools = _codes(pools, Pool.values, code="mentor_pools", field="pools", required=True)
    fields = _offer(
        capacity=capacity, languages=languages, interests=interests, availability=availability,
        district=district,
    )  # fmt: skip
    if (
        organisation is None
        or not mentor_organisations(region=profile.region).filter(pk=organisation.pk).exists()
    ):
        raise MentoringError("mentor_organisation", field="organisation")
    fields.update(
        organisation=organisation,
        region=profile.region,
        pools=pools,
        motivation=(motivation or "").strip()[:MOTIVATION_MAX],
        status=MentorStatus.APPLIED,
        decided_by=None,
        decided_at=None,
        decline_reason="",
    )
    if mentor is None:
        mentor = Mentor.objects.create(volunteer=volunteer, **fields)
        action = "mentoring.mentor.applied"
    else:
        for name, value in fields.items():
            setattr(mentor, name, value)
        mentor.applied_at = timezone.now()
        mentor.save(update_fields=[*fields, "applied_at", "updated_at"])
        action = "mentoring.mentor.reapplied"
    audit_log(actor=volunteer, action=action, subject=volunteer, organisation=organisation.pk, pools=pools)
    return mentor


@transaction.atomic
def mentor_update(
    *, mentor: Mentor, by, capacity, languages, interests=(), availability=(), district=""
) -> Mentor:
    """The mentor changes what they offer; the programmes and the approval stay as decided."""
    mentor = Mentor.objects.select_for_update().get(pk=mentor.pk)
    if mentor.status not in OPEN_APPLICATION:
        raise MentoringError("mentor_closed")
    fields = _offer(
        capacity=capacity, languages=languages, interests=interests, availability=availability,
        district=district,
    )  # fmt: skip
    held = mentor.mentorships.filter(status__in=HELD_STATUSES).count()
    if fields["capacity"] < held:
        raise MentoringError("mentor_capacity_held", field="capacity", count=held)
    for name, value in fields.items():
        setattr(mentor, name, value)
    mentor.save(update_fields=[*fields, "updated_at"])
    audit_log(actor=by, action="mentoring.mentor.changed", subject=mentor.volunteer, capacity=mentor.capacity)
    return mentor


@transaction.atomic
def mentor_withdraw(*, mentor: Mentor, by) -> Mentor:
    """The volunteer takes their application (or their standing offer) back. Repeating it changes nothing."""
    mentor = Mentor.objects.select_for_update().get(pk=mentor.pk)
    if mentor.status in OPEN_APPLICATION:
        mentor.status = MentorStatus.WITHDRAWN
        mentor.save(update_fields=["status", "updated_at"])
        audit_log(actor=by, action="mentoring.mentor.withdrawn", subject=mentor.volunteer)
    return mentor


# --- The coordinators' decisions ----------------------------------------------------------------------------


def _managed_locked(*, mentor_id, by) -> Mentor:
    mentor = mentors_managed_by(by).select_for_update().filter(pk=mentor_id).first()
    if mentor is None:
        raise MentoringError("mentor_unknown")
    if mentor.volunteer_id == by.pk:
        raise MentoringError("mentor_own")
    return mentor


def mine_url() -> str:
    try:
        return settings.WAGTAILADMIN_BASE_URL + reverse("mentoring:mine")
    except NoReverseMatch:  # the pages are not mounted
        return settings.WAGTAILADMIN_BASE_URL


def mentor_decision_notify(*, mentor_id: int) -> bool:
    """Tell the volunteer of the decision, in their language. After the commit: a failed send does not undo
    the decision."""
    mentor = Mentor.objects.select_related("volunteer__profile", "organisation").filter(pk=mentor_id).first()
    decided = (MentorStatus.APPROVED, MentorStatus.DECLINED)
    if mentor is None or not mentor.volunteer.email or mentor.status not in decided:
        return False
    profile = getattr(mentor.volunteer, "profile", None)
    with translation.override(profile.language if profile else settings.LANGUAGE_CODE):
        organisation = mentor.organisation.name.in_language()
        if mentor.status == MentorStatus.APPROVED:
            subject = _("Your application to mentor is approved")
            body = _(
                "Hello!\n\n%(organisation)s approved your application to mentor. Once your background check "
                "and, for children, your safeguarding certificate are valid, coordinators can pair you with "
                "a mentee.\n\nYour mentoring page: %(url)s\n"
            )
        else:
            subject = _("Your application to mentor")
            body = _(
                "Hello!\n\n%(organisation)s did not approve your application to mentor.\nThe reason: "
                "%(reason)s\n\nYou can apply again when things change: %(url)s\n"
            )
        body = body % {"organisation": organisation, "reason": mentor.decline_reason, "url": mine_url()}
    send_mail(subject, body, None, [mentor.volunteer.email])
    return True


@transaction.atomic
def mentor_decide(*, mentor: Mentor, by, approve: bool, reason: str = "") -> Mentor:
    """Approve or decline an application that waits for review (a decline says why)."""
    mentor = _managed_locked(mentor_id=mentor.pk, by=by)
    if mentor.status != MentorStatus.APPLIED:
        raise MentoringError("mentor_decided")
    reason = (reason or "").strip()
    if not approve and not reason:
        raise MentoringError("mentor_reason", field="reason")
    mentor.status = MentorStatus.APPROVED if approve else MentorStatus.DECLINED
    mentor.decided_by = by
    mentor.decided_at = timezone.now()
    mentor.decline_reason = "" if approve else reason[:REASON_MAX]
    mentor.save(update_fields=["status", "decided_by", "decided_at", "decline_reason", "updated_at"])
    audit_log(
        actor=by, action=f"mentoring.mentor.{mentor.status}", subject=mentor.volunteer,
        organisation=mentor.organisation_id,
    )  # fmt: skip
    mentor_id = mentor.pk
    transaction.on_commit(lambda: mentor_decision_notify(mentor_id=mentor_id), robust=True)
    return mentor


@transaction.atomic
def check_verify(
    *, mentor: Mentor, by, issued_on: dt.date, expires_on: dt.date | None = None, reference: str = ""
) -> BackgroundCheck:
    """Record that `by` saw the mentor's certificate of no criminal record. Without an expiry date it counts
    for MENTORING_CHECK_VALID_MONTHS from its issue. The same check sent twice is recorded once."""
    mentor = _managed_locked(mentor_id=mentor.pk, by=by)
    if mentor.status not in OPEN_APPLICATION:
        raise MentoringError("mentor_closed")
    today = timezone.localdate()
    if issued_on > today:
        raise MentoringError("check_issued_future", field="issued_on")
    if expires_on is None:
        expires_on, field = months_after(issued_on, settings.MENTORING_CHECK_VALID_MONTHS), "issued_on"
    else:
        field = "expires_on"
    if expires_on <= issued_on:
        raise MentoringError("check_dates", field="expires_on")
    if expires_on < today:
        raise MentoringError("check_expired", field=field)
    reference = (reference or "").strip()[:REFERENCE_MAX]
    valid = mentor.checks.filter(revoked_at__isnull=True)
    check = valid.filter(issued_on=issued_on, expires_on=expires_on, reference=reference).first()
    if check is not None:
        return check
    check = BackgroundCheck.objects.create(
        mentor=mentor, issued_on=issued_on, expires_on=expires_on, reference=reference, verified_by=by
    )
    audit_log(
        actor=by, action="mentoring.check.verified", subject=mentor.volunteer, check=check.pk,
        issued_on=issued_on.isoformat(), expires_on=expires_on.isoformat(),
    )  # fmt: skip
    return check


@transaction.atomic
def check_revoke(*, check: BackgroundCheck, by, reason: str) -> BackgroundCheck:
    check = (
        BackgroundCheck.objects.select_for_update()
        .filter(pk=check.pk, mentor__in=mentors_managed_by(by))
        .select_related("mentor__volunteer")
        .first()
    )
    if check is None:
        raise MentoringError("mentor_unknown")
    if check.mentor.volunteer_id == by.pk:
        raise MentoringError("mentor_own")
    if check.revoked_at is not None:
        raise MentoringError("check_revoked")
    reason = (reason or "").strip()
    if not reason:
        raise MentoringError("check_reason", field="reason")
    check.revoked_at = timezone.now()
    check.revoked_by = by
    check.revoke_reason = reason[:REASON_MAX]
    check.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    audit_log(
        actor=by, action="mentoring.check.revoked", subject=check.mentor.volunteer, check=check.pk,
        reason=check.revoke_reason,
    )  # fmt: skip
    return check


# --- Reading ------------------------------------------------------------------------------------------------


def mentors_listed(*, user, status: str = "", pool: str = "", search: str = "") -> QuerySet[Mentor]:
    """The mentors `user` reviews, filtered, with what a list row shows (one query a page): the last day of
    their latest valid background check as `check_until`."""
    today = timezone.localdate()
    valid = BackgroundCheck.objects.filter(
        mentor=OuterRef("pk"), issued_on__lte=today, expires_on__gte=today, revoked_at__isnull=True
    ).order_by("-expires_on")
    mentors = (
        mentors_managed_by(user)
        .select_related("volunteer", "organisation", "region")
        .annotate(check_until=Subquery(valid.values("expires_on")[:1]))
    )
    if status:
        mentors = mentors.filter(status=status)
    if pool:
        mentors = mentors.filter(json_list_has("pools", pool))
    for word in (search or "").split()[:5]:
        mentors = mentors.filter(
            Q(volunteer__first_name__icontains=word)
            | Q(volunteer__last_name__icontains=word)
            | Q(volunteer__email__icontains=word)
        )
    return mentors.order_by("-applied_at", "pk")
