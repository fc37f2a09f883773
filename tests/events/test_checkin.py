import datetime as dt
import re
from decimal import Decimal

import pytest
import qrcode
import time_machine
from django.conf import settings
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from events.models import Signup, SignupStatus
from events.qr import signup_qr_svg
from events.services.signups import signup_create
from tests.events.conftest import at
from volunteers.models import AuditEntry, LedgerEntry

pytestmark = pytest.mark.django_db

START = at(7, 9)  # every shift here runs 9:00-12:00 a week from today


def _url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"events_manage:{name}", kwargs=kwargs)


@pytest.fixture
def event(event_factory):
    return event_factory(shifts=[(START, START + dt.timedelta(hours=3), 10)])


@pytest.fixture
def shift(event):
    return event.shifts.get()


@pytest.fixture
def signup_factory(volunteer_factory):
    def make(shift, **volunteer):
        return signup_create(volunteer=volunteer_factory(**volunteer), shift=shift)

    return make


@pytest.fixture
def signup(shift, signup_factory):
    return signup_factory(shift, phone="+77012345678")


@pytest.fixture
def desk(client, coordinator):
    client.force_login(coordinator)
    return client


def _scan(desk, event, code):
    return desk.post(_url("checkin", pk=event.pk), {"code": code})


def _after_start():
    return time_machine.travel(START + dt.timedelta(hours=4), tick=False)


# --- The QR code --------------------------------------------------------------------------------------------


def test_the_qr_code_holds_just_the_code(signup):
    code = qrcode.QRCode(border=4)
    code.add_data(signup.code)
    code.make(fit=True)
    svg = signup_qr_svg(signup)
    assert svg.startswith("<svg") and signup.code_display in svg  # the label says which code it is
    # The squares drawn are the dark modules of the QR matrix of the bare code text.
    drawn = {(int(x), int(y)) for x, y in re.findall(r"M(\d+),(\d+)H", svg)}
    dark = {(x, y) for y, row in enumerate(code.get_matrix()) for x, cell in enumerate(row) if cell}
    assert drawn == dark


# --- Check-in -----------------------------------------------------------------------------------------------


def test_a_typed_code_checks_the_volunteer_in_whatever_the_case_spaces_and_dashes(desk, event, signup):
    typed = f" {signup.code[:5].lower()} - {signup.code[5:].lower()} "
    response = _scan(desk, event, typed)
    signup.refresh_from_db()
    assert signup.checked_in_at is not None
    page = response.content.decode()
    assert f"Checked in: {signup.volunteer.get_full_name()}" in page
    assert "09:00–12:00" in page
    assert "1 / 1" in page  # checked in / confirmed for the shift


def test_scanning_again_changes_nothing_and_says_when(desk, event, signup):
    _scan(desk, event, signup.code)
    first = Signup.objects.get(pk=signup.pk).checked_in_at
    with time_machine.travel(first + dt.timedelta(minutes=7)):
        response = _scan(desk, event, signup.code)
    signup.refresh_from_db()
    assert signup.checked_in_at == first
    assert AuditEntry.objects.filter(action="events.signup.checked_in").count() == 1
    assert f"Already checked in at {timezone.localtime(first):%H:%M}" in response.content.decode()


def test_a_code_of_another_event_is_refused(desk, event, event_factory, signup_factory):
    other_start = START + dt.timedelta(days=1)
    other = event_factory(shifts=[(other_start, other_start + dt.timedelta(hours=2), 5)])
    stranger = signup_factory(other.shifts.get())
    response = _scan(desk, event, stranger.code)
    assert "This code belongs to another event." in response.content.decode()
    assert stranger.volunteer.get_full_name() not in response.content.decode()
    stranger.refresh_from_db()
    assert stranger.checked_in_at is None


@pytest.mark.parametrize(
    "code",
    ["ZZZZZZZZZZ", "ZZZZZ-ZZZZ", "abc", "<script>alert(1)</script>", "' OR 1=1 --", "1" * 200, "ЖЖЖЖЖЖЖЖЖЖ"],
)
def test_a_tampered_or_unknown_code_gets_a_message_and_no_data(desk, event, signup, code):
    response = _scan(desk, event, code)
    page = response.content.decode()
    assert response.status_code == 200
    assert "This code was not recognised. Check it and try again." in page
    assert signup.volunteer.get_full_name() not in page
    assert signup.volunteer.email not in page
    assert "<script>alert(1)</script>" not in page
    assert not Signup.objects.filter(checked_in_at__isnull=False).exists()


def test_a_waitlisted_volunteer_is_refused(desk, event_factory, signup_factory):
    event = event_factory(shifts=[(START, START + dt.timedelta(hours=3), 1)])
    shift = event.shifts.get()
    signup_factory(shift)
    waiting = signup_factory(shift)
    assert waiting.status == SignupStatus.WAITLISTED
    response = _scan(desk, event, waiting.code)
    assert "This volunteer is not confirmed for the shift (On the waitlist)." in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.checked_in_at is None


