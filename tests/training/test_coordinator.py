"""The coordinators' training status (page and spreadsheet) and revoking a certificate.

The world: Steppe Care (A) and Green City (B), two NGOs in Almaty, each with a coordinator and member
volunteers; a volunteer who coordinates nothing; an administrator (superuser). A coordinator sees the
volunteers of their own organisation only (volunteers.permissions.profiles_visible_to)."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation

from tests.training.conftest import course_complete
from tests.training.test_certificates import COURSE
from training.models import Certificate
from training.services.certificates import certificate_revoke
from training.services.learning import enrolment_create, enrolment_renew, lesson_mark_read
from training.views import coordinator as coordinator_views
from volunteers.models import AuditEntry, Membership, MembershipRole

pytestmark = pytest.mark.django_db

STATUS = "/en/coordinator/training/"

LOGIN = "302: sign in first"
DENIED = "403: coordinates nothing"
SEE = "200: the page"


def day(value: dt.date) -> str:
    with translation.override("en"):
        return formats.date_format(value, "DATE_FORMAT")


@pytest.fixture
def member_factory(volunteer_factory):
    def make(organisation, name: str, **extra):
        user = volunteer_factory(**extra)
        user.first_name, user.last_name = name, "Testova"
        user.save(update_fields=["first_name", "last_name"])
        Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.VOLUNTEER)
        return user

    return make


@pytest.fixture
def admin(user_factory):
    return user_factory(email="admin@example.kz", is_staff=True, is_superuser=True)


@pytest.fixture
def world(
    organisation, other_organisation, coordinator, coordinator_factory, member_factory, volunteer, admin
):
    return {
        "anonymous": None,
        "volunteer": volunteer,
        "coordinator_a": coordinator,
        "coordinator_b": coordinator_factory(other_organisation),
        "admin": admin,
        "aida": member_factory(organisation, "Aida"),
        "bolat": member_factory(other_organisation, "Bolat"),
    }


def _listed(response) -> set:
    return {row["profile"].user.first_name for row in response.context["rows"]}


# --- Who sees what ------------------------------------------------------------------------------------------


# fmt: off
MATRIX = {
    #  role              outcome  volunteers listed
    "anonymous":        (LOGIN,   None),
    "volunteer":        (DENIED,  None),
    "coordinator_a":    (SEE,     {"Aida"}),
    "coordinator_b":    (SEE,     {"Bolat"}),
    "admin":            (SEE,     {"Aida", "Bolat", "Volunteer"}),
}
# fmt: on


@pytest.mark.parametrize(("role", "outcome", "listed"), [(r, *row) for r, row in MATRIX.items()])
def test_the_status_page_matrix(client, world, role, outcome, listed):
    if world[role] is not None:
        client.force_login(world[role])

    response = client.get(STATUS)

    assert f"{response.status_code}:" == outcome.split(" ")[0]
    if outcome == LOGIN:
        assert response["Location"].startswith("/en/accounts/login/")
    if outcome == SEE:
        # The admin also sees every other profile of the world (the volunteer's "VolunteerN" first name).
        names = {name if not name.startswith("Volunteer") else "Volunteer" for name in _listed(response)}
        assert names == listed


@pytest.mark.parametrize(("role", "outcome", "listed"), [(r, *row) for r, row in MATRIX.items()])
def test_the_export_has_the_same_gate_and_scope(client, world, role, outcome, listed):
    if world[role] is not None:
        client.force_login(world[role])

    response = client.get(f"{STATUS}export.csv")

    assert f"{response.status_code}:" == outcome.split(" ")[0]
    if outcome == SEE:
        text = response.content.decode("utf-8-sig")
        assert ("Aida" in text) is ("Aida" in listed)
        assert ("Bolat" in text) is ("Bolat" in listed)


# --- The table ----------------------------------------------------------------------------------------------


@pytest.fixture
def states(organisation, coordinator, member_factory, programme, admin):
    """A volunteer of Steppe Care in each state of the course."""
    course = programme.course["kk"]
    people = {
        name: member_factory(organisation, name) for name in ("Asel", "Bota", "Dana", "Erlan", "Gulnar")
    }
    # Asel is not enrolled.
    enrolment_create(user=people["Bota"], course=course)
    lesson_mark_read(user=people["Bota"], lesson=programme.lesson(0), course=course)
    valid = course_complete(people["Dana"], programme)
    with time_machine.travel(timezone.now() - dt.timedelta(days=3 * 365), tick=False):
        expired = course_complete(people["Erlan"], programme)
    revoked = course_complete(people["Gulnar"], programme)
    certificate_revoke(certificate=revoked, by=admin, reason="Answers copied")
    return {
        "people": people,
        "valid": valid,
        "expired": Certificate.objects.get(pk=expired.pk),
        "revoked": Certificate.objects.get(pk=revoked.pk),
    }


def test_each_volunteer_shows_their_state_in_the_course(client, coordinator, states, programme):
    client.force_login(coordinator)

    response = client.get(STATUS)

    assert [course.title for course in response.context["courses"]] == [COURSE["en"]]
    cells = {row["profile"].user.first_name: row["cells"][0] for row in response.context["rows"]}
    assert {name: cell.state for name, cell in cells.items()} == {
        "Asel": "not_enrolled",
        "Bota": "in_progress",
        "Dana": "valid",
        "Erlan": "expired",
        "Gulnar": "revoked",
    }
    assert cells["Bota"].label == "In progress: 33%"
    assert cells["Dana"].label == f"Valid until {day(states['valid'].expires_on)}"
    assert cells["Erlan"].label == f"Expired on {day(states['expired'].expires_on)}"
    assert cells["Gulnar"].label == f"Revoked on {day(timezone.localdate())}"
    html = response.content.decode()
    for cell in cells.values():
        assert cell.label in html
    assert "Answers copied" not in html
    assert "/revoke/" not in html  # a coordinator may not revoke


def test_the_state_filter_agrees_with_the_cells(client, coordinator, states, programme):
    client.force_login(coordinator)
    key = str(programme.course["kk"].translation_key)
    expected = {
        "not_enrolled": {"Asel"},
        "in_progress": {"Bota"},
        "valid": {"Dana"},
        "expired": {"Erlan"},
        "revoked": {"Gulnar"},
        "": {"Asel", "Bota", "Dana", "Erlan", "Gulnar"},
    }

    for state, names in expected.items():
        in_course = client.get(STATUS, {"course": key, "state": state})
        in_any = client.get(STATUS, {"state": state})

        assert _listed(in_course) == names, state
        assert _listed(in_any) == names, state
        for row in in_course.context["rows"]:
            assert state in ("", row["cells"][0].state)


def test_a_renewed_certificate_counts_over_an_expired_one(client, coordinator, states, programme):
    erlan = states["people"]["Erlan"]
    enrolment_renew(user=erlan, course=programme.course["kk"])  # the expired course is taken again
    course_complete(erlan, programme)
    client.force_login(coordinator)

    response = client.get(STATUS, {"state": "valid"})

    assert _listed(response) == {"Dana", "Erlan"}


def test_columns_are_the_programmes_courses_and_a_course_can_be_chosen(
    client, coordinator, states, programme, programme_factory
):
    second = programme_factory()
    client.force_login(coordinator)

    every = client.get("/ru/coordinator/training/")
    chosen = client.get("/ru/coordinator/training/", {"course": str(second.course["kk"].translation_key)})

    assert [course.pk for course in every.context["courses"]] == [
        programme.course["ru"].pk,
        second.course["ru"].pk,
    ]
    assert [course.pk for course in chosen.context["courses"]] == [second.course["ru"].pk]
    assert {row["cells"][0].state for row in chosen.context["rows"]} == {"not_enrolled"}


def test_odd_filters_never_break_the_page(client, coordinator, states):
    client.force_login(coordinator)
    queries = [
        {"course": "not-a-course"},
        {"state": "all-of-them"},
        {"page": "999"},
        {"page": "x"},
        {"course": "00000000-0000-0000-0000-000000000000", "state": "valid"},
        {"course": ["a", "b"], "state": ["valid", "<script>"]},
    ]

    for query in queries:
        assert client.get(STATUS, query).status_code == 200, query
        assert client.get(f"{STATUS}export.csv", query).status_code == 200, query
    assert client.get(f"{STATUS}export.pdf").status_code == 404


def test_the_page_is_paginated(client, coordinator, states, monkeypatch):
    monkeypatch.setattr(coordinator_views, "PAGE_SIZE", 2)
    client.force_login(coordinator)

    first, last = client.get(STATUS), client.get(STATUS, {"page": 3})

    assert _listed(first) == {"Asel", "Bota"}
    assert _listed(last) == {"Gulnar"}
    assert 'rel="next"' in first.content.decode()


def test_the_status_costs_the_same_queries_for_one_volunteer_or_fifteen(
    client, organisation, coordinator, member_factory, programme
):
    client.force_login(coordinator)

    def queries(**query) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(STATUS, query).status_code == 200
        return len(captured)

    course_complete(member_factory(organisation, "First"), programme)
    queries()  # the first request fills the site's caches
    one, one_filtered = queries(), queries(state="valid")
    for number in range(14):
        member = member_factory(organisation, f"Member{number}")
        if number % 2:
            course_complete(member, programme)
        else:
            enrolment_create(user=member, course=programme.course["kk"])
    fifteen, fifteen_filtered = queries(), queries(state="valid")

    assert fifteen == one
    assert fifteen_filtered == one_filtered


# --- The spreadsheet ----------------------------------------------------------------------------------------


def test_the_csv_has_a_row_per_volunteer_and_a_column_per_course(client, coordinator, states):
    client.force_login(coordinator)

    response = client.get(f"{STATUS}export.csv", {"state": "valid"})

    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="training-status-')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Name", "E-mail", COURSE["en"]]
    assert rows[1:] == [
        ["Dana Testova", states["people"]["Dana"].email, f"Valid until {day(states['valid'].expires_on)}"]
    ]
    assert AuditEntry.objects.filter(action="training.status.exported", actor=coordinator).count() == 1


def test_the_xlsx_holds_the_same_table(client, coordinator, states):
    client.force_login(coordinator)

    response = client.get(f"{STATUS}export.xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Name", "E-mail", COURSE["en"]]
    assert len(rows) == 1 + 5
    assert ["Bota Testova", states["people"]["Bota"].email, "In progress: 33%"] in rows


# --- Revoking -----------------------------------------------------------------------------------------------


def revoke_url(certificate: Certificate) -> str:
    return f"{STATUS}certificates/{certificate.code}/revoke/"


@pytest.fixture
def certificate_admin(user_factory):
    """Not a superuser: someone given the permission to change certificates through a group."""
    group = Group.objects.create(name="Certificate administrators")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="training", codename="change_certificate")
    )
    user = user_factory(email="registrar@example.kz")
    user.groups.add(group)
    return user


def test_who_may_open_the_revoke_page(client, world, states, certificate_admin):
    world["registrar"] = certificate_admin
    outcomes = {"anonymous": 302, "volunteer": 403, "coordinator_a": 403, "admin": 200, "registrar": 200}
    url = revoke_url(states["valid"])

    for role, status in outcomes.items():
        client.logout()
        if world[role] is not None:
            client.force_login(world[role])

        assert client.get(url).status_code == status, role
        if status != 200:
            post = client.post(url, {"reason": "Test"})
            assert post.status_code == status, role
            if role == "anonymous":
                assert post["Location"].startswith("/en/accounts/login/")
    assert Certificate.objects.get(pk=states["valid"].pk).revoked_at is None


def test_the_status_page_links_to_revoking_for_those_who_may(client, admin, states):
    client.force_login(admin)

    html = client.get(STATUS).content.decode()

    assert f'href="{revoke_url(states["valid"])}"' in html
    assert f'href="{revoke_url(states["expired"])}"' in html
    assert revoke_url(states["revoked"]) not in html  # already revoked


def test_revoking_needs_a_reason_shown_next_to_the_field(client, admin, states):
    client.force_login(admin)

    response = client.post(revoke_url(states["valid"]), {"reason": "   "})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Give the reason for revoking the certificate." in html
    assert html.index('name="reason"') < html.index("Give the reason for revoking the certificate.")
    assert Certificate.objects.get(pk=states["valid"].pk).revoked_at is None


def test_revoking_a_certificate(client, certificate_admin, states):
    client.force_login(certificate_admin)
    certificate = states["valid"]

    form = client.get(revoke_url(certificate))
    response = client.post(revoke_url(certificate), {"reason": "Took the quiz for someone else"}, follow=True)

    assert 'name="csrfmiddlewaretoken"' in form.content.decode()
    assert response.redirect_chain == [(f"/en/certificates/{certificate.code}/", 302)]
    assert "The certificate has been revoked." in response.content.decode()
    assert response.context["verified"]["state"] == "revoked"
    certificate.refresh_from_db()
    assert certificate.revoked_by == certificate_admin
    assert certificate.revoked_reason == "Took the quiz for someone else"
    entry = AuditEntry.objects.get(action="training.certificate.revoked")
    assert entry.actor == certificate_admin
    assert entry.data["certificate"] == certificate.code


def test_a_revoked_certificate_cannot_be_revoked_again(client, admin, states):
    client.force_login(admin)
    revoked = states["revoked"]

    page = client.get(revoke_url(revoked))
    again = client.post(revoke_url(revoked), {"reason": "Again"})

    assert page.status_code == 200
    assert 'name="reason"' not in page.content.decode()
    assert "was revoked on" in page.content.decode()
    assert again.status_code == 400
    assert "This certificate has already been revoked." in again.content.decode()
    revoked.refresh_from_db()
    assert revoked.revoked_reason == "Answers copied"


def test_revoking_an_unknown_code_is_404(client, admin, states):
    client.force_login(admin)

    assert client.get(f"{STATUS}certificates/ZZZZZZZZZZ/revoke/").status_code == 404
    assert client.get(f"{STATUS}certificates/%3Cb%3E/revoke/").status_code == 404
    lower = revoke_url(states["valid"]).replace(states["valid"].code, states["valid"].code.lower())
    assert client.get(lower).status_code == 200
