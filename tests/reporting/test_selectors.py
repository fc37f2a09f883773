# ruff: noqa: F811  (fixtures take the fixtures imported below as arguments)
"""The figures read from the rollups against the book of test_rollups counted by hand, each read one query.

After both parts of the book (see tests/reporting/test_rollups.py's Book), verified hours by month, region,
organisation, direction and kind:
    2024-12  Almaty  Steppe Care  Taza Alem  shift      2 h   (Chingiz)
    2025-03  Almaty  Steppe Care  Taza Alem  shift      6 h   (Aru 4-1, Bolat 3-3+3)
    2025-04  Astana  Astana Care  Bilim      mentoring  0 h   (Aru 2-2)
    2025-05  Astana  Astana Care  -          claimed    6 h   (Bolat; a pending and a rejected claim: not)
    2025-05  Almaty  Steppe Care  Taza Alem  shift      5 h   (Aru)
Courses completed: Aru's in April 2025 (in Almaty, where she lives); Chingiz's of May, revoked. Active in
2025: Aru (Almaty) in March and May, Bolat (Astana) in March and May; in 2024: Chingiz (Almaty) in December.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from tests.events.conftest import (  # noqa: F401  (people and organisations, as the events tests make them)
    almaty,
    coordinator,
    coordinator_factory,
    organisation,
    volunteer_factory,
)
from tests.reporting.test_rollups import CLAIMED, MENTORING, SHIFT, Book
from volunteers.reporting import selectors
from volunteers.reporting.selectors import PeriodError
from volunteers.reporting.services.rollups import rollups_refresh


@pytest.fixture
def book(volunteer_factory, organisation, almaty, coordinator):
    book = Book(
        volunteer_factory=volunteer_factory, organisation=organisation, almaty=almaty, coordinator=coordinator
    )
    book.first_part()
    rollups_refresh(batch=5)
    book.second_part()
    rollups_refresh(batch=5)
    return book


def months(year, hours_by_number):
    return [(dt.date(year, number, 1), Decimal(hours_by_number.get(number, 0))) for number in range(1, 13)]


def test_hours_by_month(book, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert selectors.hours_by_month(year=2025) == months(2025, {3: 6, 5: 11})
    with django_assert_num_queries(1):
        assert selectors.hours_by_month() == [
            (dt.date(2024, 12, 1), Decimal(2)), (dt.date(2025, 1, 1), 0), (dt.date(2025, 2, 1), 0),
            (dt.date(2025, 3, 1), Decimal(6)), (dt.date(2025, 4, 1), 0), (dt.date(2025, 5, 1), Decimal(11)),
        ]  # fmt: skip
    # The whole months the dates fall in.
    assert selectors.hours_by_month(start=dt.date(2025, 3, 15), end=dt.date(2025, 5, 10)) == [
        (dt.date(2025, 3, 1), Decimal(6)), (dt.date(2025, 4, 1), 0), (dt.date(2025, 5, 1), Decimal(11)),
    ]  # fmt: skip
    assert selectors.hours_by_month(year=2025, region=book.astana) == months(2025, {5: 6})
    assert selectors.hours_by_month(year=2023) == months(2023, {})
    assert selectors.hours_by_month(region=[]) == []


def test_hours_by_region_direction_organisation_and_kind(book, django_assert_num_queries):
    almaty, astana, org1, org2 = book.almaty.pk, book.astana.pk, book.org1.pk, book.org2.pk
    with django_assert_num_queries(1):
        assert selectors.hours_by("region", year=2025) == [(almaty, 11), (astana, 6)]
    with django_assert_num_queries(1):
        # Bilim's mentoring was corrected to nothing; the claim names no direction (0).
        assert selectors.hours_by("direction", year=2025) == [(book.taza.pk, 11), (0, 6), (book.bilim.pk, 0)]
    with django_assert_num_queries(1):
        assert selectors.hours_by("organisation") == [(org1, 13), (org2, 6)]
    with django_assert_num_queries(1):
        assert selectors.hours_by("kind") == [(SHIFT, 13), (CLAIMED, 6), (MENTORING, 0)]
    assert selectors.hours_by("organisation", region=book.almaty) == [(org1, 13)]
    assert selectors.hours_by("region", start=dt.date(2024, 12, 31), end=dt.date(2024, 12, 31)) == [
        (almaty, 2)
    ]
    with pytest.raises(ValueError, match="dimension"):
        selectors.hours_by("city")


def test_hours_total_with_every_filter(book, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert selectors.hours_total() == 19
    with django_assert_num_queries(1):
        assert selectors.hours_total(year=2025, region={book.almaty.pk, book.astana}) == 17
    assert selectors.hours_total(region=book.almaty) == 13
    assert selectors.hours_total(region=book.almaty.pk, year=2024) == 2
    assert selectors.hours_total(organisation=book.org2) == 6
    assert selectors.hours_total(direction=book.taza) == 13
    assert selectors.hours_total(direction=0) == 6
    assert selectors.hours_total(kind=CLAIMED) == 6
    assert selectors.hours_total(kind=[SHIFT, MENTORING], start=dt.date(2025, 1, 1)) == 11
    assert selectors.hours_total(end=dt.date(2025, 2, 28)) == 2
    assert selectors.hours_total(organisation=[]) == 0


def test_courses_completed(book, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert selectors.courses_completed(year=2025) == 1  # Chingiz's certificate was revoked
    assert selectors.courses_completed(region=book.almaty, direction=book.bilim) == 1
    assert selectors.courses_completed(region=book.astana) == 0
    assert selectors.courses_completed(start=dt.date(2025, 5, 1)) == 0


def test_active_volunteers(book, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert selectors.active_volunteers(2025) == 2
    with django_assert_num_queries(1):
        assert selectors.active_volunteers(2025, month=3, region=book.almaty) == 1
    assert selectors.active_volunteers(2025, month=4) == 0  # Aru's mentoring was corrected to nothing
    assert selectors.active_volunteers(2025, month=5) == 2
    assert selectors.active_volunteers(2025, region=book.astana) == 1
    assert selectors.active_volunteers(2024) == 1
    assert selectors.active_volunteers(2024, month=11) == 0
    with pytest.raises(ValueError, match="month"):
        selectors.active_volunteers(2025, month=13)


def test_active_volunteers_by_region_and_by_month(book, django_assert_num_queries):
    almaty, astana = book.almaty.pk, book.astana.pk
    with django_assert_num_queries(1):
        assert selectors.active_volunteers_by_region(2025) == {almaty: 1, astana: 1}
    with django_assert_num_queries(1):
        assert selectors.active_volunteers_by_region(2024, month=12) == {almaty: 1}
    assert selectors.active_volunteers_by_region(2025, month=4) == {}
    with django_assert_num_queries(1):
        counts = selectors.active_volunteers_by_month(2025)
    assert counts == [(dt.date(2025, number, 1), 2 if number in (3, 5) else 0) for number in range(1, 13)]
    assert selectors.active_volunteers_by_month(2025, region=[astana])[2] == (dt.date(2025, 3, 1), 1)


def test_a_period_that_ends_before_it_starts_is_refused(book):
    with pytest.raises(ValueError) as refused:
        selectors.hours_total(start=dt.date(2025, 5, 1), end=dt.date(2025, 4, 30))
    assert isinstance(refused.value, PeriodError)
    assert refused.value.code == "period_reversed"
    with translation.override("en"):
        assert str(refused.value.message) == "The period ends before it starts."
    with pytest.raises(PeriodError) as refused:
        selectors.hours_by_month(year=2025, start=dt.date(2025, 1, 1))
    assert refused.value.code == "period_twice"
    # One day is a period.
    assert selectors.hours_total(start=dt.date(2025, 5, 2), end=dt.date(2025, 5, 2)) == 11
