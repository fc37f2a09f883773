"""The figures' pages: a value in the active language with its unit (`|figure:unit`), a table's rows ready
to show (`figure_rows`), and a table's chart as inline SVG (`figure_chart`)."""

from django import template

from volunteers.reporting.charts import chart_ident, chart_svg, figure_text
from volunteers.reporting.figures import Table, Unit

register = template.Library()


@register.filter
def figure(value, unit=Unit.COUNT) -> str:
    return figure_text(value, unit)


@register.simple_tag
def figure_rows(table: Table) -> list[tuple[str, list[str]]]:
    """(label, [each value as shown]) of each row: the values formatted by their column's unit."""
    return [
        (row[0], [figure_text(value, unit) for value, unit in zip(row[1:], table.units, strict=True)])
        for row in table.rows
    ]


@register.simple_tag
def figure_ident(*keys) -> str:
    """The id fragment of a section's table, shared by its chart and its table."""
    return chart_ident(*(str(key) for key in keys))


@register.simple_tag
def figure_chart(table: Table, ident: str):
    return chart_svg(table, ident=ident)
