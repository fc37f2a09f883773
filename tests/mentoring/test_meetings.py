# ruff: noqa: F811  (the tests take the fixtures imported from test_lifecycle as arguments)
"""Meetings: the mentor logs them (with the refusals of bad input and a double submission that logs one), the
coordinator acknowledges them, and their hours reach the mentor's volunteer book as hours of mentoring."""

import datetime as dt
import uuid
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone, translation

from tests.mentoring.test_lifecycle import pair, pair_factory, refused, url  # noqa: F401  (fixtures)
from volunteers.mentoring.models import EndReason, Meeting, MentorshipStatus, Pool
from volunteers.mentoring.services.lifecycle import (
    meeting_acknowledge,
    meeting_acknowledge_many,
    meeting_log,
    meeting_withdraw,
    mentorship_end,
    mentorship_pause,
)
from volunteers.models import (
    AuditEntry,
    Direction,
    EntryKind,
    EntryStatus,
    LedgerEntry,
    Membership,
    MembershipRole,
    StageStanding,
)
from volunteers.services.stages import book_figures

pytestmark = pytest.mark.django_db


def hours_entries():
    return LedgerEntry.objects.filter(kind=EntryKind.MENTORING_HOURS)


def days_ago(days):
    return timezone.localdate() - dt.timedelta(days=days)


def log(pair, *, by=None, **changes):
    values = {"occurred_on": days_ago(2), "minutes": 90, "topic": "Homework and chess", "note": ""}
    values.update(changes)
    return meeting_log(mentorship=pair, by=by or pair.mentor.volunteer, **values)


# --- Logging ------------------------------------------------------------------------------------------------


def test_the_mentor_logs_a_meeting(pair):
    pair.reminded_at = timezone.now()
    pair.save(update_fields=["reminded_at"])
    meeting = log(pair, note="We read a book")
    assert (meeting.minutes, meeting.topic, meeting.note) == (90, "Homework and chess", "We read a book")
    assert meeting.logged_by == pair.mentor.volunteer and meeting.acknowledged_at is None
    pair.refresh_from_db()
    assert pair.last_meeting_on == days_ago(2) and pair.reminded_at is None
    log(pair, occurred_on=days_ago(10), topic="An earlier one")  # logged late: the last meeting stays
    pair.refresh_from_db()
    assert pair.last_meeting_on == days_ago(2)
    entry = AuditEntry.objects.filter(action="mentoring.meeting.logged").first()
    assert entry.actor == pair.mentor.volunteer and entry.data["meeting"] in {meeting.pk, meeting.pk + 1}


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"occurred_on": days_ago(-1)}, "meeting_future", "occurred_on"),
        ({"occurred_on": days_ago(31)}, "meeting_before_start", "occurred_on"),
        ({"minutes": 0}, "meeting_length", "minutes"),
        ({"minutes": 1441}, "meeting_length", "minutes"),
        ({"minutes": None}, "meeting_length", "minutes"),
        ({"minutes": "an hour"}, "meeting_length", "minutes"),
        ({"topic": ""}, "meeting_topic", "topic"),
        ({"topic": "   "}, "meeting_topic", "topic"),
    ],
)
def test_bad_input_is_refused(pair, changes, code, field):
    error = refused(code, log, pair=pair, **changes)
    assert error.field == field
    assert not Meeting.objects.exists()


def test_the_bounds_are_allowed(pair):
    log(pair, minutes=1, occurred_on=pair.started_on)
    log(pair, minutes=1440, occurred_on=timezone.localdate(), topic="A whole day out")
    assert Meeting.objects.count() == 2


def test_the_messages_say_what_is_wrong(pair):
    error = refused("meeting_before_start", log, pair=pair, occurred_on=days_ago(40))
    with translation.override("en"):
        assert error.message.startswith("The meeting date cannot be before the mentorship started (")
        assert refused("meeting_length", log, pair=pair, minutes=2000).message == (
            "Give the duration in minutes, from 1 to 1440 (one day)."
        )


