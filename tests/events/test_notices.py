import datetime as dt
import io
import smtplib
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command

from events.models import Notice, Signup
from events.notices import notice_deliver, reminders_enqueue
from events.services.events import EventData, ShiftData, event_cancel, event_update
from events.services.signups import signup_cancel, signup_create
from events.tasks import notice_send
from tests.events.conftest import at

pytestmark = pytest.mark.django_db

TITLE = {"en": "Park clean-up", "ru": "Уборка парка", "kk": "Саябақты тазалау"}
KINDS = [kind.value for kind in Notice.Kind]


@pytest.fixture
def one_place(event_factory):
    """A published event whose only shift has one place."""
    start = at(7, 9)
    return event_factory(title=TITLE, shifts=[(start, start + dt.timedelta(hours=3), 1)])


def _event_data(event, **changes) -> EventData:
    data = EventData(
        title=dict(event.title), direction=event.direction, starts_at=event.starts_at, ends_at=event.ends_at,
        description=dict(event.description), region=event.region, city=event.city, address=event.address,
        is_online=event.is_online, online_url=event.online_url, cancel_hours_before=event.cancel_hours_before,
        languages=event.language_codes,
    )  # fmt: skip
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def _signup_for(kind, *, event, volunteer, volunteer_factory, coordinator) -> Signup:
    """A sign-up in the state in which a notice of `kind` is sent."""
    shift = event.shifts.get()
    if kind == Notice.Kind.WAITLISTED:
        signup_create(volunteer=volunteer_factory(), shift=shift)
    signup = signup_create(volunteer=volunteer, shift=shift)
    if kind == Notice.Kind.CANCELLED:
        event_cancel(event=event, actor=coordinator, reason="Storm warning")
    return signup


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_notice_is_written_in_the_volunteers_language(
    kind, language, one_place, volunteer_factory, coordinator
):
    volunteer = volunteer_factory(language=language)
    signup = _signup_for(
        kind,
        event=one_place,
        volunteer=volunteer,
        volunteer_factory=volunteer_factory,
        coordinator=coordinator,
    )
    assert notice_deliver(signup_id=signup.pk, kind=kind, key="2") is True
    [message] = mail.outbox
    assert message.to == [volunteer.email]
    assert TITLE[language] in message.subject
    assert TITLE[language] in message.body
    for other in {"kk", "ru", "en"} - {language}:
        assert TITLE[other] not in message.subject + message.body
    assert f"/events/my/{signup.pk}/" in message.body or kind == Notice.Kind.CANCELLED
    for leftover in ("{%", "{{", "&amp;", "&#x27;", "None"):
        assert leftover not in message.body


@pytest.mark.parametrize(
    ("kind", "has_code"),
    [
        ("confirmed", True),
        ("promoted", True),
        ("reminder", True),
        ("waitlisted", False),
        ("cancelled", False),
    ],
)
def test_the_check_in_code_is_in_the_mails_of_people_with_a_place(
    kind, has_code, one_place, volunteer, volunteer_factory, coordinator
):
    signup = _signup_for(
        kind,
        event=one_place,
        volunteer=volunteer,
        volunteer_factory=volunteer_factory,
        coordinator=coordinator,
    )
    notice_deliver(signup_id=signup.pk, kind=kind)
    assert (signup.code_display in mail.outbox[0].body) is has_code


def test_the_link_of_an_online_event_is_only_for_people_with_a_place(event_factory, volunteer_factory):
    start = at(7, 9)
    event = event_factory(
        shifts=[(start, start + dt.timedelta(hours=1), 1)],
        is_online=True,
        online_url="https://meet.example.kz/x",
    )
    shift = event.shifts.get()
    confirmed = signup_create(volunteer=volunteer_factory(), shift=shift)
    waitlisted = signup_create(volunteer=volunteer_factory(), shift=shift)
    notice_deliver(signup_id=confirmed.pk, kind=Notice.Kind.CONFIRMED)
    notice_deliver(signup_id=waitlisted.pk, kind=Notice.Kind.WAITLISTED)
    assert ["https://meet.example.kz/x" in message.body for message in mail.outbox] == [True, False]


