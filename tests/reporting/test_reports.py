# ruff: noqa: F811  (fixtures take the fixtures imported below as arguments)
"""The annual reports through their pages and their task: asked for, queued, prepared (the rollups refreshed
first), listed, downloaded; the files hold the figures counted by hand; who may ask for and see which report;
bad input next to its field; a failure leaves no file; a repeated task and a repeated request do no double
work; the list's queries do not grow with the reports.

The book of these tests, counted by hand (the rollups are not refreshed before a report is asked for: the
report refreshes them):
    2025-03  Almaty  Steppe Care  4 h    (Aru, who lives in Almaty)
    2025-05  Almaty  Steppe Care  2.5 h  (Aru)
    2025-05  Astana  Astana NGO   6 h    (Bolat, who lives in Astana)
    2024-12  Astana  Astana NGO   3 h    (Bolat; another year: in no 2025 report)
Average wages of 2025: Almaty 166 700 ₸ a month, Astana 333 400 ₸, both over 166.7 hours: 1 000 and 2 000 ₸ an
hour. Almaty: 6.5 h worth 6 500 ₸; Astana: 6 h worth 12 000 ₸; the country: 12.5 h worth 18 500 ₸. Aru and
Bolat registered in 2024 and were active in 2025; the people of the roles registered in 2026 (not counted).
"""

import datetime as dt
import io
import subprocess
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation

from tests.conftest import _require_binary
from tests.reporting.conftest import ROLES
from volunteers.models import AuditEntry, VolunteerProfile
from volunteers.reporting.models import AnnualReport, HoursMonth, RegionWage, ReportStatus
from volunteers.reporting.roadmap import MEASURES
from volunteers.reporting.services.reports import report_generate, report_request
from volunteers.reporting.tasks import report_generate as report_generate_task
from volunteers.services.ledger import ledger_hours_credit

pytestmark = pytest.mark.django_db

YEAR = 2025


def url(name, **kwargs) -> str:
    with translation.override("en"):
        return reverse(f"figures:{name}", kwargs=kwargs)


@pytest.fixture
def book(people, almaty, astana, organisation, astana_ngo, volunteer_factory):
    by = people["ngo_coordinator"]
    aru, bolat = volunteer_factory(), volunteer_factory()
    VolunteerProfile.objects.filter(user=bolat).update(region=astana)
    VolunteerProfile.objects.filter(user__in=[aru, bolat]).update(
        created_at=dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
    )
    for who, hours, day, where, region, source in [
        (aru, "4", dt.date(YEAR, 3, 10), organisation, almaty, "test:1"),
        (aru, "2.5", dt.date(YEAR, 5, 3), organisation, almaty, "test:2"),
        (bolat, "6", dt.date(YEAR, 5, 2), astana_ngo, astana, "test:3"),
        (bolat, "3", dt.date(YEAR - 1, 12, 30), astana_ngo, astana, "test:4"),
    ]:
        ledger_hours_credit(volunteer=who, hours=Decimal(hours), occurred_on=day, source=source,
                            verified_by=by, organisation=where, region=region)  # fmt: skip
    RegionWage.objects.create(region=almaty, year=YEAR, monthly_wage=166700, source="Almaty test source")
    RegionWage.objects.create(region=astana, year=YEAR, monthly_wage=333400, source="Astana test source",
                              source_url="https://stat.gov.kz/test")  # fmt: skip
    return people


def ask(client, user, area, *, year=YEAR, language="en"):
    client.force_login(user)
    return client.post(url("reports"), {"area": area, "year": year, "language": language})


def prepared(client, django_capture_on_commit_callbacks, user, area, **asked) -> AnnualReport:
    """Ask for a report with the task run as a worker would after the commit; the report it made."""
    before = set(AnnualReport.objects.values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, user, area, **asked)
    assert response.status_code == 302, response.content.decode()[:2000]
    [report] = AnnualReport.objects.exclude(pk__in=before)
    return report


def workbook(client, report: AnnualReport):
    response = client.get(url("report_download", pk=report.pk, fmt="xlsx"))
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content))


def rows_of(sheet) -> list[tuple]:
    return [tuple(cell for cell in row if cell is not None) for row in sheet.iter_rows(values_only=True)]


def texts_of(book) -> str:
    return "\n".join(str(cell) for sheet in book for row in rows_of(sheet) for cell in row)


