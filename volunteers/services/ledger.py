"""The volunteer book: facts that other apps record about a volunteer (hours, courses, awards).

Entries are appended, never edited: recording a source again with other hours writes the difference as a
correction, so the book keeps what was credited, when, and by whom. The caller owns the transaction and
holds a lock on whatever the source is (a sign-up row, a meeting), so two credits of one source queue.
"""

import datetime as dt
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from volunteers.models import EntryKind, EntryStatus, LedgerEntry
from volunteers.services.privacy import export_section
from volunteers.services.stages import stage_evaluate_enqueue


def source_hours(*, source: str) -> Decimal:
    total = LedgerEntry.objects.filter(source=source, status=EntryStatus.VERIFIED).aggregate(
        total=Sum("hours")
    )
    return total["total"] or Decimal(0)


def ledger_hours_credit(
    *,
    volunteer,
    hours: Decimal,
    occurred_on: dt.date,
    source: str,
    verified_by,
    kind: str = EntryKind.SHIFT_HOURS,
    title: dict | None = None,
    organisation=None,
    direction=None,
    region=None,
    note: str = "",
    subject: str = "",
) -> LedgerEntry | None:
    """Make the verified hours credited for `source` equal `hours`. Returns the entry written, or None when
    the book already says so (a repeated confirmation changes nothing)."""
    hours = Decimal(hours).quantize(Decimal("0.01"))
    credited = LedgerEntry.objects.filter(source=source, status=EntryStatus.VERIFIED).order_by("pk")
    current = source_hours(source=source)
    if hours == current:
        return None
    stage_evaluate_enqueue(volunteer_id=volunteer.pk)
    return LedgerEntry.objects.create(
        volunteer=volunteer,
        kind=kind,
        status=EntryStatus.VERIFIED,
        hours=hours - current,
        occurred_on=occurred_on,
        source=source,
        subject=subject,
        title=dict(title or {}),
        organisation=organisation,
        direction=direction,
        region=region,
        corrects=credited.last(),
        verified_by=verified_by if verified_by is not None and verified_by.is_authenticated else None,
        verified_at=timezone.now(),
        note=note,
    )


def ledger_fact_record(
    *,
    volunteer,
    kind: str,
    occurred_on: dt.date,
    source: str,
    title: dict,
    direction=None,
    organisation=None,
    region=None,
    verified_by=None,
    subject: str = "",
) -> LedgerEntry | None:
    """Record a fact that carries no hours (a course completed, an award) once per source. Returns the entry
    written, or None when the book already holds it."""
    if LedgerEntry.objects.filter(source=source, kind=kind, status=EntryStatus.VERIFIED).exists():
        return None
    stage_evaluate_enqueue(volunteer_id=volunteer.pk)
    return LedgerEntry.objects.create(
        volunteer=volunteer,
        kind=kind,
        status=EntryStatus.VERIFIED,
        occurred_on=occurred_on,
        source=source,
        subject=subject,
        title=dict(title),
        direction=direction,
        organisation=organisation,
        region=region,
        verified_by=verified_by if verified_by is not None and verified_by.is_authenticated else None,
        verified_at=timezone.now(),
    )


def ledger_fact_revoke(*, source: str, by, reason: str) -> LedgerEntry | None:
    """Withdraw the fact recorded for `source` with an entry that says who did it and why; None when there is
    no fact to withdraw or it was withdrawn already. Hours are corrected with ledger_hours_credit instead."""
    fact = LedgerEntry.objects.filter(source=source, status=EntryStatus.VERIFIED).order_by("pk").first()
    if fact is None or LedgerEntry.objects.filter(corrects=fact, status=EntryStatus.REVOKED).exists():
        return None
    stage_evaluate_enqueue(volunteer_id=fact.volunteer_id)
    return LedgerEntry.objects.create(
        volunteer_id=fact.volunteer_id,
        kind=fact.kind,
        status=EntryStatus.REVOKED,
        occurred_on=timezone.localdate(),
        source=source,
        subject=fact.subject,
        title=fact.title,
        direction_id=fact.direction_id,
        organisation_id=fact.organisation_id,
        region_id=fact.region_id,
        corrects=fact,
        verified_by=by if by is not None and by.is_authenticated else None,
        verified_at=timezone.now(),
        note=reason[:500],
    )


@export_section("volunteer_book")
def _volunteer_book(user):
    return [
        {
            "kind": entry.kind,
            "status": entry.status,
            "hours": str(entry.hours),
            "date": entry.occurred_on.isoformat(),
            "title": entry.title,
            "recorded_at": entry.created_at.isoformat(),
            "verified_at": entry.verified_at.isoformat() if entry.verified_at else None,
        }
        for entry in user.ledger_entries.order_by("occurred_on", "pk")
    ]
