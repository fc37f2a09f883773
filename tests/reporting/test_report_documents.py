"""The annual report's files drawn from a content made by hand: the workbook read back with openpyxl (sheets,
numbers as numbers with their formats, bold headings, frozen titles, formula-looking labels made harmless),
the PDF read with pdftotext (Kazakh and Russian letters print, page numbers, the heading row repeated on every
page a long table runs over). No database: the documents draw what they are given."""

import io
import subprocess
from decimal import Decimal

import openpyxl
import pytest
from django.utils import translation

from tests.conftest import _require_binary
from volunteers.reporting.documents import (
    MeasureFigures,
    ReportContent,
    number_text,
    report_pdf,
    report_xlsx,
    sheet_title,
)
from volunteers.reporting.figures import Headline, Section, Table, Unit


def content(*, title="Annual report on volunteering: Almaty, 2025", language="en", rows=None, label="Almaty"):
    hours = Headline("hours_total", "Verified hours", Decimal("1234.5"), Unit.HOURS)
    value = Headline("economic_value", "Economic value", Decimal("1234567.89"), Unit.TENGE, note="ILO method")
    by_region = Table(
        key="value_by_region",
        title="Economic value by region and year",
        columns=("Region and year", "Value, tenge", "Hours", "Fill rate"),
        rows=tuple(
            rows or ((label, Decimal("6500.00"), Decimal("6.5"), Decimal("75.0")), ("=cmd", 0, 0, None))
        ),
        units=(Unit.TENGE, Unit.HOURS, Unit.PERCENT),
        note="Hours × wage.",
    )
    empty = Table(key="nothing", title="Events by month", columns=("Month", "Events"), rows=())
    return ReportContent(
        title=title,
        language=language,
        facts=(("Area", label), ("Due by", "Jan. 25, 2026")),
        measures=(
            MeasureFigures(
                "3", "Measure the contribution of volunteering to the economy", (hours, value, by_region)
            ),
            MeasureFigures("12", "A social worker working with two volunteers"),
        ),
        sections=(
            Section(key="hours", title="Hours", headlines=(hours,), tables=(by_region, empty)),
            Section(key="value", title="Hours", headlines=(value,), notes=("A note under the section.",)),
        ),
    )


