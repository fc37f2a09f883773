"""Volunteer zholy, the rules: each criterion at its boundary, the path climbed in order, a stage lost only
when the entries behind it are withdrawn, and an evaluation repeated writes nothing. Facts are written with
the book's services; the stage is evaluated with the stages' services."""

import datetime as dt
import itertools
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from volunteers.models import EntryKind, Stage, StageChange, StageStanding
from volunteers.services.ledger import ledger_fact_record, ledger_fact_revoke, ledger_hours_credit
from volunteers.services.stages import (
    course_subject,
    event_subject,
    months_between,
    stage_evaluate,
    stage_history,
    stage_progress,
    stages_evaluate_all,
    stages_evaluate_range,
)

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 2)
COURSE_A = "6f1c2a52-8f4e-4d7b-9a43-0c1d2e3f4a5b"
COURSE_B = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d"
_sources = itertools.count(1)


def moment(day: dt.date, hour: int = 12) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


# --- Building a path and a book through the services -----------------------------------------------------


def path_make(*stages: dict) -> list[Stage]:
    """Replace the seeded path with these stages (criteria by field name), in order."""
    Stage.objects.all().delete()
    return [
        Stage.objects.create(
            position=number,
            slug=f"stage-{number}",
            name={"en": f"Stage {number}", "kk": f"Кезең {number}", "ru": f"Этап {number}"},
            **criteria,
        )  # fmt: skip
        for number, criteria in enumerate(stages, start=1)
    ]


def shift(volunteer, hours, *, event=None, day=DAY, source=None, kind=EntryKind.SHIFT_HOURS):
    """Hours of an attended shift of `event` (a new event unless given), credited as check-in credits them;
    returns the source, to correct it later."""
    source = source or f"events.signup:{next(_sources)}"
    ledger_hours_credit(
        volunteer=volunteer, hours=Decimal(str(hours)), occurred_on=day, source=source, verified_by=None,
        kind=kind, subject=event_subject(event if event is not None else next(_sources))
        if kind == EntryKind.SHIFT_HOURS else "",
    )  # fmt: skip
    return source


def correct(volunteer, source, hours, *, day=DAY):
    """The hours of `source` corrected to `hours` (the book writes the difference)."""
    ledger_hours_credit(
        volunteer=volunteer, hours=Decimal(str(hours)), occurred_on=day, source=source, verified_by=None
    )


def course(volunteer, key, *, day=DAY) -> str:
    """A course completed (a certificate's fact in the book); returns the source, to revoke it later."""
    source = f"training.certificate:{next(_sources)}"
    ledger_fact_record(
        volunteer=volunteer, kind=EntryKind.COURSE_COMPLETED, occurred_on=day, source=source,
        title={"en": "A course"}, subject=course_subject(key),
    )  # fmt: skip
    return source


def position(volunteer) -> int:
    standing = stage_evaluate(volunteer=volunteer)
    return standing.stage.position if standing.stage else 0


def history(volunteer) -> list[tuple]:
    return [
        (change.stage_from.position if change.stage_from else 0,
         change.stage_to.position if change.stage_to else 0, change.cause)
        for change in reversed(stage_history(volunteer=volunteer))
    ]  # fmt: skip


# --- Each criterion at its boundary ------------------------------------------------------------------------


@pytest.mark.parametrize(("hours", "reached"), [("9.99", 0), ("10", 1), ("10.01", 1)])
def test_verified_hours_reach_the_stage_at_the_threshold_exactly(volunteer, hours, reached):
    path_make({"min_hours": Decimal(10)})
    shift(volunteer, "6")
    shift(volunteer, Decimal(hours) - 6, kind=EntryKind.CLAIMED_HOURS, source="volunteers.claim:1")
    assert position(volunteer) == reached


def test_pending_and_rejected_claims_and_awards_add_no_hours(volunteer, organisation, coordinator):
    from volunteers.services.claims import claim_create, claim_reject, claim_verify

    path_make({"min_hours": Decimal(5)})
    day = timezone.localdate() - dt.timedelta(days=1)

    def claim(hours):
        return claim_create(
            volunteer=volunteer, organisation_id=organisation.pk, occurred_on=day, hours=hours,
            description="Sorted books", language="en",
        )  # fmt: skip

    claim("4")
    claim_reject(claim_id=claim("3").pk, actor=coordinator, reason="Not ours")
    ledger_fact_record(
        volunteer=volunteer, kind=EntryKind.AWARD, occurred_on=day, source="award:1", title={"en": "Thanks"}
    )
    assert position(volunteer) == 0
    claim_verify(claim_id=claim("5").pk, actor=coordinator)
    assert position(volunteer) == 1
    assert stage_progress(volunteer=volunteer).figures.hours == Decimal(5)