def test_the_mail_gives_the_shift_time_in_the_site_time_zone(event_factory, volunteer_factory):
    start = at(7, 9)  # 09:00 in Almaty is 04:00 UTC
    shift = event_factory(shifts=[(start, start + dt.timedelta(hours=3), 5)]).shifts.get()
    signup = signup_create(volunteer=volunteer_factory(language="ru"), shift=shift)
    notice_deliver(signup_id=signup.pk, kind=Notice.Kind.CONFIRMED)
    assert "9:00–12:00" in mail.outbox[0].body


def test_signing_up_sends_a_confirmation_in_the_volunteers_language(
    one_place, volunteer_factory, django_capture_on_commit_callbacks
):
    volunteer = volunteer_factory(language="kk")
    with django_capture_on_commit_callbacks(execute=True):
        signup = signup_create(volunteer=volunteer, shift=one_place.shifts.get())
    [message] = mail.outbox
    assert message.to == [volunteer.email]
    assert TITLE["kk"] in message.subject
    assert signup.code_display in message.body
    assert Notice.objects.get(signup=signup).kind == Notice.Kind.CONFIRMED


def test_delivering_a_notice_twice_sends_one_mail(one_place, volunteer):
    signup = signup_create(volunteer=volunteer, shift=one_place.shifts.get())
    assert notice_deliver(signup_id=signup.pk, kind=Notice.Kind.CONFIRMED) is True
    assert notice_deliver(signup_id=signup.pk, kind=Notice.Kind.CONFIRMED) is False
    assert len(mail.outbox) == 1
    assert Notice.objects.filter(signup=signup, sent_at__isnull=False).count() == 1


def test_a_failed_send_leaves_the_notice_unsent_for_the_retry(one_place, volunteer):
    signup = signup_create(volunteer=volunteer, shift=one_place.shifts.get())
    with (
        mock.patch("events.notices.send_mail", side_effect=smtplib.SMTPException("server down")),
        pytest.raises(smtplib.SMTPException),
    ):
        notice_deliver(signup_id=signup.pk, kind=Notice.Kind.CONFIRMED)
    assert Notice.objects.get(signup=signup).sent_at is None
    assert mail.outbox == []

    assert notice_deliver(signup_id=signup.pk, kind=Notice.Kind.CONFIRMED) is True
    assert len(mail.outbox) == 1
    assert Notice.objects.get(signup=signup).sent_at is not None


def test_the_task_retries_a_failed_send(one_place, volunteer):
    signup = signup_create(volunteer=volunteer, shift=one_place.shifts.get())
    attempts = []

    def fails_once(*args, **kwargs):
        attempts.append(args)
        if len(attempts) == 1:
            raise smtplib.SMTPServerDisconnected("connection lost")
        return send_mail(*args, **kwargs)

    # As a worker runs it: the failure is not raised to the caller but retried.
    with mock.patch("events.notices.send_mail", side_effect=fails_once):
        notice_send.apply(args=[signup.pk, Notice.Kind.CONFIRMED, ""], throw=False)
    assert len(attempts) == 2
    assert len(mail.outbox) == 1


def test_a_promotion_is_not_announced_when_the_signup_was_cancelled_in_between(
    one_place, volunteer_factory, django_capture_on_commit_callbacks
):
    shift = one_place.shifts.get()
    first = signup_create(volunteer=volunteer_factory(), shift=shift)
    second = signup_create(volunteer=volunteer_factory(), shift=shift)
    with django_capture_on_commit_callbacks() as queued:
        signup_cancel(signup=first, actor=first.volunteer)
    signup_cancel(signup=Signup.objects.get(pk=second.pk), actor=second.volunteer)
    for callback in queued:
        callback()
    assert mail.outbox == []
    assert not Notice.objects.filter(sent_at__isnull=False).exists()


@pytest.fixture
def reminder_cases(event_factory, volunteer_factory):
    """Sign-ups around a moment `now`, keyed by what they are, made a week before it."""
    now = at(14, 8)

    def shift(starts_in, capacity=5):
        start = now + starts_in
        return event_factory(shifts=[(start, start + dt.timedelta(hours=3), capacity)]).shifts.get()

    def signup(shift):
        return signup_create(volunteer=volunteer_factory(), shift=shift)

    full = shift(dt.timedelta(hours=10), capacity=1)
    cases = {
        "in 2 hours": signup(shift(dt.timedelta(hours=2))),
        "in 23 hours": signup(shift(dt.timedelta(hours=23))),
        "full shift": signup(full),
        "waitlisted": signup(full),
        "in 25 hours": signup(shift(dt.timedelta(hours=25))),
        "started": signup(shift(-dt.timedelta(hours=1))),
        "cancelled": signup(shift(dt.timedelta(hours=12))),
    }
    signup_cancel(signup=cases["cancelled"], actor=cases["cancelled"].volunteer)
    return now, cases


