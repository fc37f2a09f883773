import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from events.models import CalendarFeed, Signup
from events.services.signups import signup_cancel, signup_create
from tests.events.conftest import at
from volunteers.models import AuditEntry

pytestmark = pytest.mark.django_db

TITLE = {"en": "Park clean-up", "ru": "Уборка парка", "kk": "Саябақты тазалау"}


def _url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def _vevents(response) -> dict:
    calendar = Calendar.from_ical(response.content)
    return {str(vevent["uid"]): vevent for vevent in calendar.walk("VEVENT")}


def _feed_token(client) -> str:
    client.get(_url("events:calendar"))
    return CalendarFeed.objects.get().token


@pytest.fixture
def shift(event_factory):
    start = at(7, 9)
    return event_factory(title=TITLE, shifts=[(start, start + dt.timedelta(hours=3), 1)]).shifts.get()


def test_the_ics_of_a_signup_has_its_times_in_utc_and_the_title_in_the_urls_language(
    client, volunteer, shift
):
    signup = signup_create(volunteer=volunteer, shift=shift)
    client.force_login(volunteer)
    response = client.get(_url("events:my_signup_ics", "ru", pk=signup.pk))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == f'attachment; filename="birgemiz-signup-{signup.pk}.ics"'
    [(uid, vevent)] = _vevents(response).items()
    assert uid.startswith(f"signup-{signup.pk}@")
    assert vevent.decoded("dtstart") == shift.starts_at
    assert vevent.decoded("dtstart").utcoffset() == dt.timedelta(0)
    assert vevent.decoded("dtend") == shift.ends_at
    assert str(vevent["summary"]) == "Уборка парка"
    assert str(vevent["location"]) == "Gorky Park, Almaty"
    assert f"/ru/events/{shift.event_id}/" in str(vevent["description"])
    assert (str(vevent["status"]), vevent["sequence"]) == ("CONFIRMED", shift.event.version)


def test_the_ics_of_a_cancelled_signup_says_cancelled_with_the_same_uid(client, volunteer, shift):
    signup = signup_create(volunteer=volunteer, shift=shift)
    client.force_login(volunteer)
    before = _vevents(client.get(_url("events:my_signup_ics", pk=signup.pk)))
    signup_cancel(signup=signup, actor=volunteer)
    after = _vevents(client.get(_url("events:my_signup_ics", pk=signup.pk)))
    assert before.keys() == after.keys()
    assert [str(vevent["status"]) for vevent in after.values()] == ["CANCELLED"]


def test_someone_elses_signup_ics_is_not_found(client, volunteer, volunteer_factory, shift):
    signup = signup_create(volunteer=volunteer, shift=shift)
    client.force_login(volunteer_factory())
    assert client.get(_url("events:my_signup_ics", pk=signup.pk)).status_code == 404


def test_the_ics_needs_a_signed_in_volunteer(client, volunteer, shift):
    signup = signup_create(volunteer=volunteer, shift=shift)
    response = client.get(_url("events:my_signup_ics", pk=signup.pk))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_calendar_page_shows_one_lasting_feed_address(client, volunteer):
    client.force_login(volunteer)
    first = client.get(_url("events:calendar"))
    second = client.get(_url("events:calendar"))
    feed = CalendarFeed.objects.get(user=volunteer)
    address = f"/en/events/feed/{feed.token}.ics"
    assert first.status_code == second.status_code == 200
    assert address in first.content.decode()
    assert address in second.content.decode()
    assert f'href="webcal://testserver{address}"' in first.content.decode()


def test_the_feed_holds_the_owners_active_signups_of_the_last_30_days_and_the_future(
    client, event_factory, volunteer, volunteer_factory, django_assert_max_num_queries
):
    def shift_at(start, capacity=5):
        return event_factory(shifts=[(start, start + dt.timedelta(hours=2), capacity)]).shifts.get()

    forty_days_ago, a_week_ago = at(-40, 9), at(-7, 9)
    with time_machine.travel(at(-45, 8)):
        long_ago = signup_create(volunteer=volunteer, shift=shift_at(forty_days_ago))
        last_week = signup_create(volunteer=volunteer, shift=shift_at(a_week_ago))
    confirmed = signup_create(volunteer=volunteer, shift=shift_at(at(3, 9)))
    full = shift_at(at(5, 9), capacity=1)
    signup_create(volunteer=volunteer_factory(), shift=full)
    waitlisted = signup_create(volunteer=volunteer, shift=full)
    cancelled = signup_create(volunteer=volunteer, shift=shift_at(at(9, 9)))
    signup_cancel(signup=cancelled, actor=volunteer)
    someone_else = signup_create(volunteer=volunteer_factory(), shift=shift_at(at(3, 9)))

    client.force_login(volunteer)
    token = _feed_token(client)
    client.logout()
    with django_assert_max_num_queries(3):
        response = client.get(_url("events:feed", token=token))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    uids = _vevents(response).keys()
    assert {uid.split("@")[0] for uid in uids} == {
        f"signup-{signup.pk}" for signup in (last_week, confirmed, waitlisted)
    }
    body = response.content.decode()
    assert volunteer.email not in body
    for signup in Signup.objects.filter(volunteer=volunteer):
        assert signup.code not in body
    assert f"signup-{long_ago.pk}@" not in body
    assert f"signup-{someone_else.pk}@" not in body


def test_an_unknown_feed_token_is_not_found(client, volunteer):
    client.force_login(volunteer)
    _feed_token(client)
    assert client.get(_url("events:feed", token="not-the-token")).status_code == 404


def test_revoking_the_feed_makes_the_old_address_not_found(client, volunteer, shift):
    signup_create(volunteer=volunteer, shift=shift)
    client.force_login(volunteer)
    old = _feed_token(client)
    assert client.get(_url("events:feed", token=old)).status_code == 200

    response = client.post(_url("events:calendar_revoke"), follow=True)

    new = CalendarFeed.objects.get(user=volunteer).token
    assert new != old
    assert response.redirect_chain == [(_url("events:calendar"), 302)]
    assert new in response.content.decode()
    assert [str(message) for message in response.context["messages"]]
    assert client.get(_url("events:feed", token=old)).status_code == 404
    assert client.get(_url("events:feed", token=new)).status_code == 200
    assert AuditEntry.objects.filter(action="events.calendar_feed.revoked", actor=volunteer).count() == 1


def test_revoking_needs_a_post(client, volunteer):
    client.force_login(volunteer)
    token = _feed_token(client)
    assert client.get(_url("events:calendar_revoke")).status_code == 405
    assert CalendarFeed.objects.get().token == token
