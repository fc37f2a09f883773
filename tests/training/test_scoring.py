"""Scoring a quiz on the server: exactly the right set of choices, whole per cent, the course's pass mark."""

import uuid

import pytest

from tests.training.conftest import Quiz, programme_create, quiz_stream
from training.blocks import LessonBlock
from training.models import LessonPage, QuizAttempt
from training.scoring import AnswersInvalid, quiz_score
from training.services.learning import enrolment_create, quiz_submit


def _new_id() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def quiz() -> Quiz:
    """The fixture programme's quiz (a one-answer and a several-answers question), without a database."""
    return Quiz(
        id=_new_id(), single=_new_id(), multiple=_new_id(), single_right=_new_id(), single_wrong=_new_id(),
        multiple_right=[_new_id(), _new_id()], multiple_wrong=_new_id(),
    )  # fmt: skip


def _block(quiz: Quiz):
    """The quiz block's value as a lesson page holds it."""
    [block] = [
        block for block in LessonBlock().to_python(quiz_stream(quiz, "kk")) if block.block_type == "quiz"
    ]
    return block.value


def _submit(user, programme, answers, token=None):
    return quiz_submit(
        user=user,
        lesson=programme.lesson(1),
        course=programme.course["kk"],
        quiz_id=programme.quiz.id,
        answers=answers,
        token=token or uuid.uuid4().hex,
    )


def _invalid(quiz: Quiz, answers) -> dict:
    with pytest.raises(AnswersInvalid) as raised:
        quiz_score(_block(quiz), answers)
    assert raised.value.code == "answers_invalid"
    return {question: (error.code, error.field) for question, error in raised.value.errors.items()}


def _one_answer_quiz(questions: int):
    """A quiz stream of `questions` one-answer questions: (stream, quiz id, right answers, wrong answers)."""
    quiz_id, right, wrong, items = _new_id(), {}, {}, []
    for number in range(questions):
        question, yes, no = _new_id(), _new_id(), _new_id()
        right[question], wrong[question] = [yes], [no]
        items.append(
            {
                "type": "item",
                "id": question,
                "value": {
                    "text": f"Question {number}",
                    "kind": "single",
                    "choices": [
                        {"type": "item", "id": yes, "value": {"text": "Yes", "correct": True}},
                        {"type": "item", "id": no, "value": {"text": "No", "correct": False}},
                    ],
                    "explanation": "",
                },
            }
        )
    return (
        [{"type": "quiz", "id": quiz_id, "value": {"title": "More", "questions": items}}],
        quiz_id,
        right,
        wrong,
    )


def _answers(right: dict, wrong: dict, how_many_right: int) -> dict:
    return {key: right[key] if n < how_many_right else wrong[key] for n, key in enumerate(right)}


def _lesson_with_quiz(course, questions: int):
    """A lesson of `course` with `questions` one-answer questions: (lesson, quiz id, right, wrong answers)."""
    body, quiz_id, right, wrong = _one_answer_quiz(questions)
    lesson = LessonPage(title="Extra", slug=f"extra-{questions}", locale=course.locale, body=body)
    course.add_child(instance=lesson)
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk), quiz_id, right, wrong


def test_all_right_scores_100_and_passes(programme, volunteer):
    enrolment_create(user=volunteer, course=programme.course["kk"])
    attempt = _submit(volunteer, programme, programme.quiz.all_right())
    assert (attempt.correct, attempt.total, attempt.score, attempt.passed) == (2, 2, 100, True)
    assert attempt.results == {programme.quiz.single: True, programme.quiz.multiple: True}


def test_half_right_scores_50_and_fails_the_default_mark(programme, volunteer):
    enrolment_create(user=volunteer, course=programme.course["kk"])
    attempt = _submit(volunteer, programme, programme.quiz.half_right())
    assert (attempt.correct, attempt.total, attempt.score, attempt.passed) == (1, 2, 50, False)
    assert attempt.results == {programme.quiz.single: True, programme.quiz.multiple: False}


def test_a_multiple_choice_question_counts_only_for_exactly_the_right_set(quiz):
    block, q = _block(quiz), quiz
    exact = quiz_score(block, q.all_right())
    assert exact.results[q.multiple] is True
    superset = quiz_score(
        block, {q.single: [q.single_right], q.multiple: [*q.multiple_right, q.multiple_wrong]}
    )
    assert superset.results[q.multiple] is False
    subset = quiz_score(block, {q.single: [q.single_right], q.multiple: [q.multiple_right[1]]})
    assert subset.results[q.multiple] is False
    only_wrong = quiz_score(block, {q.single: [q.single_right], q.multiple: [q.multiple_wrong]})
    assert only_wrong.results[q.multiple] is False
    assert (superset.correct, superset.total, superset.percent) == (1, 2, 50)


