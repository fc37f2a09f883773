"""The programme's pages as a visitor and a volunteer see them: the index with its filters and progress, a
course's facts, a lesson with its quiz. Text is checked on the English pages (source strings)."""

import datetime as dt
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.text import slugify

from tests.training.conftest import course_complete
from training.models import Certificate, CoursePage, LessonPage
from training.services.certificates import certificate_revoke
from training.services.learning import enrolment_create, enrolment_renew, lesson_mark_read, quiz_submit
from volunteers.models import Direction

pytestmark = pytest.mark.django_db


def course_add(programme, *, title, language="en", level="starter", direction=None, lessons=1, **fields):
    """A course written straight into one language's programme, with `lessons` lessons of text."""
    index = programme.index[language]
    course = CoursePage(
        title=title, slug=slugify(title), locale=index.locale, summary=f"About {title}.", duration_minutes=90,
        outcomes="<p>Outcomes</p>", level=level,
        direction=Direction.objects.get(slug=direction) if direction else None, **fields,
    )  # fmt: skip
    index.add_child(instance=course)
    course.save_revision().publish()
    course = CoursePage.objects.get(pk=course.pk)
    for number in range(1, lessons + 1):
        lesson = LessonPage(
            title=f"{title}: lesson {number}", slug=f"lesson-{number}", locale=index.locale,
            body=[{"type": "paragraph", "value": "<p>Text</p>"}],
        )  # fmt: skip
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
    return course


def shown(response) -> list[str]:
    return [card["course"].title for group in response.context["groups"] for card in group["cards"]]


# --- The programme ----------------------------------------------------------------------------------------


def test_the_programme_lists_its_courses_by_level_with_their_facts(client, programme):
    course_add(programme, title="Mentoring children", level="core", direction="sabaqtastyq", lessons=2)
    response = client.get(programme.index["en"].url)
    assert response.status_code == 200
    assert [group["level"] for group in response.context["groups"]] == ["starter", "core"]
    assert shown(response) == ["Introduction to volunteering", "Mentoring children"]
    text = response.text
    assert text.index(">Starter</h2>") < text.index(">Core</h2>")
    assert "All directions" in text  # the introduction serves every direction
    assert "Sabaqtastyq" in text or "Сабақтастық" in text
    assert "1 h · 3 lessons" in text
    assert "1 h 30 min · 2 lessons" in text
    assert "Training programme" in text
    assert "Введение в волонтёрство" not in text  # only this language's courses


ALL = {"Introduction to volunteering", "Mentoring children", "Clean rivers"}
FILTERS = [
    ("", ALL),
    ("direction=sabaqtastyq", {"Introduction to volunteering", "Mentoring children"}),
    ("level=core", {"Mentoring children"}),
    ("level=advanced", {"Clean rivers"}),
    ("direction=taza-alem&level=starter", {"Introduction to volunteering"}),
    # Values that are not choices are ignored, not an error.
    ("direction=nonsense&level=%3Cscript%3E", ALL),
    ("direction=bilim", ALL),  # no course of its own: not offered, so ignored
    ("level=core&level=advanced", {"Clean rivers"}),
]  # fmt: skip


def test_the_filters(client, programme):
    course_add(programme, title="Mentoring children", level="core", direction="sabaqtastyq")
    course_add(programme, title="Clean rivers", level="advanced", direction="taza-alem")
    for query, expected in FILTERS:
        response = client.get(f"{programme.index['en'].url}?{query}")
        assert response.status_code == 200, query
        assert set(shown(response)) == expected, query


def test_a_filter_with_no_course_says_so(client, programme):
    course_add(programme, title="Clean rivers", level="advanced", direction="taza-alem")
    response = client.get(f"{programme.index['en'].url}?direction=taza-alem&level=core")
    assert shown(response) == []
    assert "No course matches these filters." in response.text
    # The filter offers only the directions the programme's courses have.
    directions = [slug for slug, _name in response.context["filters"]["directions"]]
    assert directions == ["taza-alem"]


