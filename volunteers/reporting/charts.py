"""The figures' charts: inline SVG drawn on the server, no library and no script, so they show without
JavaScript, print, and pass a strict Content-Security-Policy (presentation attributes, no style attributes).

A chart draws a table's first value column: Chart.BARS as horizontal bars (a breakdown: labels on the left,
the value at the end of each bar), Chart.COLUMNS as vertical columns (a series of months: labels under them,
thinned when they would overlap). The table is always shown next to it with every number; the chart points to
it (`aria-describedby`). Labels too long for their room are wrapped on two lines, then cut with "…", the
full label staying in the bar's <title> (a tooltip). The output depends on the table only: the same table
gives the same bytes.

Values are formatted in the active language: hours with one decimal at most, tenge in whole tenge with
thousands separators and "₸", percentages with one decimal at most and "%".
"""

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from volunteers.reporting.figures import Chart, Table, Unit

WIDTH = 640
FONT = 13  # px in the drawing's units; the stylesheet keeps the drawing at least ~36rem wide
SMALL = 11
CHAR = 0.62  # the average advance of a DejaVu Sans / Arial letter (Latin and Cyrillic), in ems
LINE = 16
INK, BAR, MUTED, GRID = "#1b2430", "#00639a", "#4a5565", "#c9d1da"  # 15:1, 6.7:1 and 7.5:1 on white

# Bars
LABEL_WIDTH = 230
BAR_HEIGHT = 18
ROW_GAP = 10
# Columns
PLOT_HEIGHT = 160
TOP = 22  # room for the values above the columns
MAX_COLUMN = 48


def _decimal(value) -> Decimal:
    try:
        return Decimal(value if value is not None else 0)
    except (InvalidOperation, TypeError, ValueError):
        return Decimal(0)


def _at_most_one_place(value: Decimal) -> str:
    rounded = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    places = 0 if rounded == rounded.to_integral_value() else 1
    return formats.number_format(rounded, places, force_grouping=True)


def figure_text(value, unit: str = Unit.COUNT) -> str:
    """`value` as a reader sees it in the active language: "12 400,5" hours, "1 250 000 ₸", "85,5 %"."""
    if value is None:
        return "—"
    number = _decimal(value)
    if unit == Unit.TENGE:
        whole = number.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return formats.number_format(whole, 0, force_grouping=True) + "\xa0₸"
    if unit == Unit.PERCENT:
        # The space before the sign (Kazakh and Russian typography) is the translation's to give.
        return _("%(number)s%%") % {"number": _at_most_one_place(number)}
    return _at_most_one_place(number)


def _width(text: str, size: int = FONT) -> float:
    return len(text) * size * CHAR


def _cut(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: max(chars - 1, 1)].rstrip() + "…"


def wrap(text: str, chars: int, lines: int = 2) -> list[str]:
    """`text` in at most `lines` lines of at most `chars` letters, broken between words; what does not fit
    is cut with "…" (the whole text stays in the chart's tooltip and in the table)."""
    out: list[str] = []
    current = ""
    for word in str(text).split():
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= chars or not current:
            current = candidate
        else:
            out.append(current)
            current = word
    if current:
        out.append(current)
    if len(out) > lines:
        out = out[:lines]
        last = out[-1]
        out[-1] = (last if len(last) < chars else last[: chars - 1].rstrip()) + "…"
    return [_cut(line, chars) for line in out] or [""]


def _n(number: float) -> str:
    """A coordinate, one decimal at most, never in the locale's notation."""
    text = f"{number:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _length(value: Decimal, top: Decimal, room: float) -> float:
    """The length of a bar of `value` when `top` is the full `room`; nothing for zero or less."""
    if top <= 0 or value <= 0:
        return 0.0
    return float(value / top) * room


@dataclass(frozen=True)
class Bar:
    label: str
    lines: tuple[str, ...]
    text: str  # the value as shown
    y: float  # the row's top
    height: float  # the row's height
    length: float  # the bar's length; 0: no bar


@dataclass(frozen=True)
class BarsLayout:
    plot_x: float  # where the bars start
    plot_width: float  # the longest bar's length
    height: float
    bars: tuple[Bar, ...]


