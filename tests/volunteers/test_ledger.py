import datetime as dt
from decimal import Decimal

import pytest

from volunteers.models import EntryStatus, LedgerEntry
from volunteers.services.ledger import ledger_hours_credit, source_hours
from volunteers.services.privacy import volunteer_data_export

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 6, 15)


@pytest.fixture
def people(user_factory):
    return user_factory(email="v@example.kz"), user_factory(email="c@example.kz")


def test_crediting_a_source_twice_with_the_same_hours_writes_once(people):
    volunteer, coordinator = people
    first = ledger_hours_credit(
        volunteer=volunteer,
        hours=Decimal("3"),
        occurred_on=DAY,
        source="events.signup:1",
        verified_by=coordinator,
    )
    again = ledger_hours_credit(
        volunteer=volunteer,
        hours=Decimal("3.00"),
        occurred_on=DAY,
        source="events.signup:1",
        verified_by=coordinator,
    )
    assert again is None
    assert first.status == EntryStatus.VERIFIED and first.verified_by == coordinator and first.verified_at
    assert LedgerEntry.objects.count() == 1


def test_a_correction_is_a_new_entry_with_the_difference(people):
    volunteer, coordinator = people
    original = ledger_hours_credit(
        volunteer=volunteer,
        hours=Decimal("3"),
        occurred_on=DAY,
        source="events.signup:1",
        verified_by=coordinator,
    )
    correction = ledger_hours_credit(
        volunteer=volunteer,
        hours=Decimal("2.5"),
        occurred_on=DAY,
        source="events.signup:1",
        verified_by=coordinator,
    )
    original.refresh_from_db()
    assert original.hours == Decimal("3.00")  # never edited in place
    assert correction.hours == Decimal("-0.50") and correction.corrects == original
    assert source_hours(source="events.signup:1") == Decimal("2.50")


def test_the_book_is_in_the_volunteers_data_export(people):
    volunteer, coordinator = people
    ledger_hours_credit(
        volunteer=volunteer, hours=Decimal("4"), occurred_on=DAY, source="events.signup:7",
        verified_by=coordinator, title={"en": "Park clean-up"},
    )  # fmt: skip
    export = volunteer_data_export(user=volunteer)
    assert export["volunteer_book"] == [
        {
            "kind": "shift_hours",
            "status": "verified",
            "hours": "4.00",
            "date": "2026-06-15",
            "title": {"en": "Park clean-up"},
            "recorded_at": export["volunteer_book"][0]["recorded_at"],
            "verified_at": export["volunteer_book"][0]["verified_at"],
        }
    ]