def test_no_meeting_for_a_paused_or_ended_pair(pair, centre_coordinator):
    mentorship_pause(mentorship=pair, by=centre_coordinator)
    refused("meeting_not_active", log, pair=pair)
    mentorship_end(mentorship=pair, by=centre_coordinator, reason=EndReason.OTHER)
    refused("meeting_not_active", log, pair=pair)
    assert not Meeting.objects.exists()


def test_only_the_pairs_mentor_logs(pair, centre_coordinator, mentor_factory, other_centre_coordinator):
    refused("meeting_mentor_only", log, pair=pair, by=centre_coordinator)
    refused("mentorship_unknown", log, pair=pair, by=mentor_factory().volunteer)
    refused("mentorship_unknown", log, pair=pair, by=other_centre_coordinator)
    assert not Meeting.objects.exists()


def test_a_double_submission_logs_one_meeting(pair):
    first = log(pair)
    assert log(pair) == first
    assert Meeting.objects.count() == 1
    assert AuditEntry.objects.filter(action="mentoring.meeting.logged").count() == 1
    # A second meeting like it, logged later on purpose, is a meeting of its own.
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=5)):
        log(pair)
    assert Meeting.objects.count() == 2


# --- Logging through the pages ------------------------------------------------------------------------------


def form(**changes):
    data = {"occurred_on": days_ago(1).isoformat(), "minutes": "60", "topic": "Football", "note": "",
            "nonce": str(uuid.uuid4())}  # fmt: skip
    data.update(changes)
    return data


def test_the_mentor_logs_on_the_page_and_sees_it_pending(client, pair):
    client.force_login(pair.mentor.volunteer)
    page = client.get(url("mentoring:my_pairs"))
    assert page.status_code == 200 and f'action="{url("mentoring:my_pair_meeting", pair.pk)}"' in (
        page.content.decode()
    )
    response = client.post(url("mentoring:my_pair_meeting", pair.pk), form())
    assert response.status_code == 302 and response["Location"] == url("mentoring:my_pair", pair.pk)
    html = client.get(url("mentoring:my_pair", pair.pk)).content.decode()
    assert "Football" in html and "Waiting for the coordinator" in html


def test_the_same_form_sent_twice_logs_one_meeting(client, pair):
    client.force_login(pair.mentor.volunteer)
    data = form()
    assert client.post(url("mentoring:my_pair_meeting", pair.pk), data).status_code == 302
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=10)):
        again = client.post(url("mentoring:my_pair_meeting", pair.pk), data, follow=True)
    assert "This meeting is already logged." in again.content.decode()
    assert Meeting.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"occurred_on": days_ago(-3).isoformat()},
            "occurred_on",
            "The meeting date cannot be in the future.",
        ),
        ({"minutes": "0"}, "minutes", "Give the duration in minutes, from 1 to 1440 (one day)."),
        ({"minutes": "1441"}, "minutes", "Give the duration in minutes, from 1 to 1440 (one day)."),
        ({"minutes": ""}, "minutes", "Give the duration in minutes, from 1 to 1440 (one day)."),
        ({"topic": ""}, "topic", "Say what the meeting was about."),
        ({"occurred_on": "yesterday"}, "occurred_on", "Enter a valid date."),
        ({"nonce": "not-a-uuid"}, "nonce", "Enter a valid UUID."),
    ],
)
def test_bad_input_on_the_page_shows_next_to_the_field(client, pair, changes, field, message):
    client.force_login(pair.mentor.volunteer)
    response = client.post(url("mentoring:my_pair_meeting", pair.pk), form(**changes))
    assert response.status_code == 400
    assert message in response.context["meeting_form"].errors[field]
    assert not Meeting.objects.exists()


def test_every_mistake_of_the_form_shows_at_once(client, pair):
    client.force_login(pair.mentor.volunteer)
    response = client.post(
        url("mentoring:my_pair_meeting", pair.pk),
        form(occurred_on=days_ago(45).isoformat(), minutes="0", topic=""),
    )
    errors = response.context["meeting_form"].errors
    assert response.status_code == 400 and set(errors) == {"occurred_on", "minutes", "topic"}
    assert errors["occurred_on"][0].startswith("The meeting date cannot be before the mentorship started")


