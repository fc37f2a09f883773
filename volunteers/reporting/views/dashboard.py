"""The figures' dashboard and its exports: an area and a period asked for with FiguresForm (GET), every
registered provider's section for them (figures.dashboard, cached for 10 minutes a language), drawn as
headline cards, charts and tables; the same figures as CSV or XLSX.

A question the form refuses shows the page again with the message next to its field, and computes nothing:
never a page, or a file, of figures the reader did not ask for or may not read.
"""

import datetime as dt
import io
from decimal import Decimal

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from config.exports import XLSX_CONTENT_TYPE, csv_response, safe_cell
from volunteers.models import Organisation, Region
from volunteers.reporting import figures
from volunteers.reporting.figures import FigureQuery, Section, Unit
from volunteers.reporting.forms import NATIONAL_AREA, FiguresForm, default_area
from volunteers.reporting.views import figures_reader

FORMATS = ("csv", "xlsx")
YEARS_LINKED = 3  # quick links: this year so far and the two before


def _data(request):
    """The GET parameters, with this year so far filled in when no month is given: the form then shows the
    period its figures are of (FiguresForm's own default)."""
    data = request.GET.copy()
    if not data.get("start") and not data.get("end"):
        today = timezone.localdate()
        data["start"], data["end"] = f"{today.year}-01", f"{today:%Y-%m}"
    return data


def _area_name(form: FiguresForm, query: FigureQuery) -> str:
    """The area's name in the active language: from the form's choices, else (an organisation a national
    reader asked for by its address) from the table."""
    if query.national:
        return _("Kazakhstan")
    wanted = form.cleaned_data["area"]
    for value, label in form.fields["area"].widget.choices:
        for option, name in label if isinstance(label, list | tuple) else [(value, label)]:
            if option == wanted:
                return str(name)
    if query.region_id is not None:
        return str(Region.objects.get(pk=query.region_id))
    return str(Organisation.objects.get(pk=query.organisation_id))


def _area_slug(query: FigureQuery) -> str:
    """The area in a file's name, in ASCII: "kz", a region's ISO code, or "organisation-<id>"."""
    if query.region_id is not None:
        return Region.objects.values_list("iso_code", flat=True).get(pk=query.region_id)
    if query.organisation_id is not None:
        return f"organisation-{query.organisation_id}"
    return NATIONAL_AREA


def period_text(query: FigureQuery) -> str:
    """ "2025", "March – May 2025", "December 2024 – February 2025" in the active language."""
    if query.whole_year:
        return str(query.whole_year)
    start, end = query.start, query.end.replace(day=1)
    last = formats.date_format(end, "YEAR_MONTH_FORMAT")
    if start == end:
        return last
    if start.year == end.year:
        return f"{formats.date_format(start, 'F')} – {last}"
    return f"{formats.date_format(start, 'YEAR_MONTH_FORMAT')} – {last}"


def _years(form: FiguresForm, query: FigureQuery | None) -> list[dict]:
    """The quick links: the whole of each of the last years (this one so far) for the same area."""
    area = (form.cleaned_data.get("area") if "area" not in form.errors else None) or default_area(form.scope)
    this_month = timezone.localdate().replace(day=1)
    links = []
    for year in range(this_month.year, this_month.year - YEARS_LINKED, -1):
        first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 1), this_month)
        links.append(
            {
                "year": year,
                "query": urlencode({"area": area, "start": f"{first:%Y-%m}", "end": f"{last:%Y-%m}"}),
                "current": query is not None and (query.start, query.end.replace(day=1)) == (first, last),
            }
        )
    return links


def _page(request, form: FiguresForm):
    context = {"form": form, "sections": None}
    query = form.query() if form.is_valid() else None
    if query is not None:
        as_of, found = figures.dashboard_with_time(query)
        context.update(
            query=query,
            sections=found,
            as_of=as_of,
            area_name=_area_name(form, query),
            period=period_text(query),
            export_query=urlencode(
                {
                    "area": form.cleaned_data["area"],
                    "start": f"{query.start:%Y-%m}",
                    "end": f"{query.end:%Y-%m}",
                }
            ),
        )
    context["years"] = _years(form, query)
    return render(request, "reporting/dashboard.html", context)


@figures_reader
def dashboard(request):
    return _page(request, FiguresForm(request.figures_scope, _data(request)))


# --- Exports -----------------------------------------------------------------------------------------------

