"""The value of volunteer time (ILO replacement cost): hours × the hourly wage of the region and year, with
the fallbacks, on a wage table made by hand and on the seeded one."""

from decimal import Decimal

import pytest

from volunteers.models import Region
from volunteers.reporting.models import RegionWage
from volunteers.reporting.services.value import WageTable, economic_value, hourly_wage
from volunteers.reporting.wages import wages_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions(seeded):
    return {iso: Region.objects.get(iso_code=iso).pk for iso in ("KZ-75", "KZ-71", "KZ-23")}


@pytest.fixture
def table(regions):
    """Wages chosen so that the hourly wages are round (166.7 hours a month): the Republic 1000 tenge an hour
    in 2022 and 2000 in 2023, Almaty 1500 in 2022, Astana 1200 in 2021; nothing for Atyrau."""
    RegionWage.objects.all().delete()
    for region, year, monthly in [
        (None, 2022, "166700"),
        (None, 2023, "333400"),
        (regions["KZ-75"], 2022, "250050"),
        (regions["KZ-71"], 2021, "200040"),
    ]:
        RegionWage.objects.create(region_id=region, year=year, monthly_wage=Decimal(monthly), source="test")
    return regions


def test_the_hourly_wage_and_its_fallbacks(table):
    almaty, astana, atyrau = table["KZ-75"], table["KZ-71"], table["KZ-23"]
    assert hourly_wage(almaty, 2022) == Decimal("1500.00")  # the region's own
    assert hourly_wage(almaty, 2023) == Decimal("2000.00")  # the Republic's of the year
    assert hourly_wage(astana, 2022) == Decimal("1000.00")  # the Republic's of the year, before Astana's 2021
    assert hourly_wage(almaty, 2024) == Decimal("1500.00")  # no 2024 at all: Almaty's latest, 2022
    assert hourly_wage(astana, 2024) == Decimal("1200.00")  # Astana's latest, 2021
    assert hourly_wage(atyrau, 2024) == Decimal("2000.00")  # nothing of Atyrau: the Republic's latest
    assert hourly_wage(None, 2022) == hourly_wage(0, 2022) == Decimal("1000.00")  # no region
    assert hourly_wage(almaty, 2020) is None  # nothing this early


def test_the_value_of_hours_equals_a_sum_made_by_hand(table, django_assert_num_queries):
    almaty, atyrau = table["KZ-75"], table["KZ-23"]
    hours = [
        (almaty, 2022, Decimal("10")),
        (almaty, 2022, "2.5"),  # the same region and year again: added up
        (almaty, 2023, 4),
        (almaty, 2024, Decimal("2")),
        (atyrau, 2024, Decimal("1")),
        (0, 2022, Decimal("5")),
        (almaty, 2019, Decimal("7")),  # no wage at all
    ]
    with django_assert_num_queries(1):
        value = economic_value(hours)

    # 12.5 h × 1500 + 4 h × 2000 + 2 h × 1500 (Almaty) + 1 h × 2000 (Atyrau) + 5 h × 1000 (no region)
    assert value["total"] == Decimal("18750") + 8000 + 3000 + 2000 + 5000 == Decimal("36750.00")
    assert value["hours"] == Decimal("31.5")
    assert value["by_region"] == {
        almaty: Decimal("29750.00"),
        atyrau: Decimal("2000.00"),
        0: Decimal("5000.00"),
    }
    assert value["by_year"] == {2022: Decimal("23750.00"), 2023: Decimal("8000.00"), 2024: Decimal("5000.00")}
    fallbacks = {(row["region_id"], row["year"]): row["fallback"] for row in value["rows"]}
    assert fallbacks == {
        (almaty, 2019): "missing",
        (almaty, 2022): "",
        (0, 2022): "",
        (almaty, 2023): "national",
        (almaty, 2024): "region_earlier",
        (atyrau, 2024): "national_earlier",
    }
    assert {(row["region_id"], row["year"]) for row in value["fallbacks"]} == {
        (almaty, 2019),
        (almaty, 2023),
        (almaty, 2024),
        (atyrau, 2024),
    }
    keys = [(row["year"], row["region_id"]) for row in value["rows"]]
    assert keys == sorted(keys)
    assert value["missing"] == [
        {"region_id": almaty, "year": 2019, "hours": Decimal("7"), "hourly_wage": None, "value": None,
         "wage_region_id": None, "wage_year": None, "fallback": "missing"}
    ]  # fmt: skip
    row = next(row for row in value["rows"] if row["fallback"] == "region_earlier")
    assert (row["wage_region_id"], row["wage_year"], row["value"]) == (almaty, 2022, Decimal("3000.00"))


def test_a_wage_table_loaded_once_serves_many_calls(table, django_assert_num_queries):
    wages = WageTable.load()
    with django_assert_num_queries(0):
        first = economic_value([(table["KZ-75"], 2022, 1)], wages=wages)
        second = economic_value([(table["KZ-71"], 2021, 1)], wages=wages)
    assert (first["total"], second["total"]) == (Decimal("1500.00"), Decimal("1200.00"))


def test_no_hours_are_worth_nothing(table):
    value = economic_value([])
    assert (value["total"], value["hours"], value["rows"], value["by_region"]) == (0, 0, [], {})


def test_the_seeded_table_values_an_hour_by_hand(regions):
    RegionWage.objects.all().delete()
    wages_ensure()
    # 364 295 tenge a month in 2023 (the Republic) / 166.7 hours = 2185.3329... → 2185.33 an hour.
    assert hourly_wage(None, 2023) == Decimal("2185.33")
    # Atyrau 2022: 523 210 / 166.7 = 3138.6323... → 3138.63; Atyrau 2023 is not in the table: the Republic's.
    assert hourly_wage(regions["KZ-23"], 2022) == Decimal("3138.63")
    assert hourly_wage(regions["KZ-23"], 2023) == Decimal("2185.33")
    value = economic_value([(regions["KZ-23"], 2022, 10), (regions["KZ-23"], 2023, 10)])
    assert value["total"] == Decimal("31386.30") + Decimal("21853.30")
    assert [row["fallback"] for row in value["rows"]] == ["", "national"]