def test_the_page_lists_the_last_check_ins(desk, event, shift, signup_factory):
    people = [signup_factory(shift) for _ in range(3)]
    for person in people[:2]:
        _scan(desk, event, person.code)
    page = desk.get(_url("checkin", pk=event.pk)).content.decode()
    assert "2 / 3" in page
    recent = page.split("Last check-ins", 1)[1]
    assert people[0].volunteer.get_full_name() in recent
    assert people[2].volunteer.get_full_name() not in recent


def test_the_check_in_page_loads_its_script_from_the_site(desk, event):
    page = desk.get(_url("checkin", pk=event.pk)).content.decode()
    assert '<script src="/static/events/checkin.js" defer></script>' in page
    assert 'autocapitalize="characters"' in page and "autofocus" in page


@pytest.mark.parametrize(
    ("name", "method", "kwargs"),
    [
        ("checkin", "get", {}),
        ("checkin", "post", {"code": "X"}),
        ("attendance", "get", {}),
        ("attendance", "post", {}),
        ("export", "get", {"fmt": "csv"}),
        ("export", "get", {"fmt": "xlsx"}),
    ],
)
def test_a_coordinator_of_another_organisation_gets_404(
    client, coordinator_factory, other_organisation, event, shift, signup, name, method, kwargs
):
    client.force_login(coordinator_factory(other_organisation))
    if name == "checkin":
        url = _url(name, pk=event.pk)
    else:
        url = _url(name, shift_id=shift.pk, **{key: value for key, value in kwargs.items() if key == "fmt"})
    data = {"code": signup.code} if method == "post" and name == "checkin" else {}
    response = getattr(client, method)(url, data)
    assert response.status_code == 404
    signup.refresh_from_db()
    assert signup.checked_in_at is None


def test_a_volunteer_may_not_open_the_check_in_page(client, event, signup):
    client.force_login(signup.volunteer)
    assert client.get(_url("checkin", pk=event.pk)).status_code == 403


# --- Attendance ---------------------------------------------------------------------------------------------


def _rows(signups, overrides=None):
    """The attendance form as posted: each row present, hours as shown unless overridden."""
    data = {"form-TOTAL_FORMS": str(len(signups)), "form-INITIAL_FORMS": str(len(signups))}
    for index, signup in enumerate(signups):
        attended, hours = (overrides or {}).get(signup.pk, ("yes", "3.00"))
        data |= {
            f"form-{index}-signup": str(signup.pk),
            f"form-{index}-attended": attended,
            f"form-{index}-hours": hours,
        }
    return data


def _in_order(shift):
    return list(
        shift.signups.filter(status=SignupStatus.CONFIRMED).order_by(
            "volunteer__last_name", "volunteer__first_name", "pk"
        )
    )


def _book(signup) -> Decimal:
    return LedgerEntry.objects.filter(volunteer=signup.volunteer).aggregate(total=Sum("hours"))["total"] or 0


def test_confirming_attendance_credits_the_hours_to_each_book(desk, shift, signup_factory):
    one, two = signup_factory(shift), signup_factory(shift)
    with _after_start():
        response = desk.post(
            _url("attendance", shift_id=shift.pk), _rows(_in_order(shift), {two.pk: ("yes", "2,5")})
        )
    assert response.status_code == 302
    assert (_book(one), _book(two)) == (Decimal("3.00"), Decimal("2.50"))
    two.refresh_from_db()
    assert (two.attended, two.hours) == (True, Decimal("2.50"))


def test_the_list_offers_the_shift_length_and_the_contacts(desk, shift, signup):
    with _after_start():
        page = desk.get(_url("attendance", shift_id=shift.pk)).content.decode()
    assert 'value="3.00"' in page
    assert "+7 701 234 5678" in page and signup.volunteer.email in page


def test_confirming_again_with_the_same_hours_writes_nothing(desk, shift, signup):
    with _after_start():
        desk.post(_url("attendance", shift_id=shift.pk), _rows([signup]))
        desk.post(_url("attendance", shift_id=shift.pk), _rows([signup]))
    assert LedgerEntry.objects.filter(volunteer=signup.volunteer).count() == 1
    assert _book(signup) == Decimal("3.00")


def test_confirming_other_hours_writes_a_correction(desk, shift, signup):
    with _after_start():
        desk.post(_url("attendance", shift_id=shift.pk), _rows([signup]))
        desk.post(_url("attendance", shift_id=shift.pk), _rows([signup], {signup.pk: ("yes", "1.5")}))
    first, correction = LedgerEntry.objects.filter(volunteer=signup.volunteer).order_by("pk")
    assert (first.hours, correction.hours, correction.corrects) == (Decimal(3), Decimal("-1.5"), first)
    assert _book(signup) == Decimal("1.50")


def test_a_no_show_is_credited_nothing(desk, shift, signup):
    with _after_start():
        desk.post(_url("attendance", shift_id=shift.pk), _rows([signup], {signup.pk: ("no", "3")}))
    signup.refresh_from_db()
    assert (signup.attended, signup.hours, _book(signup)) == (False, Decimal(0), 0)