def test_a_volunteer_sees_progress_and_completion_on_the_cards(client, programme, volunteer):
    other = course_add(programme, title="Clean rivers", lessons=3)
    course_complete(volunteer, programme, "en")
    enrolment_create(user=volunteer, course=other)
    lesson_mark_read(user=volunteer, lesson=other.lessons().first(), course=other)
    client.force_login(volunteer)
    text = client.get(programme.index["en"].url).text
    assert "Course completed</strong>" in text
    assert "Certificate valid until" in text
    assert 'value="33"' in text and "33% done" in text


def test_the_programme_runs_the_same_queries_for_one_course_or_six(client, programme, volunteer):
    course_complete(volunteer, programme, "en")
    client.force_login(volunteer)
    url = programme.index["en"].url
    client.get(url)  # menus and the like are cached from here on
    with CaptureQueriesContext(connection) as one:
        response = client.get(url)
    assert len(shown(response)) == 1
    for number in range(5):
        course = course_add(
            programme, title=f"Extra course {number}", level=["core", "advanced"][number % 2], lessons=2
        )
        enrolment_create(user=volunteer, course=course)
        if number % 2:
            for lesson in course.lessons():
                lesson_mark_read(user=volunteer, lesson=lesson, course=course)
    assert Certificate.objects.filter(user=volunteer).count() == 3
    client.get(url)  # publishing emptied the caches: fill them again
    with CaptureQueriesContext(connection) as six:
        response = client.get(url)
    assert len(shown(response)) == 6
    assert len(six) == len(one)


# --- A course ---------------------------------------------------------------------------------------------


def test_a_visitor_sees_the_course_and_a_sign_in_link_that_comes_back(client, programme):
    course = programme.course["en"]
    response = client.get(course.url)
    text = response.text
    assert response.status_code == 200
    assert "<h1>Introduction to volunteering</h1>" in text
    assert f'/en/accounts/login/?next={course.url}"' in text
    assert "csrfmiddlewaretoken" not in text  # the same for every visitor: the page cache may keep it
    facts = [
        "Starter", "All directions", "1 h · 3 lessons", "80% of the answers right in each quiz", "24 months",
        "Every volunteer, including those under 18.", "Know your rights",
        "After 3 failed attempts, a pause of 24 h", "0 volunteers have completed this course",
    ]  # fmt: skip
    for fact in facts:
        assert fact in text, fact
    for lesson in programme.lessons["en"]:
        assert f'href="{lesson.url}"' in text
    assert "not done yet" not in text  # no marks for a visitor


def test_the_course_shows_who_may_take_it_and_what_it_qualifies_for(client, programme_factory):
    programme = programme_factory(minors_allowed=False, validity_months=0, qualification="safeguarding")
    text = client.get(programme.course["en"].url).text
    assert "Volunteers aged 18 or over." in text
    assert "Does not expire" in text
    assert "Mentoring children and youth (Sabaqtastyq)" in text


def test_an_enrolled_volunteer_sees_lessons_done_and_where_to_continue(client, programme, volunteer):
    enrolment_create(user=volunteer, course=programme.course["en"])
    lesson_mark_read(user=volunteer, lesson=programme.lesson(0, "en"), course=programme.course["en"])
    client.force_login(volunteer)
    response = client.get(programme.course["en"].url)
    assert [row["done"] for row in response.context["lesson_rows"]] == [True, False, False]
    assert response.context["next_lesson"].pk == programme.lesson(1, "en").pk
    assert f'href="{programme.lesson(1, "en").url}">Continue: Safety</a>' in response.text
    assert 'value="33"' in response.text
    assert "/enrol/" not in response.text


def test_the_course_counts_the_volunteers_who_completed_it(client, programme, volunteer_factory):
    first, second, revoked = (volunteer_factory() for _i in range(3))
    course_complete(first, programme, "kk")
    course_complete(second, programme, "ru")
    course_complete(revoked, programme, "en")
    certificate_revoke(certificate=Certificate.objects.get(user=revoked), by=first, reason="Issued in error")
    with time_machine.travel(
        timezone.now() + dt.timedelta(days=720), tick=False
    ):  # renewed: two certificates
        enrolment_renew(user=first, course=programme.course["kk"])
        quiz_submit(
            user=first, lesson=programme.lesson(1), course=programme.course["kk"], quiz_id=programme.quiz.id,
            answers=programme.quiz.all_right(), token="renewed",
        )  # fmt: skip
    assert Certificate.objects.filter(user=first, revoked_at__isnull=True).count() == 2
    for language in ("kk", "ru", "en"):
        response = client.get(programme.course[language].url)
        assert response.context["completions"] == 2
    assert "2 volunteers have completed this course" in response.text


