# ruff: noqa: F811  (the tests take the fixtures imported from test_lifecycle as arguments)
"""Reminders: a mentor whose pair has had no meeting for the centre's number of weeks gets one e-mail a
period, in their language; a logged meeting starts the clock again; the centre's coordinators get a digest."""

import datetime as dt
import io
import smtplib

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.mentoring.test_lifecycle import pair_factory  # noqa: F401  (a fixture)
from volunteers.mentoring import tasks
from volunteers.mentoring.models import CentreRules, MentorshipStatus
from volunteers.mentoring.services import lifecycle
from volunteers.mentoring.services.lifecycle import meeting_log, reminders_send

pytestmark = pytest.mark.django_db

START = timezone.localdate()


def day(days: int) -> dt.datetime:
    """9 o'clock, Almaty time, `days` after the pairs started."""
    return timezone.make_aware(dt.datetime.combine(START + dt.timedelta(days=days), dt.time(9)))


def run(days: int) -> int:
    with time_machine.travel(day(days), tick=False):
        return reminders_send()


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


@pytest.fixture
def started_today(pair_factory):
    def make(**kwargs):
        return pair_factory(started=0, **kwargs)

    return make


def test_a_pair_without_meetings_is_reminded_once_a_period_in_the_mentors_language(
    started_today, mentor_factory, mentee_factory
):
    kk = started_today(mentor=mentor_factory(language="kk"), mentee=mentee_factory(name="Дана"))
    ru = started_today(mentor=mentor_factory(language="ru"), mentee=mentee_factory(name="Оля"))
    assert run(20) == 0 and not mail.outbox
    assert run(21) == 2
    [to_kk] = mails_to(kk.mentor.volunteer)
    [to_ru] = mails_to(ru.mentor.volunteer)
    assert "Дана" in to_kk.subject and "Біргеміз — Қазақстанның" in to_kk.body
    assert f"/kk/mentoring/pairs/{kk.pk}/" in to_kk.body
    assert "Оля" in to_ru.subject and "Здравствуйте" in to_ru.body and "национальная платформа" in to_ru.body
    assert f"/ru/mentoring/pairs/{ru.pk}/" in to_ru.body
    kk.refresh_from_db()
    assert kk.reminded_at == day(21)
    # The same day again, and the next days: nothing more.
    sent = len(mail.outbox)
    assert run(21) == 0 and run(22) == 0 and run(41) == 0
    assert len(mail.outbox) == sent
    # A new period without meetings: a new reminder.
    assert run(42) == 2
    assert len(mails_to(kk.mentor.volunteer)) == 2


def test_a_logged_meeting_starts_the_clock_again(started_today):
    pair = started_today()
    assert run(21) == 1
    with time_machine.travel(day(25), tick=False):
        meeting_log(mentorship=pair, by=pair.mentor.volunteer, occurred_on=START + dt.timedelta(days=24),
                    minutes=60, topic="Park walk")  # fmt: skip
    pair.refresh_from_db()
    assert pair.reminded_at is None and pair.last_meeting_on == START + dt.timedelta(days=24)
    assert run(26) == 0 and run(44) == 0
    assert run(45) == 1  # three weeks after that meeting


def test_a_centres_own_number_of_weeks_wins(started_today, centre, other_centre):
    CentreRules.objects.create(organisation=centre, reminder_weeks=1)
    ours = started_today()
    theirs = started_today(organisation=other_centre)
    assert run(6) == 0
    assert run(7) == 1 and mails_to(ours.mentor.volunteer) and not mails_to(theirs.mentor.volunteer)
    assert run(8) == 0
    assert run(14) == 1  # a week later, still no meeting
    assert run(21) == 2  # the other centre keeps the platform's three weeks
    assert len(mails_to(theirs.mentor.volunteer)) == 1


def test_a_centres_zero_counts_as_unset(started_today, centre):
    CentreRules.objects.create(organisation=centre, reminder_weeks=0)
    started_today()
    assert run(1) == 0 and run(21) == 1


def test_only_active_pairs_are_reminded(pair_factory):
    for status in (MentorshipStatus.PAUSED, MentorshipStatus.ENDED, MentorshipStatus.PROPOSED,
                   MentorshipStatus.REJECTED):  # fmt: skip
        pair_factory(status=status, started=0)
    assert run(60) == 0 and not mail.outbox


def test_the_centres_coordinators_get_a_digest(started_today, centre_coordinator, other_centre_coordinator):
    started_today()
    started_today()
    assert run(21) == 2
    [digest] = mails_to(centre_coordinator)
    assert digest.body.count("→") == 2 and "/kk/coordinator/mentoring/" in digest.body
    assert not mails_to(other_centre_coordinator)
    run(21)
    assert len(mails_to(centre_coordinator)) == 1


def test_a_mail_that_fails_is_tried_again_on_the_next_run(started_today, monkeypatch):
    pair = started_today()

    def down(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    with monkeypatch.context() as patched:
        patched.setattr(lifecycle, "send_mail", down)
        assert run(21) == 0
    pair.refresh_from_db()
    assert pair.reminded_at is None
    assert run(22) == 1


def test_the_command_and_the_task_do_the_same(started_today):
    started_today()
    out = io.StringIO()
    with time_machine.travel(day(21), tick=False):
        call_command("mentoring_remind", stdout=out)
        assert out.getvalue().strip() == "1 mentor(s) reminded."
        assert tasks.reminders_send.apply().get() == 0
    with time_machine.travel(day(42), tick=False):
        assert tasks.reminders_send.apply().get() == 1
    out = io.StringIO()
    call_command("mentoring_remind", "--date", (START + dt.timedelta(days=42)).isoformat(), stdout=out)
    assert out.getvalue().strip() == "0 mentor(s) reminded."
