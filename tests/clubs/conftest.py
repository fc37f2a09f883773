# ruff: noqa: F811  (fixtures take the fixtures re-exported below as arguments)
"""The clubs as the tests make them: an organisation with a coordinator, silver volunteers (60 years old
unless told), verified masters of a craft, clubs with a weekly schedule and their sessions made."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.events.conftest import (  # noqa: F401  (people and organisations, as the events tests make them)
    almaty,
    coordinator,
    coordinator_factory,
    organisation,
    other_organisation,
    volunteer,
    volunteer_factory,
)
from volunteers.clubs.models import Audience, Club, ClubStatus, Craft, Master, MasterStatus
from volunteers.clubs.schedule import sessions_sync
from volunteers.models import Region


@pytest.fixture
def astana(seeded):
    return Region.objects.get(iso_code="KZ-71")


@pytest.fixture
def craft(seeded) -> Craft:
    return Craft.objects.get(slug="woodwork")


@pytest.fixture
def other_craft(seeded) -> Craft:
    return Craft.objects.get(slug="sewing")


@pytest.fixture
def silver_factory(volunteer_factory):
    """A silver volunteer: 60 years old by default (`age`), or younger and `is_retired=True`."""

    def make(*, age=60, **extra):
        return volunteer_factory(age=age, **extra)

    return make


@pytest.fixture
def master_factory(silver_factory, organisation, almaty, craft):
    """A master of `craft` (woodwork by default), verified unless `status` says otherwise."""
    defaults = {"organisation": organisation, "region": almaty, "craft": craft}

    def make(*, volunteer=None, craft=None, status=MasterStatus.VERIFIED, organisation=None, region=None,
             story="Forty years of carving.", **extra):  # fmt: skip
        return Master.objects.create(
            volunteer=volunteer or silver_factory(**extra), craft=craft or defaults["craft"],
            organisation=organisation or defaults["organisation"], region=region or defaults["region"],
            story=story, status=status,
            decided_at=timezone.now() if status == MasterStatus.VERIFIED else None,
        )  # fmt: skip

    return make


@pytest.fixture
def master(master_factory):
    return master_factory()


def next_weekday(weekday: int, *, after: dt.date | None = None) -> dt.date:
    """The first `weekday` (0 = Monday) strictly after `after` (today by default)."""
    day = (after or timezone.localdate()) + dt.timedelta(days=1)
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


@pytest.fixture
def club_factory(organisation, almaty, craft, master):
    """A club open for enrolment, meeting on Saturdays for 8 weeks from the next Saturday, 10:00-12:00, for
    children 7-14, 10 places, led by `master`; its sessions made."""

    def make(*, masters=None, status=ClubStatus.OPEN, capacity=10, min_age=7, max_age=14,
             audience=Audience.BOYS, weekdays=(5,), starts_on=None, weeks=8, organisation=None, region=None,
             craft=None, title=None):  # fmt: skip
        starts_on = starts_on or next_weekday(weekdays[0])
        club = Club.objects.create(
            organisation=organisation or default["organisation"], craft=craft or default["craft"],
            title=title or {"kk": "Ата көрген оқ жонар", "ru": "Ата көрген оқ жонар", "en": "Woodwork club"},
            description={"en": "Carving spoons and toys."}, audience=audience,
            region=region or default["almaty"], city="Almaty", address="Abai Ave 10", min_age=min_age,
            max_age=max_age, capacity=capacity, languages=["kk", "ru"], starts_on=starts_on,
            ends_on=starts_on + dt.timedelta(weeks=weeks, days=-1),
            weekdays=list(weekdays), start_time=dt.time(10), end_time=dt.time(12), status=status,
            published_at=timezone.now() if status != ClubStatus.DRAFT else None,
        )  # fmt: skip
        club.masters.set(default["master"] if masters is None else masters)
        sessions_sync(club)
        return club

    default = {"organisation": organisation, "almaty": almaty, "craft": craft, "master": [master]}
    return make


@pytest.fixture
def club(club_factory):
    return club_factory()


def born_aged(years: int, *, on: dt.date | None = None) -> dt.date:
    """A date of birth that makes a child `years` old on `on` (today by default), with a birthday not near."""
    on = on or timezone.localdate()
    born = on.replace(year=on.year - years, day=1) if on.day > 1 else on.replace(year=on.year - years)
    return born
