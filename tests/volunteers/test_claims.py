"""Hours claimed for work outside the platform: pending until a coordinator of the named organisation
verifies or rejects them (with a reason); decisions are new entries, and bad claims are refused by field."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from volunteers.errors import VolunteerError
from volunteers.models import EntryStatus, LedgerEntry
from volunteers.services.claims import claim_create, claim_reject, claim_verify, claims_to_decide
from volunteers.services.ledger import source_hours

pytestmark = pytest.mark.django_db
YESTERDAY = timezone.localdate() - dt.timedelta(days=1)


def claim(volunteer, organisation, hours="3,5", day=YESTERDAY, description="Sorted books at the library"):
    return claim_create(
        volunteer=volunteer, organisation_id=organisation.pk, occurred_on=day, hours=hours,
        description=description, language="en",
    )  # fmt: skip


def refused(code, field, function, *args, **kwargs):
    with pytest.raises(VolunteerError) as error:
        function(*args, **kwargs)
    assert (error.value.code, error.value.field) == (code, field)


@pytest.mark.parametrize(
    ("hours", "day", "description", "code", "field"),
    [
        ("2", timezone.localdate() + dt.timedelta(days=1), "Help", "claim_future", "occurred_on"),
        ("-1", YESTERDAY, "Help", "claim_hours", "hours"),
        ("0", YESTERDAY, "Help", "claim_hours", "hours"),
        ("24.5", YESTERDAY, "Help", "claim_hours", "hours"),
        ("many", YESTERDAY, "Help", "claim_hours", "hours"),
        ("2", YESTERDAY, "   ", "claim_description", "description"),
    ],
)
def test_a_bad_claim_is_refused_next_to_its_field_and_nothing_is_written(
    volunteer, organisation, hours, day, description, code, field
):
    refused(code, field, claim, volunteer, organisation, hours=hours, day=day, description=description)
    assert not LedgerEntry.objects.exists()


def test_a_claim_for_an_organisation_that_does_not_exist_is_refused(volunteer):
    refused(
        "claim_organisation", "organisation", claim_create, volunteer=volunteer, organisation_id=999_999,
        occurred_on=YESTERDAY, hours="2", description="Help", language="en",
    )  # fmt: skip


def test_today_and_24_hours_are_allowed_and_the_claim_waits_uncounted(volunteer, organisation):
    pending = claim(volunteer, organisation, hours="24", day=timezone.localdate())
    assert pending.status == EntryStatus.PENDING and pending.hours == Decimal(24)
    assert source_hours(source=pending.source) == 0


def test_the_coordinator_of_the_organisation_verifies_and_the_hours_count_once(
    volunteer, organisation, coordinator
):
    pending = claim(volunteer, organisation)
    assert list(claims_to_decide(coordinator)) == [pending]
    entry = claim_verify(claim_id=pending.pk, actor=coordinator)
    assert (entry.status, entry.corrects, entry.verified_by) == (EntryStatus.VERIFIED, pending, coordinator)
    assert source_hours(source=pending.source) == Decimal("3.5")
    assert list(claims_to_decide(coordinator)) == []
    refused("claim_decided", None, claim_verify, claim_id=pending.pk, actor=coordinator)
    refused("claim_decided", None, claim_reject, claim_id=pending.pk, actor=coordinator, reason="No")
    pending.refresh_from_db()
    assert pending.status == EntryStatus.PENDING  # the claim itself is never edited


def test_a_rejection_needs_a_reason_and_counts_nothing(volunteer, organisation, coordinator):
    pending = claim(volunteer, organisation)
    refused("claim_reason", "reason", claim_reject, claim_id=pending.pk, actor=coordinator, reason=" ")
    entry = claim_reject(claim_id=pending.pk, actor=coordinator, reason="We have no record of this day.")
    assert entry.status == EntryStatus.REJECTED and entry.note == "We have no record of this day."
    assert source_hours(source=pending.source) == 0


def test_no_one_verifies_their_own_claim_nor_another_organisations(
    organisation, other_organisation, coordinator, coordinator_factory
):
    pending = claim(coordinator, organisation)
    refused("claim_own", None, claim_verify, claim_id=pending.pk, actor=coordinator)
    stranger = coordinator_factory(other_organisation)
    refused("claim_unknown", None, claim_verify, claim_id=pending.pk, actor=stranger)
    assert list(claims_to_decide(stranger)) == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (.ci/run runs it)")
def test_two_coordinators_deciding_at_once_make_one_decision(
    volunteer, organisation, coordinator, coordinator_factory
):
    from tests.events.test_concurrency import _together

    pending = claim(volunteer, organisation)
    deciders = [coordinator, coordinator_factory(organisation)] * 3
    errors = _together(lambda actor: claim_verify(claim_id=pending.pk, actor=actor), deciders)
    assert {error.code for error in errors} == {"claim_decided"} and len(errors) == 5
    assert LedgerEntry.objects.filter(corrects=pending).count() == 1
