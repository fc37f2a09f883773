"""Double clicks and two tabs, with real concurrent transactions (PostgreSQL row locks): one enrolment, one
attempt per form, one certificate per completion."""

import pytest
from django.db import connection

from tests.events.test_concurrency import _together
from training.models import Certificate, Enrolment, QuizAttempt
from training.services.learning import enrolment_create, lesson_mark_read, quiz_submit
from volunteers.models import EntryKind, LedgerEntry

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (.ci/run runs it)"
    ),
]


def test_concurrent_enrolments_of_one_volunteer_make_one(programme, volunteer):
    errors = _together(lambda _n: enrolment_create(user=volunteer, course=programme.course["kk"]), range(8))
    assert errors == []
    assert Enrolment.objects.filter(user=volunteer).count() == 1


def test_one_quiz_form_sent_eight_times_at_once_is_one_attempt(programme, volunteer):
    course = programme.course["ru"]
    enrolment_create(user=volunteer, course=course)

    def submit(_n):
        quiz_submit(
            user=volunteer, lesson=programme.lesson(1, "ru"), course=course, quiz_id=programme.quiz.id,
            answers=programme.quiz.half_right(), token="one-form",
        )  # fmt: skip

    assert _together(submit, range(8)) == []
    assert QuizAttempt.objects.count() == 1


def test_the_last_step_taken_in_several_tabs_at_once_issues_one_certificate(programme, volunteer):
    course = programme.course["kk"]
    enrolment_create(user=volunteer, course=course)
    lesson_mark_read(user=volunteer, lesson=programme.lesson(0), course=course)
    quiz_submit(user=volunteer, lesson=programme.lesson(1), course=course, quiz_id=programme.quiz.id,
                answers=programme.quiz.all_right(), token="passed")  # fmt: skip
    languages = ["kk", "ru", "en"] * 2

    errors = _together(
        lambda code: lesson_mark_read(
            user=volunteer, lesson=programme.lesson(2, code), course=programme.course[code]
        ),
        languages,
    )

    assert errors == []
    assert Certificate.objects.filter(user=volunteer).count() == 1
    assert LedgerEntry.objects.filter(volunteer=volunteer, kind=EntryKind.COURSE_COMPLETED).count() == 1
