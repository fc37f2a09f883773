# ruff: noqa: F811  (fixtures take the fixtures re-exported below as arguments)
"""People of mentoring as the tests make them: centres with coordinators, mentors who are eligible (approved,
background check and safeguarding certificate valid) unless told otherwise, mentees of a centre."""

import datetime as dt

import pytest
from django.utils import timezone

from cms.models import HomePage
from tests.events.conftest import (  # noqa: F401  (people and organisations, as the events tests make them)
    almaty,
    coordinator,
    coordinator_factory,
    organisation,
    other_organisation,
    volunteer,
    volunteer_factory,
)
from training.models import CoursePage, Enrolment, Qualification
from training.services.certificates import certificate_issue
from volunteers.mentoring.models import BackgroundCheck, Mentee, Mentor, MentorStatus, Pool
from volunteers.models import Organisation, OrganisationKind, Region


@pytest.fixture
def centre(almaty):
    return Organisation.objects.create(
        slug="bala-uyi", kind=OrganisationKind.CHILDREN_HOME, region=almaty,
        name={"en": "Almaty children's home No. 1", "kk": "№1 балалар үйі", "ru": "Детский дом №1"},
    )  # fmt: skip


@pytest.fixture
def other_centre(almaty):
    return Organisation.objects.create(
        slug="shanyraq", kind=OrganisationKind.SOCIAL_SERVICE_CENTRE, region=almaty,
        name={"en": "Shanyraq social service centre"},
    )  # fmt: skip


@pytest.fixture
def astana(seeded):
    return Region.objects.get(iso_code="KZ-71")


@pytest.fixture
def centre_coordinator(coordinator_factory, centre):
    return coordinator_factory(centre, email="centre@example.kz")


@pytest.fixture
def other_centre_coordinator(coordinator_factory, other_centre):
    return coordinator_factory(other_centre, email="other-centre@example.kz")


@pytest.fixture
def safeguarding(seeded) -> CoursePage:
    """A course that qualifies for Sabaqtastyq, valid 24 months: the page alone, without lessons (the training
    tests cover learning; mentoring needs the certificate)."""
    home = HomePage.objects.get(locale__language_code="kk")
    course = CoursePage(
        title="Балалармен жұмыс: қорғау", slug="safeguarding", summary="Safeguarding.", duration_minutes=60,
        outcomes="<p>Safe boundaries.</p>",
        qualification=Qualification.SAFEGUARDING, validity_months=24, locale=home.locale,
    )  # fmt: skip
    home.add_child(instance=course)
    return course


def certify(user, course: CoursePage):
    """The certificate of `course`, issued as on completing it (the lessons are not what mentoring tests)."""
    enrolment = Enrolment.objects.create(
        user=user,
        course_key=course.translation_key,
        round_started_at=timezone.now(),
        completed_at=timezone.now(),
    )
    return certificate_issue(enrolment=enrolment, course=course)


@pytest.fixture
def mentor_factory(volunteer_factory, centre, almaty, safeguarding):
    """An approved mentor, eligible for children (a valid check and certificate) unless `check=False`,
    `certified=False` or `status=...` say otherwise."""

    def make(
        *, age=30, gender="female", languages=("kk", "ru"), interests=("sport", "reading"), capacity=1,
        pools=(Pool.CHILDREN,), availability=("sat-morning", "sun-afternoon"), district="Medeu",
        status=MentorStatus.APPROVED, check=True, certified=True, organisation=None, region=None,
        email=None, language="en",
    ):  # fmt: skip
        user = volunteer_factory(age=age, gender=gender, email=email, language=language)
        mentor = Mentor.objects.create(
            volunteer=user, organisation=organisation or centre, region=region or almaty,
            pools=list(pools), district=district, capacity=capacity, languages=list(languages),
            interests=list(interests), availability=list(availability), status=status,
        )  # fmt: skip
        if check:
            today = timezone.localdate()
            BackgroundCheck.objects.create(
                mentor=mentor,
                issued_on=today - dt.timedelta(days=30),
                expires_on=today + dt.timedelta(days=335),
            )
        if certified:
            certify(user, safeguarding)
        return mentor

    return make


@pytest.fixture
def mentee_factory(centre):
    def make(
        *, organisation=None, name="A. K.", age=12, gender="female", languages=("kk",),
        interests=("sport",), needs=("schoolwork",), availability=("sat-morning",), pool=Pool.CHILDREN,
        demand=1, volunteer=None,
    ):  # fmt: skip
        return Mentee.objects.create(
            organisation=organisation or centre, pool=pool, name=name,
            birth_year=timezone.localdate().year - age if age is not None else None, gender=gender,
            languages=list(languages), interests=list(interests), needs=list(needs),
            availability=list(availability), demand=demand, volunteer=volunteer,
        )  # fmt: skip

    return make
