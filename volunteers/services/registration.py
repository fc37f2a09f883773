"""Becoming a volunteer: self sign-up (through allauth's form), coordinator-assisted registration, the
guardian's consent for minors, and claiming an account a coordinator created."""

import datetime as dt
import secrets
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.utils import timezone

from volunteers.audit import audit_log
from volunteers.errors import VolunteerError
from volunteers.models import (
    ClaimCode,
    ConsentMethod,
    ConsentText,
    GuardianConsent,
    Membership,
    MembershipRole,
    PersonalDataConsent,
    User,
    VolunteerProfile,
)
from volunteers.models.profile import age_on, local_today


@dataclass
class VolunteerData:
    """What a volunteer tells about themselves, already cleaned by a form or an import row."""

    date_of_birth: dt.date
    region: object
    first_name: str = ""
    last_name: str = ""
    city: str = ""
    phone: str | None = None
    gender: str = ""
    languages: list[str] = field(default_factory=list)
    directions: list = field(default_factory=list)
    skills: str = ""
    availability: list[str] = field(default_factory=list)
    preferred_channel: str = "email"
    is_retired: bool = False
    leaderboard_opt_in: bool = False


def birth_date_check(*, date_of_birth: dt.date, assisted: bool, today: dt.date | None = None) -> int:
    """The age on `today`, or the reason it cannot register. A coordinator may register children under the
    minimum age together with their guardian (law art. 12: with a parent's written consent)."""
    today = today or local_today()
    if date_of_birth > today:
        raise VolunteerError("birth_date_future", field="date_of_birth")
    age = age_on(date_of_birth, today)
    if age > settings.VOLUNTEERS_MAX_AGE:
        raise VolunteerError("birth_date_too_old", field="date_of_birth", max=settings.VOLUNTEERS_MAX_AGE)
    if age < settings.VOLUNTEERS_MIN_AGE_ALONE and not assisted:
        raise VolunteerError("too_young_alone", field="date_of_birth", min=settings.VOLUNTEERS_MIN_AGE_ALONE)
    return age


def needs_guardian(age: int) -> bool:
    return age < settings.VOLUNTEERS_GUARDIAN_CONSENT_UNDER


def phone_available(*, phone: str | None, exclude_user=None) -> None:
    if not phone:
        return
    taken = VolunteerProfile.objects.filter(phone=phone)
    if exclude_user is not None:
        taken = taken.exclude(user=exclude_user)
    if taken.exists():
        raise VolunteerError("phone_taken", field="phone")


@contextmanager
def unique_guard(code: str = "phone_taken", field: str = "phone"):
    """Someone else may take the phone (or e-mail) between our check and the write: the unique index catches
    it in this savepoint, and the person gets the same message as the check would have given."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        raise VolunteerError(code, field=field) from None


def _profile_create(*, user, data: VolunteerData, language: str, registered_by=None) -> VolunteerProfile:
    with unique_guard():
        profile = VolunteerProfile.objects.create(
            user=user,
            date_of_birth=data.date_of_birth,
            gender=data.gender,
            region=data.region,
            city=data.city,
            phone=data.phone,
            languages=data.languages,
            skills=data.skills,
            availability=data.availability,
            preferred_channel=data.preferred_channel,
            is_retired=data.is_retired,
            language=language,
            registered_by=registered_by,
        )
    profile.directions.set(data.directions)
    return profile


def _consent_record(*, user, language: str, method: str, recorded_by=None) -> PersonalDataConsent:
    text = ConsentText.current()
    if text is None:
        raise VolunteerError("consent_required")
    return PersonalDataConsent.objects.create(
        user=user, text=text, language=language, method=method, recorded_by=recorded_by
    )


def volunteer_profile_create(
    *, user, data: VolunteerData, language: str, guardian_name: str = "", guardian_email: str = ""
) -> VolunteerProfile:
    """The profile of a volunteer who signs up themselves. Runs inside the sign-up form's transaction."""
    age = birth_date_check(date_of_birth=data.date_of_birth, assisted=False)
    phone_available(phone=data.phone)
    profile = _profile_create(user=user, data=data, language=language)
    _consent_record(user=user, language=language, method=ConsentMethod.ONLINE)
    if needs_guardian(age):
        if not guardian_email:
            raise VolunteerError(
                "guardian_required", field="guardian_email", age=settings.VOLUNTEERS_GUARDIAN_CONSENT_UNDER
            )
        guardian_consent_request(profile=profile, guardian_name=guardian_name, guardian_email=guardian_email)
    audit_log(actor=user, action="volunteers.profile.created", subject=user, method="online")
    return profile