def pdf_text(client, report: AnnualReport) -> str:
    _require_binary("pdftotext", "poppler-utils")
    response = client.get(url("report_download", pk=report.pk, fmt="pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    text = subprocess.run(  # noqa: S603
        ["/usr/bin/pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(text.split())


# --- Asked for, prepared, and what the files hold -----------------------------------------------------------


def test_a_region_report_is_queued_prepared_and_holds_only_its_region(
    client, book, almaty, django_capture_on_commit_callbacks
):
    assert not HoursMonth.objects.exists()  # the report refreshes the rollups itself
    analyst = book["analyst_almaty"]
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = ask(client, analyst, f"region:{almaty.pk}")
    assert response.status_code == 302 and response["Location"] == url("reports")
    report = AnnualReport.objects.get()
    assert (report.status, report.year, report.region, report.language) == ("queued", YEAR, almaty, "en")
    assert report.requested_by == analyst
    assert AuditEntry.objects.filter(action="reporting.report.requested", actor=analyst).exists()
    assert len(queued) == 1  # the task goes after the commit

    queued[0]()  # the worker
    report.refresh_from_db()
    assert report.status == ReportStatus.READY
    assert report.started_at <= report.figures_as_of <= report.finished_at
    assert report.error == ""

    book_ = workbook(client, report)
    assert book_.sheetnames[0] == "Measures"
    assert "Hours" in book_.sheetnames and "The regions" not in book_.sheetnames
    measures = rows_of(book_["Measures"])
    assert ("Annual report on volunteering: Almaty, 2025",) in measures
    assert ("Area", "Almaty") in measures
    with translation.override("en"):
        due = formats.date_format(dt.date(YEAR + 1, 1, 25), "DATE_FORMAT")
    assert ("Due by", due) in measures
    assert ("State of the figures", "The year is over: the figures are of the whole year.") in measures
    assert ("Verified hours", 6.5) in measures and ("Economic value", 6500) in measures
    assert ("Verified hours", 6.5) in rows_of(book_["Hours"])
    wages = rows_of(book_["Average wages and their sources"])
    assert ("Almaty, 2025", 166700, 166.7, 1000) in wages
    assert ("Almaty, 2025: Almaty test source",) in wages
    assert "Astana" not in texts_of(book_)

    text = pdf_text(client, report)
    assert "Annual report on volunteering: Almaty, 2025" in text
    assert "Verified hours: 6.5" in text and "Economic value: 6,500 ₸" in text
    assert "Astana" not in text


def test_the_national_summary_holds_every_region_and_the_measures(
    client, book, almaty, astana, django_capture_on_commit_callbacks
):
    report = prepared(client, django_capture_on_commit_callbacks, book["analyst_national"], "kz")
    assert report.status == ReportStatus.READY and report.region is None

    book_ = workbook(client, report)
    measures = rows_of(book_["Measures"])
    assert ("National summary on volunteering, 2025",) in measures
    with translation.override("en"):
        due = formats.date_format(dt.date(YEAR + 1, 3, 1), "DATE_FORMAT")
    assert ("Due by", due) in measures
    assert ("Verified hours", 12.5) in measures and ("Economic value", 18500) in measures
    # Every measure of the roadmap is listed; one the platform holds nothing for says so.
    for measure in MEASURES:
        assert (f"Roadmap items: {measure.items}. {measure.title}",) in measures
    assert measures.count(("The platform holds no figure for this measure.",)) >= 4  # items 12, 13, 30, 36

    regions = rows_of(book_["The regions"])
    assert ("Region", "Registered volunteers", "Active volunteers", "Verified hours",
            "Economic value, tenge") in regions  # fmt: skip
    assert ("Almaty", 1, 1, 6.5, 6500) in regions
    assert ("Astana", 1, 1, 6, 12000) in regions
    assert ("Total", 2, 2, 12.5, 18500) in regions
    assert len([row for row in regions if len(row) == 5]) == 1 + 20 + 1  # the headings, 20 regions, the total
    wages = rows_of(book_["Average wages and their sources"])
    assert ("Astana, 2025", 333400, 166.7, 2000) in wages
    assert ("Astana, 2025: Astana test source https://stat.gov.kz/test",) in wages

    text = pdf_text(client, report)
    assert "National summary on volunteering, 2025" in text
    assert "Verified hours: 12.5" in text and "Economic value: 18,500 ₸" in text
    assert "Order of the Prime Minister of the Republic of Kazakhstan No. 84-r of 22 April 2021" in text
    for measure in MEASURES:
        assert str(measure.title) in text
    assert "The platform holds no figure for this measure." in text
    assert "Page 1 of" in text


@pytest.mark.parametrize(
    ("language", "words"),
    [("kk", ["Расталған сағаттар", "Алматы"]), ("ru", ["Подтверждённые часы", "Алматы"])],
)
def test_a_report_is_written_in_its_language(
    client, book, almaty, language, words, django_capture_on_commit_callbacks
):
    area = f"region:{almaty.pk}"
    report = prepared(
        client, django_capture_on_commit_callbacks, book["analyst_almaty"], area, language=language
    )
    assert report.language == language
    text = pdf_text(client, report)
    for word in words:
        assert word in text
    assert any(word in texts_of(workbook(client, report)) for word in words)


def test_a_report_of_the_current_year_is_provisional(
    client, book, almaty, django_capture_on_commit_callbacks
):
    this_year = timezone.localdate().year
    area = f"region:{almaty.pk}"
    report = prepared(
        client, django_capture_on_commit_callbacks, book["analyst_almaty"], area, year=this_year
    )
    measures = rows_of(workbook(client, report)["Measures"])
    assert ("State of the figures", "Provisional: the year is not over.") in measures
    page = client.get(url("reports")).content.decode()
    assert "provisional" in page


# --- Bad input ----------------------------------------------------------------------------------------------


def _error_next_to(html: str, message: str, field: str, next_field: str) -> bool:
    return html.index(f'for="id_{field}"') < html.index(message) < html.index(f'for="id_{next_field}"')


def test_a_future_year_is_refused_next_to_the_year(client, book):
    response = ask(client, book["analyst_national"], "kz", year=timezone.localdate().year + 1)
    assert response.status_code == 400
    message = f"{timezone.localdate().year + 1} has not begun: a report is of a year that has begun or ended."
    assert _error_next_to(response.content.decode(), message, "year", "language")
    assert not AnnualReport.objects.exists()


def test_a_region_not_allowed_and_the_nation_for_a_regional_analyst_are_refused_next_to_report(
    client, book, astana
):
    analyst = book["analyst_almaty"]
    response = ask(client, analyst, f"region:{astana.pk}")
    assert response.status_code == 400
    html = response.content.decode()
    assert _error_next_to(html, "You may not prepare the report of this region. Choose one from the list.",
                          "area", "year")  # fmt: skip
    response = ask(client, analyst, "kz")
    message = "Only national analysts may prepare the national summary."
    assert _error_next_to(response.content.decode(), message, "area", "year")
    response = ask(client, analyst, "region:99999")
    assert "There is no such region. Choose one from the list." in response.content.decode()
    assert not AnnualReport.objects.exists()


def test_the_service_refuses_what_the_form_would(book, almaty, astana):
    from volunteers.reporting.services.reports import ReportRequestError

    analyst = book["analyst_almaty"]
    for region_id, year, language, code in [
        (astana.pk, YEAR, "en", "not_allowed"),
        (None, YEAR, "en", "not_allowed"),
        (None, timezone.localdate().year + 1, "en", "not_allowed"),
        (almaty.pk, timezone.localdate().year + 1, "en", "year_in_future"),
        (almaty.pk, YEAR, "de", "language"),
        (99999, YEAR, "en", "unknown_region"),
    ]:
        with pytest.raises(ReportRequestError) as refused:
            report_request(user=analyst, region_id=region_id, year=year, language=language)
        assert refused.value.code == code
    assert not AnnualReport.objects.exists()


def test_a_bad_format_an_unready_report_and_another_regions_report_are_not_found(
    client, book, almaty, astana
):
    client.force_login(book["analyst_almaty"])
    ready = AnnualReport.objects.create(
        year=YEAR, region=almaty, language="en", status="ready", xlsx=b"x", pdf=b"y"
    )
    queued = AnnualReport.objects.create(year=YEAR, region=almaty, language="en")
    astana_report = AnnualReport.objects.create(year=YEAR, region=astana, language="en", status="ready",
                                                xlsx=b"x", pdf=b"y")  # fmt: skip
    assert client.get(url("report_download", pk=ready.pk, fmt="csv")).status_code == 404
    assert client.get(url("report_download", pk=queued.pk, fmt="pdf")).status_code == 404
    assert client.get(url("report_download", pk=astana_report.pk, fmt="pdf")).status_code == 404
    assert client.get(url("report_download", pk=99999, fmt="pdf")).status_code == 404
    response = client.get(url("report_download", pk=ready.pk, fmt="xlsx"))
    assert response.status_code == 200 and response.content == b"x"
    assert response["Content-Disposition"] == 'attachment; filename="birgemiz-report-KZ-75-2025-en.xlsx"'
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}


# --- Who may ask for and see which report ------------------------------------------------------------------

# (national summary, Almaty's report, Astana's report): seen and downloaded / asked for.
MATRIX = {
    "anonymous": None,  # to the login
    "volunteer": False,  # 403
    "ngo_coordinator": (False, False, False),
    "regional_front_office": (False, True, False),
    "republican_front_office": (True, True, True),
    "analyst_national": (True, True, True),
    "analyst_almaty": (False, True, False),
    "superuser": (True, True, True),
}
assert set(MATRIX) == set(ROLES)


@pytest.fixture
def three_reports(almaty, astana):
    return [
        AnnualReport.objects.create(
            year=YEAR, region=region, language="kk", status="ready", xlsx=b"x", pdf=b"y"
        )
        for region in (None, almaty, astana)
    ]


@pytest.mark.parametrize("role", ROLES)
def test_the_matrix_of_roles_and_reports(client, people, role, three_reports, almaty, astana):
    user = people[role]
    if role != "anonymous":
        client.force_login(user)
    pages = [client.get(url("reports"))] + [
        client.get(url("report_download", pk=report.pk, fmt=fmt))
        for report in three_reports
        for fmt in ("xlsx", "pdf")
    ]
    asked = [
        client.post(url("reports"), {"area": area, "year": YEAR, "language": "ru"})
        for area in ("kz", f"region:{almaty.pk}", f"region:{astana.pk}")
    ]
    expected = MATRIX[role]
    if expected is None:
        assert all(response.status_code == 302 and "/accounts/login/" in response["Location"]
                   for response in pages + asked)  # fmt: skip
    elif expected is False:
        assert all(response.status_code == 403 for response in pages + asked)
    else:
        listed = {report.pk for report in pages[0].context["reports"]}
        assert [report.pk in listed for report in three_reports] == list(expected)
        downloads = pages[1:]
        assert [response.status_code for response in downloads] == [
            200 if allowed else 404 for allowed in expected for _fmt in ("xlsx", "pdf")
        ]
        assert [response.status_code for response in asked] == [
            302 if allowed else 400 for allowed in expected
        ]
        new = AnnualReport.objects.filter(language="ru")
        assert sorted((report.region_id or 0) for report in new) == sorted(
            pk for pk, allowed in zip((0, almaty.pk, astana.pk), expected, strict=True) if allowed
        )
        assert all(report.status == ReportStatus.QUEUED and report.requested_by == user for report in new)


# --- Failure, repetition, staleness ------------------------------------------------------------------------


def test_a_failed_report_keeps_no_file_and_the_page_says_so(
    client, book, almaty, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    def broken(content):
        raise RuntimeError("the printer caught fire")

    monkeypatch.setattr("volunteers.reporting.services.reports.report_pdf", broken)
    report = prepared(
        client, django_capture_on_commit_callbacks, book["analyst_almaty"], f"region:{almaty.pk}"
    )
    report = AnnualReport.objects.get(pk=report.pk)
    assert report.status == ReportStatus.FAILED
    assert report.xlsx is None and report.pdf is None  # the workbook was built: it is not kept alone
    assert report.error == "RuntimeError: the printer caught fire"
    assert report.finished_at is not None
    assert "annual report" in caplog.text
    page = client.get(url("reports")).content.decode()
    assert "Failed" in page and "The report could not be prepared." in page
    assert 'http-equiv="refresh"' not in page
    assert client.get(url("report_download", pk=report.pk, fmt="xlsx")).status_code == 404


def test_a_repeated_task_does_nothing(client, book, almaty, django_capture_on_commit_callbacks):
    report = prepared(
        client, django_capture_on_commit_callbacks, book["analyst_almaty"], f"region:{almaty.pk}"
    )
    report.refresh_from_db()
    finished, pdf = report.finished_at, bytes(report.pdf)
    assert report_generate_task.delay(report.pk).get() == ReportStatus.READY
    assert report_generate(report_id=report.pk) == ReportStatus.READY
    assert report_generate(report_id=99999) == "missing"
    report.refresh_from_db()
    assert (report.finished_at, bytes(report.pdf)) == (finished, pdf)


def test_asking_again_gives_the_report_being_prepared_and_a_ready_one_is_made_anew(client, book, almaty):
    analyst, area = book["analyst_almaty"], f"region:{almaty.pk}"
    ask(client, analyst, area)  # queued: the test's transaction never commits, so the task does not run
    response = ask(client, book["regional_front_office"], area)
    assert response.status_code == 302
    assert AnnualReport.objects.count() == 1
    page = client.get(url("reports"))
    assert "The same report is being prepared already" in page.content.decode()
    assert '<meta http-equiv="refresh" content="5">' in page.content.decode()
    # Another language, or another year, is another report.
    ask(client, analyst, area, language="kk")
    ask(client, analyst, area, year=YEAR - 1)
    assert AnnualReport.objects.count() == 3

    AnnualReport.objects.update(status=ReportStatus.READY)
    ask(client, analyst, area)
    assert AnnualReport.objects.filter(year=YEAR, language="en").count() == 2
    assert AnnualReport.objects.filter(status=ReportStatus.QUEUED).count() == 1


def test_a_report_lost_for_an_hour_is_interrupted_and_asked_for_anew(client, book, almaty):
    analyst, area = book["analyst_almaty"], f"region:{almaty.pk}"
    ask(client, analyst, area)
    lost = AnnualReport.objects.get()
    AnnualReport.objects.filter(pk=lost.pk).update(
        status=ReportStatus.RUNNING, requested_at=timezone.now() - dt.timedelta(hours=2)
    )
    page = client.get(url("reports")).content.decode()
    assert "Interrupted" in page and 'http-equiv="refresh"' not in page
    ask(client, analyst, area)
    lost.refresh_from_db()
    assert lost.status == ReportStatus.FAILED and lost.error.startswith("interrupted")
    assert AnnualReport.objects.filter(status=ReportStatus.QUEUED).count() == 1


# --- The list ----------------------------------------------------------------------------------------------


def test_the_list_shows_status_language_and_who_asked(client, book, almaty):
    analyst = book["analyst_national"]
    mine = AnnualReport.objects.create(year=YEAR, region=almaty, language="kk", requested_by=analyst)
    theirs = AnnualReport.objects.create(
        year=YEAR, region=None, language="ru", requested_by=book["superuser"], status="ready", xlsx=b"x",
        pdf=b"y", finished_at=timezone.now(),
    )  # fmt: skip
    client.force_login(analyst)
    html = client.get(url("reports")).content.decode()
    row_mine = html[html.index(f'id="report-{mine.pk}"') :]
    row_theirs = html[html.index(f'id="report-{theirs.pk}"') :]
    assert (
        "Annual report: Almaty" in row_mine[:800] and "Қазақша" in row_mine[:800] and "you" in row_mine[:1500]
    )
    assert "National summary" in row_theirs[:800] and "another reader" in row_theirs[:1500]
    assert url("report_download", pk=theirs.pk, fmt="pdf") in html
    assert url("report_download", pk=mine.pk, fmt="pdf") not in html
    # An administrator sees who asked.
    client.force_login(book["superuser"])
    html = client.get(url("reports")).content.decode()
    assert str(analyst) in html


def test_the_list_asks_a_fixed_number_of_queries_and_never_reads_the_files(client, book, almaty, astana):
    client.force_login(book["superuser"])
    AnnualReport.objects.create(year=YEAR, region=almaty, language="en", requested_by=book["analyst_almaty"])

    def counted():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("reports")).status_code == 200
        return queries

    counted()  # the site's menus and the session, cached by the first page
    one = counted()
    for number, (region, status) in enumerate(
        [(None, "ready"), (astana, "failed"), (almaty, "running"), (None, "queued"), (astana, "ready")]
    ):
        AnnualReport.objects.create(year=YEAR - number, region=region, language="ru", status=status,
                                    xlsx=b"x", pdf=b"y", requested_by=book["analyst_national"])  # fmt: skip
    many = counted()
    assert len(many) == len(one)
    report_queries = [query["sql"] for query in many if "reporting_annualreport" in query["sql"]]
    assert report_queries and not any('"xlsx"' in sql or '"pdf"' in sql for sql in report_queries)


def test_an_organisation_coordinator_reads_that_reports_are_of_regions(client, people):
    client.force_login(people["ngo_coordinator"])
    response = client.get(url("reports"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "you read the figures of an organisation only" in html
    assert 'name="area"' not in html
