"""The annual report's two files, drawn from its content: the XLSX workbook (the roadmap's measures on the
first sheet, then one sheet per section, numbers as numbers) and the A4 PDF (a title block, the measures with
their figures, every section's tables, page numbers). Nothing here reads the database: services.reports
gathers a ReportContent in the report's language and calls these inside that language.

Only aggregates reach a report (counts and sums of the figures' providers): no person is named in it.
"""

import io
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape

from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from config.exports import safe_cell
from config.pdf import ACCENT, BOLD, INK, MUTED, REGULAR, RULE, fonts_register
from volunteers.reporting.figures import Headline, Section, Unit
from volunteers.reporting.figures import Table as FigureTable


@dataclass(frozen=True)
class MeasureFigures:
    """A measure of the roadmap and the figures the platform holds for it (none: the report says so)."""

    items: str
    title: str
    figures: tuple[Headline | FigureTable, ...] = ()


@dataclass(frozen=True)
class ReportContent:
    """What a report says, every text already in its language."""

    title: str
    language: str
    facts: tuple[
        tuple[str, str], ...
    ]  # (label, text): the area, the year, the roadmap's basis, the due date...
    measures: tuple[MeasureFigures, ...]
    sections: tuple[Section, ...]


# --- Numbers ------------------------------------------------------------------------------------------------

# Excel's number formats; the percent figures are percentage points (75.0), not fractions.
NUMBER_FORMATS = {
    Unit.HOURS: "#,##0.0",
    Unit.TENGE: "#,##0",
    Unit.PERCENT: '0.0"%"',
    Unit.PEOPLE: "#,##0",
    Unit.COUNT: "#,##0",
}


def _rounded(value, places: int) -> Decimal:
    # Django's number_format cuts the decimals it does not show; a report rounds them.
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def number_text(value, unit: str, *, symbol: bool = False) -> str:
    """A figure as the report prints it, in the active language's notation: hours with one decimal at most,
    tenge whole (with "₸" when `symbol`), percent with one decimal, counts whole; "—" for no figure."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if unit == Unit.HOURS:
        value = _rounded(value, 1)
        places = 0 if value == value.to_integral_value() else 1
        return formats.number_format(value, places, force_grouping=True)
    if unit == Unit.TENGE:
        text = formats.number_format(_rounded(value, 0), 0, force_grouping=True)
        return f"{text}\u00a0₸" if symbol else text
    if unit == Unit.PERCENT:
        # The dashboard's pattern (charts.figure_text): Kazakh and Russian put a space before the sign.
        return _("%(number)s%%") % {"number": formats.number_format(_rounded(value, 1), 1)}
    return formats.number_format(_rounded(value, 0), 0, force_grouping=True)


def headline_text(headline: Headline) -> str:
    return f"{headline.label}: {number_text(headline.value, headline.unit, symbol=True)}"


# --- XLSX ---------------------------------------------------------------------------------------------------

XLSX_LABEL_WIDTH = 58
XLSX_VALUE_WIDTH = 18


def sheet_title(title: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in the workbook."""
    cleaned = "".join(char for char in str(title) if char not in "[]:*?/\\'").strip()[:31] or "Sheet"
    name, number = cleaned, 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name, number = cleaned[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return name


class _SheetWriter:
    """Rows down a sheet: bold titles and headings, numbers as numbers with their formats."""

    def __init__(self, sheet, styles):
        self.sheet = sheet
        self.styles = styles
        self.row = 1

    def text(self, column: int, value, *, font=None, fill=None):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        cell = self.sheet.cell(
            row=self.row, column=column, value=safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value))
        )
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        cell.alignment = self.styles["wrap"]
        return cell

    def number(self, column: int, value, unit: str):
        if value is None or isinstance(value, str):
            return self.text(column, "—" if value is None else value)
        cell = self.sheet.cell(row=self.row, column=column, value=value)
        cell.number_format = NUMBER_FORMATS.get(unit, "General")
        return cell

    def line(self, label: str, *, font=None, fill=None):
        self.text(1, str(label), font=font, fill=fill)
        self.row += 1

    def pair(self, label: str, value, unit: str | None = None):
        self.text(1, str(label))
        if unit is None:
            self.text(2, str(value))
        else:
            self.number(2, value, unit)
        self.row += 1

    def skip(self, rows: int = 1):
        self.row += rows

    def headline(self, headline: Headline):
        self.pair(headline.label, headline.value, headline.unit)

    def table(self, table: FigureTable):
        self.line(table.title, font=self.styles["bold"])
        for column, heading in enumerate(table.columns, start=1):
            self.text(column, str(heading), font=self.styles["bold"], fill=self.styles["heading_fill"])
        self.row += 1
        if not table.rows:
            self.line(_("No figures for this period."), font=self.styles["muted"])
        for cells in table.rows:
            self.text(1, str(cells[0]))
            for column, (value, unit) in enumerate(zip(cells[1:], table.units, strict=True), start=2):
                self.number(column, value, unit)
            self.row += 1
        if table.note:
            self.line(table.note, font=self.styles["muted"])
        self.skip()


