# ruff: noqa: F811  (fixtures take the fixtures imported below as arguments)
"""The volunteers' section (volunteers/reporting/people.py) against counts made by hand on nine people.

For 2025 (ages on 31 December 2025), all in Almaty unless said:
    A  girl born 2008-01-01 (17: a minor), registered March 2025, active in March; Taza Alem and Bilim;
       stage 1; a member of Steppe Care
    B  man born 2007-12-31 (18 that day), registered 2024, active in December 2024 only; a standing with no
       stage
    C  woman born 1975-12-31 (50: silver), registered June 2025, active in June; Taza Alem; stage 2; a member
       of Steppe Care no longer (inactive membership)
    D  gender not given, born 1990-06-01 (35), retired (silver), in Astana, registered 2023, active in
       December 2024, March and May 2025
    E  man, no date of birth, registered in January 2026 (after the year) but active in January 2025 (past
       hours imported); Bilim
    F  erased (was active in 2025): nowhere
    G  account deactivated (active in 2025, Taza Alem, stage 1): nowhere
    H  man born 1950-05-05 (75), registered on 31 December 2025 at 23:30 (in the year); a member of Steppe
       Care
    I  woman born 2000, registered on 1 January 2026 at 00:00 (just after the year)
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from tests.events.conftest import (  # noqa: F401  (people and organisations, as the events tests make them)
    almaty,
    organisation,
)
from volunteers.models import (
    Direction,
    EntryKind,
    EntryStatus,
    LedgerEntry,
    Membership,
    Organisation,
    OrganisationKind,
    Region,
    Stage,
    StageStanding,
    User,
    VolunteerProfile,
)
from volunteers.reporting.figures import FigureQuery, find
from volunteers.reporting.people import volunteers_section
from volunteers.reporting.services.rollups import rollups_refresh
from volunteers.services.privacy import volunteer_erase

pytestmark = pytest.mark.django_db

YEAR = FigureQuery.year(2025)


def _moment(day: dt.date, hour: int = 12, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


class People:
    def __init__(self, user_factory, almaty, organisation):
        self.user_factory, self.almaty, self.organisation = user_factory, almaty, organisation
        self.astana = Region.objects.get(iso_code="KZ-71")
        self.taza, self.bilim = Direction.objects.get(slug="taza-alem"), Direction.objects.get(slug="bilim")
        self.stages = list(Stage.objects.order_by("position")[:2])
        self.count = 0

    def person(self, *, born, registered, gender="", region=None, retired=False, directions=(), stage=...,
               active_on=(), member=None):  # fmt: skip
        self.count += 1
        user = self.user_factory(email=f"person{self.count}@example.kz")
        profile = VolunteerProfile.objects.create(
            user=user, date_of_birth=born, gender=gender, region=region or self.almaty, is_retired=retired
        )
        VolunteerProfile.objects.filter(pk=profile.pk).update(created_at=registered)
        profile.directions.set(directions)
        if stage is not ...:
            StageStanding.objects.create(volunteer=user, stage=stage)
        for number, day in enumerate(active_on):
            LedgerEntry.objects.create(
                volunteer=user, kind=EntryKind.SHIFT_HOURS, status=EntryStatus.VERIFIED, hours=Decimal(3),
                occurred_on=day, source=f"test.shift:{user.pk}-{number}",
            )  # fmt: skip
        if member is not None:
            Membership.objects.create(user=user, organisation=self.organisation, active=member)
        return user

    def build(self):
        s1, s2 = self.stages
        day, at = dt.date, _moment
        self.a = self.person(
            born=day(2008, 1, 1), gender="female", registered=at(day(2025, 3, 10)), member=True,
            directions=[self.taza, self.bilim], stage=s1, active_on=[day(2025, 3, 5)],
        )  # fmt: skip
        self.b = self.person(
            born=day(2007, 12, 31), gender="male", registered=at(day(2024, 5, 1)), stage=None,
            active_on=[day(2024, 12, 20)],
        )  # fmt: skip
        self.c = self.person(
            born=day(1975, 12, 31), gender="female", registered=at(day(2025, 6, 1)), member=False,
            directions=[self.taza], stage=s2, active_on=[day(2025, 6, 2)],
        )  # fmt: skip
        self.d = self.person(
            born=day(1990, 6, 1), retired=True, region=self.astana, registered=at(day(2023, 1, 1)),
            active_on=[day(2024, 12, 1), day(2025, 3, 1), day(2025, 5, 31)],
        )  # fmt: skip
        self.e = self.person(
            born=None, gender="male", registered=at(day(2026, 1, 15)), directions=[self.bilim],
            active_on=[day(2025, 1, 10)],
        )  # fmt: skip
        self.f = self.person(
            born=day(1980, 1, 1), gender="female", registered=at(day(2024, 1, 1)), directions=[self.taza],
            active_on=[day(2025, 2, 2)], member=True,
        )  # fmt: skip
        volunteer_erase(user=self.f, actor=None, reason="consent withdrawn")
        self.g = self.person(
            born=day(1980, 1, 1), gender="male", registered=at(day(2024, 1, 1)), directions=[self.taza],
            stage=s1, active_on=[day(2025, 3, 3)],
        )  # fmt: skip
        User.objects.filter(pk=self.g.pk).update(is_active=False)
        self.h = self.person(
            born=day(1950, 5, 5), gender="male", registered=at(day(2025, 12, 31), 23, 30), member=True
        )
        self.i = self.person(born=day(2000, 1, 1), gender="female", registered=at(day(2026, 1, 1), 0, 0))
        rollups_refresh()
        return self


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def crowd(user_factory, almaty, organisation):
    return People(user_factory, almaty, organisation).build()


def _headlines(section):
    return {headline.key: headline.value for headline in section.headlines}


def _table(section, key):
    return {row[0]: row[1:] for row in find([section], key).rows}


def _months(section, year, counts):
    return {f"{name} {year}": (counts.get(number, 0),) for number, name in enumerate(MONTHS, start=1)}


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip


def test_the_nations_year(crowd):
    section = volunteers_section(YEAR)
    assert section.key == "volunteers" and section.order == 10
    assert _headlines(section) == {
        "volunteers_registered": 5,  # A B C D H
        "volunteers_new": 3,  # A C H
        "volunteers_active": 4,  # A C D E
        "volunteers_silver": 3,  # C (50) D (retired) H (75)
        "volunteers_minors": 1,  # A
    }
    assert _table(section, "volunteers_by_age") == {
        "Under 18": (1, 1), "18–34": (1, 0), "35–49": (1, 1), "50–64": (1, 1), "65 and over": (1, 0),
        "Not given": (0, 1),
    }  # fmt: skip
    assert _table(section, "volunteers_by_gender") == {
        "Female": (2, 2), "Male": (2, 1), "Prefer not to say": (1, 1),
    }  # fmt: skip
    regions = _table(section, "volunteers_by_region")
    assert regions[str(crowd.almaty)] == (4, 3)
    assert regions[str(crowd.astana)] == (1, 1)
    assert sum(registered for registered, _active in regions.values()) == 5
    assert len(regions) == Region.objects.count()  # every region, and no "not given"
    directions = _table(section, "volunteers_by_direction")
    assert directions[str(crowd.taza)] == (2, 2)  # A C; G's account is closed, F's choices were erased
    assert directions[str(crowd.bilim)] == (1, 2)  # A; active A E
    assert sum(sum(counts) for counts in directions.values()) == 7
    assert _table(section, "volunteers_active_by_month") == _months(section, 2025, {1: 1, 3: 2, 5: 1, 6: 1})
    s1, s2 = crowd.stages
    stages = _table(section, "volunteers_by_stage")
    assert stages[str(s1)] == (1,) and stages[str(s2)] == (1,)
    assert stages["No stage yet"] == (3,)  # B (a standing without a stage), D, H
    assert sum(count for (count,) in stages.values()) == 5
    kinds = _table(section, "organisations_by_kind")
    assert kinds["Republican front office"] == (1,)
    assert kinds["Regional front office"] == (20,)
    assert kinds["Non-governmental organisation"] == (0,)  # Steppe Care is not verified


def test_a_region_and_an_organisation(crowd):
    Organisation.objects.filter(pk=crowd.organisation.pk).update(verified=True)
    Organisation.objects.create(slug="astana-ngo", kind=OrganisationKind.NGO, region=crowd.astana,
                                name={"en": "Astana NGO"}, verified=True)  # fmt: skip
    almaty = volunteers_section(FigureQuery.year(2025, region_id=crowd.almaty.pk))
    steppe = volunteers_section(FigureQuery.year(2025, organisation_id=crowd.organisation.pk))
    assert _headlines(almaty) == {
        "volunteers_registered": 4,  # A B C H
        "volunteers_new": 3,
        "volunteers_active": 3,  # A C E
        "volunteers_silver": 2,  # C H
        "volunteers_minors": 1,
    }
    assert find([almaty], "volunteers_by_region") is None
    assert _table(almaty, "volunteers_active_by_month") == _months(almaty, 2025, {1: 1, 3: 1, 6: 1})
    assert _table(almaty, "volunteers_by_direction")[str(crowd.bilim)] == (1, 2)
    kinds = _table(almaty, "organisations_by_kind")
    assert kinds["Regional front office"] == (1,) and kinds["Non-governmental organisation"] == (1,)
    assert kinds["Republican front office"] == (0,)

    # Steppe Care's active members: A and H (C's membership ended, F was erased).
    assert _headlines(steppe) == {
        "volunteers_registered": 2, "volunteers_new": 2, "volunteers_active": 1, "volunteers_silver": 1,
        "volunteers_minors": 1,
    }  # fmt: skip
    assert _table(steppe, "volunteers_by_age")["65 and over"] == (1, 0)
    assert _table(steppe, "volunteers_by_direction")[str(crowd.taza)] == (1, 1)
    assert _table(steppe, "volunteers_by_stage")["No stage yet"] == (1,)
    assert find([steppe], "organisations_by_kind") is None
    assert find([steppe], "volunteers_by_region") is None


def test_the_period_decides_who_is_registered_active_and_of_which_age(crowd):
    spring = FigureQuery.months(dt.date(2025, 3, 1), dt.date(2025, 5, 1))  # ages on 31 May 2025
    section = volunteers_section(spring)
    assert _headlines(section) == {
        "volunteers_registered": 3,  # A B D
        "volunteers_new": 1,  # A
        "volunteers_active": 2,  # A D
        "volunteers_silver": 1,  # D
        "volunteers_minors": 2,  # A, and B: 17 until the last day of the year
    }
    assert list(_table(section, "volunteers_active_by_month")) == ["March 2025", "April 2025", "May 2025"]

    # Across two years, a volunteer active in both counts once: B, D (December), E (January), A and D (March).
    winter = FigureQuery.months(dt.date(2024, 12, 1), dt.date(2025, 3, 1))
    section = volunteers_section(winter)
    assert _headlines(section)["volunteers_active"] == 4
    assert _table(section, "volunteers_active_by_month") == {
        "December 2024": (2,), "January 2025": (1,), "February 2025": (0,), "March 2025": (2,),
    }  # fmt: skip


def test_titles_and_labels_follow_the_language(crowd):
    with translation.override("ru"):
        section = volunteers_section(YEAR)
    assert find([section], "volunteers_by_region").rows[0][0] == str(Region.objects.first().name["ru"])
    assert find([section], "volunteers_active_by_month").rows[0][0] == "Январь 2025"
    with translation.override("kk"):
        kazakh = volunteers_section(YEAR)
    assert kazakh.title != section.title


def _queries(query) -> int:
    with CaptureQueriesContext(connection) as captured:
        volunteers_section(query)
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_volunteers(crowd):
    queries = FigureQuery.year(2025), FigureQuery.year(2025, region_id=crowd.almaty.pk)
    before = [_queries(query) for query in queries]
    for number in range(6):
        crowd.person(
            born=dt.date(1960 + number, 1, 1), gender="male", registered=_moment(dt.date(2025, 2, 1)),
            directions=[crowd.taza, crowd.bilim], stage=crowd.stages[0],
            active_on=[dt.date(2025, 4, number + 1)], member=True,
        )  # fmt: skip
    rollups_refresh()
    assert [_queries(query) for query in queries] == before
    assert before == [12, 9]  # the nation's: the regions' names, and the excluded accounts counted apart
    assert _headlines(volunteers_section(YEAR))["volunteers_registered"] == 11
