"""The learning actions through HTTP: enrol, renew, mark a lesson read, submit a quiz. Text is checked on the
English pages, where the messages are the source strings."""

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.utils import timezone

from tests.training.conftest import course_complete
from training.models import Certificate, Enrolment, LessonProgress, QuizAttempt
from training.services.learning import enrolment_create

pytestmark = pytest.mark.django_db


def enrol_url(course):
    return f"/en/training/courses/{course.pk}/enrol/"


def renew_url(course):
    return f"/en/training/courses/{course.pk}/renew/"


def read_url(lesson):
    return f"/en/training/lessons/{lesson.pk}/read/"


def quiz_url(lesson, quiz_id):
    return f"/en/training/lessons/{lesson.pk}/quiz/{quiz_id}/"


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def enrolled(user, programme, language="en"):
    return enrolment_create(user=user, course=programme.course[language])


def post_quiz(client, programme, answers, token="form-1", language="en", quiz_id=None):
    data = {"token": token, **answers}
    return client.post(quiz_url(programme.lesson(1, language), quiz_id or programme.quiz.id), data)


# --- Enrolling --------------------------------------------------------------------------------------------


def test_enrolling_returns_to_the_course_with_a_message(client, programme, volunteer):
    client.force_login(volunteer)
    course = programme.course["en"]
    response = client.post(enrol_url(course))
    assert response.status_code == 302
    assert response["Location"] == course.url
    assert Enrolment.objects.filter(user=volunteer, course_key=course.translation_key).count() == 1
    assert "You are enrolled. Start with the first lesson." in messages_of(response)
    page = client.get(course.url)
    assert 'value="0"' in page.text  # the progress bar
    assert programme.lesson(0, "en").url in page.text  # the link to start


def test_enrolling_twice_keeps_one_enrolment(client, programme, volunteer):
    client.force_login(volunteer)
    client.post(enrol_url(programme.course["en"]))
    client.post(enrol_url(programme.course["kk"]))
    assert Enrolment.objects.filter(user=volunteer).count() == 1


def test_a_minor_cannot_enrol_in_an_adults_only_course(client, programme_factory, volunteer_factory):
    programme = programme_factory(minors_allowed=False)
    minor = volunteer_factory(age=16)
    client.force_login(minor)
    course = programme.course["en"]
    page = client.get(course.url)
    assert "This course is for volunteers aged 18 or over." in page.text
    assert enrol_url(course) not in page.text
    response = client.post(enrol_url(course))
    assert response.status_code == 302
    assert not Enrolment.objects.filter(user=minor).exists()
    assert "This course is for volunteers aged 18 or over." in messages_of(response)


def test_an_adult_may_enrol_in_an_adults_only_course(client, programme_factory, volunteer_factory):
    programme = programme_factory(minors_allowed=False)
    adult = volunteer_factory(age=30)
    client.force_login(adult)
    client.post(enrol_url(programme.course["en"]))
    assert Enrolment.objects.filter(user=adult).exists()


def test_a_missing_prerequisite_refuses_enrolment_until_it_is_completed(client, programme_factory, volunteer):
    first = programme_factory()
    second = programme_factory()
    for page in second.course.values():  # as translations keep it: the source language's course
        page.prerequisites.set([first.course["kk"]])
        page.save()
    course = second.course["kk"]
    client.force_login(volunteer)
    response = client.post(enrol_url(course))
    assert not Enrolment.objects.filter(user=volunteer, course_key=course.translation_key).exists()
    assert "Complete the course “Introduction to volunteering” first." in messages_of(response)
    page = client.get(second.course["en"].url)
    # The prerequisite is linked in the visitor's language.
    assert f'href="{first.course["en"].url}"' in page.text
    assert "not completed yet" in page.text

    course_complete(volunteer, first, "en")
    client.post(enrol_url(course))
    assert Enrolment.objects.filter(user=volunteer, course_key=course.translation_key).exists()
    assert "you hold a valid certificate" in client.get(second.course["en"].url).text


