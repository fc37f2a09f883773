"""The volunteer book in a real browser, in Russian: the volunteer sees their stage and the progress toward
the next one, issues the transcript and opens its verification page as an employer would."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from tests.volunteers.test_book_pages import book_build, kazakh_volunteer
from volunteers.models import BookDocument

pytestmark = pytest.mark.e2e


def sign_in(page: Page, client, site, user) -> None:
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site.url}])


def test_a_volunteer_issues_a_transcript_and_checks_it(
    site, page: Page, client, volunteer_factory, coordinator, organisation
):
    volunteer = book_build(kazakh_volunteer(volunteer_factory), coordinator, organisation)
    sign_in(page, client, site, volunteer)

    page.goto(site.url + "/ru/accounts/book/")
    expect(page.locator(".book-stage-name")).to_have_text("Первый шаг")
    expect(page.locator("#book-progress")).to_have_attribute("value", "75")
    expect(page.locator("#book-total-hours")).to_have_text("12")
    expect(page.locator(".book-criteria li")).to_have_count(3)
    expect(page.locator("#book-directions")).to_contain_text("Біргеміз: Таза әлем (защита природы)")

    with page.expect_download() as download:
        page.locator('button[name="kind"][value="transcript"]').click()
    document = BookDocument.objects.get(volunteer=volunteer)
    assert document.language == "ru"
    assert download.value.suggested_filename == f"volunteer-book-{document.code}.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # The document is listed on the book; its verification page is public.
    page.reload()
    expect(page.locator("#book-documents")).to_contain_text(document.code)
    page.context.clear_cookies()
    page.locator(f'#book-documents a[href="/ru/book/{document.code}/"]').click()
    expect(page).to_have_url(re.compile(rf"/ru/book/{document.code}/$"))
    expect(page.locator("#book-verify-state.message-success")).to_be_visible()
    expect(page.get_by_text("Айгерім Сәрсенова")).to_be_visible()
    expect(page.get_by_text("Первый шаг")).to_be_visible()
