"""Volunteer zholy, when the evaluation runs: on commit of the facts the other apps write (attendance,
claims, courses), nightly in chunks and from the command; and the congratulations it sends."""

import datetime as dt
import io
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events.services.checkin import attendance_confirm
from events.services.signups import signup_create
from tests.events.conftest import at, event_factory  # noqa: F401  (a fixture)
from tests.training.conftest import course_complete, programme_create
from tests.volunteers.test_stages import COURSE_A, correct, course, path_make, position, shift
from volunteers import tasks
from volunteers.models import EntryKind, StageChange, StageStanding
from volunteers.services import stages as stages_service
from volunteers.services.claims import claim_create, claim_verify
from volunteers.services.ledger import ledger_fact_revoke
from volunteers.services.stages import stage_evaluate, stages_evaluate_all, volunteer_id_ranges

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_stages():
    return path_make({"min_hours": Decimal(1)}, {"min_hours": Decimal(10), "min_courses": 1})


def _standing(volunteer):
    return StageStanding.objects.filter(volunteer=volunteer).select_related("stage").first()


# --- On commit of a fact -----------------------------------------------------------------------------------


def test_confirmed_attendance_moves_the_standing_once_it_commits(
    event_factory,  # noqa: F811
    volunteer,
    coordinator,
    two_stages,
    django_capture_on_commit_callbacks,
):
    start = at(7, 9)
    shift_ = event_factory(shifts=[(start, start + dt.timedelta(hours=3), 10)]).shifts.get()
    signup = signup_create(volunteer=volunteer, shift=shift_)
    with time_machine.travel(start + dt.timedelta(hours=4), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            attendance_confirm(signup=signup, attended=True, hours=None, actor=coordinator)
        standing = _standing(volunteer)
        assert standing.stage == two_stages[0]
        assert (standing.hours, standing.events, standing.first_activity_on) == (
            Decimal(3), 1, start.date()
        )  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):  # a no-show after all: the hours go
            attendance_confirm(signup=signup, attended=False, hours=None, actor=coordinator)
    standing = _standing(volunteer)
    assert standing.stage is None and standing.events == 0
    assert StageChange.objects.filter(volunteer=volunteer).first().cause == "revoked"


def test_a_verified_claim_moves_the_standing_once_it_commits(
    volunteer, organisation, coordinator, two_stages, django_capture_on_commit_callbacks
):
    claim = claim_create(
        volunteer=volunteer, organisation_id=organisation.pk, hours="2", description="Sorted books",
        occurred_on=timezone.localdate() - dt.timedelta(days=2), language="en",
    )  # fmt: skip
    assert _standing(volunteer) is None  # a pending claim is no fact yet
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        claim_verify(claim_id=claim.pk, actor=coordinator)
    assert callbacks and _standing(volunteer).stage == two_stages[0]


def test_a_course_completed_in_any_language_counts_and_its_revocation_takes_the_stage(
    volunteer, coordinator, django_capture_on_commit_callbacks
):
    from training.services.certificates import certificate_revoke

    programme = programme_create()
    other = programme_create()
    key = str(programme.course["kk"].translation_key)
    stages = path_make({"min_hours": Decimal(1)}, {"required_courses": [key]})
    shift(volunteer, 2)
    with django_capture_on_commit_callbacks(execute=True):
        course_complete(volunteer, other, language="en")  # another course
    assert _standing(volunteer).stage == stages[0]
    with django_capture_on_commit_callbacks(execute=True):
        certificate = course_complete(volunteer, programme, language="ru")  # the Russian page of the course
    assert _standing(volunteer).stage == stages[1]
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(certificate=certificate, by=coordinator, reason="Answers copied")
    assert _standing(volunteer).stage == stages[0]
    assert [change.cause for change in StageChange.objects.filter(volunteer=volunteer)] == [
        "revoked", "reached", "reached",
    ]  # fmt: skip


# --- Nightly, in chunks, and from the command --------------------------------------------------------------


@pytest.fixture
def crowd(volunteer_factory, coordinator, two_stages):
    """Seven volunteers: some with a book of each kind, some with none (between the others' ids)."""
    people = [volunteer_factory() for _ in range(7)]
    shift(people[0], 12)
    course(people[0], COURSE_A)
    shift(people[2], 3)
    revoked = course(people[3], COURSE_A)
    ledger_fact_revoke(source=revoked, by=coordinator, reason="Error")
    shift(people[3], "0.5")
    source = shift(people[5], 4)
    correct(people[5], source, 0)
    shift(people[6], 30, kind=EntryKind.MENTORING_HOURS, source="mentoring:1")
    return people


def _standings() -> dict:
    return {
        row["volunteer_id"]: row
        for row in StageStanding.objects.values(
            "volunteer_id", "stage_id", "hours", "events", "courses", "mentoring_hours", "first_activity_on"
        )
    }