@pytest.mark.parametrize(("events", "reached"), [(2, 0), (3, 1)])
def test_events_attended_count_at_the_threshold_and_shifts_of_one_event_count_once(
    volunteer, events, reached
):
    path_make({"min_events": 3})
    for event in range(events):
        shift(volunteer, 3, event=event + 1000)
        shift(volunteer, 2, event=event + 1000)  # another shift of the same event
    assert position(volunteer) == reached
    assert stage_progress(volunteer=volunteer).figures.events == events


def test_a_shift_whose_hours_were_corrected_to_zero_is_not_an_event(volunteer):
    path_make({"min_events": 2})
    shift(volunteer, 3)
    no_show = shift(volunteer, 3)
    correct(volunteer, no_show, 0)
    assert position(volunteer) == 0
    assert stage_progress(volunteer=volunteer).figures.events == 1


@pytest.mark.parametrize(("courses", "reached"), [([COURSE_A, COURSE_A], 0), ([COURSE_A, COURSE_B], 1)])
def test_courses_completed_count_distinct_courses(volunteer, courses, reached):
    path_make({"min_courses": 2})
    for key in courses:
        course(
            volunteer, key
        )  # the same course twice: two certificates (two languages, a renewal), one course
    assert position(volunteer) == reached


def test_a_required_course_counts_in_any_form_of_its_key_and_another_course_does_not(volunteer):
    path_make({"required_courses": [COURSE_A.upper().replace("-", "")]})  # as an editor's list might hold it
    course(volunteer, COURSE_B)
    assert position(volunteer) == 0
    [criterion] = stage_progress(volunteer=volunteer).criteria
    assert (criterion.code, criterion.met) == (f"course:{COURSE_A}", False)
    course(volunteer, COURSE_A)
    assert position(volunteer) == 1


@pytest.mark.parametrize(("mentoring", "reached"), [("4.99", 0), ("5", 1)])
def test_mentoring_hours_count_at_the_threshold_and_other_hours_are_not_mentoring(
    volunteer, mentoring, reached
):
    path_make({"min_mentoring_hours": Decimal(5)})
    shift(volunteer, 20)
    shift(volunteer, mentoring, kind=EntryKind.MENTORING_HOURS, source="mentoring:1")
    assert position(volunteer) == reached


@pytest.mark.parametrize(
    ("first", "today", "months"),
    [
        (dt.date(2025, 1, 31), dt.date(2025, 2, 27), 0),
        (dt.date(2025, 1, 31), dt.date(2025, 2, 28), 1),  # a month after the 31st: the last of February
        (dt.date(2024, 1, 31), dt.date(2024, 2, 28), 0),  # ... or the 29th in a leap year
        (dt.date(2024, 1, 31), dt.date(2024, 2, 29), 1),
        (dt.date(2024, 2, 29), dt.date(2025, 2, 27), 11),
        (dt.date(2024, 2, 29), dt.date(2025, 2, 28), 12),
        (dt.date(2025, 1, 15), dt.date(2025, 2, 14), 0),
        (dt.date(2025, 1, 15), dt.date(2025, 2, 15), 1),
        (dt.date(2024, 12, 31), dt.date(2025, 6, 30), 6),
        (dt.date(2024, 12, 31), dt.date(2025, 6, 29), 5),
        (dt.date(2025, 3, 1), dt.date(2025, 2, 1), 0),  # a first activity ahead of today: none yet
    ],
)
def test_months_since_the_first_activity_across_month_ends(first, today, months):
    assert months_between(first, today) == months


@pytest.mark.parametrize(("today", "reached"), [(dt.date(2024, 2, 28), 0), (dt.date(2024, 2, 29), 1)])
def test_the_months_criterion_is_met_on_the_day_the_month_is_full(volunteer, today, reached):
    path_make({"min_months": 1})
    shift(volunteer, 3, day=dt.date(2024, 1, 31))
    shift(volunteer, 3, day=dt.date(2024, 2, 20))  # later activity does not move the first
    with time_machine.travel(moment(today), tick=False):
        assert position(volunteer) == reached


