"""The annual reports in a real browser: a national analyst asks for the national summary of a year that has
not begun and reads the refusal next to the year, asks for last year's instead, finds it ready in the list
(the task runs inline without a broker) and downloads its PDF and its workbook."""

import io
import re

import openpyxl
import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.reporting.conftest import analyst
from volunteers.reporting.models import AnnualReport, ReportStatus

pytestmark = pytest.mark.e2e


def sign_in(page: Page, client, site, user) -> None:
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site.url}])


def test_an_analyst_asks_for_the_national_summary_and_downloads_it(site, page: Page, client, user_factory):
    sign_in(page, client, site, analyst(user_factory, "analyst@example.kz", scope=False))
    this_year = timezone.localdate().year

    page.goto(site.url + "/en/figures/reports/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual reports")
    expect(page.get_by_text("No report has been asked for yet.")).to_be_visible()
    page.get_by_label("Report:", exact=True).select_option(label="National summary (the whole country)")
    page.get_by_label(re.compile("^Year")).fill(str(this_year + 1))
    page.get_by_label(re.compile("^Language of the report")).select_option("en")
    page.get_by_role("button", name="Prepare the report").click()
    year_field = page.locator(".field", has=page.get_by_label(re.compile("^Year")))
    expect(year_field).to_contain_text(f"{this_year + 1} has not begun")
    assert not AnnualReport.objects.exists()

    page.get_by_label(re.compile("^Year")).fill(str(this_year - 1))
    page.get_by_role("button", name="Prepare the report").click()
    expect(page).to_have_url(re.compile(r"/en/figures/reports/$"))
    expect(page.get_by_text("The report has been asked for.")).to_be_visible()
    report = AnnualReport.objects.get()
    assert report.status == ReportStatus.READY
    row = page.locator(f"#report-{report.pk}")
    expect(row).to_contain_text("National summary")
    expect(row).to_contain_text("Ready")
    expect(row).to_contain_text("you")
    assert page.locator('meta[http-equiv="refresh"]').count() == 0

    with page.expect_download() as download:
        row.get_by_role("link", name=re.compile("^PDF")).click()
    assert download.value.suggested_filename == f"birgemiz-national-summary-{this_year - 1}-en.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    with page.expect_download() as download:
        row.get_by_role("link", name=re.compile("^XLSX")).click()
    assert download.value.suggested_filename == f"birgemiz-national-summary-{this_year - 1}-en.xlsx"
    with open(download.value.path(), "rb") as handle:
        book = openpyxl.load_workbook(io.BytesIO(handle.read()))
    assert book.sheetnames[0] == "Measures"
    assert book["Measures"]["A2"].value == f"National summary on volunteering, {this_year - 1}"
