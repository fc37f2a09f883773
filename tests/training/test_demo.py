"""The demo's training programme (cms/demo_training.py), as `manage.py seed` makes it: the index and four
courses in Kazakh with real Russian and English translations, quizzes whose ids are the same in every
language, the courses' rules, the main menu, and a second run that makes nothing.

The seed runs once for the module inside a transaction rolled back at its end; each test runs in a savepoint
within it (pytest-django's `db`), so what a test changes is undone before the next."""

import io
import re
from html import escape

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale, Page, Site

from cms.demo_training import training_demo_ensure
from cms.models import ContactPage, FaqPage, HomePage, Navigation, ProjectIndexPage
from training.blocks import QuestionKind
from training.models import CoursePage, LessonPage, ProgrammeIndexPage
from training.scoring import quiz_questions, quiz_score

LANGUAGES = ("kk", "ru", "en")
KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
CYRILLIC = re.compile("[а-яёА-ЯЁ]")
COURSE_TITLES = {
    "kk": {
        "Волонтерлікке кіріспе",
        "Балалармен жұмыс: қорғау",
        "Үйлестірушілерге арналған төтенше жағдай негіздері",
        "Күміс волонтерлік: алғашқы қадамдар",
    },
    "ru": {
        "Введение в волонтёрство",
        "Работа с детьми: защита",
        "Основы действий в ЧС для координаторов",
        "Серебряное волонтёрство: первые шаги",
    },
    "en": {
        "Introduction to volunteering",
        "Working with children: safeguarding",
        "Emergency basics for coordinators",
        "Silver volunteering: first steps",
    },
}


@pytest.fixture(scope="module")
def seed_output(module_db, tmp_path_factory):
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        with module_db.unblock():
            output = io.StringIO()
            call_command("seed", stdout=output)
        yield output.getvalue()


@pytest.fixture
def demo(seed_output, db):
    return seed_output


def _courses(language: str) -> dict:
    """The language's courses by their slug (the same in every language)."""
    return {
        course.slug: course for course in CoursePage.objects.live().filter(locale__language_code=language)
    }


def _texts(lesson: LessonPage, *, prose: bool = False) -> list[str]:
    """Every text a reader sees in the lesson's body, quizzes included; with `prose`, only the sentences
    (a heading or an answer may be a few words without a letter only Kazakh has)."""
    texts = []
    for block in lesson.body:
        value = block.value
        if block.block_type == "paragraph":
            texts.append(value.source)
        elif block.block_type == "heading" and not prose:
            texts.append(value["text"])
        elif block.block_type == "callout":
            texts += [value["text"].source] if prose else [value["title"], value["text"].source]
        elif block.block_type == "quiz":
            texts += [] if prose else [value["title"]]
            for question in value["questions"]:
                texts += [question["text"], question["explanation"]]
                texts += [] if prose else [choice["text"] for choice in question["choices"]]
    return texts


def _quiz_structure(lesson: LessonPage) -> list:
    """(quiz id, [(question id, kind, [(choice id, right?)])]) for each quiz: what attempts are keyed by."""
    return [
        (
            quiz_id,
            [
                (question_id, question["kind"], list(choices.items()))
                for question_id, question, choices in quiz_questions(quiz)
            ],
        )
        for quiz_id, quiz in lesson.quizzes()
    ]


def test_the_seed_makes_the_programme_in_three_languages(demo):
    assert "Seeded the training programme" in demo
    keys = None
    for code in LANGUAGES:
        index = ProgrammeIndexPage.objects.live().get(locale__language_code=code)
        assert index.slug == "training"
        assert index.get_parent().specific_class is HomePage
        assert index.get_parent().locale.language_code == code
        assert index.alias_of_id is None and index.intro
        courses = CoursePage.objects.live().child_of(index)
        assert {course.title for course in courses} == COURSE_TITLES[code]
        assert all(course.alias_of_id is None for course in courses)
        for course in courses:
            lessons = list(course.lessons())
            assert len(lessons) >= 3, course.title
            assert all(lesson.alias_of_id is None for lesson in lessons)
            assert sum(len(lesson.quizzes()) for lesson in lessons) >= 1, course.title
        # The same courses in every language: one translation key each.
        course_keys = {course.translation_key for course in courses}
        assert keys is None or course_keys == keys
        keys = course_keys


