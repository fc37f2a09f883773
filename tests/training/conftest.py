"""A small programme made as editors make it: a course in Kazakh with three lessons (the second with a quiz of
a one-answer and a several-answers question), translated into Russian and English with copy_for_translation,
which keeps the quiz's block ids. `programme.quiz` names the ids a browser would send."""

import uuid
from dataclasses import dataclass, field

import pytest
from wagtail.models import Locale

from cms.models import HomePage
from tests.events.conftest import (  # noqa: F401  (fixtures shared with the events tests)
    almaty,
    coordinator,
    coordinator_factory,
    event_factory,
    organisation,
    other_organisation,
    volunteer,
    volunteer_factory,
)
from training.models import CoursePage, LessonPage, ProgrammeIndexPage
from volunteers.models import Direction

LANGUAGES = ("kk", "ru", "en")
TITLES = {
    "index": {"kk": "Оқыту бағдарламасы", "ru": "Программа обучения", "en": "Training programme"},
    "course": {
        "kk": "Волонтерлікке кіріспе",
        "ru": "Введение в волонтёрство",
        "en": "Introduction to volunteering",
    },
    "lessons": [
        {"kk": "Құқықтар", "ru": "Права", "en": "Rights"},
        {"kk": "Қауіпсіздік", "ru": "Безопасность", "en": "Safety"},
        {"kk": "Әдеп", "ru": "Этика", "en": "Ethics"},
    ],
}


def _id() -> str:
    return str(uuid.uuid4())


@dataclass
class Quiz:
    id: str
    single: str  # question ids
    multiple: str
    single_right: str  # choice ids
    single_wrong: str
    multiple_right: list = field(default_factory=list)
    multiple_wrong: str = ""

    def all_right(self) -> dict:
        return {self.single: [self.single_right], self.multiple: list(self.multiple_right)}

    def half_right(self) -> dict:
        return {self.single: [self.single_right], self.multiple: [self.multiple_right[0]]}


def quiz_stream(quiz: Quiz, language: str) -> list:
    def choice(choice_id, text, correct):
        return {
            "type": "item",
            "id": choice_id,
            "value": {"text": f"{text} ({language})", "correct": correct},
        }

    return [
        {"type": "paragraph", "id": _id(), "value": f"<p>Safety first ({language}).</p>"},
        {
            "type": "quiz",
            "id": quiz.id,
            "value": {
                "title": f"Check yourself ({language})",
                "questions": [
                    {
                        "type": "item",
                        "id": quiz.single,
                        "value": {
                            "text": f"What do you do first? ({language})",
                            "kind": "single",
                            "choices": [
                                choice(quiz.single_right, "Check the place is safe", True),
                                choice(quiz.single_wrong, "Run in", False),
                            ],
                            "explanation": "Your safety comes first.",
                        },
                    },
                    {
                        "type": "item",
                        "id": quiz.multiple,
                        "value": {
                            "text": f"Which are a volunteer's rights? ({language})",
                            "kind": "multiple",
                            "choices": [
                                choice(quiz.multiple_right[0], "Safe conditions", True),
                                choice(quiz.multiple_right[1], "Information about the work", True),
                                choice(quiz.multiple_wrong, "A salary", False),
                            ],
                            "explanation": "Volunteering is unpaid.",
                        },
                    },
                ],
            },
        },
    ]


@dataclass
class Programme:
    index: dict  # language → page
    course: dict
    lessons: dict  # language → [page, page, page]
    quiz: Quiz

    def lesson(self, number: int, language: str = "kk") -> LessonPage:
        return self.lessons[language][number]


def _publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def programme_create(*, direction: str | None = None, **course_fields) -> Programme:
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    home = HomePage.objects.get(locale=locales["kk"])
    index = ProgrammeIndexPage.objects.child_of(home).first()
    if index is None:
        index = ProgrammeIndexPage(title=TITLES["index"]["kk"], slug="training", locale=locales["kk"])
        home.add_child(instance=index)
        index = _publish(index)
    quiz = Quiz(
        id=_id(), single=_id(), multiple=_id(), single_right=_id(), single_wrong=_id(),
        multiple_right=[_id(), _id()], multiple_wrong=_id(),
    )  # fmt: skip
    fields = {
        "summary": "What every volunteer should know.",
        "duration_minutes": 60,
        "outcomes": "<ul><li>Know your rights</li></ul>",
        "direction": Direction.objects.get(slug=direction) if direction else None,
        **course_fields,
    }
    number = CoursePage.objects.count() + 1
    course = CoursePage(title=TITLES["course"]["kk"], slug=f"course-{number}", locale=locales["kk"], **fields)
    index.add_child(instance=course)
    course = _publish(course)
    lessons = []
    for position, titles in enumerate(TITLES["lessons"]):
        body = (
            quiz_stream(quiz, "kk")
            if position == 1
            else [{"type": "paragraph", "id": _id(), "value": f"<p>{titles['en']}</p>"}]
        )
        lesson = LessonPage(
            title=titles["kk"], slug=f"lesson-{position + 1}", locale=locales["kk"], body=body
        )
        course.add_child(instance=lesson)
        lessons.append(_publish(lesson))
    pages = {"index": {"kk": index}, "course": {"kk": course}, "lessons": {"kk": lessons}}
    for code in ("ru", "en"):
        translated_index = index.get_translation_or_none(locales[code])
        if translated_index is None or translated_index.alias_of_id is not None:
            translated_index = index.copy_for_translation(locales[code])
            translated_index.title = TITLES["index"][code]
            translated_index = _publish(translated_index)
        pages["index"][code] = translated_index.specific
        translated_course = course.copy_for_translation(locales[code])
        translated_course.title = TITLES["course"][code]
        pages["course"][code] = _publish(translated_course)
        pages["lessons"][code] = []
        for position, lesson in enumerate(lessons):
            translated = lesson.copy_for_translation(locales[code])
            translated.title = TITLES["lessons"][position][code]
            if position == 1:
                translated.body = quiz_stream(quiz, code)
            pages["lessons"][code].append(_publish(translated))
    return Programme(index=pages["index"], course=pages["course"], lessons=pages["lessons"], quiz=quiz)


def course_complete(user, programme: Programme, language: str = "kk"):
    """Enrol, read the three lessons and pass the quiz in `language`: the certificate, as issued."""
    from training.models import Certificate
    from training.services.learning import enrolment_create, lesson_mark_read, quiz_submit

    course = programme.course[language]
    enrolment_create(user=user, course=course)
    for number in range(3):
        lesson_mark_read(user=user, lesson=programme.lesson(number, language), course=course)
    quiz_submit(
        user=user, lesson=programme.lesson(1, language), course=course, quiz_id=programme.quiz.id,
        answers=programme.quiz.all_right(), token=uuid.uuid4().hex,
    )  # fmt: skip
    return Certificate.objects.filter(user=user, course_key=course.translation_key).order_by("-pk").first()


@pytest.fixture
def programme(seeded) -> Programme:
    return programme_create()


@pytest.fixture
def programme_factory(seeded):
    return programme_create
