import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_root_lands_on_kazakh_then_switches_to_russian_and_english(site, page: Page):
    page.goto(site.url + "/")
    expect(page).to_have_url(site.url + "/kk/")
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.get_by_role("heading", level=1)).to_contain_text("волонтерлер платформасы")

    switcher = page.get_by_role("navigation", name="Тіл")
    switcher.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(site.url + "/ru/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_contain_text("платформа волонтёров")

    page.get_by_role("navigation", name="Язык").get_by_role("link", name="English").click()
    expect(page).to_have_url(site.url + "/en/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("volunteers' platform")

    # The choice is remembered: the bare address now opens English.
    page.goto(site.url + "/")
    expect(page).to_have_url(site.url + "/en/")


def test_switching_language_on_the_sign_in_page_keeps_the_page(site, page: Page):
    page.goto(site.url + "/kk/accounts/login/")
    page.get_by_role("navigation", name="Тіл").get_by_role("link", name="Русский").click()
    expect(page).to_have_url(re.compile(r"/ru/accounts/login/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Войти")


def test_the_skip_link_moves_focus_to_the_main_content(site, page: Page):
    page.goto(site.url + "/kk/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Негізгі мазмұнға өту")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
