# ruff: noqa: F811  (fixtures take the fixtures imported below as arguments)
"""The rollups of the volunteer book against counts made by hand: a small book of several kinds, regions and
months with corrections, a pending and a rejected claim and a revoked course; refreshed in small batches,
then again after more entries, then rebuilt in full; erasure; two refreshes at once on PostgreSQL."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection

from tests.events.conftest import (  # noqa: F401  (people and organisations, as the events tests make them)
    almaty,
    coordinator,
    coordinator_factory,
    organisation,
    volunteer_factory,
)
from tests.events.test_concurrency import _together
from volunteers.models import (
    Direction,
    EntryKind,
    EntryStatus,
    LedgerEntry,
    Organisation,
    Region,
    VolunteerProfile,
)
from volunteers.reporting.models import HoursMonth, RollupState, VolunteerYear
from volunteers.reporting.services.rollups import rollups_refresh
from volunteers.services.ledger import ledger_fact_record, ledger_fact_revoke, ledger_hours_credit
from volunteers.services.privacy import volunteer_erase

SHIFT, MENTORING, CLAIMED, COURSE = (
    EntryKind.SHIFT_HOURS.value, EntryKind.MENTORING_HOURS.value, EntryKind.CLAIMED_HOURS.value,
    EntryKind.COURSE_COMPLETED.value,
)  # fmt: skip


def month(year, number):
    return dt.date(year, number, 1)


class Book:
    """The book of the tests, written through the ledger's services. Three volunteers: Aru and Chingiz live
    in Almaty, Bolat in Astana; Steppe Care works in Almaty, Astana Care in Astana."""

    def __init__(self, *, volunteer_factory, organisation, almaty, coordinator):
        self.almaty, self.astana = almaty, Region.objects.get(iso_code="KZ-71")
        self.org1 = organisation
        self.org2 = Organisation.objects.create(
            slug="astana-care", kind="ngo", region=self.astana, name={"en": "AC"}
        )
        self.taza, self.bilim = Direction.objects.get(slug="taza-alem"), Direction.objects.get(slug="bilim")
        self.aru = volunteer_factory()
        self.bolat = volunteer_factory()
        VolunteerProfile.objects.filter(user=self.bolat).update(region=self.astana)
        self.chingiz = volunteer_factory()
        self.by = coordinator

    def hours(self, who, hours, day, source, *, kind=SHIFT, organisation=None, direction=None, region=None):
        return ledger_hours_credit(
            volunteer=who, hours=Decimal(hours), occurred_on=day, source=source, verified_by=self.by,
            kind=kind, organisation=organisation, direction=direction, region=region,
        )  # fmt: skip

    def shift(self, who, hours, day, source):
        return self.hours(
            who, hours, day, source, organisation=self.org1, direction=self.taza, region=self.almaty
        )

    def claim(self, who, hours, day, status):
        return LedgerEntry.objects.create(
            volunteer=who, kind=CLAIMED, status=status, hours=Decimal(hours), occurred_on=day,
            source=f"volunteers.claim:{who.pk}-{day}", organisation=self.org2, region=self.astana,
        )  # fmt: skip

    def course(self, who, day, source):
        return ledger_fact_record(
            volunteer=who,
            kind=COURSE,
            occurred_on=day,
            source=source,
            title={"en": "Intro"},
            direction=self.bilim,
        )

    def first_part(self):
        """What the first refresh reads."""
        self.shift(self.aru, 4, dt.date(2025, 3, 10), "events.signup:1")
        self.shift(self.bolat, 3, dt.date(2025, 3, 20), "events.signup:2")
        self.hours(self.aru, 2, dt.date(2025, 4, 5), "mentoring:1", kind=MENTORING, organisation=self.org2,
                   direction=self.bilim, region=self.astana)  # fmt: skip
        self.claim(self.chingiz, 5, dt.date(2025, 4, 12), EntryStatus.PENDING)
        self.claim(self.chingiz, 0, dt.date(2025, 4, 13), EntryStatus.REJECTED)
        self.claim(self.bolat, 6, dt.date(2025, 5, 2), EntryStatus.VERIFIED)
        self.shift(self.aru, 3, dt.date(2025, 3, 10), "events.signup:1")  # corrected: -1
        self.shift(self.bolat, 0, dt.date(2025, 3, 20), "events.signup:2")  # did not come after all: -3
        self.course(self.aru, dt.date(2025, 4, 1), "training.certificate:1")
        self.course(self.chingiz, dt.date(2025, 5, 15), "training.certificate:2")
        ledger_fact_record(volunteer=self.aru, kind=EntryKind.AWARD, occurred_on=dt.date(2025, 6, 1),
                           source="award:1", title={"en": "Thanks"})  # fmt: skip
        self.shift(self.chingiz, 2, dt.date(2024, 12, 30), "events.signup:3")

    def second_part(self):
        """What is recorded after the first refresh."""
        self.shift(self.aru, 5, dt.date(2025, 5, 3), "events.signup:4")
        self.shift(self.bolat, 3, dt.date(2025, 3, 20), "events.signup:2")  # came after all: +3
        self.hours(self.aru, 0, dt.date(2025, 4, 5), "mentoring:1", kind=MENTORING, organisation=self.org2,
                   direction=self.bilim, region=self.astana)  # fmt: skip  # the meeting did not happen: -2
        ledger_fact_revoke(source="training.certificate:2", by=self.by, reason="issued in error")

    # Counted by hand: {(month, region, organisation, direction, kind): (hours, book rows)}.
    def months_first(self):
        almaty, astana, org1, org2 = self.almaty.pk, self.astana.pk, self.org1.pk, self.org2.pk
        taza, bilim = self.taza.pk, self.bilim.pk
        return {
            (month(2025, 3), almaty, org1, taza, SHIFT): (Decimal(3), 4),  # 4 - 1 + 3 - 3
            (month(2025, 4), astana, org2, bilim, MENTORING): (Decimal(2), 1),
            (month(2025, 5), astana, org2, 0, CLAIMED): (Decimal(6), 1),  # the pending and rejected: not
            (month(2025, 4), almaty, 0, bilim, COURSE): (Decimal(0), 1),  # Aru's region: the book gives none
            (month(2025, 5), almaty, 0, bilim, COURSE): (Decimal(0), 1),
            (month(2024, 12), almaty, org1, taza, SHIFT): (Decimal(2), 1),
        }

    def months_second(self):
        almaty, astana, org1, org2 = self.almaty.pk, self.astana.pk, self.org1.pk, self.org2.pk
        taza, bilim = self.taza.pk, self.bilim.pk
        return {
            **self.months_first(),
            (month(2025, 3), almaty, org1, taza, SHIFT): (Decimal(6), 5),
            (month(2025, 4), astana, org2, bilim, MENTORING): (Decimal(0), 2),
            (month(2025, 5), almaty, org1, taza, SHIFT): (Decimal(5), 1),
            (month(2025, 5), almaty, 0, bilim, COURSE): (Decimal(0), 0),  # revoked in June: gone from May
        }

    # {(volunteer, year): (hours, months active as bits, region)}: bit m-1 is month m.
    def years_first(self):
        return {
            (self.aru.pk, 2025): (Decimal(5), 1 << 2 | 1 << 3, self.almaty.pk),  # March 3 h, April 2 h
            (self.bolat.pk, 2025): (Decimal(6), 1 << 4, self.astana.pk),  # March corrected to 0: May only
            (self.chingiz.pk, 2024): (Decimal(2), 1 << 11, self.almaty.pk),  # 2025: a course, no hours
        }

    def years_second(self):
        return {
            **self.years_first(),
            (self.aru.pk, 2025): (Decimal(8), 1 << 2 | 1 << 4, self.almaty.pk),  # April corrected to 0
            (self.bolat.pk, 2025): (Decimal(9), 1 << 2 | 1 << 4, self.astana.pk),
        }


def hours_months():
    return {
        (row.month, row.region_id, row.organisation_id, row.direction_id, row.kind): (row.hours, row.entries)
        for row in HoursMonth.objects.all()
    }


def volunteer_years():
    return {
        (row.volunteer_id, row.year): (row.hours, row.months, row.region_id)
        for row in VolunteerYear.objects.all()
    }


@pytest.fixture
def book(volunteer_factory, organisation, almaty, coordinator):
    return Book(
        volunteer_factory=volunteer_factory, organisation=organisation, almaty=almaty, coordinator=coordinator
    )


def test_the_rollups_equal_the_book_counted_by_hand_and_a_refresh_adds_only_what_is_new(book):
    book.first_part()
    first = rollups_refresh(batch=3)

    assert hours_months() == book.months_first()
    assert volunteer_years() == book.years_first()
    # 12 rows, 3 at a time; counted: 7 of hours (the pending and rejected claims are not), 2 courses (the
    # award is not).
    assert first["entries"] == 9
    assert first["batches"] == 4
    assert first["last_entry_id"] == LedgerEntry.objects.order_by("pk").last().pk

    book.second_part()
    second = rollups_refresh(batch=3)

    assert second["entries"] == 4
    assert second["batches"] == 2
    assert hours_months() == book.months_second()
    assert volunteer_years() == book.years_second()
    # Nothing new: nothing read, nothing written.
    assert rollups_refresh()["entries"] == 0
    assert hours_months() == book.months_second()


def test_a_full_rebuild_and_other_batch_sizes_give_the_same_figures(book):
    book.first_part()
    rollups_refresh(batch=1)
    book.second_part()
    rollups_refresh(batch=2)

    rebuilt = rollups_refresh(full=True)

    assert rebuilt["batches"] == 1
    assert rebuilt["entries"] == 13
    assert hours_months() == book.months_second()
    assert volunteer_years() == book.years_second()
    rollups_refresh(full=True, batch=1)
    assert volunteer_years() == book.years_second()


def test_the_command_refreshes_and_rebuilds(book, capsys):
    book.first_part()
    call_command("reporting_refresh", "--batch", "4")
    assert "9 entries counted in 3 batch(es)" in capsys.readouterr().out
    call_command("reporting_refresh", "--full")
    assert "9 entries counted in 1 batch(es)" in capsys.readouterr().out
    assert hours_months() == book.months_first()
    assert RollupState.objects.get(name="ledger").refreshed_at is not None


def test_the_scheduled_task_refreshes(book):
    from volunteers.reporting.tasks import rollups_refresh as task

    book.first_part()
    assert task.delay().get()["entries"] == 9
    assert volunteer_years() == book.years_first()


def test_erasing_a_volunteer_removes_their_years_but_not_the_sums(book):
    book.first_part()
    rollups_refresh()
    sums = hours_months()

    volunteer_erase(user=book.aru, actor=None, reason="consent_withdrawn")

    assert not VolunteerYear.objects.filter(volunteer_id=book.aru.pk).exists()
    assert hours_months() == sums
    rollups_refresh(full=True)
    assert hours_months() == sums
    assert set(volunteer_years()) == {(book.bolat.pk, 2025), (book.chingiz.pk, 2024)}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (.ci/run runs it)")
def test_two_refreshes_at_once_count_every_entry_once(book):
    book.first_part()
    book.second_part()

    results = []
    errors = _together(lambda batch: results.append(rollups_refresh(batch=batch)), [1, 2, 3, 1])

    assert errors == []
    assert sum(result["entries"] for result in results) == 13
    assert hours_months() == book.months_second()
    assert volunteer_years() == book.years_second()
