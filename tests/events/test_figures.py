"""The events' section of the figures (events/figures.py) against counts made by hand.

2025, ends of the events in Almaty's time:
    E1  Steppe Care, Almaty, Taza Alem, «Clean planet», ends 20 September: a shift of 4 places (3 signed
        up, 2 came, 1 did not), one of 2 (1 signed up, came), a cancelled one of 10 (1 marked as come: not
        counted)
    E2  Green City, Almaty, Bilim, ends on 1 January at 00:00: 10 places, 2 signed up, 1 came
    E3  Astana, Taza Alem, «Clean planet», ends 21 September: 5 places, 5 signed up, 2 came
    E4  Steppe Care, online, Bilim, ends 11 November: 20 places, none signed up
Not held in 2025: a cancelled event, a draft, one that ended on 31 December 2024 at 23:30, one that ends on
1 January 2026 at 00:30.
"""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from events.figures import events_section, fill_rate
from events.models import DayOfAction, Event, EventStatus, Shift, Signup, SignupStatus
from volunteers.models import Direction, Organisation, OrganisationKind, Region
from volunteers.reporting.figures import FigureQuery, find

pytestmark = pytest.mark.django_db

YEAR = FigureQuery.year(2025)


def _at(day: dt.date, hour: int = 12, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


class Events:
    def __init__(self, *, organisation, other_organisation, almaty, volunteer_factory):
        self.steppe, self.green, self.almaty = organisation, other_organisation, almaty
        self.astana = Region.objects.get(iso_code="KZ-71")
        self.astana_ngo = Organisation.objects.create(
            slug="astana-ngo", kind=OrganisationKind.NGO, region=self.astana, name={"en": "Astana NGO"}
        )
        self.taza, self.bilim = Direction.objects.get(slug="taza-alem"), Direction.objects.get(slug="bilim")
        self.planet = DayOfAction.objects.get(slug="clean-planet")
        self.volunteer_factory = volunteer_factory
        self.people = [volunteer_factory() for _number in range(5)]

    def event(self, *, ends, organisation=None, direction=None, region=..., status=EventStatus.PUBLISHED,
              day_of_action=None, shifts=()):  # fmt: skip
        """An event ending at `ends`, with shifts of (places, [attended of each sign-up], cancelled)."""
        region = self.almaty if region is ... else region
        event = Event.objects.create(
            organisation=organisation or self.steppe, direction=direction or self.taza, region=region,
            is_online=region is None, title={"en": "Clean-up"}, starts_at=ends - dt.timedelta(hours=2),
            ends_at=ends, status=status, day_of_action=day_of_action,
        )  # fmt: skip
        for places, attended, cancelled in shifts:
            shift = Shift.objects.create(
                event=event, starts_at=event.starts_at, ends_at=ends, capacity=places,
                cancelled_at=ends if cancelled else None,
            )  # fmt: skip
            for person, came in zip(self.people, attended, strict=False):
                Signup.objects.create(
                    shift=shift, volunteer=person, status=SignupStatus.CONFIRMED, queued_at=event.starts_at,
                    attended=came,
                )  # fmt: skip
            if not cancelled:
                Shift.objects.filter(pk=shift.pk).update(confirmed_count=len(attended))
        return event

    def build(self):
        day = dt.date
        self.e1 = self.event(
            ends=_at(day(2025, 9, 20)), day_of_action=self.planet,
            shifts=[(4, [True, True, False], False), (2, [True], False), (10, [True], True)],
        )  # fmt: skip
        self.e2 = self.event(
            ends=_at(day(2025, 1, 1), 0), organisation=self.green, direction=self.bilim,
            shifts=[(10, [True, None], False)],
        )  # fmt: skip
        self.e3 = self.event(
            ends=_at(day(2025, 9, 21)), organisation=self.astana_ngo, region=self.astana,
            day_of_action=self.planet, shifts=[(5, [True, True, None, False, None], False)],
        )  # fmt: skip
        self.e4 = self.event(
            ends=_at(day(2025, 11, 11)), region=None, direction=self.bilim, shifts=[(20, [], False)]
        )
        self.event(
            ends=_at(day(2025, 5, 5)), status=EventStatus.CANCELLED, shifts=[(10, [True, True], False)]
        )
        self.event(ends=_at(day(2025, 5, 6)), status=EventStatus.DRAFT, shifts=[(10, [], False)])
        self.event(ends=_at(day(2024, 12, 31), 23, 30), shifts=[(10, [True], False)])
        self.event(ends=_at(day(2026, 1, 1), 0, 30), shifts=[(10, [True], False)])
        return self


@pytest.fixture
def events(organisation, other_organisation, almaty, volunteer_factory):
    return Events(
        organisation=organisation, other_organisation=other_organisation, almaty=almaty,
        volunteer_factory=volunteer_factory,
    ).build()  # fmt: skip


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _headlines(section):
    return {headline.key: headline.value for headline in section.headlines}


def _table(section, key):
    return {row[0]: row[1:] for row in find([section], key).rows}


def test_fill_rate():
    assert fill_rate(11, 41) == Decimal("26.8")
    assert fill_rate(1, 8) == Decimal("12.5")
    assert fill_rate(1, 16) == Decimal("6.3")  # 6.25: half up
    assert fill_rate(0, 0) is None


def test_the_nations_year(events):
    section = events_section(YEAR)
    assert section.key == "events" and section.order == 40
    assert _headlines(section) == {
        "events_held": 4,
        "events_places": 41,  # 6 + 10 + 5 + 20
        "events_fill_rate": Decimal("26.8"),  # 11 signed up of 41
        "events_attended": 6,  # 3 + 1 + 2
    }
    months = _table(section, "events_by_month")
    assert len(months) == 12
    assert (months["January 2025"], months["September 2025"], months["November 2025"]) == ((1,), (2,), (1,))
    assert sum(count for (count,) in months.values()) == 4
    directions = _table(section, "events_by_direction")
    assert directions[str(events.taza)] == (2, 11, 9, Decimal("81.8"))
    assert directions[str(events.bilim)] == (2, 30, 2, Decimal("6.7"))
    assert directions[str(Direction.objects.get(slug="asyl-mura"))] == (0, 0, 0, None)
    days = _table(section, "events_by_day_of_action")
    assert days[str(events.planet)] == (2, 5)
    assert len(days) == DayOfAction.objects.count()
    assert sum(held for held, _came in days.values()) == 2
    regions = _table(section, "events_by_region")
    assert regions[str(events.almaty)] == (2, 16, 6, Decimal("37.5"))
    assert regions[str(events.astana)] == (1, 5, 5, Decimal("100.0"))
    assert regions["Online"] == (1, 20, 0, Decimal("0.0"))
    assert sum(row[0] for row in regions.values()) == 4


def test_a_region_and_an_organisation(events):
    almaty = events_section(FigureQuery.year(2025, region_id=events.almaty.pk))
    assert _headlines(almaty) == {
        "events_held": 2, "events_places": 16, "events_fill_rate": Decimal("37.5"), "events_attended": 4,
    }  # fmt: skip
    assert find([almaty], "events_by_region") is None
    assert _table(almaty, "events_by_day_of_action")[str(events.planet)] == (1, 3)
    steppe = events_section(FigureQuery.year(2025, organisation_id=events.steppe.pk))
    assert _headlines(steppe) == {
        "events_held": 2, "events_places": 26, "events_fill_rate": Decimal("15.4"), "events_attended": 3,
    }  # fmt: skip
    assert _table(steppe, "events_by_direction")[str(events.bilim)] == (1, 20, 0, Decimal("0.0"))
    assert find([steppe], "events_by_region") is None


def test_an_event_not_over_yet_is_not_held(events):
    with time_machine.travel(_at(dt.date(2025, 9, 20), 15), tick=False):
        section = events_section(YEAR)
    # E1 is over; E3 (tomorrow) and E4 (in November) are not.
    assert _headlines(section)["events_held"] == 2
    assert _table(section, "events_by_month")["September 2025"] == (1,)
    spring = events_section(FigureQuery.months(dt.date(2025, 1, 1), dt.date(2025, 1, 1)))
    assert _headlines(spring) == {
        "events_held": 1, "events_places": 10, "events_fill_rate": Decimal("20.0"), "events_attended": 1,
    }  # fmt: skip


def test_names_follow_the_language(events):
    with translation.override("ru"):
        section = events_section(YEAR)
    assert find([section], "events_by_month").rows[0][0] == "Январь 2025"
    assert str(events.planet.name["ru"]) in {
        row[0] for row in find([section], "events_by_day_of_action").rows
    }


def _queries(query) -> int:
    with CaptureQueriesContext(connection) as captured:
        events_section(query)
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_events(events):
    queries = YEAR, FigureQuery.year(2025, organisation_id=events.steppe.pk)
    before = [_queries(query) for query in queries]
    for number in range(5):
        events.event(ends=_at(dt.date(2025, 4, number + 1)), day_of_action=events.planet,
                     shifts=[(3, [True, True], False), (3, [True], False)])  # fmt: skip
    assert [_queries(query) for query in queries] == before == [7, 6]
    assert _headlines(events_section(YEAR))["events_held"] == 9