def test_a_month_goes_by_and_the_nightly_run_gives_the_stage(volunteer):
    path_make({"min_hours": Decimal(1)}, {"min_hours": Decimal(1), "min_months": 6})
    shift(volunteer, 3, day=dt.date(2025, 8, 31))
    with time_machine.travel(moment(dt.date(2026, 2, 27)), tick=False):
        assert position(volunteer) == 1
    with time_machine.travel(moment(dt.date(2026, 2, 28)), tick=False):
        assert stages_evaluate_all() == 1
    assert history(volunteer) == [(0, 1, "reached"), (1, 2, "reached")]


# --- The path is climbed in order --------------------------------------------------------------------------


def test_a_later_stage_met_without_the_one_before_it_is_not_reached(volunteer):
    path_make(
        {"min_hours": Decimal(1)},
        {"min_hours": Decimal(5), "required_courses": [COURSE_A]},
        {"min_hours": Decimal(20)},
    )
    shift(volunteer, 30)
    assert position(volunteer) == 1
    progress = stage_progress(volunteer=volunteer)
    assert progress.next_stage.position == 2
    assert [(c.code, c.met) for c in progress.criteria] == [("hours", True), (f"course:{COURSE_A}", False)]
    course(volunteer, COURSE_A)
    assert position(volunteer) == 3  # both at once: one change, straight to the third
    assert history(volunteer) == [(0, 1, "reached"), (1, 3, "reached")]


def test_an_inactive_stage_is_skipped(volunteer):
    stages = path_make({"min_hours": Decimal(1)}, {"required_courses": [COURSE_A]}, {"min_hours": Decimal(2)})
    Stage.objects.filter(pk=stages[1].pk).update(active=False)
    shift(volunteer, 3)
    assert position(volunteer) == 3


def test_progress_says_what_is_missing_and_by_how_much(volunteer):
    path_make({"min_hours": Decimal(1)}, {"min_hours": Decimal(20), "min_events": 3, "min_courses": 1})
    shift(volunteer, "12.5", event=1)
    assert position(volunteer) == 1
    shift(volunteer, 2, event=1)  # not evaluated yet: the progress is read from the book all the same
    progress = stage_progress(volunteer=volunteer)
    assert (progress.stage.position, progress.next_stage.position) == (1, 2)
    assert {c.code: (c.have, c.need, c.met, c.missing) for c in progress.criteria} == {
        "hours": (Decimal("14.50"), Decimal(20), False, Decimal("5.50")),
        "events": (1, 3, False, 2),
        "courses": (0, 1, False, 1),
    }
    assert progress.percent == (72 + 33 + 0) // 3


# --- A stage is lost only when the entries behind it are withdrawn -----------------------------------------


@pytest.fixture
def two_stages():
    return path_make({"min_hours": Decimal(1)}, {"min_hours": Decimal(10), "min_courses": 1})


def test_a_revoked_course_takes_the_stage_it_gave(volunteer, coordinator, two_stages):
    shift(volunteer, 12)
    certificate = course(volunteer, COURSE_A)
    assert position(volunteer) == 2
    ledger_fact_revoke(source=certificate, by=coordinator, reason="Obtained dishonestly")
    assert position(volunteer) == 1
    change = stage_history(volunteer=volunteer).first()
    assert (change.stage_from, change.stage_to, change.cause) == (two_stages[1], two_stages[0], "revoked")
    assert change.figures["courses"] == [] and change.figures["hours"] == "12.00"


def test_hours_corrected_down_take_the_stage_and_a_new_fact_gives_it_back(volunteer, two_stages):
    course(volunteer, COURSE_A)
    long_shift = shift(volunteer, 8)
    shift(volunteer, 2)
    assert position(volunteer) == 2
    correct(volunteer, long_shift, "7.99")
    assert position(volunteer) == 1
    assert StageStanding.objects.get(volunteer=volunteer).hours == Decimal("9.99")
    shift(volunteer, "0.01")
    assert position(volunteer) == 2
    assert history(volunteer) == [(0, 2, "reached"), (2, 1, "revoked"), (1, 2, "reached")]


def test_every_entry_withdrawn_leaves_no_stage(volunteer, two_stages):
    only = shift(volunteer, 3)
    assert position(volunteer) == 1
    correct(volunteer, only, 0)
    assert position(volunteer) == 0
    assert history(volunteer) == [(0, 1, "reached"), (1, 0, "revoked")]
    assert StageStanding.objects.get(volunteer=volunteer).reached_at is None


def test_an_editor_raising_the_thresholds_does_not_take_a_stage_away(volunteer, two_stages):
    shift(volunteer, 10)
    course(volunteer, COURSE_A)
    assert position(volunteer) == 2
    Stage.objects.filter(pk=two_stages[1].pk).update(min_hours=Decimal(50), min_courses=3)
    assert position(volunteer) == 2
    shift(volunteer, 5)  # a new fact: evaluated again, still kept
    assert position(volunteer) == 2
    assert history(volunteer) == [(0, 2, "reached")]


