"""A guardian enrols a child in a real browser, in Russian and without an account: the catalogue filtered by
the child's age, the club's page, the form with the consent text; a date of birth outside the club's ages is
refused next to its field, in Russian; then the enrolment's page says the child is enrolled."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.clubs.conftest import born_aged
from volunteers.clubs.models import Enrolment, EnrolmentStatus

pytestmark = pytest.mark.e2e


def test_a_guardian_enrols_a_child_in_russian(site, page: Page, club_factory):
    club = club_factory(title={"kk": "Ата көрген оқ жонар", "ru": "Резьба по дереву", "en": "Woodwork"})
    club_factory(title={"ru": "Кружок для старших"}, min_age=15, max_age=18)

    page.goto(site.url + "/ru/clubs/")
    expect(page.get_by_role("heading", name="Кружки ремёсел для детей")).to_be_visible()
    page.locator("select[name=age]").select_option("9")
    page.get_by_role("button", name="Показать").click()
    expect(page).to_have_url(re.compile(r"age=9"))
    expect(page.get_by_role("link", name="Кружок для старших")).to_have_count(0)
    expect(page.locator(f"#club-{club.pk}")).to_contain_text("10 мест")
    page.get_by_role("link", name="Резьба по дереву").click()

    expect(page.get_by_text("по субботам", exact=False).first).to_be_visible()
    page.get_by_role("link", name="Записать ребёнка").click()
    expect(page.locator("#consent-text")).to_contain_text(
        "Дала — организация"
    )  # the operator, named in Kazakh (fallback)
    page.locator("input[name=child_name]").fill("Айдос Серікұлы")
    page.locator("input[name=child_birth_date]").fill(born_aged(5, on=club.starts_on).isoformat())
    page.locator("input[name=guardian_name]").fill("Гүлнар Серікова")
    page.locator("input[name=guardian_phone]").fill("8 701 234 56 78")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Записать ребёнка").click()

    # Too young on the first day: said in Russian next to the date of birth; nothing is saved.
    field = page.locator(".field", has=page.locator("input[name=child_birth_date]"))
    expect(field).to_contain_text("Кружок для детей от 7 до 14 лет; этому ребёнку — 5.")
    assert not Enrolment.objects.exists()

    page.locator("input[name=child_birth_date]").fill(born_aged(9, on=club.starts_on).isoformat())
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Записать ребёнка").click()

    enrolment = Enrolment.objects.get()
    expect(page).to_have_url(re.compile(rf"/ru/clubs/enrolment/{enrolment.token}/$"))
    expect(page.locator("#enrolment-state")).to_contain_text("Ребёнок записан в кружок.")
    expect(page.get_by_text("Айдос Серікұлы")).to_be_visible()
    assert enrolment.status == EnrolmentStatus.ENROLLED
    assert (enrolment.consent_language, enrolment.language, enrolment.guardian_phone) == (
        "ru", "ru", "+77012345678",
    )  # fmt: skip
