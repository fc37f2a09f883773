# ruff: noqa: F811  (fixtures take the fixtures imported below as arguments)
"""The figures' dashboard: who sees which area (the matrix of roles), every refusal next to its field and
nothing computed then, the figures shown against a count made by hand, a constant number of queries whatever
the size of the book, and the charts (their geometry, their text, a table for each)."""

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET  # our own markup, parsed to check it is well-formed
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from tests.events.conftest import coordinator  # noqa: F401
from tests.reporting.test_scope import MATRIX
from volunteers.models import Region
from volunteers.reporting import figures
from volunteers.reporting.charts import (
    PLOT_HEIGHT,
    bars_layout,
    chart_svg,
    columns_layout,
    figure_text,
    wrap,
)
from volunteers.reporting.figures import Chart, Headline, Section, Table, Unit
from volunteers.reporting.forms import AREA_ERRORS
from volunteers.reporting.services.rollups import rollups_refresh
from volunteers.services.ledger import ledger_hours_credit

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
YEAR_2025 = {"start": "2025-01", "end": "2025-12"}


def credit(volunteer, hours, day, region, by, organisation=None, source=None):
    return ledger_hours_credit(
        volunteer=volunteer, hours=Decimal(hours), occurred_on=day, verified_by=by, region=region,
        organisation=organisation, source=source or f"test:{volunteer.pk}-{day}-{region.pk}",
    )  # fmt: skip


def page(client, language="en", **params):
    with translation.override(language):
        return client.get(f"/{language}/figures/", params)


def area(almaty, astana, organisation, astana_ngo):
    return {
        "national": "kz",
        "almaty": f"region:{almaty.pk}",
        "astana": f"region:{astana.pk}",
        "ngo": f"organisation:{organisation.pk}",
        "astana_ngo": f"organisation:{astana_ngo.pk}",
    }


