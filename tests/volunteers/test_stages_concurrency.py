"""Volunteer zholy under concurrency: the evaluation a fact triggers on commit and the nightly chunk that
covers the same volunteer, at the same moment, write one change between them (PostgreSQL: row locks)."""

from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection

from tests.events.test_concurrency import _together
from tests.volunteers.test_stages import COURSE_A, course, path_make, shift
from volunteers.models import StageChange, StageStanding
from volunteers.services.stages import stage_evaluate, stages_evaluate_range

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (.ci/run runs it)"
    ),
]


@pytest.fixture
def unevaluated(monkeypatch):
    """The facts written here are not evaluated as they commit (in autocommit a callback on commit runs at
    once): the threads are the first to evaluate them."""
    monkeypatch.setattr("volunteers.services.ledger.stage_evaluate_enqueue", lambda **kwargs: None)


def test_the_evaluation_on_commit_and_a_range_covering_it_write_one_change(volunteer_factory, unevaluated):
    path_make({"min_hours": Decimal(1)}, {"min_hours": Decimal(10), "min_courses": 1})
    people = [volunteer_factory() for _ in range(3)]
    for person in people:
        shift(person, 12)
        assert stage_evaluate(volunteer=person).stage.position == 1
        course(person, COURSE_A)  # the fact whose evaluation on commit meets the nightly chunk
    mail.outbox.clear()
    target = people[1]
    first, last = people[0].pk, people[-1].pk

    def work(kind):
        if kind == "one":
            stage_evaluate(volunteer=target)
        else:
            stages_evaluate_range(first_id=first, last_id=last)

    errors = _together(work, ["one", "range", "one", "range"])
    assert errors == []
    for person in people:
        changes = StageChange.objects.filter(volunteer=person).values_list("stage_to__position", "cause")
        assert list(changes) == [(2, "reached"), (1, "reached")]
        assert StageStanding.objects.get(volunteer=person).stage.position == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted(person.email for person in people)


def test_a_new_volunteer_evaluated_at_once_by_four_gets_one_standing_and_one_change(
    volunteer_factory, unevaluated
):
    path_make({"min_hours": Decimal(1)})
    person = volunteer_factory()
    shift(person, 2)
    assert not StageStanding.objects.exists()
    errors = _together(lambda _n: stage_evaluate(volunteer=person), range(4))
    assert errors == []
    assert StageStanding.objects.filter(volunteer=person).count() == 1
    assert StageChange.objects.filter(volunteer=person).count() == 1