# --- A lesson ---------------------------------------------------------------------------------------------


def test_a_lesson_has_its_place_in_the_course(client, programme):
    first, second, third = programme.lessons["en"]
    text = client.get(second.url).text
    assert "Lesson 2 of 3" in text
    assert f'rel="prev" href="{first.url}"' in text
    assert f'rel="next" href="{third.url}"' in text
    assert f'<a href="{programme.course["en"].url}">Introduction to volunteering</a>' in text
    first_text = client.get(first.url).text
    assert "Lesson 1 of 3" in first_text and 'rel="prev"' not in first_text
    assert 'rel="next"' not in client.get(third.url).text


def test_a_visitor_is_asked_to_sign_in_and_gets_no_form(client, programme):
    text = client.get(programme.lesson(1, "en").url).text
    assert "Sign in and enrol in the course to mark lessons as read and take the quizzes." in text
    assert "Enrol in the course to take the quiz." in text
    assert 'name="token"' not in text
    assert "csrfmiddlewaretoken" not in text


def test_an_unsubmitted_quiz_gives_nothing_away(client, programme, volunteer):
    enrolment_create(user=volunteer, course=programme.course["en"])
    client.force_login(volunteer)
    text = client.get(programme.lesson(1, "en").url).text
    quiz = programme.quiz
    assert f'id="quiz-{quiz.id}"' in text
    assert f'type="radio" name="{quiz.single}" value="{quiz.single_right}"' in text
    assert f'type="checkbox" name="{quiz.multiple}" value="{quiz.multiple_wrong}"' in text
    assert re.search(r'<input type="hidden" name="token" value="[0-9a-f]{32}">', text)
    assert "correct" not in text.lower()
    assert "Your safety comes first." not in text
    assert "Volunteering is unpaid." not in text
    assert "right answer</span>" not in text
    # The choices come in the editor's order, right and wrong alike.
    assert (
        text.index(quiz.multiple_right[0])
        < text.index(quiz.multiple_right[1])
        < text.index(quiz.multiple_wrong)
    )


def test_the_quiz_uses_fieldsets_with_legends(client, programme, volunteer):
    enrolment_create(user=volunteer, course=programme.course["en"])
    client.force_login(volunteer)
    text = client.get(programme.lesson(1, "en").url).text
    assert text.count('<fieldset class="quiz-question">') == 2
    assert "<legend>1. What do you do first? (en)" in text
    assert f'<label for="choice-{programme.quiz.single_right}">' in text


# --- Languages --------------------------------------------------------------------------------------------


def test_switching_language_keeps_the_progress(client, programme, volunteer):
    course = programme.course["kk"]
    enrolment_create(user=volunteer, course=course)
    lesson_mark_read(user=volunteer, lesson=programme.lesson(0, "kk"), course=course)
    quiz_submit(
        user=volunteer, lesson=programme.lesson(1, "ru"), course=programme.course["ru"],
        quiz_id=programme.quiz.id, answers=programme.quiz.all_right(), token="ru",
    )  # fmt: skip
    client.force_login(volunteer)
    titles = {
        "kk": "Волонтерлікке кіріспе",
        "ru": "Введение в волонтёрство",
        "en": "Introduction to volunteering",
    }
    lesson_titles = {"kk": "Қауіпсіздік", "ru": "Безопасность", "en": "Safety"}
    for language in ("kk", "ru", "en"):
        response = client.get(programme.course[language].url)
        assert f"<h1>{titles[language]}</h1>" in response.text
        assert response.context["enrolment"].percent == 67
        assert 'value="67"' in response.text
        assert [row["done"] for row in response.context["lesson_rows"]] == [True, True, False]
        lesson = client.get(programme.lesson(1, language).url)
        assert f"<h1>{lesson_titles[language]}</h1>" in lesson.text
        assert lesson.context["done"] is True
        assert 'value="67"' in lesson.text
        # The attempt made in Russian shows, in this language's words.
        assert f"What do you do first? ({language})" in lesson.text
        assert lesson.context["lesson_blocks"][1]["quiz"].attempt.score == 100