def svg_root(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314  (our own markup)


def field_error(response, name: str) -> str:
    """The text of the errors shown next to field `name` (Django ties them to it: id="id_<name>_error")."""
    found = re.search(
        rf'<ul class="errorlist" id="id_{name}_error">(.*?)</ul>', response.content.decode(), re.S
    )
    return html.unescape(re.sub(r"<[^>]+>", " ", found[1]).strip()) if found else ""


@pytest.fixture
def book(volunteer_factory, almaty, astana, organisation, coordinator):
    """Counted by hand, verified hours: Almaty 4 (March 2025, with the NGO) + 2.5 (May 2025); Astana 3
    (April 2025); Almaty 7 in December 2024 (outside 2025)."""
    aru, bolat = volunteer_factory(), volunteer_factory()
    credit(aru, 4, dt.date(2025, 3, 10), almaty, coordinator, organisation)
    credit(aru, "2.5", dt.date(2025, 5, 3), almaty, coordinator)
    credit(bolat, 3, dt.date(2025, 4, 20), astana, coordinator)
    credit(bolat, 7, dt.date(2024, 12, 5), almaty, coordinator)
    rollups_refresh()


# --- Who sees what -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", MATRIX)
def test_the_matrix_of_roles_and_areas(client, people, role, almaty, astana, organisation, astana_ngo):
    user = people[role]
    if role != "anonymous":
        client.force_login(user)
    areas = area(almaty, astana, organisation, astana_ngo)
    for (name, value), allowed in zip(areas.items(), MATRIX[role], strict=True):
        response = page(client, area=value, **YEAR_2025)
        if role == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
            continue
        if role == "volunteer":
            assert response.status_code == 403
            continue
        assert response.status_code == 200, name
        assert "private" in response["Cache-Control"]
        if allowed:
            assert response.context["sections"], name
            assert figures.find(response.context["sections"], "hours_total") is not None
            assert not response.context["form"].errors
        else:
            assert response.context["sections"] is None, name
            refusal = {"national": "national", "almaty": "region", "astana": "region"}.get(
                name, "organisation"
            )
            with translation.override("en"):
                assert field_error(response, "area") == str(AREA_ERRORS[refusal]), name
            assert 'id="figures-of"' not in response.content.decode()


def test_the_area_list_holds_what_the_reader_may_choose(client, people, almaty, organisation):
    client.force_login(people["regional_front_office"])
    markup = page(client).content.decode()
    # The region first (their widest area, chosen by default), then the organisations in it, in groups.
    assert f'<option value="region:{almaty.pk}" selected>Almaty</option>' in markup
    assert (
        '<optgroup label="Organisations">' in markup and f'value="organisation:{organisation.pk}"' in markup
    )
    assert 'value="kz"' not in markup

    client.force_login(people["analyst_national"])
    markup = page(client).content.decode()
    assert '<option value="kz" selected>' in markup and '<optgroup label="Regions">' in markup
    assert markup.count('<option value="region:') == Region.objects.count()


# --- Bad input ---------------------------------------------------------------------------------------------


BAD = {
    # (GET parameters, the field the message is next to, the message)
    "reversed": ({"start": "2025-05", "end": "2025-03"}, "end",
                 "The period ends before it starts. Choose a later month."),
    "future": ({"start": "2099-01", "end": "2099-02"}, "start",
               "The period starts after this month: there are no figures for it yet."),
    "garbage month": ({"start": "May of 2025"}, "start", "Enter a month as YYYY-MM, for example 2026-03."),
    "month 13": ({"end": "2025-13"}, "end", "Enter a month as YYYY-MM, for example 2026-03."),
    "garbage area": ({"area": "region:x"}, "area", AREA_ERRORS["unknown"]),
    "no such region": ({"area": "region:999999"}, "area", AREA_ERRORS["unknown"]),
    "another region": ({"area": "astana"}, "area", AREA_ERRORS["region"]),
    "another organisation": ({"area": "astana_ngo"}, "area", AREA_ERRORS["organisation"]),
    "the nation": ({"area": "national"}, "area", AREA_ERRORS["national"]),
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_refusal_is_next_to_its_field_and_nothing_is_computed(
    client, people, language, almaty, astana, organisation, astana_ngo, monkeypatch
):
    def never(query):
        raise AssertionError("figures computed for a refused question")

    monkeypatch.setattr(figures, "sections", never)
    client.force_login(people["analyst_almaty"])
    areas = area(almaty, astana, organisation, astana_ngo)
    for case, (params, field, message) in BAD.items():
        params = {**params, "area": areas.get(params.get("area"), params.get("area", areas["almaty"]))}
        response = page(client, language, **params)
        assert response.status_code == 200, case
        assert response.context["sections"] is None, case
        with translation.override(language):
            assert field_error(response, field) == gettext(str(message)), case
        markup = response.content.decode()
        assert f'<html lang="{language}">' in markup
        assert f'aria-describedby="id_{field}_error"' in markup and 'aria-invalid="true"' in markup, case
        assert "<svg" not in markup and "figures:export" not in markup and "export.csv" not in markup, case
    # What was typed stays in the form.
    response = page(client, language, area=areas["almaty"], start="2025-05", end="2025-03")
    assert 'name="start" value="2025-05"' in response.content.decode()


# --- The figures against a hand count ----------------------------------------------------------------------


def test_the_figures_shown_equal_a_hand_count(client, people, book, almaty, organisation):
    client.force_login(people["analyst_national"])
    response = page(client, **YEAR_2025)
    sections = response.context["sections"]
    assert figures.find(sections, "hours_total").value == Decimal("9.5")
    by_month = dict(figures.find(sections, "hours_by_month").rows)
    assert (by_month["March 2025"], by_month["April 2025"], by_month["May 2025"]) == (4, 3, Decimal("2.5"))
    assert sum(by_month.values()) == Decimal("9.5") and len(by_month) == 12
    assert dict(figures.find(sections, "hours_by_region").rows) == {"Almaty": Decimal("6.5"), "Astana": 3}
    markup = response.content.decode()
    assert '<h2 id="figures-of">Kazakhstan: 2025</h2>' in markup
    assert re.search(r'id="headline-hours_total">\s*<dt>Verified hours</dt>\s*<dd[^>]*>9.5</dd>', markup)
    assert '<tr><th scope="row">May 2025</th><td class="num">2.5</td></tr>' in markup

    # Almaty, March to May: 6.5 hours; the NGO's: 4; in Kazakh the decimal comma.
    response = page(client, area=f"region:{almaty.pk}", start="2025-03", end="2025-05")
    assert figures.find(response.context["sections"], "hours_total").value == Decimal("6.5")
    assert '<h2 id="figures-of">Almaty: March – May 2025</h2>' in response.content.decode()
    response = page(client, area=f"organisation:{organisation.pk}", **YEAR_2025)
    assert figures.find(response.context["sections"], "hours_total").value == 4
    response = page(client, "kk", area=f"region:{almaty.pk}", start="2024-12", end="2025-05")
    assert figures.find(response.context["sections"], "hours_total").value == Decimal("13.5")
    assert re.search(
        r'id="headline-hours_total">\s*<dt>[^<]+</dt>\s*<dd[^>]*>13,5</dd>', response.content.decode()
    )


def test_when_the_figures_are_of_is_shown_and_kept_with_them(client, people, book):
    client.force_login(people["analyst_national"])
    markup = page(client, **YEAR_2025).content.decode()
    assert "Figures as of" in markup and "every 10 minutes" in markup
    # A refresh after the figures were computed: the page still says when its (cached) figures are of.
    from volunteers.reporting.models import RollupState

    shown = page(client, **YEAR_2025).context["as_of"]
    RollupState.objects.filter(name="ledger").update(refreshed_at=shown + dt.timedelta(minutes=5))
    assert page(client, **YEAR_2025).context["as_of"] == shown
    cache.clear()
    assert page(client, **YEAR_2025).context["as_of"] == shown + dt.timedelta(minutes=5)


def test_an_empty_period_says_so_instead_of_a_chart(client, people, book):
    client.force_login(people["analyst_national"])
    markup = page(client, start="2023-01", end="2023-06").content.decode()
    assert "No figures for this period" in markup
    assert 'id="chart-hours-hours_by_month"' not in markup
    assert 'id="table-hours-hours_by_month"' in markup  # the table of zeros is still there


def test_each_chart_has_its_table(client, people, book):
    client.force_login(people["analyst_national"])
    markup = page(client, **YEAR_2025).content.decode()
    charts = re.findall(r"<svg\b.*?</svg>", markup, re.S)
    assert len(charts) >= 3  # hours by month, by kind, by region at least
    for svg in charts:
        root = svg_root(svg)  # well-formed
        assert root.get("role") == "img"
        title = root.find(f"{SVG}title")
        assert root.get("aria-labelledby") == title.get("id") and title.text
        assert f'<table class="data-table figures-data" id="{root.get("aria-describedby")}">' in markup
    assert 'id="chart-hours-hours_by_month"' in markup and 'class="chart chart-columns"' in markup


def test_the_dashboard_reads_a_fixed_number_of_queries(client, people, volunteer_factory, coordinator):
    """One entry in one region, then many in every region and month: the same number of queries."""
    client.force_login(people["analyst_national"])
    regions = list(Region.objects.all())
    volunteer = volunteer_factory()
    credit(volunteer, 2, dt.date(2025, 3, 1), regions[0], coordinator)
    rollups_refresh()

    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert page(client, **YEAR_2025).status_code == 200
        return len(queries)

    few = count()
    for index, region in enumerate(regions):
        for number in range(1, 13, 2):
            credit(volunteer, 1 + index % 3, dt.date(2025, number, 2), region, coordinator,
                   source=f"test:{region.pk}-{number}")  # fmt: skip
    rollups_refresh()
    assert count() == few
    # From the cache, the sections cost nothing.
    with CaptureQueriesContext(connection) as cached:
        page(client, **YEAR_2025)
    assert len(cached) < few


# --- Charts ------------------------------------------------------------------------------------------------


def table(rows, chart=Chart.BARS, unit=Unit.HOURS):
    return Table(
        key="t", title="Hours", columns=("Label", "Hours"), rows=tuple(rows), units=(unit,), chart=chart
    )


def test_bars_the_longest_is_the_whole_plot_and_zero_gives_none():
    layout = bars_layout([("a", Decimal(10)), ("b", Decimal(5)), ("c", 0), ("d", Decimal(-3)), ("e", None)],
                         Unit.HOURS)  # fmt: skip
    lengths = [bar.length for bar in layout.bars]
    assert lengths[0] == layout.plot_width
    assert lengths[1] == pytest.approx(layout.plot_width / 2)
    assert lengths[2:] == [0, 0, 0]
    svg = chart_svg(table([("a", Decimal(10)), ("b", Decimal(5)), ("c", 0), ("d", Decimal(-3))]), ident="x")
    rects = svg_root(svg).findall(f".//{SVG}rect")
    assert len(rects) == 2 and float(rects[0].get("width")) == pytest.approx(layout.plot_width, abs=0.1)
    with translation.override("en"):
        assert "-3" in svg  # negative: no bar, the number still shown
    # Nothing to draw: no chart at all (the table says "no figures").
    assert chart_svg(table([("a", 0), ("b", 0)]), ident="x") == ""
    assert chart_svg(table([("a", 1)], chart=Chart.NONE), ident="x") == ""


def test_columns_the_highest_is_the_plot_and_labels_thin_out():
    months = [(f"Month {number} 2025", Decimal(number % 5 * 100)) for number in range(36)]
    layout = columns_layout(months, Unit.HOURS)
    heights = [column.height for column in layout.columns]
    assert max(heights) == PLOT_HEIGHT and heights[0] == 0
    shown = [index for index, column in enumerate(layout.columns) if column.lines]
    assert len(shown) < 36 and shown[0] == 0
    step = shown[1] - shown[0]
    assert step * layout.slot >= 7 * 0.62 * 11  # "Month 1" fits between two shown labels
    assert not any(column.show_text for column in layout.columns)  # no room for 36 values: a scale line
    few = columns_layout(months[:6], Unit.HOURS)
    assert all(column.lines for column in few.columns) and few.values_fit
    assert [column.show_text for column in few.columns] == [False, True, True, True, True, False]  # no "0"


def test_long_labels_wrap_then_are_cut_with_the_whole_label_in_the_tooltip():
    label = "Біргеміз: Сабақтастық (балалар үйіндегі балаларға және қиын жағдайдағы жастарға тәлімгерлік)"
    lines = wrap(label, 26)
    assert len(lines) == 2 and all(len(line) <= 26 for line in lines) and lines[-1].endswith("…")
    assert wrap("Almaty", 26) == ["Almaty"]
    svg = chart_svg(table([(label, Decimal(3)), ("<b>&", Decimal(1))]), ident="hours-by direction")
    root = svg_root(svg)
    titles = [element.text for element in root.iter(f"{SVG}title")]
    assert f"{label}: 3" in titles and "<b>&: 1" in titles  # escaped in the markup, whole in the tooltip
    assert root.get("id") == "chart-hours-by-direction"
    assert root.get("aria-describedby") == "table-hours-by-direction"


def test_charts_are_deterministic():
    rows = [("Almaty", Decimal("12.5")), ("Astana", Decimal(3))]
    assert chart_svg(table(rows), ident="a") == chart_svg(table(rows), ident="a")
    assert chart_svg(table(rows, Chart.COLUMNS), ident="a") == chart_svg(
        table(rows, Chart.COLUMNS), ident="a"
    )


@pytest.mark.parametrize(
    ("language", "hours", "tenge", "percent", "count"),
    [
        ("en", "1,234.6", "1,250,000\xa0₸", "85.5%", "12,400"),
        ("ru", "1\xa0234,6", "1\xa0250\xa0000\xa0₸", None, "12\xa0400"),
        ("kk", "1\xa0234,6", "1\xa0250\xa0000\xa0₸", None, "12\xa0400"),
    ],
)
def test_values_are_written_in_the_active_language(language, hours, tenge, percent, count):
    with translation.override(language):
        assert figure_text(Decimal("1234.56"), Unit.HOURS) == hours
        assert figure_text(Decimal("12.0"), Unit.HOURS) == "12"
        assert figure_text(Decimal("1250000.40"), Unit.TENGE) == tenge
        assert figure_text(12400, Unit.PEOPLE) == count
        assert figure_text(None, Unit.COUNT) == "—"
        expected = percent or gettext("%(number)s%%") % {"number": "85,5"}
        assert figure_text(Decimal("85.5"), Unit.PERCENT) == expected


def test_any_registered_section_is_shown(client, people, monkeypatch):
    """Whatever a provider gives: units, a table without a chart, a table with no rows, notes."""

    def other(query):
        return Section(
            key="other",
            title="Other <things>",
            order=5,
            headlines=(
                Headline("fill", "Fill rate", Decimal("85.5"), Unit.PERCENT, note="Signed up ÷ places."),
                Headline("unknown", "Not counted", None),
            ),
            tables=(
                Table(
                    "plain",
                    "Plain",
                    ("Kind", "Count", "Share, %"),
                    (("=a", 3, Decimal("12.5")),),
                    (Unit.COUNT, Unit.PERCENT),
                    chart=Chart.NONE,
                    note="As counted.",
                ),  # fmt: skip
                Table("nothing", "Nothing", ("Kind", "Count"), ()),
            ),
            notes=("A note under the section.",),
        )

    monkeypatch.setitem(figures._providers, "tests.other", (5, other))
    client.force_login(people["analyst_national"])
    markup = page(client, **YEAR_2025).content.decode()
    assert markup.index('id="section-other"') < markup.index('id="section-hours"')  # by order
    assert "Other &lt;things&gt;" in markup
    assert re.search(r'id="headline-fill">\s*<dt>Fill rate</dt>\s*<dd[^>]*>85.5%</dd>', markup)
    assert '<dd class="figures-card-note">Signed up ÷ places.</dd>' in markup
    assert re.search(r'id="headline-unknown">\s*<dt>Not counted</dt>\s*<dd[^>]*>—</dd>', markup)
    assert 'id="chart-other-plain"' not in markup
    assert '<tr><th scope="row">=a</th><td class="num">3</td><td class="num">12.5%</td></tr>' in markup
    nothing = markup[markup.index('id="figure-other-nothing"') :]
    nothing = nothing[: nothing.index('id="figure-', 10)]
    assert "No figures for this period" in nothing and "<table" not in nothing
    assert "<li>A note under the section.</li>" in markup
