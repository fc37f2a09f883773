"""A lesson translated with wagtail-localize (as editors do in the admin) keeps its quiz's block, question and
choice ids and which answers are right: an attempt made on the translation counts for the course."""

import uuid

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from tests.training.conftest import Quiz, programme_create, quiz_stream
from training.models import CoursePage, LessonPage
from training.scoring import quiz_questions
from training.services.learning import enrolment_create, quiz_submit

pytestmark = pytest.mark.django_db


def localize(page, code: str):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.create_or_update_translation(Locale.objects.get(language_code=code), fallback=True)
    return page.get_translation(Locale.objects.get(language_code=code)).specific


def test_a_lesson_translated_with_wagtail_localize_keeps_the_quiz_ids_and_answers(seeded, volunteer):
    programme = programme_create()
    index = programme.index["kk"]
    ids = [str(uuid.uuid4()) for _i in range(8)]
    quiz = Quiz(ids[0], ids[1], ids[2], ids[3], ids[4], [ids[5], ids[6]], ids[7])
    course = CoursePage(
        title="Жаңа курс", slug="new-course", summary="Курс", duration_minutes=30, outcomes="<p>-</p>",
        locale=index.locale,
    )  # fmt: skip
    index.add_child(instance=course)
    course.save_revision().publish()
    lesson = LessonPage(title="Тест", slug="quiz", locale=index.locale, body=quiz_stream(quiz, "kk"))
    course.add_child(instance=lesson)
    lesson.save_revision().publish()

    russian_course = localize(CoursePage.objects.get(pk=course.pk), "ru")
    russian = localize(LessonPage.objects.get(pk=lesson.pk), "ru")

    assert russian.get_parent().pk == russian_course.pk
    assert [quiz_id for quiz_id, _value in russian.quizzes()] == [quiz.id]
    [(_quiz_id, value)] = russian.quizzes()
    [(_kk_id, source_value)] = LessonPage.objects.get(pk=lesson.pk).quizzes()

    def structure(quiz_value):
        return [(question_id, choices) for question_id, _question, choices in quiz_questions(quiz_value)]

    assert structure(value) == structure(source_value)

    enrolment_create(user=volunteer, course=russian_course)
    attempt = quiz_submit(
        user=volunteer, lesson=russian, course=russian_course, quiz_id=quiz.id, answers=quiz.all_right(),
        token="ru",
    )  # fmt: skip
    assert attempt.passed and attempt.enrolment.course_key == course.translation_key