UNIT_WORDS = {Unit.HOURS: gettext_lazy("hours"), Unit.TENGE: gettext_lazy("tenge"), Unit.PERCENT: "%",
              Unit.PEOPLE: gettext_lazy("people")}  # fmt: skip


def _unit_word(unit: str) -> str:
    return str(UNIT_WORDS.get(unit, ""))


# Both files are written from rows of (style, cells), style "title", "head" or "" (plain); None: a blank row.


def _headline_rows(found: list[Section]):
    """The key figures of every section, first in both files."""
    yield "title", [_("Key figures")]
    yield "head", [_("Section"), _("Figure"), _("Value"), _("Unit")]
    for section in found:
        for headline in section.headlines:
            yield "", [section.title, headline.label, headline.value, _unit_word(headline.unit)]


def _table_rows(section: Section, *, titled: bool):
    """Each table of `section`, preceded by its title (with the section's when `titled`), then its headings,
    its rows and its note; the section's notes after its tables."""
    for table in section.tables:
        yield None
        yield "title", [f"{section.title}: {table.title}" if titled else table.title]
        yield "head", list(table.columns)
        for row in table.rows:
            yield "", list(row)
        if table.note:
            yield "", [table.note]
    for note in section.notes:
        yield None
        yield "", [note]


def _as_of_text(as_of) -> str:
    if as_of is None:
        return _("not yet")
    return formats.date_format(timezone.localtime(as_of), "DATETIME_FORMAT")


def _csv(filename: str, heading: list, as_of, found: list[Section]) -> HttpResponse:
    """One file: the heading (area, period), when the figures are of, the key figures, then every table."""
    blocks = [("", [_("Figures last brought up to date"), _as_of_text(as_of)]), None, *_headline_rows(found)]
    for section in found:
        blocks += _table_rows(section, titled=True)
    return csv_response(filename, heading, [[] if block is None else block[1] for block in blocks])


def _xlsx(filename: str, heading: list, as_of, found: list[Section]) -> HttpResponse:
    """A sheet of the key figures (with the area, the period and when the figures are of), then a sheet per
    section with its tables. Every string through safe_cell; numbers stay numbers."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook(write_only=True)
    fonts = {"title": Font(bold=True, size=13), "head": Font(bold=True)}
    taken: set[str] = set()

    def cell(sheet, value, font):
        if isinstance(value, str):
            value = safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value))
        written = WriteOnlyCell(sheet, value=value)
        if isinstance(value, Decimal):
            written.number_format = "#,##0.0#"
        elif isinstance(value, int) and not isinstance(value, bool):
            written.number_format = "#,##0"
        if font is not None:
            written.font = font
        return written

    def sheet(title: str, blocks):
        target = workbook.create_sheet(_sheet_name(title, taken))
        target.column_dimensions["A"].width = 48
        for letter in "BCDEF":
            target.column_dimensions[letter].width = 18
        for block in blocks:
            if block is None:
                target.append([])
            else:
                style, cells = block
                target.append([cell(target, value, fonts.get(style)) for value in cells])

    sheet(
        _("Key figures"),
        [
            ("title", heading),
            ("", [_("Figures last brought up to date"), _as_of_text(as_of)]),
            None,
            *_headline_rows(found),
        ],
    )
    for section in found:
        if section.tables or section.notes:
            sheet(section.title, [("title", [section.title]), *_table_rows(section, titled=False)])
    out = io.BytesIO()
    workbook.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _sheet_name(title: str, taken: set[str]) -> str:
    """A sheet's name: Excel allows 31 characters, none of []:*?/\\, and no two alike (case aside)."""
    cleaned = (
        "".join(char for char in str(title) if char not in "[]:*?/\\").strip().strip("'")[:31] or "Sheet"
    )
    name, number = cleaned, 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name, number = cleaned[: 31 - len(suffix)].rstrip() + suffix, number + 1
    taken.add(name.lower())
    return name


@figures_reader
def export(request, fmt):
    if fmt not in FORMATS:
        raise Http404
    form = FiguresForm(request.figures_scope, _data(request))
    if not form.is_valid():
        return _page(request, form)
    query = form.query()
    as_of, found = figures.dashboard_with_time(query)
    heading = [_("Figures"), _area_name(form, query), period_text(query)]
    filename = f"figures-{_area_slug(query)}-{query.start:%Y-%m}-{query.end:%Y-%m}.{fmt}"
    if fmt == "csv":
        return _csv(filename, heading, as_of, found)
    return _xlsx(filename, heading, as_of, found)
