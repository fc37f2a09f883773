"""Learning through the services: enrolling, reading, quizzes with a limit and a pause, completion with one
certificate and one fact in the volunteer's book, progress shared by every language, renewal."""

import datetime as dt
import uuid

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from tests.training.conftest import programme_create
from training.errors import TrainingError
from training.models import Certificate, Enrolment, LessonPage, QuizAttempt
from training.services.learning import (
    attempts_left,
    enrolment_create,
    enrolment_refusals,
    enrolment_renew,
    lesson_mark_read,
    progress_update,
    quiz_submit,
    renewal_due,
)
from volunteers.models import EntryKind, LedgerEntry

ALMATY = dt.timezone(dt.timedelta(hours=5))


def moment(day: str, time: str = "12:00:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=ALMATY)


def quiz_answer(user, programme, answers, *, language="kk", token=None):
    return quiz_submit(
        user=user,
        lesson=programme.lesson(1, language),
        course=programme.course[language],
        quiz_id=programme.quiz.id,
        answers=answers,
        token=token or uuid.uuid4().hex,
    )


def course_complete(user, programme, language="kk") -> Enrolment:
    """Enrol, read the lessons without a quiz and pass the quiz: the course is completed."""
    course = programme.course[language]
    enrolment_create(user=user, course=course)
    for number in (0, 2):
        lesson_mark_read(user=user, lesson=programme.lesson(number, language), course=course)
    attempt = quiz_answer(user, programme, programme.quiz.all_right(), language=language)
    assert attempt.passed
    enrolment = Enrolment.objects.get(user=user, course_key=course.translation_key)
    assert enrolment.completed_at is not None
    return enrolment


def _refused(code, function, **kwargs):
    with pytest.raises(TrainingError) as raised:
        function(**kwargs)
    assert raised.value.code == code
    return raised.value


def completion_facts(user):
    return LedgerEntry.objects.filter(volunteer=user, kind=EntryKind.COURSE_COMPLETED)


# --- Enrolling ------------------------------------------------------------------------------------------


def test_enrolling_twice_gives_the_same_enrolment(programme, volunteer):
    first = enrolment_create(user=volunteer, course=programme.course["kk"])
    second = enrolment_create(user=volunteer, course=programme.course["ru"])
    assert first.pk == second.pk
    assert Enrolment.objects.filter(user=volunteer).count() == 1
    assert (first.lessons_done, first.lessons_total, first.percent, first.completed_at) == (0, 3, 0, None)


def test_an_anonymous_visitor_is_asked_to_sign_in(programme):
    course = programme.course["kk"]
    assert [refusal.code for refusal in enrolment_refusals(user=AnonymousUser(), course=course)] == [
        "sign_in"
    ]
    _refused("sign_in", enrolment_create, user=AnonymousUser(), course=course)
    _refused("sign_in", lesson_mark_read, user=AnonymousUser(), lesson=programme.lesson(0), course=course)
    _refused(
        "sign_in", quiz_answer, user=AnonymousUser(), programme=programme, answers=programme.quiz.all_right()
    )
    _refused("sign_in", enrolment_renew, user=AnonymousUser(), course=course)
    assert not Enrolment.objects.exists()


def test_a_minor_may_not_take_an_adults_only_course(seeded, volunteer_factory):
    adults = programme_create(minors_allowed=False)
    open_to_all = programme_create()
    minor = volunteer_factory(age=16)
    _refused("adults_only", enrolment_create, user=minor, course=adults.course["kk"])
    assert enrolment_create(user=minor, course=open_to_all.course["kk"]).pk
    assert enrolment_create(user=volunteer_factory(age=18), course=adults.course["kk"]).pk


def test_a_course_for_adults_needs_a_profile(seeded, user_factory):
    programme = programme_create(minors_allowed=False)
    _refused(
        "no_profile",
        enrolment_create,
        user=user_factory(email="new@example.kz"),
        course=programme.course["kk"],
    )
    assert not Enrolment.objects.exists()


def test_a_prerequisite_needs_a_valid_certificate(seeded, volunteer):
    basics = programme_create()
    advanced = programme_create(prerequisites=[basics.course["ru"]])
    with translation.override("ru"):
        refusal = _refused(
            "prerequisite_missing", enrolment_create, user=volunteer, course=advanced.course["kk"]
        )
    assert refusal.params["course"] == "Введение в волонтёрство"  # the visitor's language
    assert not Enrolment.objects.filter(course_key=advanced.course["kk"].translation_key).exists()
    course_complete(volunteer, basics, language="en")
    assert enrolment_refusals(user=volunteer, course=advanced.course["kk"]) == []
    assert enrolment_create(user=volunteer, course=advanced.course["kk"]).pk


# --- Quizzes ----------------------------------------------------------------------------------------------


def test_a_quiz_of_a_course_not_enrolled_in_is_refused(programme, volunteer):
    _refused(
        "not_enrolled", quiz_answer, user=volunteer, programme=programme, answers=programme.quiz.all_right()
    )
    _refused(
        "not_enrolled",
        lesson_mark_read,
        user=volunteer,
        lesson=programme.lesson(0),
        course=programme.course["kk"],
    )
    assert not QuizAttempt.objects.exists()


def test_an_unknown_quiz_is_refused(programme, volunteer):
    course = programme.course["kk"]
    enrolment_create(user=volunteer, course=course)
    for lesson, quiz_id in ((programme.lesson(1), "not-a-quiz"), (programme.lesson(0), programme.quiz.id)):
        _refused(
            "quiz_unknown", quiz_submit, user=volunteer, lesson=lesson, course=course, quiz_id=quiz_id,
            answers=programme.quiz.all_right(), token=uuid.uuid4().hex,
        )  # fmt: skip
    assert not QuizAttempt.objects.exists()


def test_a_double_submission_records_one_attempt(programme, volunteer):
    enrolment_create(user=volunteer, course=programme.course["kk"])
    first = quiz_answer(volunteer, programme, programme.quiz.half_right(), token="form-1")
    again = quiz_answer(volunteer, programme, programme.quiz.all_right(), token="form-1")
    assert again.pk == first.pk
    assert (again.score, again.passed) == (50, False)
    assert QuizAttempt.objects.count() == 1


def test_failed_attempts_are_paused_until_24_hours_after_the_first_of_them(seeded, volunteer):
    programme = programme_create(attempts_limit=2, cooldown_hours=24)
    wrong = programme.quiz.half_right()
    with time_machine.travel(moment("2026-03-10", "09:00:00"), tick=False):
        enrolment = enrolment_create(user=volunteer, course=programme.course["kk"])
        quiz_answer(volunteer, programme, wrong)
    with time_machine.travel(moment("2026-03-10", "15:00:00"), tick=False):
        quiz_answer(volunteer, programme, wrong)
    with time_machine.travel(moment("2026-03-10", "15:00:01"), tick=False):
        refusal = _refused(
            "cooldown", quiz_answer, user=volunteer, programme=programme, answers=programme.quiz.all_right()
        )
        assert "2026" in refusal.message
    with time_machine.travel(moment("2026-03-11", "08:59:59"), tick=False):
        _refused("cooldown", quiz_answer, user=volunteer, programme=programme, answers=wrong)
        _refused("cooldown", quiz_answer, user=volunteer, programme=programme, answers={})  # not "answer"
        left, until = attempts_left(
            enrolment=enrolment,
            course=programme.course["kk"],
            lesson_key=programme.lesson(1).translation_key,
            quiz_id=programme.quiz.id,
        )
        assert (left, until) == (0, moment("2026-03-11", "09:00:00"))
    assert QuizAttempt.objects.count() == 2
    with time_machine.travel(moment("2026-03-11", "09:00:00"), tick=False):
        assert quiz_answer(volunteer, programme, programme.quiz.all_right()).passed
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None  # lessons 0 and 2 are not read yet


def test_the_pause_is_over_after_it_ends(seeded, volunteer):
    programme = programme_create(attempts_limit=2, cooldown_hours=24)
    wrong = programme.quiz.half_right()
    with time_machine.travel(moment("2026-03-10", "09:00:00"), tick=False):
        enrolment_create(user=volunteer, course=programme.course["kk"])
        quiz_answer(volunteer, programme, wrong)
        quiz_answer(volunteer, programme, wrong)
    with time_machine.travel(moment("2026-03-12", "10:00:00"), tick=False):
        assert not quiz_answer(volunteer, programme, wrong).passed
        assert not quiz_answer(volunteer, programme, wrong).passed
        _refused("cooldown", quiz_answer, user=volunteer, programme=programme, answers=wrong)


def test_passing_does_not_count_toward_the_limit(seeded, volunteer):
    programme = programme_create(attempts_limit=2, cooldown_hours=24)
    quiz = programme.quiz
    enrolment = enrolment_create(user=volunteer, course=programme.course["kk"])
    outcomes = [
        quiz_answer(volunteer, programme, answers).passed
        for answers in (
            quiz.all_right(),
            quiz.half_right(),
            quiz.all_right(),
            quiz.all_right(),
            quiz.half_right(),
        )
    ]
    assert outcomes == [True, False, True, True, False]
    _refused("cooldown", quiz_answer, user=volunteer, programme=programme, answers=quiz.all_right())
    left, until = attempts_left(
        enrolment=enrolment,
        course=programme.course["kk"],
        lesson_key=programme.lesson(1).translation_key,
        quiz_id=quiz.id,
    )
    assert left == 0 and until > timezone.now()


def test_no_limit_when_the_limit_is_zero(seeded, volunteer):
    programme = programme_create(attempts_limit=0)
    enrolment_create(user=volunteer, course=programme.course["kk"])
    for _attempt in range(6):
        assert not quiz_answer(volunteer, programme, programme.quiz.half_right()).passed


# --- Completion -------------------------------------------------------------------------------------------


def test_reading_every_lesson_without_passing_the_quiz_does_not_complete(programme, volunteer):
    course = programme.course["kk"]
    enrolment_create(user=volunteer, course=course)
    for number in range(3):
        enrolment = lesson_mark_read(user=volunteer, lesson=programme.lesson(number), course=course)
    quiz_answer(volunteer, programme, programme.quiz.half_right())
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    assert (enrolment.lessons_done, enrolment.lessons_total, enrolment.percent) == (2, 3, 67)
    assert not Certificate.objects.exists()
    assert not completion_facts(volunteer).exists()


def test_passing_the_quiz_marks_its_lesson_read_and_completes(programme, volunteer):
    course = programme.course["kk"]
    enrolment_create(user=volunteer, course=course)
    for number in (0, 2):
        lesson_mark_read(user=volunteer, lesson=programme.lesson(number), course=course)
    quiz_answer(volunteer, programme, programme.quiz.all_right())
    enrolment = Enrolment.objects.get(user=volunteer)
    assert enrolment.lessons_read.count() == 3
    assert enrolment.completed_at is not None
    assert (enrolment.lessons_done, enrolment.lessons_total, enrolment.percent) == (3, 3, 100)


def test_a_passed_quiz_alone_does_not_complete(programme, volunteer):
    enrolment_create(user=volunteer, course=programme.course["kk"])
    quiz_answer(volunteer, programme, programme.quiz.all_right())
    enrolment = Enrolment.objects.get(user=volunteer)
    assert enrolment.completed_at is None
    assert (enrolment.lessons_done, enrolment.percent) == (1, 33)


def test_one_certificate_and_one_fact_per_completion_however_often_repeated(programme, volunteer):
    enrolment = course_complete(volunteer, programme)
    course = programme.course["kk"]
    for number in range(3):
        lesson_mark_read(user=volunteer, lesson=programme.lesson(number), course=course)
        lesson_mark_read(user=volunteer, lesson=programme.lesson(number, "ru"), course=programme.course["ru"])
    quiz_answer(volunteer, programme, programme.quiz.all_right())
    quiz_answer(volunteer, programme, programme.quiz.all_right(), language="en")
    enrolment_create(user=volunteer, course=course)
    progress_update(enrolment=enrolment, course=course)
    certificate = Certificate.objects.get(user=volunteer)
    assert certificate.enrolment_id == enrolment.pk
    assert certificate.course_key == course.translation_key
    assert certificate.issued_on == timezone.localdate()
    assert certificate.expires_on is not None  # 24 months by default
    assert dict(certificate.course_title) == {
        "kk": "Волонтерлікке кіріспе",
        "ru": "Введение в волонтёрство",
        "en": "Introduction to volunteering",
    }
    [fact] = completion_facts(volunteer)
    assert fact.status == "verified"
    assert fact.occurred_on == certificate.issued_on
    assert fact.title["ru"] == "Введение в волонтёрство"


def test_progress_belongs_to_the_course_in_every_language(programme, volunteer):
    enrolment_create(user=volunteer, course=programme.course["kk"])
    lesson_mark_read(user=volunteer, lesson=programme.lesson(0, "ru"), course=programme.course["ru"])
    enrolment = Enrolment.objects.get(user=volunteer)
    assert (enrolment.lessons_done, enrolment.lessons_total) == (1, 3)
    quiz_answer(volunteer, programme, programme.quiz.all_right(), language="kk")
    enrolment.refresh_from_db()
    assert (enrolment.lessons_done, enrolment.completed_at) == (2, None)
    lesson_mark_read(user=volunteer, lesson=programme.lesson(2, "en"), course=programme.course["en"])
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert Enrolment.objects.count() == 1
    assert Certificate.objects.filter(user=volunteer).count() == 1


def test_a_lesson_added_later_counts_on_the_next_update(programme, volunteer):
    course = programme.course["kk"]
    enrolment_create(user=volunteer, course=course)
    lesson_mark_read(user=volunteer, lesson=programme.lesson(0), course=course)
    extra = LessonPage(
        title="Қосымша", slug="extra", locale=course.locale,
        body=[{"type": "paragraph", "id": str(uuid.uuid4()), "value": "<p>More</p>"}],
    )  # fmt: skip
    course.add_child(instance=extra)
    extra.save_revision().publish()
    enrolment = lesson_mark_read(user=volunteer, lesson=programme.lesson(2), course=course)
    assert (enrolment.lessons_done, enrolment.lessons_total, enrolment.percent) == (2, 4, 50)
    quiz_answer(volunteer, programme, programme.quiz.all_right())
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    lesson_mark_read(user=volunteer, lesson=LessonPage.objects.get(pk=extra.pk), course=course)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


def test_an_unpublished_lesson_is_not_required(programme, volunteer):
    course = programme.course["kk"]
    enrolment_create(user=volunteer, course=course)
    programme.lesson(2).unpublish()
    lesson_mark_read(user=volunteer, lesson=programme.lesson(0), course=course)
    quiz_answer(volunteer, programme, programme.quiz.all_right())
    enrolment = Enrolment.objects.get(user=volunteer)
    assert (enrolment.lessons_done, enrolment.lessons_total) == (2, 2)
    assert enrolment.completed_at is not None


# --- Renewal ----------------------------------------------------------------------------------------------


def test_renewal_is_due_a_month_before_expiry_and_after(seeded, volunteer):
    programme = programme_create(validity_months=12)
    with time_machine.travel(moment("2026-01-15"), tick=False):
        enrolment = course_complete(volunteer, programme)
    certificate = Certificate.objects.get(user=volunteer)
    assert certificate.expires_on == dt.date(2027, 1, 15)
    assert not renewal_due(enrolment=enrolment, on=dt.date(2026, 6, 1))
    assert not renewal_due(enrolment=enrolment, on=dt.date(2026, 12, 15))
    assert renewal_due(enrolment=enrolment, on=dt.date(2026, 12, 16))
    assert renewal_due(enrolment=enrolment, on=dt.date(2027, 1, 15))
    assert renewal_due(enrolment=enrolment, on=dt.date(2027, 1, 16))
    with time_machine.travel(moment("2026-12-15"), tick=False):
        _refused("renewal_not_due", enrolment_renew, user=volunteer, course=programme.course["kk"])
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


def test_an_enrolment_not_completed_is_not_due_for_renewal(programme, volunteer):
    enrolment = enrolment_create(user=volunteer, course=programme.course["kk"])
    assert not renewal_due(enrolment=enrolment)
    assert enrolment_renew(user=volunteer, course=programme.course["kk"]).pk == enrolment.pk


def test_a_certificate_that_does_not_expire_is_never_due(seeded, volunteer):
    programme = programme_create(validity_months=0)
    enrolment = course_complete(volunteer, programme)
    assert not renewal_due(enrolment=enrolment, on=dt.date(2099, 1, 1))


def test_renewing_asks_for_the_quizzes_again_and_issues_a_second_certificate(seeded, volunteer):
    programme = programme_create(validity_months=12)
    course = programme.course["kk"]
    with time_machine.travel(moment("2026-01-15"), tick=False):
        course_complete(volunteer, programme)
    with time_machine.travel(moment("2026-12-20"), tick=False):
        enrolment = enrolment_renew(user=volunteer, course=programme.course["ru"])
        assert enrolment.completed_at is None
        assert (enrolment.lessons_done, enrolment.lessons_total) == (2, 3)  # read lessons stay read
        assert not enrolment_renew(user=volunteer, course=course).completed_at  # again: nothing changes
    with time_machine.travel(moment("2026-12-21"), tick=False):
        lesson_mark_read(user=volunteer, lesson=programme.lesson(0), course=course)
        enrolment.refresh_from_db()
        assert enrolment.completed_at is None  # the quiz passed last year does not count
        assert not quiz_answer(volunteer, programme, programme.quiz.half_right()).passed
        assert Certificate.objects.filter(user=volunteer).count() == 1
        quiz_answer(volunteer, programme, programme.quiz.all_right())
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    first, second = Certificate.objects.filter(user=volunteer).order_by("pk")
    assert (first.issued_on, first.expires_on) == (dt.date(2026, 1, 15), dt.date(2027, 1, 15))
    assert (second.issued_on, second.expires_on) == (dt.date(2026, 12, 21), dt.date(2027, 12, 21))
    assert first.code != second.code
    assert completion_facts(volunteer).count() == 2
    assert not renewal_due(enrolment=enrolment, on=dt.date(2027, 1, 20))  # the new certificate is valid
    assert Enrolment.objects.count() == 1


def test_a_certificate_without_end_makes_renewal_not_due_beside_one_that_ends(seeded, volunteer):
    """The course's validity changed between rounds: the certificate that never ends is the current one."""
    programme = programme_create(validity_months=12)
    course = programme.course["kk"]
    with time_machine.travel(moment("2026-01-15"), tick=False):
        course_complete(volunteer, programme)
    course.validity_months = 0
    course.save()
    with time_machine.travel(moment("2026-12-20"), tick=False):
        enrolment_renew(user=volunteer, course=course)
    with time_machine.travel(moment("2026-12-21"), tick=False):
        quiz_answer(volunteer, programme, programme.quiz.all_right())
        enrolment = Enrolment.objects.get(user=volunteer)
        assert list(Certificate.objects.order_by("pk").values_list("expires_on", flat=True)) == [
            dt.date(2027, 1, 15),
            None,
        ]
        assert not renewal_due(enrolment=enrolment)
        _refused("renewal_not_due", enrolment_renew, user=volunteer, course=course)
