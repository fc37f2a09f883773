# ruff: noqa: F811  (fixtures take the fixtures imported below as arguments)
"""The clubs' section of the figures (the provider at the end of volunteers/clubs/figures.py) against counts
made by hand, for 2030 (the clubs' own year in these tests).

    clubs     A Steppe Care, Almaty, boys, open; B Steppe Care, Almaty, girls, closed for enrolment; E Astana
              Crafts, Astana, boys and girls, open: running. Not: a draft, a cancelled club, a club of 2031.
    children  in A: one enrolled, one withdrawn in March (held a place), one who left in 2029; in B: one
              waiting; in E: one enrolled
    sessions  A's first and B's first held, E's first held; A's second held, then cancelled: not counted
    masters   the carver (Steppe Care, Almaty; two crafts: one person), the weaver (Astana Crafts); not: one
              waiting for verification
    hours     the carver 2 h and 1.5 h, the weaver 3 h in 2030; the carver 4 h in 2029
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from volunteers.clubs.figures import clubs_section
from volunteers.clubs.models import Audience, ClubStatus, Enrolment, EnrolmentStatus, MasterStatus
from volunteers.models import EntryKind, Organisation, OrganisationKind
from volunteers.reporting.figures import FigureQuery, find
from volunteers.reporting.services.rollups import rollups_refresh
from volunteers.services.ledger import ledger_hours_credit

pytestmark = pytest.mark.django_db

SATURDAY = dt.date(2030, 3, 2)
YEAR = FigureQuery.year(2030)


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def _enrol(club, name, *, status=EnrolmentStatus.ENROLLED, enrolled_on=None, ended_on=None) -> Enrolment:
    born = dt.date(2020, 5, 1)
    return Enrolment.objects.create(
        club=club, child_name=name, child_birth_date=born, child_key=Enrolment.key_of(name, born),
        guardian_name="Parent", guardian_phone="+77010000000", status=status, consent_version=1,
        consent_language="kk", consent_method="online", consent_at=timezone.now(),
        enrolled_at=_at(enrolled_on) if enrolled_on else None, ended_at=_at(ended_on) if ended_on else None,
    )  # fmt: skip


def _hold(session, *, cancelled=False):
    session.held_at = session.ends_at
    session.cancelled_at = timezone.now() if cancelled else None
    session.save(update_fields=["held_at", "cancelled_at"])


class Clubs:
    def __init__(self, *, club_factory, master, master_factory, other_craft, astana, organisation, almaty):
        self.organisation, self.almaty, self.astana, self.master = organisation, almaty, astana, master
        self.astana_crafts = Organisation.objects.create(
            slug="astana-crafts", kind=OrganisationKind.NGO, region=astana, name={"en": "Astana Crafts"}
        )
        master_factory(volunteer=master.volunteer, craft=other_craft)  # the carver's second craft
        self.weaver = master_factory(region=astana, organisation=self.astana_crafts, craft=other_craft)
        master_factory(status=MasterStatus.APPLIED)
        self.club_factory = club_factory

    def club(self, **extra):
        return self.club_factory(starts_on=SATURDAY, weeks=2, **extra)

    def credit(self, master, source, hours, day, *, region, organisation):
        ledger_hours_credit(
            volunteer=master.volunteer, hours=Decimal(hours), occurred_on=day, source=source,
            verified_by=None, kind=EntryKind.CLUB_HOURS, organisation=organisation, region=region,
        )  # fmt: skip

    def build(self):
        a = self.club()
        b = self.club(status=ClubStatus.CLOSED, audience=Audience.GIRLS)
        self.club(status=ClubStatus.DRAFT)
        self.club(status=ClubStatus.CANCELLED)
        e = self.club(region=self.astana, organisation=self.astana_crafts, audience=Audience.ALL,
                      masters=[self.weaver])  # fmt: skip
        self.club_factory(starts_on=dt.date(2031, 1, 4), weeks=2)
        _enrol(a, "Айдос", enrolled_on=dt.date(2030, 3, 1))
        _enrol(a, "Нұр", status=EnrolmentStatus.WITHDRAWN, enrolled_on=dt.date(2030, 3, 1),
               ended_on=dt.date(2030, 3, 10))  # fmt: skip
        _enrol(a, "Ерке", status=EnrolmentStatus.WITHDRAWN, enrolled_on=dt.date(2029, 9, 1),
               ended_on=dt.date(2029, 12, 1))  # fmt: skip
        _enrol(b, "Аяна", status=EnrolmentStatus.WAITLISTED)
        _enrol(e, "Мирас", enrolled_on=dt.date(2030, 2, 1))
        first, second = a.sessions.order_by("date")[:2]
        _hold(first)
        _hold(second, cancelled=True)
        _hold(b.sessions.order_by("date").first())
        _hold(e.sessions.order_by("date").first())
        almaty = {"region": self.almaty, "organisation": self.organisation}
        self.credit(self.master, "clubs.session:1:1", "2", SATURDAY, **almaty)
        self.credit(self.master, "clubs.session:2:1", "1.5", SATURDAY + dt.timedelta(weeks=1), **almaty)
        self.credit(self.master, "clubs.session:0:1", "4", dt.date(2029, 11, 3), **almaty)
        self.credit(self.weaver, "clubs.session:3:2", "3", SATURDAY, region=self.astana,
                    organisation=self.astana_crafts)  # fmt: skip
        rollups_refresh()
        return self


@pytest.fixture
def clubs(club_factory, master, master_factory, other_craft, astana, organisation, almaty):
    return Clubs(
        club_factory=club_factory, master=master, master_factory=master_factory, other_craft=other_craft,
        astana=astana, organisation=organisation, almaty=almaty,
    ).build()  # fmt: skip


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _headlines(section):
    return {headline.key: headline.value for headline in section.headlines}


def _table(section, key):
    return dict(find([section], key).rows)


AUDIENCES = ("Boys: «Ата көрген оқ жонар»", "Girls: «Ана көрген тон пішер»", "Boys and girls")


def test_the_nations_year(clubs):
    section = clubs_section(YEAR)
    assert section.key == "clubs" and section.order == 70
    assert _headlines(section) == {
        "clubs_running": 3,
        "clubs_children": 3,  # Айдос, Нұр (until March), Мирас
        "clubs_sessions": 3,
        "clubs_masters": 2,  # the carver (two crafts) and the weaver
        "clubs_masters_hours": Decimal("6.5"),
    }
    assert _table(section, "clubs_by_audience") == dict(zip(AUDIENCES, (1, 1, 1), strict=True))
    regions = _table(section, "clubs_by_region")
    assert regions[str(clubs.almaty)] == 2 and regions[str(clubs.astana)] == 1
    assert sum(regions.values()) == 3


def test_a_region_and_an_organisation(clubs):
    almaty = clubs_section(FigureQuery.year(2030, region_id=clubs.almaty.pk))
    assert _headlines(almaty) == {
        "clubs_running": 2, "clubs_children": 2, "clubs_sessions": 2, "clubs_masters": 1,
        "clubs_masters_hours": Decimal("3.5"),
    }  # fmt: skip
    assert _table(almaty, "clubs_by_audience") == dict(zip(AUDIENCES, (1, 1, 0), strict=True))
    assert find([almaty], "clubs_by_region") is None
    crafts = clubs_section(FigureQuery.year(2030, organisation_id=clubs.astana_crafts.pk))
    assert _headlines(crafts) == {
        "clubs_running": 1, "clubs_children": 1, "clubs_sessions": 1, "clubs_masters": 1,
        "clubs_masters_hours": Decimal(3),
    }  # fmt: skip
    earlier = clubs_section(FigureQuery.year(2029))
    assert _headlines(earlier)["clubs_running"] == 0
    assert _headlines(earlier)["clubs_children"] == 1  # Ерке, until December 2029
    assert _headlines(earlier)["clubs_masters_hours"] == Decimal(4)


def test_labels_follow_the_language(clubs):
    with translation.override("ru"):
        section = clubs_section(YEAR)
        girls = str(Audience.GIRLS.label)
    assert section.title != "Craft clubs"
    assert find([section], "clubs_by_audience").rows[1][0] == girls != AUDIENCES[1]


def _queries(query) -> int:
    with CaptureQueriesContext(connection) as captured:
        clubs_section(query)
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_clubs(clubs):
    queries = YEAR, FigureQuery.year(2030, region_id=clubs.almaty.pk)
    before = [_queries(query) for query in queries]
    for number in range(4):
        club = clubs.club(audience=Audience.GIRLS)
        _enrol(club, f"Бала {number}", enrolled_on=dt.date(2030, 3, 1))
        _hold(club.sessions.order_by("date").first())
    assert [_queries(query) for query in queries] == before == [8, 7]
    assert _headlines(clubs_section(YEAR))["clubs_running"] == 7