@pytest.mark.parametrize("hours", ["-1", "25", "three", "1e3", "NaN"])
def test_bad_hours_are_shown_next_to_the_row_and_nothing_is_saved(desk, shift, signup_factory, hours):
    for _ in range(2):
        signup_factory(shift)
    good, bad = _in_order(shift)
    with _after_start():
        response = desk.post(
            _url("attendance", shift_id=shift.pk), _rows([good, bad], {bad.pk: ("yes", hours)})
        )
    assert response.status_code == 200
    row = response.content.decode().split('name="form-1-hours"', 1)[1]
    assert "Give the hours as a number from 0 to 24." in row.split("</tr>", 1)[0]
    assert not LedgerEntry.objects.exists()
    assert not Signup.objects.filter(attendance_confirmed_at__isnull=False).exists()


def test_attendance_before_the_shift_starts_is_refused(desk, shift, signup):
    response = desk.post(_url("attendance", shift_id=shift.pk), _rows([signup]), follow=True)
    assert "Attendance can be confirmed once the shift has started." in response.content.decode()
    assert not LedgerEntry.objects.exists()
    signup.refresh_from_db()
    assert signup.attendance_confirmed_at is None


def test_a_row_of_someone_else_is_refused_and_nothing_is_saved(
    desk, shift, signup, event_factory, signup_factory
):
    other_start = START - dt.timedelta(days=1)
    stranger = signup_factory(
        event_factory(shifts=[(other_start, other_start + dt.timedelta(hours=2), 5)]).shifts.get()
    )
    data = _rows([signup]) | {
        "form-TOTAL_FORMS": "2",
        "form-1-signup": str(stranger.pk),
        "form-1-attended": "yes",
        "form-1-hours": "24",
    }
    with _after_start():
        response = desk.post(_url("attendance", shift_id=shift.pk), data)
    assert "The list has changed since you opened it." in response.content.decode()
    assert not LedgerEntry.objects.exists()


def test_a_long_list_is_confirmed_page_by_page(desk, shift, signup_factory, monkeypatch):
    monkeypatch.setattr("events.views.checkin.ATTENDANCE_PAGE_SIZE", 2)
    for _ in range(3):
        signup_factory(shift)
    first, second, third = _in_order(shift)
    url = _url("attendance", shift_id=shift.pk) + "?page=2"
    with _after_start():
        page = desk.get(url).content.decode()
        response = desk.post(url, _rows([third]))
    assert 'name="form-1-signup"' not in page and "Page 2 of 2" in page
    assert response.status_code == 302 and response["Location"] == url
    assert (_book(first), _book(second), _book(third)) == (0, 0, Decimal(3))


def test_the_attendance_list_costs_the_same_queries_for_any_number_of_volunteers(
    desk, shift, signup_factory, django_assert_max_num_queries
):
    signup_factory(shift)
    url = _url("attendance", shift_id=shift.pk)
    with _after_start():
        desk.get(url)  # the session and the like, once
        with CaptureQueriesContext(connection) as one:
            desk.get(url)
    for _ in range(6):
        signup_factory(shift)
    with _after_start(), django_assert_max_num_queries(len(one.captured_queries)):
        response = desk.get(url)
    assert response.content.decode().count('name="form-') >= 7 * 3


# --- The camera (in a browser) ------------------------------------------------------------------------------

# Chromium on Linux has no BarcodeDetector and no camera here: a blank canvas plays the camera and a detector
# that always sees the given code plays the browser's QR reader.
FAKE_CAMERA = """
(() => {
  navigator.mediaDevices.getUserMedia = async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 64; canvas.height = 64;
    canvas.getContext("2d").fillRect(0, 0, 64, 64);
    return canvas.captureStream(10);
  };
  window.BarcodeDetector = class {
    static async getSupportedFormats() { return ["qr_code"]; }
    async detect() { return [{ rawValue: "%s" }]; }
  };
})();
"""


@pytest.mark.e2e
def test_a_scan_with_the_camera_checks_in_and_the_camera_opens_again_for_the_next(
    site, page, client, coordinator, event, signup
):
    client.force_login(coordinator)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site.url}])
    page.add_init_script(script=FAKE_CAMERA % signup.code_display.lower())
    page.goto(site.url + _url("checkin", pk=event.pk))
    expect(page.get_by_role("button", name="Stop the camera")).to_be_hidden()
    page.get_by_role("button", name="Scan with the camera").click()
    expect(page.get_by_text(f"Checked in: {signup.volunteer.get_full_name()}")).to_be_visible()
    # Back for the next person; the code just scanned, still in front of the camera, is not sent again.
    expect(page.get_by_role("button", name="Stop the camera")).to_be_visible()
    page.wait_for_timeout(1500)
    expect(page.get_by_text("Already checked in")).to_have_count(0)
    assert AuditEntry.objects.filter(action="events.signup.checked_in").count() == 1
    page.get_by_role("button", name="Stop the camera").click()
    expect(page.get_by_role("button", name="Scan with the camera")).to_be_visible()
    expect(page.get_by_role("button", name="Stop the camera")).to_be_hidden()