def bars_layout(rows, unit: str) -> BarsLayout:
    """The geometry of horizontal bars for `rows` of (label, value): the longest bar takes the whole plot,
    the others in proportion, zero or less none; each row as high as its label's lines."""
    labels = [str(row[0]) for row in rows]
    values = [_decimal(row[1]) for row in rows]
    texts = [figure_text(row[1], unit) for row in rows]
    value_room = max((_width(text, SMALL) for text in texts), default=0) + 10
    plot_x = LABEL_WIDTH
    plot_width = max(WIDTH - plot_x - value_room, 60)
    top = max(values, default=Decimal(0))
    chars = int((LABEL_WIDTH - 12) / (FONT * CHAR))
    bars, y = [], 4.0
    for label, value, text in zip(labels, values, texts, strict=True):
        lines = tuple(wrap(label, chars))
        height = max(BAR_HEIGHT, len(lines) * LINE) + ROW_GAP
        bars.append(Bar(label, lines, text, y, height, _length(value, top, plot_width)))
        y += height
    return BarsLayout(plot_x, plot_width, y + 4, tuple(bars))


@dataclass(frozen=True)
class Column:
    label: str
    lines: tuple[str, ...]  # empty: the label is left out (thinned)
    text: str
    show_text: bool
    x: float  # the column's left
    width: float
    height: float  # 0: no column


@dataclass(frozen=True)
class ColumnsLayout:
    slot: float  # the room of one column
    margin: float  # left and right of the columns: room for the first and last labels
    base: float  # the baseline's y
    height: float
    values_fit: bool  # every value is written above its column; else a line at the highest gives the scale
    columns: tuple[Column, ...]


def columns_layout(rows, unit: str) -> ColumnsLayout:
    """The geometry of vertical columns for `rows` of (label, value): the highest column is the whole plot's
    height; labels on at most two lines, one every `step` columns so that none overlaps the next shown, and
    margins wide enough for the first and last; values above the columns when every one fits its slot (zero
    written nowhere: no column, no number)."""
    count = max(len(rows), 1)
    # Lines as narrow as a column's room, but never narrower than a month's name ("Желтоқсан", "September").
    chars = min(max(9, int((WIDTH - 16) / count / (SMALL * CHAR))), 14)
    label_lines = [wrap(str(row[0]), chars) for row in rows]
    widest = max((_width(line, SMALL) for lines in label_lines for line in lines), default=0)
    margin = min(max(8.0, widest / 2 + 2), WIDTH / 4)
    slot = (WIDTH - 2 * margin) / count
    width = min(slot * 0.7, MAX_COLUMN)
    values = [_decimal(row[1]) for row in rows]
    top = max(values, default=Decimal(0))
    step = max(1, math.ceil((widest + 8) / slot))
    texts = [figure_text(row[1], unit) for row in rows]
    fits = all(_width(text, SMALL) + 2 <= slot for text in texts)
    columns = []
    for index, (row, value, lines, text) in enumerate(zip(rows, values, label_lines, texts, strict=True)):
        columns.append(
            Column(
                label=str(row[0]),
                lines=tuple(lines) if index % step == 0 else (),
                text=text,
                show_text=fits and value != 0,
                x=margin + index * slot + (slot - width) / 2,
                width=width,
                height=_length(value, top, PLOT_HEIGHT),
            )
        )
    shown = max((len(column.lines) for column in columns), default=1)
    base = TOP + PLOT_HEIGHT
    return ColumnsLayout(slot, margin, base, base + 8 + shown * (SMALL + 3) + 4, fits, tuple(columns))


def _tspans(lines, x: float) -> str:
    return "".join(
        f'<tspan x="{_n(x)}" dy="{0 if index == 0 else LINE}">{escape(line)}</tspan>'
        for index, line in enumerate(lines)
    )


def _svg(kind: str, ident: str, title: str, height: float, body: list[str], described_by: str) -> SafeString:
    return mark_safe(  # noqa: S308  (every text and attribute above is escaped)
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" id="chart-{ident}" '
        f'viewBox="0 0 {WIDTH} {_n(height)}" width="{WIDTH}" height="{_n(height)}" role="img" '
        f'aria-labelledby="chart-{ident}-title" aria-describedby="{described_by}" focusable="false">'
        f'<title id="chart-{ident}-title">{escape(title)}</title>' + "".join(body) + "</svg>"
    )