def guardian_consent_request(*, profile, guardian_name: str, guardian_email: str) -> GuardianConsent:
    consent = GuardianConsent.objects.create(
        profile=profile, guardian_name=guardian_name, guardian_email=guardian_email, language=profile.language
    )
    from volunteers.tasks import guardian_consent_mail_send

    transaction.on_commit(lambda: guardian_consent_mail_send.delay(consent.pk))
    audit_log(actor=None, action="volunteers.guardian_consent.requested", subject=profile.user)
    return consent


@transaction.atomic
def guardian_consent_confirm(*, token: str, confirmed_name: str) -> GuardianConsent:
    """The guardian confirms through their link. Repeating the click changes nothing."""
    consent = GuardianConsent.objects.select_for_update().select_related("profile__user").get(token=token)
    if consent.confirmed_at is not None:
        return consent
    consent.confirmed_at = timezone.now()
    consent.confirmed_name = confirmed_name.strip()[:150]
    consent.save(update_fields=["confirmed_at", "confirmed_name"])
    audit_log(actor=None, action="volunteers.guardian_consent.confirmed", subject=consent.profile.user)
    return consent


# --- Coordinator-assisted registration and claiming the account -------------------------------------------

CLAIM_CODE_DAYS = 14
CLAIM_ATTEMPTS = 5


@transaction.atomic
def volunteer_register_assisted(
    *,
    coordinator,
    organisation,
    data: VolunteerData,
    language: str,
    guardian_name: str = "",
    guardian_phone: str = "",
) -> tuple[VolunteerProfile, str]:
    """A coordinator registers someone who has no e-mail address; consent (and a minor's guardian's) is
    given in person and recorded as such. Returns the profile and a one-time claim code to hand over."""
    age = birth_date_check(date_of_birth=data.date_of_birth, assisted=True)
    if not data.phone:
        raise VolunteerError("phone_invalid", field="phone")
    phone_available(phone=data.phone)
    user = User.objects.create_user(
        email=None, password=None, first_name=data.first_name, last_name=data.last_name
    )
    profile = _profile_create(user=user, data=data, language=language, registered_by=coordinator)
    _consent_record(user=user, language=language, method=ConsentMethod.IN_PERSON, recorded_by=coordinator)
    if needs_guardian(age):
        if not guardian_name:
            raise VolunteerError(
                "guardian_in_person_required",
                field="guardian_name",
                age=settings.VOLUNTEERS_GUARDIAN_CONSENT_UNDER,
            )
        GuardianConsent.objects.create(
            profile=profile,
            guardian_name=guardian_name,
            guardian_phone=guardian_phone,
            language=language,
            method=ConsentMethod.IN_PERSON,
            recorded_by=coordinator,
            confirmed_at=timezone.now(),
            confirmed_name=guardian_name,
        )
    Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.VOLUNTEER)
    code = claim_code_issue(profile=profile)
    audit_log(
        actor=coordinator,
        action="volunteers.profile.created",
        subject=user,
        method="assisted",
        organisation=organisation.pk,
    )
    return profile, code


def claim_code_issue(*, profile) -> str:
    """A fresh six-digit code for the volunteer's phone; only its hash is kept."""
    code = f"{secrets.randbelow(10**6):06d}"
    ClaimCode.objects.update_or_create(
        profile=profile,
        defaults={
            "code_hash": make_password(code),
            "expires_at": timezone.now() + dt.timedelta(days=CLAIM_CODE_DAYS),
            "failed_attempts": 0,
        },
    )
    return code


def account_claim(*, phone: str, code: str, email: str, password: str) -> User:
    """The volunteer takes over the account a coordinator made: the code proves who they are; the e-mail
    address still has to be verified (allauth sends the link) before they can sign in with it."""
    user = _account_claim(phone=phone, code=code, email=email, password=password)
    if user is None:
        raise VolunteerError("claim_code_invalid", field="code")
    return user


@transaction.atomic
def _account_claim(*, phone: str, code: str, email: str, password: str) -> User | None:
    from allauth.account.models import EmailAddress

    claim = (
        ClaimCode.objects.select_for_update()
        .select_related("profile__user")
        .filter(profile__phone=phone, profile__erased_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if claim is None or claim.failed_attempts >= CLAIM_ATTEMPTS:
        raise VolunteerError("claim_code_invalid", field="code")
    if not check_password(code, claim.code_hash):
        claim.failed_attempts += 1
        claim.save(update_fields=["failed_attempts"])
        return None  # raising here would roll the count back with the transaction
    email = email.strip().lower()
    user = claim.profile.user
    if User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
        raise VolunteerError("email_taken", field="email")
    user.email = email
    user.set_password(password)
    with unique_guard("email_taken", "email"):
        user.save(update_fields=["email", "password"])
    EmailAddress.objects.filter(user=user).delete()
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    claim.delete()
    audit_log(actor=user, action="volunteers.account.claimed", subject=user)
    return user
