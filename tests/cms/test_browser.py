import pytest
from playwright.sync_api import Page, expect

from tests.cms.conftest import PROJECT, page_tree_build

pytestmark = pytest.mark.e2e


def test_a_visitor_reads_a_project_page_in_kazakh_then_russian_then_english(site, page: Page):
    project = page_tree_build()["project"]

    page.goto(site.url + project["kk"].get_url())
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.get_by_role("heading", level=1)).to_have_text(PROJECT["kk"]["title"])

    page.get_by_role("navigation", name="Тіл").get_by_role("link", name="Русский").click()
    expect(page).to_have_url(site.url + project["ru"].get_url())
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text(PROJECT["ru"]["title"])
    expect(page.get_by_text(PROJECT["ru"]["goal"])).to_be_visible()

    page.get_by_role("navigation", name="Язык").get_by_role("link", name="English").click()
    expect(page).to_have_url(site.url + project["en"].get_url())
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(PROJECT["en"]["title"])
    expect(page.get_by_text(PROJECT["en"]["goal"])).to_be_visible()


def test_an_answer_of_the_faq_opens_and_closes_without_script(site, browser):
    context = browser.new_context(java_script_enabled=False, locale="kk-KZ")
    page = context.new_page()
    faq = page_tree_build()["faq"]["en"]
    page.goto(site.url + faq.get_url())
    answer = page.get_by_text("Anyone from fourteen.")
    expect(answer).to_be_hidden()
    page.get_by_text("Who can volunteer?").click()
    expect(answer).to_be_visible()
    context.close()