def test_hours_corrected_up_and_back_down_take_nothing_the_stage_was_reached_with(volunteer, two_stages):
    course(volunteer, COURSE_A)
    source = shift(volunteer, 10)
    assert position(volunteer) == 2
    Stage.objects.filter(pk=two_stages[1].pk).update(min_hours=Decimal(12))  # an editor makes it harder
    correct(volunteer, source, 13)
    assert position(volunteer) == 2
    correct(volunteer, source, 10)  # back to the 10 hours the stage was reached with
    assert position(volunteer) == 2
    correct(volunteer, source, "9.5")  # below them: entries behind the stage were withdrawn
    assert position(volunteer) == 1
    assert history(volunteer) == [(0, 2, "reached"), (2, 1, "revoked")]


def test_a_course_revoked_after_an_editor_made_the_stage_harder_still_takes_it(
    volunteer, coordinator, two_stages
):
    shift(volunteer, 10)
    certificate = course(volunteer, COURSE_A)
    assert position(volunteer) == 2
    Stage.objects.filter(pk=two_stages[1].pk).update(min_hours=Decimal(50))
    assert position(volunteer) == 2
    ledger_fact_revoke(source=certificate, by=coordinator, reason="Error")
    assert position(volunteer) == 1


def test_a_withdrawal_below_what_the_stage_was_reached_with_is_needed_to_lose_it(volunteer, coordinator):
    path_make({"min_hours": Decimal(1)}, {"min_hours": Decimal(10)})
    first = shift(volunteer, 10)
    certificate = course(volunteer, COURSE_A)
    assert position(volunteer) == 2
    shift(volunteer, 10)
    assert position(volunteer) == 2
    Stage.objects.filter(position=2).update(min_hours=Decimal(30))  # an editor makes it harder
    ledger_fact_revoke(source=certificate, by=coordinator, reason="Error")  # a course: not a criterion here
    correct(volunteer, first, 9)  # 19 hours: still more than the 10 the stage was reached with
    assert position(volunteer) == 2
    assert history(volunteer) == [(0, 2, "reached")]


# --- Evaluating again writes nothing -----------------------------------------------------------------------


def _writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].split(" ", 1)[0] in ("INSERT", "UPDATE", "DELETE")]


def test_evaluating_twice_writes_nothing_the_second_time(volunteer_factory, two_stages, coordinator):
    people = [volunteer_factory() for _ in range(4)]
    shift(people[0], 12)
    course(people[0], COURSE_A)
    shift(people[1], 3)
    revoked = course(people[2], COURSE_B)
    ledger_fact_revoke(source=revoked, by=coordinator, reason="Error")
    first = {person.pk: position(person) for person in people}
    standings = list(StageStanding.objects.order_by("pk").values())
    changes = list(StageChange.objects.order_by("pk").values())
    ids = [person.pk for person in people]
    for again in (
        lambda: [stage_evaluate(volunteer=person) for person in people],
        lambda: stages_evaluate_range(first_id=min(ids), last_id=max(ids)),
        lambda: stages_evaluate_all(chunk=2),
    ):
        with CaptureQueriesContext(connection) as queries:
            again()
        assert _writes(queries) == []
        assert list(StageStanding.objects.order_by("pk").values()) == standings
        assert list(StageChange.objects.order_by("pk").values()) == changes
    assert first == {people[0].pk: 2, people[1].pk: 1, people[2].pk: 0, people[3].pk: 0}
    assert stages_evaluate_all() == 0


def test_the_history_keeps_every_change_in_order(volunteer, coordinator, two_stages):
    shift(volunteer, 2)
    assert position(volunteer) == 1
    shift(volunteer, 8)
    certificate = course(volunteer, COURSE_A)
    assert position(volunteer) == 2
    ledger_fact_revoke(source=certificate, by=coordinator, reason="Error")
    assert position(volunteer) == 1
    course(volunteer, COURSE_B)
    assert position(volunteer) == 2
    assert position(volunteer) == 2
    assert history(volunteer) == [
        (0, 1, "reached"), (1, 2, "reached"), (2, 1, "revoked"), (1, 2, "reached"),
    ]  # fmt: skip
    figures = [change.figures["courses"] for change in reversed(stage_history(volunteer=volunteer))]
    assert figures == [[], [COURSE_A], [], [COURSE_B]]
