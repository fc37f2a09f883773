import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from events.models import Event, EventStatus, Shift
from events.services.demo import demo_events_ensure
from volunteers.services.reference import demo_accounts_ensure

pytestmark = pytest.mark.django_db


def test_the_demo_events_are_made_once_published_with_shifts(seeded):
    created = demo_events_ensure()
    assert created >= 8
    assert demo_events_ensure() == 0
    events = Event.objects.all()
    assert events.count() == created
    assert set(events.values_list("status", flat=True)) == {EventStatus.PUBLISHED}
    assert not events.filter(shifts__isnull=True).exists()
    assert set(events.values_list("organisation__slug", flat=True)) == {"front-office-kz-75"}


def test_the_demo_events_fall_in_the_coming_weeks(seeded):
    now = timezone.make_aware(dt.datetime(2026, 12, 20, 9))  # noqa: DTZ001 - made aware in the site's zone
    with time_machine.travel(now, tick=False):
        demo_events_ensure()
    starts = Event.objects.values_list("starts_at", flat=True)
    assert min(starts) > now
    assert max(starts) < now + dt.timedelta(weeks=5)


def test_the_demo_shows_each_kind_of_event(seeded):
    demo_events_ensure()
    events = Event.objects.all()
    assert events.filter(is_online=True).count() == 1
    assert events.filter(adults_only=True).count() == 1
    assert events.filter(silver_friendly=True).count() == 1
    assert events.filter(day_of_action__slug="save-a-life").count() == 1
    assert events.filter(series__isnull=False).count() >= 2
    assert len(events.values_list("direction", flat=True).distinct()) >= 6
    missing_english = [event for event in events if event.title.missing() == ["en"]]
    assert len(missing_english) == 1
    assert all(not event.title.missing() for event in events if event not in missing_english)
    assert not Shift.objects.filter(task={}).exists()


def test_without_the_demo_accounts_the_events_have_no_author(seeded):
    demo_events_ensure()
    assert set(Event.objects.values_list("created_by", flat=True)) == {None}


def test_with_the_demo_accounts_the_coordinator_made_them_and_a_shift_is_nearly_full(seeded):
    demo_accounts_ensure()
    demo_events_ensure()
    assert set(Event.objects.values_list("created_by__email", flat=True)) == {"coordinator@demo.birgemiz.kz"}
    nearly_full = Shift.objects.get(signups__volunteer__email="volunteer@demo.birgemiz.kz")
    assert nearly_full.places_left == 1
