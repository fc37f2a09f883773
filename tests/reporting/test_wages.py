"""The table of average wages: what the seed loads (and never overwrites), and the admins' screens for it and
for the analysts' scopes (validation said next to the field, never a server error)."""

import csv
from decimal import Decimal

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.utils import timezone

from volunteers.models import AuditEntry, Region, User
from volunteers.reporting.models import AnalystScope, RegionWage
from volunteers.reporting.wages import HOURS_PER_MONTH, WAGES_CSV, wages_ensure

pytestmark = pytest.mark.django_db


def _csv_rows():
    with WAGES_CSV.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def empty_table(seeded):
    RegionWage.objects.all().delete()  # whatever the base state holds: these tests count from nothing


# --- Loading -----------------------------------------------------------------------------------------------


def test_every_row_of_the_csv_names_its_source_and_a_known_region(seeded):
    rows = _csv_rows()
    regions = set(Region.objects.values_list("iso_code", flat=True))
    keys = [(row["region_iso"], row["year"]) for row in rows]
    assert len(keys) == len(set(keys))
    for row in rows:
        assert row["region_iso"] == "" or row["region_iso"] in regions
        assert 2000 <= int(row["year"]) <= timezone.localdate().year
        assert Decimal(row["monthly_wage"]) > 0
        assert row["source"] and row["source_url"].startswith("https://")
        assert len(row["source"]) <= 300 and len(row["source_url"]) <= 300
    # The Republic for 2021-2023 as the Bureau published them (2023 publication, "Wages in the Republic").
    national = {row["year"]: row["monthly_wage"] for row in rows if row["region_iso"] == ""}
    assert (national["2021"], national["2022"], national["2023"]) == ("250311", "309697", "364295")


def test_the_seed_loads_the_table_once(empty_table):
    rows = _csv_rows()
    assert wages_ensure() == len(rows)
    assert RegionWage.objects.count() == len(rows)
    assert wages_ensure() == 0  # again: nothing to add
    assert RegionWage.objects.count() == len(rows)

    republic = RegionWage.objects.get(region=None, year=2023)
    assert (republic.monthly_wage, republic.hours_per_month) == (Decimal("364295"), HOURS_PER_MONTH)
    assert "stat.gov.kz" in republic.source_url
    atyrau = RegionWage.objects.get(region__iso_code="KZ-23", year=2022)
    assert atyrau.monthly_wage == Decimal("523210")
    assert atyrau.hourly_wage == Decimal("3138.63")  # 523 210 / 166.7, by hand


def test_the_seed_never_overwrites_an_admins_edit_and_adds_what_is_missing(empty_table):
    wages_ensure()
    edited = RegionWage.objects.get(region=None, year=2023)
    edited.monthly_wage, edited.hours_per_month, edited.source = Decimal("365000"), Decimal("160"), "Revised"
    edited.save()
    RegionWage.objects.filter(region__iso_code="KZ-75", year=2022).delete()

    assert wages_ensure() == 1  # the deleted row comes back; the edited one stays as the admin left it
    edited.refresh_from_db()
    assert (edited.monthly_wage, edited.hours_per_month, edited.source) == (Decimal("365000"), 160, "Revised")
    assert RegionWage.objects.filter(region__iso_code="KZ-75", year=2022).exists()


def test_rows_of_regions_not_loaded_are_skipped(empty_table, tmp_path):
    path = tmp_path / "wages.csv"
    path.write_text(
        "region_iso,year,monthly_wage,source,source_url\n"
        "KZ-99,2023,1000,Nowhere,https://example.kz/\n"
        "KZ-75,2023,400000,Test,https://example.kz/\n",
        encoding="utf-8",
    )
    assert wages_ensure(path=path) == 1
    assert list(RegionWage.objects.values_list("region__iso_code", "year")) == [("KZ-75", 2023)]


# --- The admins' screens -----------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client, seeded):
    admin = User.objects.create_superuser(email="root@example.kz", password="x-long-password-1")
    TOTP.activate(admin, generate_totp_secret())
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(admin)
    return client


@pytest.fixture
def almaty(seeded):
    return Region.objects.get(iso_code="KZ-75")


def _wage(region="", year=2023, wage="400000", hours="166.7", source="Bureau of National Statistics"):
    return {"region": region, "year": year, "monthly_wage": wage, "hours_per_month": hours, "source": source,
            "source_url": "https://stat.gov.kz/"}  # fmt: skip


