"""The measures of the roadmap for the development of volunteering (order 84-r, 22 April 2021)
that the annual report lists, each with the figures the platform holds for it (headline and table keys of
volunteers.reporting.figures). A measure the platform holds no figure for is listed too, saying so: the report
is the akimat's whole list, and the reader sees what they must add from elsewhere."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Measure:
    items: str  # the roadmap's item numbers, as the order numbers them
    title: str
    keys: tuple[str, ...] = ()


MEASURES = (
    Measure(
        "3",
        _("Measure the contribution of volunteering to the economy"),
        ("hours_total", "economic_value", "value_by_region"),
    ),
    Measure(
        "6–7",
        _("Republican and regional volunteer front offices"),
        ("organisations_by_kind",),
    ),
    Measure(
        "9",
        _("A unified training programme for volunteers in all directions"),
        ("courses_completed", "courses_by_course"),
    ),
    Measure("12", _("A social worker working with two volunteers")),
    Measure("13", _("ProBono: volunteer lawyers")),
    Measure(
        "15",
        _("«Volunteer zholy»: a path of incentive stages that draws citizens in"),
        ("volunteers_registered", "volunteers_active", "volunteers_by_stage"),
    ),
    Measure(
        "16–23",
        _("The Birgemiz national projects"),
        ("hours_by_direction", "events_by_direction", "volunteers_by_direction"),
    ),
    Measure(
        "18",
        _("Sabaqtastyq: mentoring children in orphanages and young people in hard situations"),
        ("mentorships_active", "mentorships_by_pool"),
    ),
    Measure(
        "25",
        _("Silver volunteering"),
        ("volunteers_silver", "volunteers_by_age"),
    ),
    Measure(
        "26",
        _("Free craft clubs «Ата көрген оқ жонар» and «Ана көрген тон пішер» led by silver volunteers"),
        ("clubs_running", "clubs_children", "clubs_masters", "clubs_by_audience"),
    ),
    Measure(
        "27–29",
        _("Media, auto- and corporate volunteering"),
        ("hours_by_organisation_kind",),
    ),
    Measure("30, 38", _("Coordinators' emergency training and the School of volunteers")),
    Measure("36, 46", _("«Volunteer of the year»")),
    Measure(
        "41",
        _("The unified days of action"),
        ("events_by_day_of_action",),
    ),
)
