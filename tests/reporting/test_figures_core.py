# ruff: noqa: F811  (fixtures take the fixtures imported below as arguments)
"""What a figure is and how it is asked for: FigureQuery, the registry, the forms' refusals (next to their
fields, in the reader's language), and the hours and value sections against the book of test_rollups counted
by hand (see test_selectors' docstring for the book)."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.utils import translation

from tests.reporting.test_selectors import book  # noqa: F401  (the book counted by hand)
from volunteers.models import Region
from volunteers.reporting import figures
from volunteers.reporting.figures import Chart, FigureQuery, Headline, Section, Table, Unit
from volunteers.reporting.forms import FiguresForm, ReportForm, area_choices, area_value
from volunteers.reporting.models import RegionWage
from volunteers.reporting.permissions import NATIONAL, FiguresScope
from volunteers.reporting.providers import hours_section, value_section

pytestmark = pytest.mark.django_db
TODAY = dt.datetime(2026, 6, 10, 9, tzinfo=dt.UTC)


# --- FigureQuery and the registry ---------------------------------------------------------------------------


def test_a_query_is_whole_months_of_one_area():
    query = FigureQuery.months(dt.date(2025, 3, 15), dt.date(2025, 2, 10) + dt.timedelta(days=40))
    assert (query.start, query.end) == (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert FigureQuery.year(2024).whole_year == 2024
    assert query.whole_year is None
    assert FigureQuery.months(dt.date(2024, 2, 1), dt.date(2024, 2, 1)).end == dt.date(2024, 2, 29)
    assert list(FigureQuery(dt.date(2023, 5, 1), dt.date(2025, 1, 31)).years) == [2023, 2024, 2025]
    with pytest.raises(ValueError):
        FigureQuery(dt.date(2025, 1, 1), dt.date(2024, 1, 1))
    with pytest.raises(ValueError):
        FigureQuery.year(2025, region_id=1, organisation_id=2)
    regional = FigureQuery.year(2025, region_id=7)
    assert regional.rollup_filters() == {
        "start": dt.date(2025, 1, 1),
        "end": dt.date(2025, 12, 31),
        "region": 7,
    }
    assert regional.area_filters() == {"region": 7}
    assert not regional.national and FigureQuery.year(2025).national
    assert len({FigureQuery.year(2025).key, regional.key, FigureQuery.year(2025, organisation_id=7).key}) == 3


@time_machine.travel(TODAY, tick=False)
def test_people_are_counted_on_the_periods_last_day_or_today():
    assert FigureQuery.year(2025).on == dt.date(2025, 12, 31)
    assert FigureQuery.year(2026).on == dt.date(2026, 6, 10)


def test_a_table_has_one_heading_per_cell():
    with pytest.raises(ValueError):
        Table(key="t", title="T", columns=("A", "B", "C"), rows=(), units=(Unit.HOURS,))
    with pytest.raises(ValueError):
        Table(key="t", title="T", columns=("A", "B"), rows=(("x", 1, 2),))
    assert Table(key="t", title="T", columns=("A", "B"), rows=(("x", 0),)).empty
    assert not Table(key="t", title="T", columns=("A", "B"), rows=(("x", 0), ("y", 3))).empty


def test_the_registry_orders_sections_and_registers_a_provider_once(monkeypatch):
    monkeypatch.setattr(figures, "_providers", {})

    def second(query):
        return Section(key="second", title="Second", order=2, headlines=(Headline("b", "B", 2),))

    def first(query):
        return Section(key="first", title="First", order=1, tables=(
            Table(key="t", title="T", columns=("A", "B"), rows=(("x", 1),), chart=Chart.NONE),
        ))  # fmt: skip

    figures.figures_provider(2)(second)
    figures.figures_provider(1)(first)
    figures.figures_provider(1)(first)  # imported twice
    found = figures.sections(FigureQuery.year(2025))
    assert [section.key for section in found] == ["first", "second"]
    assert figures.find(found, "b").value == 2
    assert figures.find(found, "t").rows == (("x", 1),)
    assert figures.find(found, "nothing") is None


def test_the_dashboard_is_cached_per_language_and_area(monkeypatch):
    calls = []

    def counted(query):
        calls.append((translation.get_language(), query.key))
        return Section(key="s", title=str(translation.get_language()))

    monkeypatch.setattr(figures, "_providers", {"counted": (1, counted)})
    query = FigureQuery.year(2025)
    with translation.override("ru"):
        assert figures.dashboard(query)[0].title == "ru"
        figures.dashboard(query)
    with translation.override("kk"):
        assert figures.dashboard(query)[0].title == "kk"
        figures.dashboard(FigureQuery.year(2025, region_id=3))
    assert len(calls) == 3


# --- The dashboard's question ------------------------------------------------------------------------------


@pytest.fixture
def almaty_id(seeded):
    return Region.objects.get(iso_code="KZ-75").pk


@pytest.fixture
def astana_id(seeded):
    return Region.objects.get(iso_code="KZ-71").pk


def form(scope, **data):
    return FiguresForm(scope, data)


@time_machine.travel(TODAY, tick=False)
def test_left_empty_the_period_is_this_year_up_to_this_month(seeded):
    valid = form(NATIONAL)
    assert valid.is_valid(), valid.errors
    query = valid.query()
    assert (query.start, query.end, query.region_id) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30), None)
    # A past year's start alone: that whole year.
    valid = form(NATIONAL, start="2024-03")
    assert valid.is_valid()
    assert (valid.query().start, valid.query().end) == (dt.date(2024, 3, 1), dt.date(2024, 12, 31))
    # Typed by hand as the Kazakh and Russian habit writes it.
    valid = form(NATIONAL, start="03.2025", end="5/2025")
    assert valid.is_valid()
    assert (valid.query().start, valid.query().end) == (dt.date(2025, 3, 1), dt.date(2025, 5, 31))


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    ("language", "reversed_words", "future_words", "month_words"),
    [
        ("en", "The period ends before it starts", "starts after this month", "Enter a month as YYYY-MM"),
        ("ru", "Период заканчивается раньше, чем начинается", "начинается после этого месяца",
         "Укажите месяц в виде ГГГГ-ММ"),
    ],
)  # fmt: skip
def test_a_bad_period_is_refused_next_to_its_field(
    seeded, language, reversed_words, future_words, month_words
):
    with translation.override(language):
        refused = form(NATIONAL, start="2025-05", end="2025-03")
        assert not refused.is_valid()
        assert reversed_words in refused.errors["end"][0]
        refused = form(NATIONAL, start="2026-07")
        assert not refused.is_valid()
        assert future_words in refused.errors["start"][0]
        for garbage in ("2025-13", "last year", "1999-01", "2025-00"):
            refused = form(NATIONAL, start=garbage)
            assert not refused.is_valid()
            assert month_words in refused.errors["start"][0]


@time_machine.travel(TODAY, tick=False)
def test_an_area_the_reader_may_not_see_is_refused_next_to_it(seeded, almaty_id, astana_id, organisation):
    almaty_reader = FiguresScope(region_ids=frozenset({almaty_id}))
    with translation.override("en"):
        for area, words in (
            (area_value(region_id=astana_id), "You may not read the figures of this region"),
            ("kz", "not the whole country's"),
            ("region:999999", "There is no such region or organisation"),
            ("region:abc", "There is no such region or organisation"),
            ("<script>", "There is no such region or organisation"),
        ):
            refused = form(almaty_reader, area=area)
            assert not refused.is_valid()
            assert words in refused.errors["area"][0]
        # Their region, and an organisation in it, are theirs.
        assert form(almaty_reader, area=area_value(region_id=almaty_id)).is_valid()
        assert form(almaty_reader, area=area_value(organisation_id=organisation.pk)).is_valid()
        ngo_reader = FiguresScope(organisation_ids=frozenset({organisation.pk}))
        refused = form(ngo_reader, area=area_value(region_id=almaty_id))
        assert "You may not read the figures of this region" in refused.errors["area"][0]
        theirs = form(ngo_reader)
        assert theirs.is_valid()
        assert theirs.query().organisation_id == organisation.pk  # their first organisation


def test_the_areas_offered_are_the_readers(seeded, almaty_id, organisation):
    national = area_choices(NATIONAL)
    assert national[0][0] == "kz"
    assert len(national[1][1]) == 20  # every region
    assert len(national) == 2  # a national reader picks regions, not organisations
    regional = area_choices(FiguresScope(region_ids=frozenset({almaty_id})))
    assert [value for value, _label in regional[0][1]] == [area_value(region_id=almaty_id)]
    organisations = [value for value, _label in regional[1][1]]
    assert area_value(organisation_id=organisation.pk) in organisations
    assert area_choices(FiguresScope()) == []


# --- The report's question ---------------------------------------------------------------------------------


@time_machine.travel(TODAY, tick=False)
def test_a_report_of_a_year_that_has_not_begun_is_refused(seeded, almaty_id, astana_id, organisation):
    with translation.override("en"):
        refused = ReportForm(NATIONAL, {"area": "kz", "year": 2027, "language": "kk"})
        assert not refused.is_valid()
        assert "2027 has not begun" in refused.errors["year"][0]
        assert ReportForm(NATIONAL, {"area": "kz", "year": 2026, "language": "kk"}).is_valid()
        regional = FiguresScope(
            region_ids=frozenset({almaty_id}), organisation_ids=frozenset({organisation.pk})
        )
        for area, words in (
            ("kz", "Only national analysts may prepare the national summary"),
            (area_value(region_id=astana_id), "You may not prepare the report of this region"),
            (
                area_value(organisation_id=organisation.pk),
                "Annual reports are of a region or the whole country",
            ),
        ):
            refused = ReportForm(regional, {"area": area, "year": 2025, "language": "ru"})
            assert not refused.is_valid()
            assert words in refused.errors["area"][0]
        valid = ReportForm(
            regional, {"area": area_value(region_id=almaty_id), "year": 2025, "language": "ru"}
        )
        assert valid.is_valid()
        assert valid.cleaned_data["region_id"] == almaty_id


# --- The hours and their value, counted by hand ------------------------------------------------------------


def test_the_hours_section_equals_the_book(book, django_assert_num_queries):
    with translation.override("en"), django_assert_num_queries(8):
        section = hours_section(FigureQuery.year(2025))
    headline = {item.key: item for item in section.headlines}
    assert headline["hours_total"].value == Decimal(17)
    tables = {table.key: table for table in section.tables}
    by_month = dict(tables["hours_by_month"].rows)
    assert len(by_month) == 12
    assert (by_month["March 2025"], by_month["May 2025"], by_month["April 2025"]) == (6, 11, 0)
    assert tables["hours_by_month"].chart == Chart.COLUMNS
    assert dict(tables["hours_by_region"].rows) == {"Almaty": 11, "Astana": 6}
    with translation.override("en"):
        taza, bilim = str(book.taza), str(book.bilim)
    assert dict(tables["hours_by_direction"].rows) == {taza: 11, "Not given": 6, bilim: 0}
    assert dict(tables["hours_by_kind"].rows) == {
        "Hours at an event": 11, "Hours outside the platform": 6, "Hours of mentoring": 0,
    }  # fmt: skip
    kinds = dict(tables["hours_by_organisation_kind"].rows)
    assert sum(kinds.values()) == 17


def test_the_hours_section_of_a_region_and_of_an_organisation(book):
    with translation.override("en"):
        regional = hours_section(FigureQuery.year(2025, region_id=book.astana.pk))
        of_organisation = hours_section(FigureQuery.year(2025, organisation_id=book.org1.pk))
    assert regional.headlines[0].value == 6
    assert "hours_by_region" not in {table.key for table in regional.tables}
    assert of_organisation.headlines[0].value == 11
    assert {table.key for table in of_organisation.tables} == {"hours_by_month", "hours_by_direction",
                                                              "hours_by_kind"}  # fmt: skip


def test_the_value_section_is_each_regions_hours_at_its_wage(book, django_assert_num_queries):
    with translation.override("en"), django_assert_num_queries(3):
        section = value_section(FigureQuery.year(2025))
    # No wage of 2025 yet: each region's latest (2022), the table's own figures.
    almaty_wage = RegionWage.objects.get(region=book.almaty, year=2022).hourly_wage
    astana_wage = RegionWage.objects.get(region=book.astana, year=2022).hourly_wage
    expected = (11 * almaty_wage).quantize(Decimal("0.01")) + (6 * astana_wage).quantize(Decimal("0.01"))
    assert section.headlines[0].value == expected
    rows = {row[0]: row[1:] for row in section.tables[0].rows}
    assert rows["Almaty, 2025"] == ((11 * almaty_wage).quantize(Decimal("0.01")), 11, almaty_wage)
    assert any("Almaty, 2025: valued at the region's average of 2022" in note for note in section.notes)
    regional = value_section(FigureQuery.year(2025, region_id=book.astana.pk))
    assert regional.headlines[0].value == (6 * astana_wage).quantize(Decimal("0.01"))


@time_machine.travel(TODAY, tick=False)
def test_the_beat_warms_this_years_dashboards_in_every_language(monkeypatch, seeded):
    calls = []

    def counted(query):
        calls.append((translation.get_language(), query.key))
        return Section(key="s", title=str(translation.get_language()))

    monkeypatch.setattr(figures, "_providers", {"counted": (1, counted)})
    queries = figures.default_queries()
    assert len(queries) == 21  # the country and the 20 regions
    assert (queries[0].start, queries[0].end, queries[0].national) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 6, 30),
        True,
    )
    from volunteers.reporting.tasks import figures_warm

    assert figures_warm() == 63
    assert len(calls) == 63
    # A reader of any of them now computes nothing: the default dashboard's query is among them.
    valid = FiguresForm(NATIONAL, {})
    assert valid.is_valid()
    for language in ("kk", "ru", "en"):
        with translation.override(language):
            as_of, found = figures.dashboard_with_time(valid.query())
            assert found[0].title == language
    assert len(calls) == 63


def test_numbers_read_the_same_from_either_database():
    headline = Headline("h", "H", Decimal("9.50"))
    assert str(headline.value) == "9.5"
    table = Table(
        key="t", title="T", columns=("A", "B"), rows=(("x", Decimal("100.00")), ("y", Decimal("0.10")))
    )
    assert [str(row[1]) for row in table.rows] == ["100", "0.1"]
    assert Headline("n", "N", None).value is None and Headline("c", "C", 3).value == 3


@time_machine.travel(TODAY, tick=False)
def test_the_warming_counts_once_a_query_and_labels_in_each_language(monkeypatch, seeded):
    counted, labelled = [], []

    def provider(query):
        count = figures.shared(f"count:{query.key}", lambda: counted.append(query.key) or len(counted))
        labelled.append(translation.get_language())
        return Section(key="s", title=str(translation.get_language()), headlines=(Headline("n", "N", count),))

    monkeypatch.setattr(figures, "_providers", {"provider": (1, provider)})
    queries = [FigureQuery.year(2025), FigureQuery.year(2025, region_id=1)]
    assert figures.dashboard_warm(queries) == 6
    assert len(counted) == 2 and sorted(labelled) == ["en", "en", "kk", "kk", "ru", "ru"]
    # Outside the warming (a reader's request, a report) every call counts afresh.
    provider(queries[0])
    provider(queries[0])
    assert len(counted) == 4