def test_the_admin_lists_the_wages_with_the_hourly_wage(admin_client, empty_table, almaty):
    RegionWage.objects.create(region=almaty, year=2023, monthly_wage=Decimal("250050"), source="Test source")
    RegionWage.objects.create(region=None, year=2023, monthly_wage=Decimal("166700"), source="Republic")
    page = admin_client.get("/admin/volunteers/wages/").content.decode()
    assert "1500.00" in page and "1000.00" in page  # 250 050 / 166.7 and 166 700 / 166.7
    assert "Test source" in page and "Republic of Kazakhstan" in page
    assert "/admin/volunteers/wages/" in admin_client.get("/admin/").content.decode()


def test_the_admin_adds_and_edits_a_wage(admin_client, empty_table, almaty):
    response = admin_client.post("/admin/volunteers/wages/new/", _wage(region=almaty.pk))
    assert response.status_code == 302
    wage = RegionWage.objects.get(region=almaty, year=2023)
    response = admin_client.post(
        f"/admin/volunteers/wages/edit/{wage.pk}/", _wage(region=almaty.pk, wage="410000")
    )
    assert response.status_code == 302
    wage.refresh_from_db()
    assert wage.monthly_wage == Decimal("410000")


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"wage": "0"}, "monthly_wage", "more than zero"),
        ({"wage": "-5"}, "monthly_wage", "more than zero"),
        ({"year": 1999}, "year", "Enter a year from 2000"),
        ({"year": timezone.localdate().year + 1}, "year", "Enter a year from 2000"),
        ({"hours": "0"}, "hours_per_month", "more than 0"),
    ],
)
def test_the_admin_refuses_a_bad_wage_next_to_the_field(admin_client, empty_table, data, field, message):
    response = admin_client.post("/admin/volunteers/wages/new/", _wage(**data))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not RegionWage.objects.exists()


@pytest.mark.parametrize("national", [True, False])
def test_one_row_per_region_and_year(admin_client, empty_table, almaty, national):
    region = None if national else almaty
    RegionWage.objects.create(region=region, year=2023, monthly_wage=Decimal("300000"), source="First")
    response = admin_client.post("/admin/volunteers/wages/new/", _wage(region="" if national else almaty.pk))
    assert response.status_code == 200
    assert "already has the wage" in " ".join(response.context["form"].errors["year"])
    assert RegionWage.objects.count() == 1
    # Another year of the same region is a row of its own.
    other_year = _wage(region=region.pk if region else "", year=2022)
    assert admin_client.post("/admin/volunteers/wages/new/", other_year).status_code == 302


def test_an_editor_is_refused_the_wages_and_the_scopes(client, user_factory, seeded):
    editor = user_factory(email="editor@example.kz")
    editor.groups.add(Group.objects.get(name="Editors"))
    TOTP.activate(editor, generate_totp_secret())
    client.force_login(editor)
    for url in (
        "/admin/volunteers/wages/",
        "/admin/volunteers/wages/new/",
        "/admin/volunteers/analyst-scopes/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "/admin/volunteers/" not in response.get("Location", "")
    assert client.post("/admin/volunteers/wages/new/", _wage()).status_code in (302, 403)
    assert not RegionWage.objects.filter(source="Bureau of National Statistics").exists()


def test_the_admin_gives_an_analyst_a_region_and_it_is_audited(admin_client, user_factory, almaty):
    analyst = user_factory(email="analyst@example.kz")
    analyst.groups.add(Group.objects.get_or_create(name="Analysts")[0])
    volunteer = user_factory(email="volunteer@example.kz")

    response = admin_client.post(
        "/admin/volunteers/analyst-scopes/new/", {"user": volunteer.email, "region": ""}
    )
    assert response.status_code == 200
    assert "not an analyst" in " ".join(response.context["form"].errors["user"])

    response = admin_client.post("/admin/volunteers/analyst-scopes/new/",
                                 {"user": "Analyst@Example.kz ", "region": almaty.pk})  # fmt: skip
    assert response.status_code == 302
    assert AnalystScope.objects.get(user=analyst).region == almaty
    entry = AuditEntry.objects.get(action="reporting.analyst_scope.created")
    assert (entry.subject, entry.data) == (analyst, {"region": almaty.pk})

    response = admin_client.post(
        "/admin/volunteers/analyst-scopes/new/", {"user": analyst.email, "region": ""}
    )
    assert "already has a scope" in " ".join(response.context["form"].errors["user"])

    response = admin_client.post(f"/admin/volunteers/analyst-scopes/edit/{analyst.pk}/", {"region": ""})
    assert response.status_code == 302
    assert AnalystScope.objects.get(user=analyst).region is None
    entry = AuditEntry.objects.get(action="reporting.analyst_scope.changed")
    assert entry.data == {"before": almaty.pk, "after": None}
    assert admin_client.get("/admin/volunteers/analyst-scopes/").status_code == 200
