"""Factories for the events tests: an organisation with a coordinator, volunteers of a given age, and events
made through the coordinators' services (so every event in a test is one a coordinator could make)."""

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from events.models import DayOfAction, Event
from events.services.events import EventData, ShiftData, event_create, event_publish
from volunteers.models import (
    Direction,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    Region,
    VolunteerProfile,
)

_numbers = itertools.count(1)


@pytest.fixture
def almaty(seeded):
    return Region.objects.get(iso_code="KZ-75")


@pytest.fixture
def organisation(almaty):
    return Organisation.objects.create(
        slug="steppe-care", kind=OrganisationKind.NGO, region=almaty, name={"en": "Steppe Care", "kk": "Дала"}
    )


@pytest.fixture
def other_organisation(almaty):
    return Organisation.objects.create(
        slug="green-city", kind=OrganisationKind.NGO, region=almaty, name={"en": "Green City"}
    )


@pytest.fixture
def coordinator_factory(user_factory):
    def make(organisation, email=None, role=MembershipRole.COORDINATOR):
        user = user_factory(email=email or f"coordinator{next(_numbers)}@example.kz", first_name="Aigerim")
        Membership.objects.create(user=user, organisation=organisation, role=role)
        return user

    return make


@pytest.fixture
def coordinator(coordinator_factory, organisation):
    return coordinator_factory(organisation, email="coordinator@example.kz")


@pytest.fixture
def volunteer_factory(user_factory, almaty):
    """A volunteer with a profile, `age` years old today; minors under 16 get a confirmed guardian consent
    unless `guardian=False`."""

    def make(age=25, email=None, language="en", guardian=True, **extra):
        number = next(_numbers)
        user = user_factory(email=email or f"volunteer{number}@example.kz", first_name=f"Volunteer{number}")
        today = timezone.localdate()
        born = (
            today.replace(year=today.year - age, day=1)
            if today.day > 1
            else today.replace(year=today.year - age)
        )
        profile = VolunteerProfile.objects.create(
            user=user, date_of_birth=born, region=almaty, language=language, **extra
        )
        if age < 16:
            profile.guardian_consents.create(
                guardian_name="Parent",
                guardian_email=f"parent{number}@example.kz",
                language=language,
                confirmed_at=timezone.now() if guardian else None,
            )
        return user

    return make


@pytest.fixture
def volunteer(volunteer_factory):
    return volunteer_factory(email="volunteer@example.kz")


def at(days: float = 7, hour: int = 10) -> dt.datetime:
    """A moment `days` from today at `hour` o'clock, Almaty time."""
    day = timezone.localdate() + dt.timedelta(days=int(days))
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.fixture
def event_factory(organisation, coordinator, almaty):
    """A published event (unless publish=False) with one shift per (start, end, capacity) in `shifts`."""

    def make(
        *, title=None, shifts=None, publish=True, organisation_=None, actor=None, direction="taza-alem",
        days=7, **fields,
    ):  # fmt: skip
        starts = at(days, 9)
        shifts = shifts or [(starts, starts + dt.timedelta(hours=3), 10)]
        place = {"region": almaty, "city": "Almaty", "address": "Gorky Park", "languages": ["kk", "ru"]}
        data = EventData(
            title=title
            or {"en": f"Park clean-up {next(_numbers)}", "ru": "Уборка парка", "kk": "Саябақты тазалау"},
            direction=Direction.objects.get(slug=direction),
            starts_at=min(start for start, _end, _cap in shifts),
            ends_at=max(end for _start, end, _cap in shifts),
            **{**place, **fields},
        )
        items = [ShiftData(starts_at=start, ends_at=end, capacity=cap) for start, end, cap in shifts]
        [event] = event_create(
            organisation=organisation_ or organisation, data=data, shifts=items, actor=actor or coordinator
        )
        if publish:
            event_publish(event=event, actor=actor or coordinator)
        return Event.objects.get(pk=event.pk)

    return make


@pytest.fixture
def day_of_action(seeded):
    return DayOfAction.objects.get(slug="clean-planet")