def test_someone_elses_pair_is_a_404(client, pair, mentor_factory):
    client.force_login(mentor_factory().volunteer)
    assert client.post(url("mentoring:my_pair_meeting", pair.pk), form()).status_code == 404
    assert client.get(url("mentoring:my_pair_meeting", pair.pk)).status_code == 405
    assert not Meeting.objects.exists()


def test_a_paused_pair_refuses_on_the_page(client, pair, centre_coordinator):
    mentorship_pause(mentorship=pair, by=centre_coordinator)
    client.force_login(pair.mentor.volunteer)
    response = client.post(url("mentoring:my_pair_meeting", pair.pk), form())
    assert response.status_code == 400
    assert "Meetings can be logged only for an active mentorship." in response.content.decode()


# --- Withdrawing --------------------------------------------------------------------------------------------


def test_the_mentor_withdraws_a_pending_meeting_but_not_an_acknowledged_one(pair, centre_coordinator):
    older = log(pair, occurred_on=days_ago(9), topic="First")
    newer = log(pair, occurred_on=days_ago(2), topic="Second")
    meeting_withdraw(meeting=newer, by=pair.mentor.volunteer)
    pair.refresh_from_db()
    assert pair.last_meeting_on == days_ago(9) and not Meeting.objects.filter(pk=newer.pk).exists()
    meeting_withdraw(meeting=newer, by=pair.mentor.volunteer)  # a repeated click changes nothing
    meeting_acknowledge(meeting=older, by=centre_coordinator)
    refused("meeting_acknowledged", meeting_withdraw, meeting=older, by=pair.mentor.volunteer)
    refused("meeting_unknown", meeting_withdraw, meeting=older, by=centre_coordinator)


# --- Acknowledging ------------------------------------------------------------------------------------------


def test_acknowledging_writes_the_hours_to_the_volunteer_book(pair, centre_coordinator):
    meeting = log(pair, minutes=90)
    entry = meeting_acknowledge(meeting=meeting, by=centre_coordinator)
    meeting.refresh_from_db()
    assert meeting.acknowledged_by == centre_coordinator and meeting.acknowledged_at is not None
    assert entry.volunteer == pair.mentor.volunteer
    assert (entry.kind, entry.status, entry.hours) == (EntryKind.MENTORING_HOURS, EntryStatus.VERIFIED,
                                                       Decimal("1.50"))  # fmt: skip
    assert entry.source == f"mentoring.meeting:{meeting.pk}" and entry.occurred_on == meeting.occurred_on
    assert entry.subject == f"mentoring.mentorship:{pair.pk}" and entry.verified_by == centre_coordinator
    assert entry.organisation == pair.organisation and entry.region == pair.organisation.region
    assert entry.direction == Direction.objects.get(slug="sabaqtastyq")
    assert entry.title["kk"] == "Тәлімгерлік кездесу" and entry.title["en"] == "Mentoring meeting"
    assert AuditEntry.objects.filter(
        action="mentoring.meeting.acknowledged", actor=centre_coordinator, data__meeting=meeting.pk
    ).exists()


@pytest.mark.parametrize(("minutes", "hours"), [(50, "0.83"), (1, "0.02"), (1440, "24.00"), (45, "0.75")])
def test_minutes_become_hours_to_the_hundredth(pair, centre_coordinator, minutes, hours):
    entry = meeting_acknowledge(meeting=log(pair, minutes=minutes), by=centre_coordinator)
    assert entry.hours == Decimal(hours)


def test_home_visits_count_for_qamqor(pair_factory, mentor_factory, centre_coordinator):
    mentor = mentor_factory(pools=(Pool.HOME_VISITS,), certified=False)
    visit = pair_factory(mentor=mentor, pool=Pool.HOME_VISITS)
    entry = meeting_acknowledge(meeting=log(visit), by=centre_coordinator)
    assert entry.direction.slug == "qamqor"