def _bars(table: Table, ident: str, described_by: str) -> SafeString:
    layout = bars_layout([(row[0], row[1]) for row in table.rows], table.units[0])
    body = []
    for bar in layout.bars:
        middle = bar.y + bar.height / 2
        first = middle - (len(bar.lines) - 1) * LINE / 2 + FONT * 0.35
        parts = [f"<title>{escape(bar.label)}: {escape(bar.text)}</title>"]
        parts.append(
            f'<text class="chart-label" x="{_n(layout.plot_x - 8)}" y="{_n(first)}" text-anchor="end" '
            f'font-size="{FONT}" fill="{INK}">{_tspans(bar.lines, layout.plot_x - 8)}</text>'
        )
        if bar.length > 0:
            parts.append(
                f'<rect class="chart-bar" x="{_n(layout.plot_x)}" y="{_n(middle - BAR_HEIGHT / 2)}" '
                f'width="{_n(bar.length)}" height="{BAR_HEIGHT}" fill="{BAR}"/>'
            )
        parts.append(
            f'<text class="chart-value" x="{_n(layout.plot_x + bar.length + 6)}" '
            f'y="{_n(middle + SMALL * 0.35)}" font-size="{SMALL}" fill="{INK}">{escape(bar.text)}</text>'
        )
        body.append('<g class="chart-row">' + "".join(parts) + "</g>")
    axis = (
        f'<line class="chart-axis" x1="{_n(layout.plot_x)}" y1="0" x2="{_n(layout.plot_x)}" '
        f'y2="{_n(layout.height)}" stroke="{MUTED}" stroke-width="1"/>'
    )
    return _svg("bars", ident, table.title, layout.height, [*body, axis], described_by)


def _columns(table: Table, ident: str, described_by: str) -> SafeString:
    layout = columns_layout([(row[0], row[1]) for row in table.rows], table.units[0])
    left, right, base = _n(layout.margin), _n(WIDTH - layout.margin), _n(layout.base)
    body = []
    for column in layout.columns:
        middle = column.x + column.width / 2
        parts = [f"<title>{escape(column.label)}: {escape(column.text)}</title>"]
        if column.height > 0:
            parts.append(
                f'<rect class="chart-bar" x="{_n(column.x)}" y="{_n(layout.base - column.height)}" '
                f'width="{_n(column.width)}" height="{_n(column.height)}" fill="{BAR}"/>'
            )
        if column.show_text:
            parts.append(
                f'<text class="chart-value" x="{_n(middle)}" y="{_n(layout.base - column.height - 5)}" '
                f'text-anchor="middle" font-size="{SMALL}" fill="{INK}">{escape(column.text)}</text>'
            )
        if column.lines:
            parts.append(
                f'<text class="chart-label" x="{_n(middle)}" y="{_n(layout.base + 8 + SMALL)}" '
                f'text-anchor="middle" font-size="{SMALL}" fill="{INK}">'
                + "".join(
                    f'<tspan x="{_n(middle)}" dy="{0 if index == 0 else SMALL + 3}">{escape(line)}</tspan>'
                    for index, line in enumerate(column.lines)
                )
                + "</text>"
            )
        body.append('<g class="chart-column">' + "".join(parts) + "</g>")
    if not layout.values_fit:
        # No room for every value: a line at the highest one, labelled, gives the scale.
        top = max(layout.columns, key=lambda column: column.height)
        body.append(
            f'<line class="chart-grid" x1="{left}" y1="{TOP}" x2="{right}" y2="{TOP}" stroke="{GRID}" '
            f'stroke-width="1" stroke-dasharray="4 3"/>'
            f'<text class="chart-value" x="{right}" y="{TOP - 6}" text-anchor="end" font-size="{SMALL}" '
            f'fill="{INK}">{escape(top.text)}</text>'
        )
    body.append(
        f'<line class="chart-axis" x1="{left}" y1="{base}" x2="{right}" y2="{base}" '
        f'stroke="{MUTED}" stroke-width="1"/>'
    )
    return _svg("columns", ident, table.title, layout.height, body, described_by)


def chart_ident(*parts: str) -> str:
    """An id fragment from keys: letters, digits, "-" and "_" only."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", "-".join(parts)).strip("-") or "chart"


def chart_svg(table: Table, *, ident: str, described_by: str = "") -> SafeString:
    """The chart of `table` (its first value column) as inline SVG, or "" when it has none to draw: no
    chart asked for, or no figure in the table. `described_by` is the id of the table giving the numbers."""
    if table.chart == Chart.NONE or table.empty or len(table.columns) < 2:
        return mark_safe("")
    ident = chart_ident(ident)
    described_by = described_by or f"table-{ident}"
    if table.chart == Chart.COLUMNS:
        return _columns(table, ident, described_by)
    return _bars(table, ident, described_by)