def workbook(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def rows_of(sheet) -> list[tuple]:
    return [tuple(cell for cell in row if cell is not None) for row in sheet.iter_rows(values_only=True)]


def pdf_text(data: bytes, *args) -> str:
    _require_binary("pdftotext", "poppler-utils")
    result = subprocess.run(  # noqa: S603
        ["/usr/bin/pdftotext", "-layout", *args, "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode()


def test_the_workbook_lists_the_measures_first_then_a_sheet_per_section():
    with translation.override("en"):
        book = workbook(report_xlsx(content()))
    # Two sections with one title: the second sheet's name is made unique.
    assert book.sheetnames == ["Measures", "Hours", "Hours (2)"]
    measures = rows_of(book["Measures"])
    assert measures[0] == ("Measures",)
    assert measures[1] == ("Annual report on volunteering: Almaty, 2025",)
    assert ("Area", "Almaty") in measures
    assert ("Roadmap items: 3. Measure the contribution of volunteering to the economy",) in measures
    assert ("Verified hours", 1234.5) in measures
    assert ("Economic value", 1234567.89) in measures
    assert ("Roadmap items: 12. A social worker working with two volunteers",) in measures
    assert ("The platform holds no figure for this measure.",) in measures
    hours = rows_of(book["Hours"])
    assert ("Region and year", "Value, tenge", "Hours", "Fill rate") in hours
    assert ("Almaty", 6500, 6.5, 75) in hours
    # A label that a spreadsheet would run as a formula is text; no figure is a dash.
    assert ("'=cmd", 0, 0, "—") in hours
    assert ("Events by month",) in hours and ("No figures for this period.",) in hours
    assert ("A note under the section.",) in rows_of(book["Hours (2)"])


def test_the_workbook_keeps_numbers_as_numbers_with_formats_bold_headings_and_frozen_titles():
    with translation.override("en"):
        sheet = workbook(report_xlsx(content()))["Hours"]
    assert sheet.freeze_panes == "A3"
    assert sheet["A1"].font.b
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert cells["Region and year"].font.b and cells["Value, tenge"].font.b
    row = next(row for row in sheet.iter_rows() if row[0].value == "Almaty")
    assert [cell.number_format for cell in row[1:4]] == ["#,##0", "#,##0.0", '0.0"%"']
    assert all(isinstance(cell.value, int | float) for cell in row[1:4])
    assert sheet.column_dimensions["A"].width > sheet.column_dimensions["B"].width


def test_sheet_names_are_short_clean_and_unique():
    taken = set()
    assert sheet_title("Volunteers: by region / age [2025]?", taken) == "Volunteers by region  age 2025"
    long = "Ерікті волонтерлердің экономикалық құны және сағаттары"
    first, second = sheet_title(long, taken), sheet_title(long, taken)
    assert len(first) == len(second) == 31 and first != second and second.endswith(" (2)")


def test_numbers_are_written_in_the_language_of_the_report():
    with translation.override("en"):
        assert number_text(Decimal("1234.5"), Unit.HOURS) == "1,234.5"
        assert number_text(Decimal("12.00"), Unit.HOURS) == "12"
        assert number_text(Decimal("1234567.89"), Unit.TENGE, symbol=True) == "1,234,568\u00a0₸"
        assert number_text(Decimal("75.0"), Unit.PERCENT) == "75.0%"
        assert number_text(None, Unit.COUNT) == "—"
    with translation.override("ru"):
        assert number_text(Decimal("1234.5"), Unit.HOURS) == "1\u00a0234,5"
    with translation.override("kk"):
        assert number_text(12000, Unit.PEOPLE) == "12\u00a0000"


def test_the_pdf_prints_kazakh_and_russian_letters_and_numbers_its_pages():
    kazakh = content(
        title="Волонтерлік туралы жылдық есеп: Алматы, 2025", language="kk", label="Қарағанды облысы"
    )
    with translation.override("kk"):
        data = report_pdf(kazakh)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "Волонтерлік туралы жылдық есеп: Алматы, 2025" in text
    assert "Қарағанды облысы" in text
    assert "Біргеміз" in text  # the platform's name from the kk catalogue
    with translation.override("ru"):
        russian = pdf_text(
            report_pdf(content(title="Годовой отчёт о волонтёрстве: Алматы, 2025", language="ru"))
        )
    assert "Годовой отчёт о волонтёрстве: Алматы, 2025" in russian
    with translation.override("en"):
        english = pdf_text(report_pdf(content()))
    assert "Verified hours: 1,234.5" in english
    assert "Economic value: 1,234,568 ₸" in english
    assert "The platform holds no figure for this measure." in english
    pages = english.count("\f")
    assert pages >= 2 and f"Page 1 of {pages}" in english and f"Page {pages} of {pages}" in english


def test_a_long_table_runs_over_pages_with_its_heading_row_on_each():
    rows = tuple(
        (f"Place {number}", Decimal(number), Decimal(number), Decimal(50)) for number in range(1, 151)
    )
    with translation.override("en"):
        data = report_pdf(content(rows=rows))
    pages = pdf_text(data).split("\f")
    running = [page for page in pages if "Place 100 " in page or "Place 150 " in page]
    assert len(running) >= 2  # the table is in the measures and in its section
    assert all("Region and year" in page and "Value, tenge" in page for page in running)
    assert not any("Region and year" in page for page in pages if "Place 1 " in page and "Place 100 " in page)
    assert "Place 150" in pdf_text(data)


def test_the_same_content_gives_the_same_files():
    with translation.override("en"):
        assert report_pdf(content()) == report_pdf(content())
        first, second = workbook(report_xlsx(content())), workbook(report_xlsx(content()))
    assert [rows_of(sheet) for sheet in first] == [rows_of(sheet) for sheet in second]


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_page_numbers_are_in_the_report_language(language):
    with translation.override(language):
        text = pdf_text(report_pdf(content(language=language)))
        expected = translation.gettext("Page %(page)s of %(pages)s") % {"page": 1, "pages": text.count("\f")}
    assert expected in text
