"""Roadmap item 25: a signed-in silver volunteer (50 or over, or retired) sees the events suited to silver
volunteers first in the public listing, then the usual order; everyone else sees the usual order."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from volunteers.models import VolunteerProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(event_factory):
    """Soonest first: two events for everyone, then two suited to silver volunteers."""
    return {
        "first": event_factory(days=2, title={"en": "First"}),
        "second": event_factory(days=3, title={"en": "Second"}),
        "silver-a": event_factory(days=4, title={"en": "Silver A"}, silver_friendly=True),
        "silver-b": event_factory(days=5, title={"en": "Silver B"}, silver_friendly=True),
    }


def _order(client, query: str = "") -> list[str]:
    with translation.override("en"):
        response = client.get(f"/en/events/{query}")
    assert response.status_code == 200
    return [str(event.title) for event in response.context["page"].object_list]


USUAL = ["First", "Second", "Silver A", "Silver B"]
SILVER_FIRST = ["Silver A", "Silver B", "First", "Second"]


def test_a_volunteer_of_sixty_sees_silver_events_first(client, events, volunteer_factory):
    client.force_login(volunteer_factory(age=60))
    assert _order(client) == SILVER_FIRST


def test_a_retired_volunteer_of_forty_eight_too(client, events, volunteer_factory):
    client.force_login(volunteer_factory(age=48, is_retired=True))
    assert _order(client) == SILVER_FIRST


def test_at_the_silver_age_exactly(client, events, volunteer_factory, settings):
    settings.VOLUNTEERS_SILVER_AGE = 55
    client.force_login(volunteer_factory(age=55))
    assert _order(client) == SILVER_FIRST


@pytest.mark.parametrize("age", [25, 49])
def test_younger_volunteers_see_the_usual_order(client, events, volunteer_factory, age):
    client.force_login(volunteer_factory(age=age))
    assert _order(client) == USUAL


def test_visitors_and_people_without_a_profile_see_the_usual_order(client, events, user_factory):
    assert _order(client) == USUAL
    client.force_login(user_factory(email="no-profile@example.kz"))
    assert _order(client) == USUAL


def test_a_profile_without_a_date_of_birth_is_not_silver(client, events, volunteer_factory):
    volunteer = volunteer_factory(age=70)
    VolunteerProfile.objects.filter(user=volunteer).update(date_of_birth=None)
    client.force_login(volunteer)
    assert _order(client) == USUAL


def test_silver_first_keeps_the_filters(client, events, volunteer_factory):
    client.force_login(volunteer_factory(age=65))
    assert _order(client, "?q=second") == ["Second"]
    assert _order(client, "?silver=on") == ["Silver A", "Silver B"]
    events["silver-b"].is_online = True
    events["silver-b"].save(update_fields=["is_online"])
    assert _order(client, "?online=no") == ["Silver A", "First", "Second"]


def test_the_same_queries_for_any_page_size(client, event_factory, volunteer_factory):
    client.force_login(volunteer_factory(age=60))
    event_factory(silver_friendly=True)
    _order(client)  # the city choices, menus and footer are then cached
    with CaptureQueriesContext(connection) as one:
        _order(client)
    for days in range(2, 14):
        event_factory(days=days, silver_friendly=days % 2 == 0)
    _order(client)
    with CaptureQueriesContext(connection) as many:
        assert len(_order(client)) == 13
    assert len(many) == len(one)
