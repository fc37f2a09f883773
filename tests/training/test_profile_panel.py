"""The volunteer's own account page shows their courses under way and the certificates they hold."""

import pytest
from django.urls import reverse
from django.utils import translation

from training.services.learning import enrolment_create, lesson_mark_read, quiz_submit

pytestmark = pytest.mark.django_db


def account_page(client, language="en"):
    with translation.override(language):
        url = reverse("account_profile")
    return client.get(url).content.decode()


def test_the_account_page_shows_the_progress_of_each_course_in_the_visitors_language(
    client, programme, volunteer
):
    client.force_login(volunteer)
    assert "You have not started a course yet." in account_page(client)

    enrolment_create(user=volunteer, course=programme.course["kk"])
    lesson_mark_read(user=volunteer, lesson=programme.lesson(0), course=programme.course["kk"])
    english = account_page(client)
    assert "Introduction to volunteering" in english and "33% done" in english
    assert "Введение в волонтёрство" in account_page(client, "ru")


def test_a_completed_course_counts_among_the_certificates(client, programme, volunteer):
    course = programme.course["kk"]
    enrolment_create(user=volunteer, course=course)
    quiz_submit(user=volunteer, lesson=programme.lesson(1), course=course, quiz_id=programme.quiz.id,
                answers=programme.quiz.all_right(), token="t")  # fmt: skip
    for number in (0, 2):
        lesson_mark_read(user=volunteer, lesson=programme.lesson(number), course=course)
    client.force_login(volunteer)
    page = account_page(client)
    assert "You hold 1 valid certificate." in page
    assert "33% done" not in page
