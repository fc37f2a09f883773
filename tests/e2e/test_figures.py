# ruff: noqa: F811  (fixtures take the fixtures imported below as arguments)
"""The figures' dashboard in a real browser, in Russian: an analyst reads the hours chart and its table, asks
for a period that ends before it starts and reads why not next to the field, then downloads the CSV."""

import datetime as dt

import pytest
from django.conf import settings
from django.utils import translation
from playwright.sync_api import Page, expect

from tests.events.conftest import almaty, coordinator, coordinator_factory, organisation, volunteer_factory  # noqa: F401
from tests.reporting.conftest import analyst
from tests.reporting.test_dashboard import credit
from volunteers.reporting.services.rollups import rollups_refresh

pytestmark = pytest.mark.e2e


def sign_in(page: Page, client, site, user) -> None:
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site.url}])


def test_an_analyst_reads_the_hours_in_russian_and_downloads_them(
    site, page: Page, client, user_factory, volunteer_factory, coordinator, almaty
):
    volunteer = volunteer_factory()
    credit(volunteer, 4, dt.date(2025, 3, 10), almaty, coordinator)
    credit(volunteer, "2.5", dt.date(2025, 5, 3), almaty, coordinator)
    rollups_refresh()
    sign_in(page, client, site, analyst(user_factory, "analyst@example.kz", scope=False))

    with translation.override("ru"):  # the catalogue's words, whichever they are
        kazakhstan = translation.gettext("Kazakhstan")
        reversed_period = translation.gettext("The period ends before it starts. Choose a later month.")
    page.goto(site.url + "/ru/")
    page.get_by_role("navigation", name="Главное меню").get_by_role("link", name="Цифры").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    page.locator('input[name="start"]').fill("2025-01")
    page.locator('input[name="end"]').fill("2025-12")
    page.locator(".figures-submit button").click()
    expect(page.locator("#figures-of")).to_have_text(f"{kazakhstan}: 2025")

    chart = page.locator("svg#chart-hours-hours_by_month")
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute("aria-describedby", "table-hours-hours_by_month")
    expect(chart.locator("rect.chart-bar")).to_have_count(2)  # March and May
    table = page.locator("#table-hours-hours_by_month")
    expect(table.get_by_role("row", name="Март 2025")).to_contain_text("4")
    expect(table.get_by_role("row", name="Май 2025")).to_contain_text("2,5")
    expect(page.locator("#headline-hours_total .figures-card-value")).to_have_text("6,5")

    # A period that ends before it starts: the reason next to "To (month)", no figures below.
    page.locator('input[name="start"]').fill("2025-05")
    page.locator('input[name="end"]').fill("2025-03")
    page.locator(".figures-submit button").click()
    expect(page.locator("#id_end_error")).to_have_text(reversed_period)
    expect(page.locator('input[name="end"]')).to_have_attribute("aria-describedby", "id_end_error")
    expect(page.locator("svg.chart")).to_have_count(0)
    expect(page.locator('input[name="start"]')).to_have_value("2025-05")  # nothing typed is lost

    page.locator('input[name="end"]').fill("2025-12")
    page.locator(".figures-submit button").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать CSV").click()
    assert download.value.suggested_filename == "figures-kz-2025-05-2025-12.csv"
    with open(download.value.path(), "rb") as file:
        content = file.read()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = content.decode("utf-8-sig").splitlines()
    assert rows[0].split(";")[1:] == [kazakhstan, "Май – Декабрь 2025 г."]
    assert "Май 2025;2,5" in rows