# --- Who may post, and to what ----------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in_and_back_to_the_page(client, programme):
    course, lesson = programme.course["en"], programme.lesson(1, "en")
    for url, page in [
        (enrol_url(course), course),
        (renew_url(course), course),
        (read_url(lesson), lesson),
        (quiz_url(lesson, programme.quiz.id), lesson),
    ]:
        response = client.post(url)
        assert response.status_code == 302
        location = urlsplit(response["Location"])
        assert location.path == "/en/accounts/login/"
        assert parse_qs(location.query)["next"] == [page.url]
    assert not Enrolment.objects.exists()


def test_the_actions_are_post_only(client, programme, volunteer):
    client.force_login(volunteer)
    course, lesson = programme.course["en"], programme.lesson(1, "en")
    for url in (enrol_url(course), renew_url(course), read_url(lesson), quiz_url(lesson, programme.quiz.id)):
        assert client.get(url).status_code == 405
    assert not Enrolment.objects.exists()


def test_the_actions_need_the_csrf_token(programme, volunteer):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(volunteer)
    assert client.post(enrol_url(programme.course["en"])).status_code == 403
    assert not Enrolment.objects.exists()


def test_unknown_and_wrong_kinds_of_pages_are_404(client, programme, volunteer):
    client.force_login(volunteer)
    enrolled(volunteer, programme)
    course, lesson = programme.course["en"], programme.lesson(1, "en")
    assert client.post("/en/training/courses/999999/enrol/").status_code == 404
    assert client.post("/en/training/lessons/999999/read/").status_code == 404
    assert client.post(f"/en/training/lessons/999999/quiz/{programme.quiz.id}/").status_code == 404
    assert client.post(read_url(course)).status_code == 404  # a course's id where a lesson's belongs
    assert client.post(quiz_url(course, programme.quiz.id)).status_code == 404
    assert client.post(enrol_url(lesson)).status_code == 404  # and a lesson's where a course's belongs
    assert client.post(enrol_url(programme.index["en"])).status_code == 404
    assert not LessonProgress.objects.exists()


def test_a_lesson_of_an_unpublished_course_is_404(client, programme, volunteer):
    client.force_login(volunteer)
    enrolled(volunteer, programme, "kk")
    lesson = programme.lesson(1, "kk")
    programme.course["kk"].unpublish()  # its lessons stay live, but must not be reachable
    lesson.refresh_from_db()
    assert lesson.live
    assert client.get(lesson.url).status_code == 404
    assert client.post(read_url(lesson)).status_code == 404
    response = client.post(quiz_url(lesson, programme.quiz.id), {"token": "x", **programme.quiz.all_right()})
    assert response.status_code == 404
    assert client.post(enrol_url(programme.course["kk"])).status_code == 404
    assert not LessonProgress.objects.exists()
    assert not QuizAttempt.objects.exists()


# --- Reading ----------------------------------------------------------------------------------------------


def test_marking_a_lesson_read(client, programme, volunteer):
    client.force_login(volunteer)
    enrolment = enrolled(volunteer, programme)
    lesson = programme.lesson(0, "en")
    response = client.post(read_url(lesson))
    assert response.status_code == 302
    assert response["Location"] == lesson.url
    assert "The lesson is marked as read." in messages_of(response)
    enrolment.refresh_from_db()
    assert enrolment.lessons_done == 1
    assert enrolment.percent == 33
    client.post(read_url(lesson))  # again: still one
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1
    page = client.get(lesson.url)
    assert "You have completed this lesson." in page.text
    assert read_url(lesson) not in page.text


def test_marking_a_lesson_read_without_enrolling(client, programme, volunteer):
    client.force_login(volunteer)
    lesson = programme.lesson(0, "en")
    page = client.get(lesson.url)
    assert read_url(lesson) not in page.text
    assert "Enrol in the course to mark lessons as read and take the quizzes." in page.text
    response = client.post(read_url(lesson))
    assert response.status_code == 302
    assert "Enrol in the course first." in messages_of(response)
    assert not LessonProgress.objects.exists()


# --- Quizzes ----------------------------------------------------------------------------------------------