def test_the_nightly_run_fans_out_ranges_that_cover_every_book(crowd, monkeypatch):
    monkeypatch.setattr(stages_service, "CHUNK", 2)
    queued = []
    run = tasks.stages_evaluate_range.delay
    monkeypatch.setattr(
        tasks.stages_evaluate_range,
        "delay",
        lambda first, last: queued.append((first, last)) or run(first, last),
    )
    count = tasks.stages_evaluate_nightly()
    assert count == len(queued) and all(last - first == 1 for first, last in queued[:-1])
    assert queued[0][0] == crowd[0].pk and queued[-1][1] == crowd[-1].pk
    assert all(queued[n][1] + 1 == queued[n + 1][0] for n in range(len(queued) - 1))
    with_book = {crowd[n].pk for n in (0, 2, 3, 5, 6)}
    assert set(_standings()) == with_book  # nobody without an entry gets a row
    assert {pk: row["stage_id"] is not None for pk, row in _standings().items()} == {
        crowd[0].pk: True, crowd[2].pk: True, crowd[3].pk: False, crowd[5].pk: False, crowd[6].pk: True,
    }  # fmt: skip


def test_evaluating_everyone_in_small_chunks_equals_evaluating_each_volunteer(crowd):
    assert stages_evaluate_all(chunk=2) == 3
    in_chunks = _standings()
    changes = list(
        StageChange.objects.values_list("volunteer_id", "stage_from", "stage_to", "cause", "figures")
    )
    StageChange.objects.all().delete()
    StageStanding.objects.all().delete()
    for person in crowd:
        stage_evaluate(volunteer=person)
    one_by_one = _standings()
    assert {pk: one_by_one[pk] for pk in in_chunks} == in_chunks
    assert set(one_by_one) - set(in_chunks) == {crowd[1].pk, crowd[4].pk}  # asked for: an empty standing
    assert one_by_one[crowd[1].pk]["stage_id"] is None
    again = list(
        StageChange.objects.values_list("volunteer_id", "stage_from", "stage_to", "cause", "figures")
    )
    assert sorted(again) == sorted(changes)


def test_the_command_evaluates_everyone_and_says_how_it_went(crowd):
    out = io.StringIO()
    call_command("stages_evaluate", "--chunk", "3", stdout=out)
    lines = out.getvalue().splitlines()
    chunks = len(volunteer_id_ranges(3))
    assert chunks == 3 and len(lines) == chunks + 1
    assert lines[0].startswith(f"chunk 1/3: ids up to {crowd[2].pk} of {crowd[-1].pk}, ")
    assert lines[-1].startswith(f"{chunks} chunk(s) of 3 ids evaluated in ")
    assert lines[-1].endswith(": 3 stage change(s) written.")
    out = io.StringIO()
    call_command("stages_evaluate", verbosity=0, stdout=out)
    assert out.getvalue().endswith(": 0 stage change(s) written.\n") and out.getvalue().count("\n") == 1
    assert set(_standings()) == {crowd[n].pk for n in (0, 2, 3, 5, 6)}


def test_the_command_refuses_a_chunk_of_nothing():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("stages_evaluate", "--chunk", "0", stdout=io.StringIO())


# --- Congratulations ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "name", "prefix"),
    [("kk", "Кезең 1", "/kk/"), ("ru", "Этап 1", "/ru/"), ("en", "Stage 1", "/en/")],
)
def test_a_stage_reached_is_congratulated_once_in_the_volunteers_language(
    volunteer_factory, two_stages, django_capture_on_commit_callbacks, language, name, prefix
):
    volunteer = volunteer_factory(language=language)
    shift(volunteer, 2)
    with django_capture_on_commit_callbacks(execute=True):
        assert position(volunteer) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert position(volunteer) == 1
    [message] = mail.outbox
    assert message.to == [volunteer.email]
    assert name in message.subject and name in message.body
    assert f"{prefix}accounts/book/" in message.body
    change = StageChange.objects.get(volunteer=volunteer)
    assert change.notified_at is not None
    assert tasks.stage_congratulate(change.pk) is False  # a retry, a second worker: nothing more
    assert len(mail.outbox) == 1


def test_a_stage_lost_is_not_congratulated_nor_one_lost_before_the_mail_went_out(
    volunteer, coordinator, two_stages, django_capture_on_commit_callbacks
):
    shift(volunteer, 12)
    certificate = course(volunteer, COURSE_A)
    with django_capture_on_commit_callbacks() as waiting:  # the congratulation waits in the queue...
        assert position(volunteer) == 2
    ledger_fact_revoke(source=certificate, by=coordinator, reason="Error")
    with django_capture_on_commit_callbacks(execute=True):  # ... while the stage goes again
        assert position(volunteer) == 1
    for callback in waiting:
        callback()
    assert mail.outbox == []
    assert not StageChange.objects.filter(notified_at__isnull=False).exists()


def test_a_stage_lost_and_reached_again_is_congratulated_once(
    volunteer, coordinator, two_stages, django_capture_on_commit_callbacks
):
    shift(volunteer, 12)
    certificate = course(volunteer, COURSE_A)
    with django_capture_on_commit_callbacks() as first:
        assert position(volunteer) == 2
    ledger_fact_revoke(source=certificate, by=coordinator, reason="Error")
    assert position(volunteer) == 1
    course(volunteer, "1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b")
    with django_capture_on_commit_callbacks(execute=True):
        assert position(volunteer) == 2
    for callback in first:
        callback()
    [message] = mail.outbox
    assert "Stage 2" in message.subject


def test_a_chunk_congratulates_everyone_it_moved_up(crowd, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        stages_evaluate_all(chunk=100)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        person.email for person in (crowd[0], crowd[2], crowd[6])
    )
