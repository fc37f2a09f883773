"""The training section of the figures (training/figures.py) against counts made by hand.

Certificates, each recorded in the volunteer book as the certificate service records it:
    Aru (Almaty, a member of Steppe Care)   Introduction 2025-03-10, First aid 2025-03-20, Introduction
                                            2024-12-31 (the year before)
    Bolat (Almaty)                          Introduction 2025-07-01, First aid 2025-05-05 (revoked),
                                            Introduction 2026-01-01 (the year after)
    Dana (Astana)                           Introduction 2025-07-15
    Yerlan (Almaty, no longer a member)     Introduction 2025-02-02
"""

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from training.figures import training_section
from training.models import Certificate, Enrolment
from training.services.certificates import certificate_revoke, ledger_source
from volunteers.models import EntryKind, Membership, Region, VolunteerProfile
from volunteers.reporting.figures import FigureQuery, find
from volunteers.reporting.services.rollups import rollups_refresh
from volunteers.services.ledger import ledger_fact_record
from volunteers.services.stages import course_subject

pytestmark = pytest.mark.django_db

INTRO = {"kk": "Волонтерлікке кіріспе", "ru": "Введение в волонтёрство", "en": "Introduction to volunteering"}
FIRST_AID = {"kk": "Алғашқы көмек", "ru": "Первая помощь", "en": "First aid"}
YEAR = FigureQuery.year(2025)


def certificate(user, titles: dict, key: uuid.UUID, day: dt.date) -> Certificate:
    """A certificate issued on `day` and its fact in the book, as the certificate service issues them."""
    enrolment, _created = Enrolment.objects.get_or_create(
        user=user, course_key=key, defaults={"round_started_at": dt.datetime(2024, 1, 1, tzinfo=dt.UTC)}
    )
    issued = Certificate.objects.create(
        user=user, enrolment=enrolment, course_key=key, holder_name="V", course_title=titles, issued_on=day
    )
    ledger_fact_record(
        volunteer=user, kind=EntryKind.COURSE_COMPLETED, occurred_on=day, source=ledger_source(issued),
        subject=course_subject(key), title=titles,
    )  # fmt: skip
    return issued


class Learners:
    def __init__(self, *, volunteer_factory, organisation, coordinator):
        self.organisation, self.coordinator = organisation, coordinator
        self.intro, self.first_aid = uuid.uuid4(), uuid.uuid4()
        self.aru, self.bolat, self.dana, self.yerlan = (volunteer_factory() for _number in range(4))
        self.astana = Region.objects.get(iso_code="KZ-71")
        VolunteerProfile.objects.filter(user=self.dana).update(region=self.astana)
        Membership.objects.create(user=self.aru, organisation=organisation)
        Membership.objects.create(user=self.yerlan, organisation=organisation, active=False)

    def build(self):
        day = dt.date
        certificate(self.aru, INTRO, self.intro, day(2025, 3, 10))
        certificate(self.aru, FIRST_AID, self.first_aid, day(2025, 3, 20))
        certificate(self.aru, INTRO, self.intro, day(2024, 12, 31))
        certificate(self.bolat, INTRO, self.intro, day(2025, 7, 1))
        revoked = certificate(self.bolat, FIRST_AID, self.first_aid, day(2025, 5, 5))
        certificate_revoke(certificate=revoked, by=self.coordinator, reason="issued in error")
        certificate(self.bolat, INTRO, self.intro, day(2026, 1, 1))
        certificate(self.dana, INTRO, self.intro, day(2025, 7, 15))
        certificate(self.yerlan, INTRO, self.intro, day(2025, 2, 2))
        rollups_refresh()
        return self


@pytest.fixture
def learners(volunteer_factory, organisation, coordinator):
    return Learners(
        volunteer_factory=volunteer_factory, organisation=organisation, coordinator=coordinator
    ).build()


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _table(section, key):
    return dict(find([section], key).rows)


def test_the_nations_year(learners):
    section = training_section(YEAR)
    assert section.key == "training" and section.order == 50
    assert find([section], "courses_completed").value == 5  # the revoked one and the other years' are not
    assert find([section], "courses_by_course").rows == (
        ("Introduction to volunteering", 4),
        ("First aid", 1),
    )
    months = _table(section, "courses_by_month")
    assert len(months) == 12
    assert (months["February 2025"], months["March 2025"], months["May 2025"], months["July 2025"]) == (
        1,
        2,
        0,
        2,
    )


def test_a_region_and_an_organisation(learners, almaty):
    almaty_section = training_section(FigureQuery.year(2025, region_id=almaty.pk))
    assert find([almaty_section], "courses_completed").value == 4
    assert _table(almaty_section, "courses_by_course") == {"Introduction to volunteering": 3, "First aid": 1}
    astana = training_section(FigureQuery.year(2025, region_id=learners.astana.pk))
    assert find([astana], "courses_completed").value == 1
    # Steppe Care's active members: Aru only (Yerlan's membership ended).
    steppe = training_section(FigureQuery.year(2025, organisation_id=learners.organisation.pk))
    assert find([steppe], "courses_completed").value == 2
    assert _table(steppe, "courses_by_course") == {"Introduction to volunteering": 1, "First aid": 1}
    assert _table(steppe, "courses_by_month")["March 2025"] == 2


def test_course_titles_in_the_active_language(learners):
    with translation.override("ru"):
        section = training_section(YEAR)
    assert find([section], "courses_by_course").rows[0] == ("Введение в волонтёрство", 4)
    assert section.title == "Обучение"


def _queries(query) -> int:
    with CaptureQueriesContext(connection) as captured:
        training_section(query)
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_certificates(learners, volunteer_factory):
    queries = YEAR, FigureQuery.year(2025, organisation_id=learners.organisation.pk)
    before = [_queries(query) for query in queries]
    for number in range(5):
        person = volunteer_factory()
        Membership.objects.create(user=person, organisation=learners.organisation)
        certificate(person, {"en": f"Course {number}"}, uuid.uuid4(), dt.date(2025, 4, number + 1))
    rollups_refresh()
    assert [_queries(query) for query in queries] == before == [3, 2]
    assert find([training_section(YEAR)], "courses_completed").value == 10
