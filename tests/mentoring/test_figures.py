# ruff: noqa: F811  (fixtures take the fixtures imported below as arguments)
"""The mentoring section of the figures (volunteers/mentoring/figures.py) against counts made by hand.

Centres: the children's home and Shanyraq (Almaty), an Astana centre. For 2025:
    mentors     m1 home, approved 2025-02-01; m2 Shanyraq, approved 2024-06-01; m3 Astana, approved
                2025-03-01; m7 home, approved on a day not kept; not counted: m4 approved 2026-01-05, m5
                waiting, m6 declined
    mentees     t1 home (2024); t2 home (2025, archived in October); t5 Shanyraq (2025); t6 Astana (2025);
                not counted: t3 archived in 2024, t4 registered in 2026
    pairs       p1 t1-m1 active since March; p2 t2-m1 April to September; p5 t5-m2 home visits, paused,
                since 2024; p8 t6-m3 January: these ran. p4 t1-m2 proposed in November, p6 t6-m3 approved
                in December to start in 2026, p7 t2-m2 rejected in May: proposed in the year only. p3 t3-m2
                ended in 2024: neither.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from tests.mentoring.conftest import astana, centre, other_centre  # noqa: F401
from volunteers.mentoring.figures import mentoring_section
from volunteers.mentoring.models import (
    EndReason,
    Mentee,
    Mentor,
    Mentorship,
    MentorshipStatus,
    MentorStatus,
    Pool,
)
from volunteers.models import Organisation, OrganisationKind
from volunteers.reporting.figures import FigureQuery, find

pytestmark = pytest.mark.django_db

YEAR = FigureQuery.year(2025)


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


class Programme:
    def __init__(self, *, centre, other_centre, astana, volunteer_factory):
        self.home, self.shanyraq, self.astana = centre, other_centre, astana
        self.astana_centre = Organisation.objects.create(
            slug="astana-centre", kind=OrganisationKind.SOCIAL_SERVICE_CENTRE, region=astana,
            name={"en": "Astana centre"},
        )  # fmt: skip
        self.volunteer_factory = volunteer_factory

    def mentor(self, organisation, status=MentorStatus.APPROVED, decided=None):
        return Mentor.objects.create(
            volunteer=self.volunteer_factory(), organisation=organisation, region=organisation.region,
            pools=[Pool.CHILDREN, Pool.HOME_VISITS], languages=["kk"], status=status,
            decided_at=_at(decided) if decided else None,
        )  # fmt: skip

    def mentee(self, organisation, registered, *, pool=Pool.CHILDREN, archived=None):
        mentee = Mentee.objects.create(organisation=organisation, pool=pool, name="A. K.", languages=["kk"])
        Mentee.objects.filter(pk=mentee.pk).update(
            created_at=_at(registered), archived_at=_at(archived) if archived else None
        )
        return mentee

    def pair(self, mentee, mentor, status, *, proposed, started=None, ended=None, pool=Pool.CHILDREN):
        pair = Mentorship.objects.create(
            pool=pool, mentee=mentee, mentor=mentor, organisation=mentee.organisation, status=status,
            started_on=started, ended_on=ended,
            end_reason=EndReason.GOAL_REACHED if status == MentorshipStatus.ENDED else "",
        )  # fmt: skip
        Mentorship.objects.filter(pk=pair.pk).update(proposed_at=_at(proposed))
        return pair

    def build(self):
        day, S = dt.date, MentorshipStatus
        m1 = self.mentor(self.home, decided=day(2025, 2, 1))
        m2 = self.mentor(self.shanyraq, decided=day(2024, 6, 1))
        m3 = self.mentor(self.astana_centre, decided=day(2025, 3, 1))
        self.mentor(self.home, decided=day(2026, 1, 5))
        self.mentor(self.home, status=MentorStatus.APPLIED)
        self.mentor(self.home, status=MentorStatus.DECLINED, decided=day(2025, 1, 1))
        self.mentor(self.home)
        t1 = self.mentee(self.home, day(2024, 9, 1))
        t2 = self.mentee(self.home, day(2025, 4, 1), archived=day(2025, 10, 1))
        t3 = self.mentee(self.home, day(2024, 1, 1), archived=day(2024, 12, 1))
        self.mentee(self.home, day(2026, 2, 1), pool=Pool.NEWCOMERS)
        t5 = self.mentee(self.shanyraq, day(2025, 1, 1), pool=Pool.HOME_VISITS)
        t6 = self.mentee(self.astana_centre, day(2025, 1, 1))
        self.pair(t1, m1, S.ACTIVE, proposed=day(2025, 2, 20), started=day(2025, 3, 1))
        self.pair(t2, m1, S.ENDED, proposed=day(2025, 4, 2), started=day(2025, 4, 10), ended=day(2025, 9, 30))
        self.pair(
            t3, m2, S.ENDED, proposed=day(2024, 1, 20), started=day(2024, 2, 1), ended=day(2024, 11, 30)
        )
        self.pair(t1, m2, S.PROPOSED, proposed=day(2025, 11, 1), started=day(2025, 11, 15))
        self.pair(
            t5, m2, S.PAUSED, proposed=day(2024, 9, 15), started=day(2024, 10, 1), pool=Pool.HOME_VISITS
        )
        self.pair(t6, m3, S.ACTIVE, proposed=day(2025, 12, 20), started=day(2026, 1, 10))
        self.pair(t2, m2, S.REJECTED, proposed=day(2025, 5, 1))
        self.pair(
            t6, m3, S.ENDED, proposed=day(2024, 12, 20), started=day(2025, 1, 5), ended=day(2025, 1, 31)
        )
        return self


@pytest.fixture
def programme(centre, other_centre, astana, volunteer_factory):
    return Programme(
        centre=centre, other_centre=other_centre, astana=astana, volunteer_factory=volunteer_factory
    ).build()


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _headlines(section):
    return {headline.key: headline.value for headline in section.headlines}


def _table(section, key):
    return dict(find([section], key).rows)


STATUS_ROWS = ("Proposed", "Rejected", "Active", "Paused", "Ended")


def test_the_nations_year(programme):
    section = mentoring_section(YEAR)
    assert section.key == "mentoring" and section.order == 60
    assert _headlines(section) == {
        "mentorships_active": 4,  # p1 p2 p5 p8
        "mentors_verified": 4,  # m1 m2 m3 m7
        "mentees": 4,  # t1 t2 t5 t6
        "mentees_matched": 4,  # t1 t2 t5 t6
    }
    assert _table(section, "mentorships_by_pool") == {
        "Children and youth (Sabaqtastyq)": 3,
        "Newcomers to volunteering": 0,
        "Home visits with a social worker (Qamqor)": 1,
    }
    assert _table(section, "mentorships_by_status") == dict(zip(STATUS_ROWS, (1, 1, 2, 1, 2), strict=True))


def test_a_region_and_a_centre(programme, almaty):
    almaty_section = mentoring_section(FigureQuery.year(2025, region_id=almaty.pk))
    assert _headlines(almaty_section) == {
        "mentorships_active": 3, "mentors_verified": 3, "mentees": 3, "mentees_matched": 3,
    }  # fmt: skip
    assert _table(almaty_section, "mentorships_by_status") == dict(
        zip(STATUS_ROWS, (1, 1, 1, 1, 1), strict=True)
    )
    home = mentoring_section(FigureQuery.year(2025, organisation_id=programme.home.pk))
    assert _headlines(home) == {
        "mentorships_active": 2, "mentors_verified": 2, "mentees": 2, "mentees_matched": 2,
    }  # fmt: skip
    assert _table(home, "mentorships_by_pool")["Children and youth (Sabaqtastyq)"] == 2
    assert _table(home, "mentorships_by_status") == dict(zip(STATUS_ROWS, (1, 1, 1, 0, 1), strict=True))


def test_a_shorter_period(programme):
    # January 2025: p5 (paused, since 2024) and p8 ran; m2 and m7 were approved; t1, t5, t6 were on the rolls.
    january = mentoring_section(FigureQuery.months(dt.date(2025, 1, 1), dt.date(2025, 1, 1)))
    assert _headlines(january) == {
        "mentorships_active": 2, "mentors_verified": 2, "mentees": 3, "mentees_matched": 2,
    }  # fmt: skip


def test_labels_follow_the_language(programme):
    with translation.override("ru"):
        section = mentoring_section(YEAR)
        active = str(MentorshipStatus.ACTIVE.label)
    assert section.title == "Наставничество"
    assert find([section], "mentorships_by_status").rows[2][0] == active != "Active"


def _queries(query) -> int:
    with CaptureQueriesContext(connection) as captured:
        mentoring_section(query)
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_pairs(programme):
    queries = YEAR, FigureQuery.year(2025, organisation_id=programme.home.pk)
    before = [_queries(query) for query in queries]
    mentor = programme.mentor(programme.home, decided=dt.date(2025, 1, 1))
    for _number in range(5):
        mentee = programme.mentee(programme.home, dt.date(2025, 1, 1))
        programme.pair(mentee, mentor, MentorshipStatus.ACTIVE, proposed=dt.date(2025, 1, 2),
                       started=dt.date(2025, 1, 3))  # fmt: skip
    assert [_queries(query) for query in queries] == before == [3, 3]
    assert _headlines(mentoring_section(YEAR))["mentorships_active"] == 9