def test_passing_a_quiz(client, programme, volunteer):
    client.force_login(volunteer)
    enrolled(volunteer, programme)
    lesson = programme.lesson(1, "en")
    response = post_quiz(client, programme, programme.quiz.all_right())
    assert response.status_code == 303
    assert response["Location"] == f"{lesson.url}#quiz-{programme.quiz.id}"
    attempt = QuizAttempt.objects.get()
    assert (attempt.score, attempt.passed) == (100, True)
    page = client.get(lesson.url).text
    assert "Passed: 100%" in page
    assert "the pass mark is 80%" in page
    assert "The right answers are marked." in page
    assert page.count("right answer</span>") == 3  # one single, two multiple
    assert "Your safety comes first." in page and "Volunteering is unpaid." in page
    assert "Take the quiz again for practice" in page


def test_failing_a_quiz_shows_the_result_without_the_right_answers(client, programme, volunteer):
    client.force_login(volunteer)
    enrolled(volunteer, programme)
    response = post_quiz(client, programme, programme.quiz.half_right())
    assert response.status_code == 303
    attempt = QuizAttempt.objects.get()
    assert (attempt.score, attempt.passed) == (50, False)
    page = client.get(programme.lesson(1, "en").url).text
    assert "Not passed: 50%" in page
    assert "1 of 2 questions answered right" in page
    assert page.count('class="quiz-right"') == 1 and page.count('class="quiz-wrong"') == 1
    assert "Volunteering is unpaid." in page  # the explanations, after a submission
    assert "right answer</span>" not in page  # but not which choices are right
    assert "The right answers are shown once you pass the quiz." in page
    assert "2 attempts left before a pause." in page
    assert 'name="token"' in page  # a new form to try again


def test_the_same_form_submitted_twice_records_one_attempt(client, programme, volunteer):
    client.force_login(volunteer)
    enrolled(volunteer, programme)
    first = post_quiz(client, programme, programme.quiz.half_right(), token="same")
    second = post_quiz(client, programme, programme.quiz.all_right(), token="same")
    assert first.status_code == second.status_code == 303
    assert QuizAttempt.objects.count() == 1
    assert QuizAttempt.objects.get().passed is False


def test_each_rendered_form_carries_its_own_token(client, programme, volunteer):
    client.force_login(volunteer)
    enrolled(volunteer, programme)
    url = programme.lesson(1, "en").url
    tokens = {re.search(r'name="token" value="([0-9a-f]{32})"', client.get(url).text).group(1) for _i in "ab"}
    assert len(tokens) == 2


def test_a_tampered_choice_is_refused_and_nothing_is_recorded(client, programme, volunteer):
    client.force_login(volunteer)
    enrolled(volunteer, programme)
    quiz = programme.quiz
    answers = {quiz.single: [quiz.single_right], quiz.multiple: [quiz.multiple_right[0], "not-a-choice"]}
    response = post_quiz(client, programme, answers)
    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()
    assert "Some answers need your attention" in response.text
    assert "This answer is not one of the question&#x27;s choices." in response.text
    assert f'id="question-{quiz.multiple}-error"' in response.text
    # What was given stays checked.
    assert re.search(rf'value="{quiz.single_right}" id="choice-{quiz.single_right}" checked', response.text)


def test_an_answer_from_another_question_is_refused(client, programme, volunteer):
    client.force_login(volunteer)
    enrolled(volunteer, programme)
    quiz = programme.quiz
    response = post_quiz(client, programme, {quiz.single: [quiz.multiple_right[0]], quiz.multiple: []})
    assert response.status_code == 400
    assert "Answer this question." in response.text
    assert not QuizAttempt.objects.exists()


def test_two_answers_to_a_one_answer_question_are_refused(client, programme, volunteer):
    client.force_login(volunteer)
    enrolled(volunteer, programme)
    quiz = programme.quiz
    answers = {quiz.single: [quiz.single_right, quiz.single_wrong], quiz.multiple: quiz.multiple_right}
    response = post_quiz(client, programme, answers)
    assert response.status_code == 400
    assert "Choose one answer." in response.text
    assert not QuizAttempt.objects.exists()


