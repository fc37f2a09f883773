"""Mentoring in a real browser: a centre's coordinator runs a match in Russian, reads why the pair fits and
approves it; the mentor logs a meeting in Kazakh; the coordinator acknowledges it, and the hour of mentoring
is in the mentor's volunteer book."""

import re
from decimal import Decimal

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from volunteers.mentoring.models import Meeting, Mentorship, MentorshipStatus
from volunteers.models import EntryKind, LedgerEntry

pytestmark = pytest.mark.e2e


def sign_in(page: Page, client, site, user) -> None:
    page.context.clear_cookies()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site.url}])


def test_a_match_approved_a_meeting_logged_and_acknowledged(
    site, page: Page, client, centre, centre_coordinator, mentor_factory, mentee_factory
):
    mentor = mentor_factory(languages=("kk", "ru"), interests=("sport", "reading"), language="kk")
    mentee_factory(name="Әсел", age=12, languages=("kk",), interests=("reading",))

    sign_in(page, client, site, centre_coordinator)
    page.goto(site.url + "/ru/coordinator/mentoring/match/")
    page.get_by_label("Программа").select_option("children")
    page.locator("select[name=scope]").select_option(f"centre:{centre.pk}")
    page.locator("button[type=submit]", has_text="Подобрать пары").click()

    expect(page).to_have_url(re.compile(r"/ru/coordinator/mentoring/runs/\d+/$"))
    pair = Mentorship.objects.get()
    row = page.locator(f"#proposal-{pair.pk}")
    expect(row).to_contain_text("Әсел")
    expect(row).to_contain_text("Казахский")  # the shared language, in the visitor's language
    expect(row).to_contain_text("Чтение и книги")  # the shared interest
    row.get_by_role("button", name="Утвердить").click()
    expect(page.locator(".message").first).to_be_visible()
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ACTIVE

    sign_in(page, client, site, mentor.volunteer)
    page.goto(site.url + f"/kk/mentoring/pairs/{pair.pk}/")
    expect(page.get_by_text("Әсел").first).to_be_visible()
    page.locator("input[name=minutes]").fill("60")
    page.locator("input[name=topic]").fill("Кітапханаға бардық")
    page.locator("form", has=page.locator("input[name=topic]")).locator("button[type=submit]").click()
    expect(page.get_by_text("Кітапханаға бардық").first).to_be_visible()
    meeting = Meeting.objects.get(mentorship=pair)

    sign_in(page, client, site, centre_coordinator)
    page.goto(site.url + "/ru/coordinator/mentoring/")
    page.locator(f"#meeting-{meeting.pk}").get_by_role("button").click()
    expect(page.locator(f"#meeting-{meeting.pk}")).to_have_count(0)
    entry = LedgerEntry.objects.get(kind=EntryKind.MENTORING_HOURS)
    assert entry.volunteer == mentor.volunteer and entry.hours == Decimal("1.00")