def test_quizzes_keep_their_ids_in_every_language_and_are_really_translated(demo):
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    quizzes = 0
    for lesson in LessonPage.objects.live().filter(locale=locales["kk"]):
        structure = _quiz_structure(lesson)
        for code in ("ru", "en"):
            translation = lesson.get_translation(locales[code]).specific
            assert _quiz_structure(translation) == structure, (lesson.title, code)
            assert not set(_texts(lesson)) & set(_texts(translation)), (lesson.title, code)
            # An answer given on the translated page scores on the Kazakh one.
            for (_quiz_id, quiz), (_same_id, translated) in zip(
                lesson.quizzes(), translation.quizzes(), strict=True
            ):
                answers = {
                    question_id: [choice for choice, right in choices.items() if right]
                    for question_id, _question, choices in quiz_questions(translated)
                }
                score = quiz_score(quiz, answers)
                assert score.correct == score.total
        for _quiz_id, quiz in lesson.quizzes():
            quizzes += 1
            questions = quiz_questions(quiz)
            assert 4 <= len(questions) <= 6
            assert {question["kind"] for _id, question, _choices in questions} == {
                QuestionKind.SINGLE,
                QuestionKind.MULTIPLE,
            }
            for _question_id, question, choices in questions:
                right = sum(choices.values())
                assert right == 1 if question["kind"] == QuestionKind.SINGLE else right > 1
                assert len(choices) > right
                assert question["explanation"]
    assert quizzes >= 4


def test_each_language_is_written_in_that_language(demo):
    for page in Page.objects.live().type(ProgrammeIndexPage, CoursePage, LessonPage).specific():
        code = page.locale.language_code
        if code == "kk":
            assert KAZAKH_LETTERS.search(page.title), page.title
            texts = _texts(page, prose=True) if isinstance(page, LessonPage) else [page.title]
            texts += [page.summary, page.outcomes] if isinstance(page, CoursePage) else []
            assert all(KAZAKH_LETTERS.search(text) for text in texts), page.title
        elif code == "ru":
            assert CYRILLIC.search(page.title) and not KAZAKH_LETTERS.search(page.title), page.title
        else:
            assert not CYRILLIC.search(page.title), page.title
        if isinstance(page, CoursePage) and code == "en":
            assert not CYRILLIC.search(page.summary)
    source = {course.translation_key: course for course in _courses("kk").values()}
    for code in ("ru", "en"):
        for course in _courses(code).values():
            original = source[course.translation_key]
            assert course.summary != original.summary and course.outcomes != original.outcomes


def test_the_courses_carry_their_rules(demo):
    for code in LANGUAGES:
        courses = _courses(code)
        introduction = courses["introduction"]
        assert introduction.direction is None and introduction.level == "starter"
        assert introduction.minors_allowed

        safeguarding = courses["safeguarding-children"]
        assert safeguarding.qualification == "safeguarding"
        assert not safeguarding.minors_allowed
        assert safeguarding.direction.slug == "sabaqtastyq"
        assert safeguarding.level == "core" and safeguarding.validity_months == 24
        # The prerequisite is the introduction, as a page of the same language.
        assert [page.pk for page in safeguarding.prerequisites.all()] == [introduction.pk]

        emergency = courses["emergency-basics"]
        assert emergency.qualification == "emergency"
        assert not emergency.minors_allowed
        assert emergency.direction.slug == "umit"
        assert emergency.level == "advanced" and emergency.validity_months == 12

        silver = courses["silver-first-steps"]
        assert silver.level == "starter" and silver.direction.slug == "qamqor"


def test_a_second_run_makes_nothing_and_keeps_an_editors_translation(demo):
    course = _courses("ru")["introduction"]
    course.summary = "Текст редактора"
    course.save_revision().publish()
    pages = Page.objects.count()

    assert training_demo_ensure() == {"pages": 0, "translations": 0, "menu": 0}

    assert Page.objects.count() == pages
    assert CoursePage.objects.get(pk=course.pk).summary == "Текст редактора"


def test_the_programme_joins_the_seeds_main_menu_once_and_leaves_an_editors_menu_alone(demo):
    navigation = Navigation.for_site(Site.objects.get(is_default_site=True))
    menu = [type(block.value["page"].specific) for block in navigation.main_menu]
    assert menu[:2] == [ProjectIndexPage, ProgrammeIndexPage]
    assert menu.count(ProgrammeIndexPage) == 1 and menu[-1] is ContactPage

    faq = FaqPage.objects.get(locale__language_code="kk")
    navigation.main_menu = [{"type": "page", "value": {"page": faq.pk}}]
    navigation.save()
    assert training_demo_ensure()["menu"] == 0
    navigation = Navigation.for_site(Site.objects.get(is_default_site=True))
    assert [block.value["page"].pk for block in navigation.main_menu] == [faq.pk]


def test_the_programme_pages_answer_in_each_language(client, demo):
    for code in LANGUAGES:
        pages = [ProgrammeIndexPage.objects.get(locale__language_code=code)]
        for course in _courses(code).values():
            pages += [course, *course.lessons()]
        assert len(pages) == 1 + 4 + 13
        for page in pages:
            response = client.get(page.get_url())
            assert response.status_code == 200, page.get_url()
            assert escape(page.title) in response.content.decode(), page.get_url()