def _xlsx_styles() -> dict:
    from openpyxl.styles import Alignment, Font, PatternFill

    return {
        "title": Font(bold=True, size=14),
        "bold": Font(bold=True),
        "muted": Font(italic=True, color="52606D"),
        "heading_fill": PatternFill("solid", fgColor="E4E7EB"),
        "wrap": Alignment(wrap_text=True, vertical="top"),
    }


def _sheet_start(workbook, title: str, taken: set[str], content: ReportContent, styles) -> _SheetWriter:
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(sheet_title(title, taken))
    sheet.column_dimensions["A"].width = XLSX_LABEL_WIDTH
    for column in range(2, 8):
        sheet.column_dimensions[get_column_letter(column)].width = XLSX_VALUE_WIDTH
    writer = _SheetWriter(sheet, styles)
    writer.line(title, font=styles["title"])
    writer.line(content.title, font=styles["muted"])
    sheet.freeze_panes = "A3"  # the sheet's title and the report's stay in view
    writer.skip()
    return writer


def report_xlsx(content: ReportContent) -> bytes:
    """The workbook: "Measures" first (the report's facts, then each measure with its figures), then a sheet
    per section with every headline and table."""
    import openpyxl

    styles = _xlsx_styles()
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = content.title
    workbook.properties.creator = _("Birgemiz")
    workbook.properties.language = content.language
    taken: set[str] = set()

    writer = _sheet_start(workbook, _("Measures"), taken, content, styles)
    for label, text in content.facts:
        writer.pair(label, text)
    writer.skip()
    writer.line(_("The roadmap's measures and the platform's figures for each"), font=styles["title"])
    writer.skip()
    for measure in content.measures:
        writer.line(f"{_('Roadmap items: %(items)s') % {'items': measure.items}}. {measure.title}",
                    font=styles["bold"])  # fmt: skip
        if not measure.figures:
            writer.line(_("The platform holds no figure for this measure."), font=styles["muted"])
        for figure in measure.figures:
            if isinstance(figure, Headline):
                writer.headline(figure)
            else:
                writer.table(figure)
        writer.skip()

    for section in content.sections:
        writer = _sheet_start(workbook, section.title, taken, content, styles)
        for headline in section.headlines:
            writer.headline(headline)
        if section.headlines:
            writer.skip()
        for table in section.tables:
            writer.table(table)
        for note in section.notes:
            writer.line(note, font=styles["muted"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- PDF ----------------------------------------------------------------------------------------------------

PAGE = A4
MARGIN = 18 * mm
TEXT_WIDTH = PAGE[0] - 2 * MARGIN
VALUE_COLUMN = 30 * mm
TABLE_START = 35 * mm  # room for a table's title and its first rows
MEASURE_START = 55 * mm  # room for a measure's heading and its first figures


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=INK)

    def style(name, **options):
        return ParagraphStyle(name, base, **options)

    heading = {"fontName": BOLD, "keepWithNext": 1}
    small = {"fontSize": 8.5, "leading": 10.5}
    return {
        "body": base,
        "brand": style("brand", fontName=BOLD, fontSize=16, leading=20, textColor=ACCENT),
        "tagline": style("tagline", fontSize=9, textColor=MUTED, spaceAfter=6 * mm),
        "title": style("title", fontName=BOLD, fontSize=18, leading=23, spaceAfter=5 * mm),
        "h1": style(
            "h1", **heading, fontSize=14, leading=18, textColor=ACCENT, spaceBefore=4 * mm, spaceAfter=3 * mm
        ),  # fmt: skip
        "h2": style("h2", **heading, fontSize=11.5, leading=15, spaceBefore=1 * mm, spaceAfter=1.5 * mm),
        # A table's title: the CondPageBreak before it keeps it from a page's foot (keepWithNext would move a
        # long table whole to the next page).
        "h3": style("h3", fontName=BOLD, fontSize=10, leading=13, spaceBefore=2.5 * mm, spaceAfter=1.5 * mm),
        "items": style("items", fontSize=8.5, textColor=MUTED, spaceBefore=4 * mm, keepWithNext=1),
        "muted": style("muted", fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=1.5 * mm),
        "cell": style("cell", **small),
        "cell_head": style("cell_head", fontName=BOLD, **small),
        "number": style("number", alignment=TA_RIGHT, **small),
        "number_head": style("number_head", fontName=BOLD, alignment=TA_RIGHT, **small),
        "fact_label": style("fact_label", fontName=BOLD, fontSize=9),
        "fact": style("fact", fontSize=9),
    }


def _paragraph(text, style) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def _table_flowables(table: FigureTable, styles) -> list:
    """The table's title, the table (its heading row repeated on every page it runs over) and its note."""
    # A new page unless the title and a few rows fit: a title never stays alone at the foot of a page.
    title = [CondPageBreak(TABLE_START), _paragraph(table.title, styles["h3"])]
    if not table.rows:
        return [*title, _paragraph(_("No figures for this period."), styles["muted"])]
    values = len(table.units)
    value_width = min(VALUE_COLUMN, TEXT_WIDTH * 0.6 / values)
    widths = [TEXT_WIDTH - value_width * values] + [value_width] * values
    data = [
        [_paragraph(table.columns[0], styles["cell_head"])]
        + [_paragraph(heading, styles["number_head"]) for heading in table.columns[1:]]
    ]
    for cells in table.rows:
        data.append(
            [_paragraph(cells[0], styles["cell"])]
            + [
                _paragraph(number_text(value, unit), styles["number"])
                for value, unit in zip(cells[1:], table.units, strict=True)
            ]
        )
    grid = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e7eb")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    flowables = [*title, grid]
    if table.note:
        flowables += [Spacer(1, 1 * mm), _paragraph(table.note, styles["muted"])]
    return flowables


def _headline_flowables(headline: Headline, styles) -> list:
    flowables = [_paragraph(headline_text(headline), styles["body"])]
    if headline.note:
        flowables.append(_paragraph(headline.note, styles["muted"]))
    return flowables


def _numbered_canvas(footer: str):
    """A canvas that knows the number of pages when it draws each page's foot ("page 2 of 7"): pages are kept
    until the document is saved, then footed and written."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802  (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(REGULAR, 7.5)
                self.setFillColor(MUTED)
                self.setStrokeColor(RULE)
                self.setLineWidth(0.4)
                self.line(MARGIN, MARGIN - 4 * mm, PAGE[0] - MARGIN, MARGIN - 4 * mm)
                self.drawString(MARGIN, MARGIN - 8 * mm, footer[:110])
                self.drawRightString(
                    PAGE[0] - MARGIN,
                    MARGIN - 8 * mm,
                    _("Page %(page)s of %(pages)s") % {"page": number, "pages": total},
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def report_pdf(content: ReportContent) -> bytes:
    """The A4 document: the title block with the report's facts, the roadmap's measures with their figures,
    then every section in full; the page's number and the count of pages at every foot."""
    fonts_register()
    styles = _styles()
    story: list = [
        _paragraph(_("Birgemiz"), styles["brand"]),
        _paragraph(_("Kazakhstan's national volunteering platform"), styles["tagline"]),
        _paragraph(content.title, styles["title"]),
    ]
    facts = Table(
        [
            [_paragraph(label, styles["fact_label"]), _paragraph(text, styles["fact"])]
            for label, text in content.facts
        ],
        colWidths=[45 * mm, TEXT_WIDTH - 45 * mm],
        hAlign="LEFT",
    )
    facts.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story += [facts, Spacer(1, 4 * mm)]

    story.append(_paragraph(_("The roadmap's measures and the platform's figures for each"), styles["h1"]))
    for measure in content.measures:
        story += [
            CondPageBreak(MEASURE_START),
            _paragraph(_("Roadmap items: %(items)s") % {"items": measure.items}, styles["items"]),
            _paragraph(measure.title, styles["h2"]),
        ]
        if not measure.figures:
            story.append(_paragraph(_("The platform holds no figure for this measure."), styles["muted"]))
        for figure in measure.figures:
            if isinstance(figure, Headline):
                story += _headline_flowables(figure, styles)
            else:
                story += _table_flowables(figure, styles)

    for number, section in enumerate(content.sections):
        # The sections in full after the measures, from a new page; each then where the last one ends.
        story += [PageBreak() if number == 0 else CondPageBreak(MEASURE_START)]
        story.append(_paragraph(section.title, styles["h1"]))
        for headline in section.headlines:
            story += _headline_flowables(headline, styles)
        for table in section.tables:
            story += _table_flowables(table, styles)
        if section.notes:
            story.append(Spacer(1, 2 * mm))
            story += [_paragraph(note, styles["muted"]) for note in section.notes]

    out = io.BytesIO()
    document = SimpleDocTemplate(
        out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=content.title, author=_("Birgemiz"), creator=_("Birgemiz"), invariant=1, pageCompression=1,
        lang=content.language, initialFontName=REGULAR,
    )  # fmt: skip
    document.build(story, canvasmaker=_numbered_canvas(content.title))
    return out.getvalue()
