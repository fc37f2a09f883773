"""Hours claimed for volunteering outside the platform. A claim is a pending entry in the volunteer book; a
coordinator of the organisation it names verifies it or rejects it with a reason. Nothing is edited in place:
the decision is a new entry that `corrects` the claim (verified: its hours count; rejected: the reason), and
the claim's row is locked while deciding, so two coordinators cannot both decide it."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from volunteers.audit import audit_log
from volunteers.errors import VolunteerError
from volunteers.models import EntryKind, EntryStatus, LedgerEntry, Organisation
from volunteers.permissions import organisations_managed_by
from volunteers.services.stages import stage_evaluate_enqueue

MAX_HOURS_A_DAY = Decimal(24)
CLAIM_SOURCE = "volunteers.claim"
DECISIONS = (EntryStatus.VERIFIED, EntryStatus.REJECTED)


def claim_hours_clean(value) -> Decimal:
    try:
        hours = Decimal(str(value).replace(",", ".")).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise VolunteerError("claim_hours", field="hours") from None
    if not (Decimal(0) < hours <= MAX_HOURS_A_DAY):
        raise VolunteerError("claim_hours", field="hours")
    return hours


@transaction.atomic
def claim_create(
    *, volunteer, organisation_id, occurred_on: dt.date, hours, description: str, language: str
) -> LedgerEntry:
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        raise VolunteerError("claim_organisation", field="organisation")
    if occurred_on > timezone.localdate():
        raise VolunteerError("claim_future", field="occurred_on")
    hours = claim_hours_clean(hours)
    description = (description or "").strip()
    if not description:
        raise VolunteerError("claim_description", field="description")
    claim = LedgerEntry.objects.create(
        volunteer=volunteer,
        kind=EntryKind.CLAIMED_HOURS,
        status=EntryStatus.PENDING,
        hours=hours,
        occurred_on=occurred_on,
        source="",
        title={language: description[:500]},
        organisation=organisation,
        region_id=organisation.region_id,
    )
    claim.source = f"{CLAIM_SOURCE}:{claim.pk}"
    claim.save(update_fields=["source"])
    audit_log(actor=volunteer, action="volunteers.claim.created", subject=volunteer, claim=claim.pk)
    return claim


def claims_to_decide(user):
    """The pending claims of the organisations `user` coordinates that no one has decided yet."""
    return (
        LedgerEntry.objects.filter(
            kind=EntryKind.CLAIMED_HOURS,
            status=EntryStatus.PENDING,
            organisation__in=organisations_managed_by(user),
        )
        .exclude(corrections__status__in=DECISIONS)
        .select_related("volunteer", "organisation")
        .order_by("created_at", "pk")
    )


def _claim_locked(*, claim_id: int, actor) -> LedgerEntry:
    claim = (
        LedgerEntry.objects.select_for_update()
        .filter(pk=claim_id, kind=EntryKind.CLAIMED_HOURS, status=EntryStatus.PENDING)
        .filter(organisation__in=organisations_managed_by(actor))
        .first()
    )
    if claim is None:
        raise VolunteerError("claim_unknown")
    if claim.volunteer_id == actor.pk:
        raise VolunteerError("claim_own")
    if claim.corrections.filter(status__in=DECISIONS).exists():
        raise VolunteerError("claim_decided")
    return claim


def _decide(*, claim: LedgerEntry, actor, status: str, note: str = "") -> LedgerEntry:
    """The decision, as a new entry correcting the claim: verified carries the hours, rejected the reason."""
    entry = LedgerEntry.objects.create(
        volunteer_id=claim.volunteer_id,
        kind=EntryKind.CLAIMED_HOURS,
        status=status,
        hours=claim.hours if status == EntryStatus.VERIFIED else Decimal(0),
        occurred_on=claim.occurred_on,
        source=claim.source,
        title=claim.title,
        organisation_id=claim.organisation_id,
        region_id=claim.region_id,
        corrects=claim,
        verified_by=actor,
        verified_at=timezone.now(),
        note=note[:500],
    )
    audit_log(actor=actor, action=f"volunteers.claim.{status}", subject=claim.volunteer, claim=claim.pk)
    if status == EntryStatus.VERIFIED:
        stage_evaluate_enqueue(volunteer_id=claim.volunteer_id)
    return entry


@transaction.atomic
def claim_verify(*, claim_id: int, actor) -> LedgerEntry:
    return _decide(
        claim=_claim_locked(claim_id=claim_id, actor=actor), actor=actor, status=EntryStatus.VERIFIED
    )


@transaction.atomic
def claim_reject(*, claim_id: int, actor, reason: str) -> LedgerEntry:
    reason = (reason or "").strip()
    if not reason:
        raise VolunteerError("claim_reason", field="reason")
    claim = _claim_locked(claim_id=claim_id, actor=actor)
    return _decide(claim=claim, actor=actor, status=EntryStatus.REJECTED, note=reason)