def test_acknowledging_twice_is_refused_and_writes_one_entry(
    pair, centre_coordinator, coordinator_factory, centre
):
    meeting = log(pair)
    meeting_acknowledge(meeting=meeting, by=centre_coordinator)
    refused("meeting_acknowledged", meeting_acknowledge, meeting=meeting, by=centre_coordinator)
    refused("meeting_acknowledged", meeting_acknowledge, meeting=meeting, by=coordinator_factory(centre))
    assert LedgerEntry.objects.filter(source=meeting.ledger_source).count() == 1


def test_a_mentor_cannot_acknowledge_their_own_meeting(pair, centre):
    meeting = log(pair)
    mentor = pair.mentor.volunteer
    refused("meeting_own", meeting_acknowledge, meeting=meeting, by=mentor)
    # Not even when they also coordinate the centre.
    Membership.objects.create(user=mentor, organisation=centre, role=MembershipRole.COORDINATOR)
    refused("meeting_own", meeting_acknowledge, meeting=meeting, by=mentor)
    assert meeting_acknowledge_many(meetings=[meeting], by=mentor) == 0
    assert not hours_entries().exists()


def test_another_centre_cannot_acknowledge(client, pair, other_centre_coordinator):
    meeting = log(pair)
    refused("meeting_unknown", meeting_acknowledge, meeting=meeting, by=other_centre_coordinator)
    assert meeting_acknowledge_many(meetings=[meeting.pk], by=other_centre_coordinator) == 0
    client.force_login(other_centre_coordinator)
    assert client.post(url("mentoring:meeting_acknowledge", meeting.pk)).status_code == 404
    client.post(url("mentoring:meetings_acknowledge"), {"meeting": [meeting.pk]})
    meeting.refresh_from_db()
    assert meeting.acknowledged_at is None and not hours_entries().exists()


def test_acknowledge_many_takes_what_waits_and_is_harmless_repeated(pair_factory, centre_coordinator):
    first, second = pair_factory(), pair_factory()
    meetings = [log(first), log(first, topic="Museum"), log(second)]
    meeting_acknowledge(meeting=meetings[0], by=centre_coordinator)
    assert meeting_acknowledge_many(meetings=meetings, by=centre_coordinator) == 2
    assert meeting_acknowledge_many(meetings=meetings, by=centre_coordinator) == 0
    assert hours_entries().count() == 3


def test_acknowledging_on_the_pages(client, pair, centre_coordinator):
    one, two = log(pair, topic="Chess"), log(pair, topic="Cinema", minutes=30)
    client.force_login(centre_coordinator)
    dashboard = url("mentoring:dashboard")
    response = client.post(url("mentoring:meeting_acknowledge", one.pk), {"next": dashboard})
    assert response.status_code == 302 and response["Location"] == dashboard
    again = client.post(url("mentoring:meeting_acknowledge", one.pk), follow=True)
    assert "This meeting has already been acknowledged." in again.content.decode()
    response = client.post(
        url("mentoring:meetings_acknowledge"),
        {"meeting": [one.pk, two.pk, "x", "999999999999999999999"], "next": "https://evil.example/"},
    )
    assert response.status_code == 302 and response["Location"] == dashboard
    assert hours_entries().count() == 2
    assert client.get(url("mentoring:meeting_acknowledge", one.pk)).status_code == 405


def test_the_hours_count_in_the_book_and_the_standing_as_mentoring(
    pair,
    centre_coordinator,
    django_capture_on_commit_callbacks,
):
    meeting = log(pair, minutes=150)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        meeting_acknowledge(meeting=meeting, by=centre_coordinator)
    assert callbacks  # the stage evaluation, queued once the acknowledgement commits
    figures = book_figures(volunteer=pair.mentor.volunteer)
    assert figures.mentoring_hours == Decimal("2.50") and figures.hours == Decimal("2.50")
    standing = StageStanding.objects.get(volunteer=pair.mentor.volunteer)
    assert standing.mentoring_hours == Decimal("2.50")


def test_ended_pairs_meetings_can_still_be_acknowledged(pair, centre_coordinator):
    meeting = log(pair)
    mentorship_end(mentorship=pair, by=centre_coordinator, reason=EndReason.GOAL_REACHED)
    assert meeting_acknowledge(meeting=meeting, by=centre_coordinator).hours == Decimal("1.50")
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ENDED
