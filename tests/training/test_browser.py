"""The volunteer's path through a course in a real browser, in Russian: enrol, read a lesson, fail the quiz,
pass it, download the certificate and open its verification page."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from tests.training.conftest import programme_create
from training.models import Certificate, QuizAttempt

pytestmark = pytest.mark.e2e


def sign_in(page: Page, client, site, user) -> None:
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site.url}])


def test_a_volunteer_takes_a_course_and_verifies_the_certificate(site, page: Page, client, volunteer_factory):
    volunteer = volunteer_factory(language="ru")
    volunteer.first_name, volunteer.last_name = "Айгерім", "Сәрсенова"
    volunteer.save(update_fields=["first_name", "last_name"])
    programme = programme_create()
    sign_in(page, client, site, volunteer)

    page.goto(site.url + programme.course["ru"].get_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Введение в волонтёрство")
    page.get_by_role("button", name="Записаться на курс").click()
    page.get_by_role("link", name="Начать первый урок").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Права")
    page.get_by_role("button", name="Отметить как прочитанный").click()
    expect(page.get_by_role("button", name="Отметить как прочитанный")).to_have_count(0)

    # The quiz: the page says nothing about which answers are right before they are sent.
    page.goto(site.url + programme.lesson(1, "ru").get_url())
    assert "correct" not in page.content()
    page.get_by_label("Check the place is safe (ru)").check()
    page.get_by_label("Safe conditions (ru)").check()
    page.get_by_role("button", name="Отправить ответы").click()
    expect(page.get_by_text("50%").first).to_be_visible()
    expect(page.get_by_text("Неверно").first).to_be_visible()
    assert QuizAttempt.objects.filter(passed=False).count() == 1

    page.get_by_label("Check the place is safe (ru)").check()
    page.get_by_label("Safe conditions (ru)").check()
    page.get_by_label("Information about the work (ru)").check()
    page.get_by_role("button", name="Отправить ответы").click()
    expect(page.get_by_text("100%").first).to_be_visible()
    assert QuizAttempt.objects.filter(passed=True).count() == 1

    page.goto(site.url + programme.lesson(2, "ru").get_url())
    page.get_by_role("button", name="Отметить как прочитанный").click()

    # Completed: the certificate is downloaded from the course page, and its verification page says valid.
    page.goto(site.url + programme.course["ru"].get_url())
    expect(page.get_by_text("Вы прошли этот курс.")).to_be_visible()
    certificate = Certificate.objects.get(user=volunteer)
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать сертификат (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert certificate.code in download.value.suggested_filename
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    page.get_by_role("link", name="Страница проверки").click()
    expect(page).to_have_url(re.compile(rf"/ru/certificates/{certificate.code}/$"))
    expect(page.get_by_text("Действителен").first).to_be_visible()
    expect(page.get_by_text("Айгерім Сәрсенова")).to_be_visible()
    expect(page.get_by_text("Введение в волонтёрство").first).to_be_visible()