def test_reminders_go_once_to_the_confirmed_signups_starting_within_24_hours(
    reminder_cases, django_capture_on_commit_callbacks
):
    now, cases = reminder_cases
    due = {cases[name].volunteer.email for name in ("in 2 hours", "in 23 hours", "full shift")}
    with time_machine.travel(now, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert reminders_enqueue() == 3
        assert reminders_enqueue() == 0
    assert sorted(message.to[0] for message in mail.outbox) == sorted(due)
    assert Notice.objects.filter(kind=Notice.Kind.REMINDER).count() == 3


def test_the_remind_command_queues_the_due_reminders_and_says_how_many(
    reminder_cases, django_capture_on_commit_callbacks
):
    now, _cases = reminder_cases
    out = io.StringIO()
    with time_machine.travel(now, tick=False), django_capture_on_commit_callbacks(execute=True):
        call_command("events_remind", stdout=out)
    assert out.getvalue().startswith("3 ")
    assert len(mail.outbox) == 3


def test_the_organiser_cancelling_the_event_tells_everyone_with_the_reason(
    one_place, volunteer_factory, coordinator, django_capture_on_commit_callbacks
):
    shift = one_place.shifts.get()
    confirmed = signup_create(volunteer=volunteer_factory(language="ru"), shift=shift)
    waitlisted = signup_create(volunteer=volunteer_factory(language="kk"), shift=shift)
    with django_capture_on_commit_callbacks(execute=True):
        event_cancel(event=one_place, actor=coordinator, reason="Storm warning in Almaty")
    assert {message.to[0] for message in mail.outbox} == {
        confirmed.volunteer.email,
        waitlisted.volunteer.email,
    }
    for message in mail.outbox:
        assert "Storm warning in Almaty" in message.body
    assert Notice.objects.filter(kind=Notice.Kind.CANCELLED, sent_at__isnull=False).count() == 2


def test_the_organiser_moving_a_shift_tells_everyone_signed_up_once(
    one_place, volunteer_factory, coordinator, django_capture_on_commit_callbacks
):
    shift = one_place.shifts.get()
    confirmed = signup_create(volunteer=volunteer_factory(language="ru"), shift=shift)
    waitlisted = signup_create(volunteer=volunteer_factory(language="en"), shift=shift)
    later = dt.timedelta(hours=2)
    moved = [
        ShiftData(pk=shift.pk, starts_at=shift.starts_at + later, ends_at=shift.ends_at + later, capacity=1)
    ]
    data = _event_data(one_place, ends_at=one_place.ends_at + later)
    with django_capture_on_commit_callbacks(execute=True):
        event_update(event=one_place, data=data, shifts=moved, actor=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        event_update(event=one_place, data=data, shifts=moved, actor=coordinator)  # nothing new to tell
    by_email = {message.to[0]: message.body for message in mail.outbox}
    assert len(mail.outbox) == 2
    assert "11:00–14:00" in by_email[confirmed.volunteer.email]
    assert waitlisted.volunteer.email in by_email


def test_a_removed_shift_tells_its_volunteers(
    event_factory, volunteer, coordinator, django_capture_on_commit_callbacks
):
    start = at(7, 9)
    event = event_factory(
        shifts=[(start, start + dt.timedelta(hours=2), 5), (start + dt.timedelta(hours=3), at(7, 14), 5)]
    )
    first, second = event.shifts.all()
    signup = signup_create(volunteer=volunteer, shift=first)
    items = [
        ShiftData(pk=first.pk, starts_at=first.starts_at, ends_at=first.ends_at, capacity=5, delete=True),
        ShiftData(pk=second.pk, starts_at=second.starts_at, ends_at=second.ends_at, capacity=5),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        event_update(event=event, data=_event_data(event), shifts=items, actor=coordinator)
    [message] = mail.outbox
    assert event.title["en"] in message.subject
    assert f"/events/{event.pk}/" in message.body  # other shifts may still have places
    assert Signup.objects.get(pk=signup.pk).status == "cancelled"