def test_an_unknown_quiz_is_refused_and_nothing_is_recorded(client, programme, volunteer):
    client.force_login(volunteer)
    enrolled(volunteer, programme)
    response = post_quiz(client, programme, programme.quiz.all_right(), quiz_id="no-such-quiz")
    assert response.status_code == 400
    assert "This quiz is not part of the lesson." in response.text
    assert not QuizAttempt.objects.exists()
    # A quiz of another lesson is unknown here too.
    response = client.post(
        quiz_url(programme.lesson(0, "en"), programme.quiz.id), {"token": "t", **programme.quiz.all_right()}
    )
    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()


def test_a_quiz_without_enrolling_is_refused(client, programme, volunteer):
    client.force_login(volunteer)
    page = client.get(programme.lesson(1, "en").url).text
    assert "Enrol in the course to take the quiz." in page
    assert 'name="token"' not in page
    response = post_quiz(client, programme, programme.quiz.all_right())
    assert response.status_code == 400
    assert "Enrol in the course first." in response.text
    assert not QuizAttempt.objects.exists()
    assert not Enrolment.objects.exists()


def test_after_the_failed_attempts_the_pause_is_shown_and_enforced(client, programme_factory, volunteer):
    programme = programme_factory(attempts_limit=1, cooldown_hours=24)
    client.force_login(volunteer)
    url = programme.lesson(1, "en").url
    start = timezone.now() + dt.timedelta(days=1)
    with time_machine.travel(start, tick=False):
        enrolled(volunteer, programme)
        post_quiz(client, programme, programme.quiz.half_right(), token="one")
        page = client.get(url).text
        assert "You have used your attempts for now. You can try again from" in page
        assert 'name="token"' not in page
        response = post_quiz(client, programme, programme.quiz.all_right(), token="two")
        assert response.status_code == 400
        assert "You have used your attempts for now." in response.text
        assert QuizAttempt.objects.count() == 1
    with time_machine.travel(start + dt.timedelta(hours=25), tick=False):
        assert 'name="token"' in client.get(url).text
        assert post_quiz(client, programme, programme.quiz.all_right(), token="three").status_code == 303
        assert QuizAttempt.objects.filter(passed=True).count() == 1


# --- Completing and renewing ------------------------------------------------------------------------------


def test_completing_the_course_through_the_pages(client, programme, volunteer):
    client.force_login(volunteer)
    client.post(enrol_url(programme.course["en"]))
    client.post(read_url(programme.lesson(0, "en")))
    client.post(read_url(programme.lesson(1, "en")))
    client.post(read_url(programme.lesson(2, "en")))
    assert Enrolment.objects.get().completed_at is None  # the quiz is still to pass
    response = post_quiz(client, programme, programme.quiz.all_right())
    assert any("You have completed the course." in message for message in messages_of(response))
    certificate = Certificate.objects.get(user=volunteer)
    page = client.get(programme.course["en"].url).text
    assert "You have completed this course." in page
    assert f"/en/training/my/certificates/{certificate.code}.pdf" in page
    assert f"/en/certificates/{certificate.code}/" in page
    assert "Certificate valid until" in page
    assert "1 volunteer has completed this course" in page
    assert renew_url(programme.course["en"]) not in page  # valid for 24 months: not due yet


def test_renewing_a_certificate_that_is_about_to_expire(client, programme_factory, volunteer):
    programme = programme_factory(validity_months=1)
    client.force_login(volunteer)
    course_complete(volunteer, programme, "en")
    course = programme.course["en"]
    with time_machine.travel(timezone.now() + dt.timedelta(days=10), tick=False):
        page = client.get(course.url).text
        assert renew_url(course) in page  # within the month before it expires
        response = client.post(renew_url(course))
        assert response.status_code == 302
        assert "A new round has started: pass the quizzes again to renew your certificate." in messages_of(
            response
        )
        enrolment = Enrolment.objects.get()
        assert enrolment.completed_at is None
        page = client.get(course.url).text
        assert "Certificate valid until" in page  # the old one still runs during the new round
        assert renew_url(course) not in page


def test_renewing_too_early_is_refused_with_a_message(client, programme, volunteer):
    client.force_login(volunteer)
    course_complete(volunteer, programme, "en")
    response = client.post(renew_url(programme.course["en"]))
    assert response.status_code == 302
    assert "Your certificate is valid; it can be renewed in the month before it expires." in messages_of(
        response
    )
    assert Enrolment.objects.get().completed_at is not None
