"""Spreadsheet downloads (CSV and XLSX) shared by the coordinators' lists and the reports.

Every string cell goes through safe_cell: a spreadsheet treats a cell that starts with = + - @ (or a tab or
carriage return before them) as a formula, so a volunteer named "=HYPERLINK(...)" could run one on the
coordinator's machine (OWASP, "CSV Injection"). Numbers and dates are written as such, so they need no guard.
"""

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse
from django.utils import formats, timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """The value, with a single quote before a string that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return safe_cell(value)
    if isinstance(value, dt.datetime):
        return _local(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        # In the active language's notation: Excel with Russian or Kazakh settings reads "2,5", not "2.5".
        return formats.number_format(value)
    return safe_cell(str(value))


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"  # personal data: no copy in any cache
    return response


def csv_response(filename: str, header: Sequence, rows: Iterable[Sequence]) -> HttpResponse:
    """UTF-8 with a BOM and semicolons, which is what Excel in Kazakhstan opens correctly (Cyrillic
    included) with a double click."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_csv_text(str(title)) for title in header])
    writer.writerows([_csv_text(value) for value in row] for row in rows)
    return _attachment(
        HttpResponse(out.getvalue().encode("utf-8-sig"), content_type=CSV_CONTENT_TYPE), filename
    )


def xlsx_response(
    filename: str, header: Sequence, rows: Iterable[Sequence], *, sheet_title: str = ""
) -> HttpResponse:
    """One sheet, the header in bold and frozen; written row by row so that a long report stays small in
    memory."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(sheet_title))
    sheet.freeze_panes = "A2"
    titles = [str(title) for title in header]
    for index, title in enumerate(titles):
        sheet.column_dimensions[get_column_letter(index + 1)].width = max(12, len(title) + 4)
    bold = Font(bold=True)

    def cell(value, *, font=None):
        number_format = None
        if isinstance(value, str):
            # Control characters make openpyxl refuse the whole file; they carry nothing worth keeping.
            value = safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value))
        elif isinstance(value, dt.datetime):
            value, number_format = _local(value).replace(tzinfo=None), "yyyy-mm-dd hh:mm"
        elif isinstance(value, dt.date):
            number_format = "yyyy-mm-dd"
        elif isinstance(value, Decimal):
            number_format = "0.00"
        written = WriteOnlyCell(sheet, value=value)
        if font is not None:
            written.font = font
        if number_format:
            written.number_format = number_format
        return written

    sheet.append([cell(title, font=bold) for title in titles])
    for row in rows:
        sheet.append([cell(value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return _attachment(HttpResponse(out.getvalue(), content_type=XLSX_CONTENT_TYPE), filename)


def _sheet_title(title: str) -> str:
    # Excel allows 31 characters and none of []:*?/\ in a sheet's name.
    cleaned = "".join(char for char in str(title) if char not in "[]:*?/\\").strip()
    return cleaned[:31] or "Sheet1"
