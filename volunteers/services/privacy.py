"""The volunteer's rights over their data: a copy of all of it, and erasure when consent ends
(Law "On personal data", art. 8 and 18: delete within one day when the purpose ends)."""

import secrets
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from volunteers.audit import audit_log
from volunteers.models import AuditEntry, ClaimCode, Membership, PersonalDataConsent, User

# Other apps add what they hold about a volunteer (sign-ups, learning records...) as name → function(user).
EXPORT_SECTIONS: dict[str, Callable] = {}
# ...and what they do when the person is erased (free their places at events...), as function(user).
ERASE_HOOKS: list[Callable] = []


def export_section(name: str):
    def register(function):
        EXPORT_SECTIONS[name] = function
        return function

    return register


def on_erase(function):
    ERASE_HOOKS.append(function)
    return function


@export_section("account")
def _account(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in user.emailaddress_set.all()
        ],
    }


@export_section("profile")
def _profile(user):
    profile = getattr(user, "profile", None)
    if profile is None:
        return None
    return {
        "date_of_birth": profile.date_of_birth.isoformat() if profile.date_of_birth else None,
        "gender": profile.gender,
        "region": profile.region.iso_code if profile.region else None,
        "city": profile.city,
        "phone": profile.phone,
        "languages": profile.languages,
        "directions": [direction.slug for direction in profile.directions.all()],
        "skills": profile.skills,
        "availability": profile.availability,
        "preferred_channel": profile.preferred_channel,
        "is_retired": profile.is_retired,
        "easy_reading": profile.easy_reading,
        "language": profile.language,
        "public_card_fields": profile.public_fields,
        "guardian_consents": [
            {
                "guardian_name": consent.guardian_name,
                "guardian_email": consent.guardian_email,
                "guardian_phone": consent.guardian_phone,
                "method": consent.method,
                "requested_at": consent.requested_at.isoformat(),
                "confirmed_at": consent.confirmed_at.isoformat() if consent.confirmed_at else None,
            }
            for consent in profile.guardian_consents.all()
        ],
    }


@export_section("consents")
def _consents(user):
    return [
        {
            "text_version": consent.text.version,
            "language": consent.language,
            "method": consent.method,
            "given_at": consent.given_at.isoformat(),
            "withdrawn_at": consent.withdrawn_at.isoformat() if consent.withdrawn_at else None,
        }
        for consent in user.consents.select_related("text")
    ]


@export_section("memberships")
def _memberships(user):
    return [
        {"organisation": membership.organisation.slug, "role": membership.role, "active": membership.active}
        for membership in user.memberships.select_related("organisation")
    ]


@export_section("history")
def _history(user):
    return [{"action": entry.action, "at": entry.at.isoformat()} for entry in user.audit_entries.all()]


def volunteer_data_export(*, user) -> dict:
    """Everything the platform holds about this person, and nothing about anyone else."""
    audit_log(actor=user, action="volunteers.data.exported", subject=user)
    return {
        "format": "birgemiz-volunteer-export/1",
        "exported_at": timezone.now().isoformat(),
        **{name: section(user) for name, section in EXPORT_SECTIONS.items()},
    }


@transaction.atomic
def volunteer_erase(*, user: User, actor: User | None, reason: str) -> None:
    """Erase the person's personal data and close the account. What stays is anonymous: an inactive account
    row, the region of the profile, the consents' versions and dates, and the facts other apps derive figures
    from (hours, attendance), no longer linked to anyone identifiable."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    user = User.objects.select_for_update().get(pk=user.pk)
    now = timezone.now()
    user.email = None
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    PersonalDataConsent.objects.filter(user=user, withdrawn_at__isnull=True).update(withdrawn_at=now)
    Membership.objects.filter(user=user).update(active=False)
    profile = getattr(user, "profile", None)
    if profile is not None:
        ClaimCode.objects.filter(profile=profile).delete()
        profile.guardian_consents.update(
            guardian_name="", guardian_email="", guardian_phone="", confirmed_name=""
        )
        profile.directions.clear()
        for name, value in {
            "date_of_birth": None,
            "gender": "",
            "city": "",
            "phone": None,
            "languages": [],
            "skills": "",
            "availability": [],
            "public_fields": [],
            "card_token": secrets.token_urlsafe(16),
            "erased_at": now,
        }.items():
            setattr(profile, name, value)
        profile.save()
    for hook in ERASE_HOOKS:
        hook(user)
    # Audit details may name people (a guardian's name): keep the actions and dates, drop the details.
    AuditEntry.objects.filter(subject=user).update(data={})
    audit_log(actor=actor if actor and actor.pk != user.pk else None, action="volunteers.profile.erased",
              subject=user, reason=reason)  # fmt: skip


def consent_withdraw(*, user: User) -> None:
    """Withdrawing consent ends the purpose of processing: the account is closed and the data erased."""
    volunteer_erase(user=user, actor=user, reason="consent_withdrawn")