def test_the_order_and_repetition_of_choices_do_not_matter(quiz):
    q = quiz
    answers = {q.single: [q.single_right, q.single_right], q.multiple: [*reversed(q.multiple_right)]}
    score = quiz_score(_block(quiz), answers)
    assert (score.correct, score.total, score.percent) == (2, 2, 100)
    assert score.answers[q.multiple] == sorted(q.multiple_right)


def test_a_single_choice_question_with_two_choices_picked_is_refused(quiz):
    q = quiz
    errors = _invalid(quiz, {q.single: [q.single_right, q.single_wrong], q.multiple: list(q.multiple_right)})
    assert errors == {q.single: ("one_answer", q.single)}


@pytest.mark.parametrize("missing", [None, [], ""])
def test_an_unanswered_question_is_named(quiz, missing):
    q = quiz
    answers = {q.single: [q.single_right]}
    if missing is not None:
        answers[q.multiple] = missing
    assert _invalid(quiz, answers) == {q.multiple: ("answer_missing", q.multiple)}


def test_nothing_answered_names_every_question(quiz):
    q = quiz
    assert _invalid(quiz, {}) == {
        q.single: ("answer_missing", q.single),
        q.multiple: ("answer_missing", q.multiple),
    }


@pytest.mark.parametrize("tampered", ["other_question", "random", "number"])
def test_a_tampered_choice_id_is_refused(quiz, tampered):
    q = quiz
    choice = {"other_question": q.multiple_right[0], "random": "<script>", "number": 7}[tampered]
    answers = {q.single: [choice], q.multiple: list(q.multiple_right)}
    assert _invalid(quiz, answers) == {q.single: ("answer_invalid", q.single)}


def test_a_tampered_id_among_right_ones_is_refused(quiz):
    q = quiz
    answers = {q.single: [q.single_right], q.multiple: [*q.multiple_right, _new_id()]}
    assert _invalid(quiz, answers) == {q.multiple: ("answer_invalid", q.multiple)}


def test_answers_to_questions_the_quiz_does_not_have_are_ignored(quiz):
    score = quiz_score(_block(quiz), {**quiz.all_right(), "not-a-question": ["x"]})
    assert set(score.answers) == {quiz.single, quiz.multiple}


def test_a_single_choice_given_as_a_bare_id_is_scored(quiz):
    q = quiz
    score = quiz_score(_block(quiz), {q.single: q.single_right, q.multiple: list(q.multiple_right)})
    assert score.correct == 2


@pytest.mark.parametrize(
    ("questions", "right", "percent"),
    [(3, 1, 33), (3, 2, 66), (8, 1, 12), (8, 3, 37), (8, 5, 62), (8, 7, 87), (7, 7, 100), (3, 0, 0)],
)
def test_scores_are_whole_per_cent_rounded_down(questions, right, percent):
    stream, _quiz_id, right_answers, wrong_answers = _one_answer_quiz(questions)
    [block] = LessonBlock().to_python(stream)
    score = quiz_score(block.value, _answers(right_answers, wrong_answers, right))
    assert (score.correct, score.total, score.percent) == (right, questions, percent)


def test_nothing_is_recorded_on_invalid_answers(programme, volunteer):
    q = programme.quiz
    enrolment = enrolment_create(user=volunteer, course=programme.course["kk"])
    for answers in (
        {q.single: [q.single_right]},
        {q.single: [q.single_right, q.single_wrong], q.multiple: list(q.multiple_right)},
        {q.single: ["tampered"], q.multiple: list(q.multiple_right)},
    ):
        with pytest.raises(AnswersInvalid):
            _submit(volunteer, programme, answers)
    assert not QuizAttempt.objects.filter(enrolment=enrolment).exists()
    enrolment.refresh_from_db()
    assert enrolment.lessons_done == 0
    assert not enrolment.lessons_read.exists()


@pytest.mark.parametrize(("pass_mark", "passed"), [(50, True), (51, False)])
def test_the_pass_mark_boundary(seeded, volunteer, pass_mark, passed):
    programme = programme_create(pass_mark=pass_mark)
    enrolment_create(user=volunteer, course=programme.course["kk"])
    attempt = _submit(volunteer, programme, programme.quiz.half_right())
    assert (attempt.score, attempt.passed) == (50, passed)


@pytest.mark.parametrize(("pass_mark", "passed"), [(66, True), (67, False)])
def test_two_of_three_is_short_of_a_67_per_cent_mark(seeded, volunteer, pass_mark, passed):
    """The score never claims more than was earned: 2 of 3 is 66.7 %, which does not reach 67 %."""
    programme = programme_create(pass_mark=pass_mark)
    course = programme.course["kk"]
    lesson, quiz_id, right_answers, wrong_answers = _lesson_with_quiz(course, 3)
    answers = _answers(right_answers, wrong_answers, 2)
    enrolment_create(user=volunteer, course=course)
    attempt = quiz_submit(
        user=volunteer, lesson=lesson, course=course, quiz_id=quiz_id, answers=answers, token="t"
    )
    assert (attempt.score, attempt.passed) == (66, passed)
