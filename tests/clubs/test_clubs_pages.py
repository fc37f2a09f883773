"""The coordinators' club pages through HTTP: who reaches which page, the list and its figures, the club's
form (refusals next to their field, in the visitor's language), the club's page, its status, a session
cancelled, and attendance; query counts independent of the number of clubs, sessions and children."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation

from tests.clubs.conftest import next_weekday
from tests.clubs.test_clubs import enrol, past_saturday
from volunteers.clubs.errors import ClubsError
from volunteers.clubs.models import Attendance, Club, ClubSession, ClubStatus, MasterStatus
from volunteers.clubs.services.attendance import attendance_record
from volunteers.models import AuditEntry, LedgerEntry

pytestmark = pytest.mark.django_db

SEE, MOVED, HIDDEN, DENIED, LOGIN = "200", "302", "404", "403", "login"


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(f"clubs:{name}", args=args or None)


def past_session(club) -> ClubSession:
    return club.sessions.filter(starts_at__lt=timezone.now()).order_by("date").first()


# --- Who reaches which page ---------------------------------------------------------------------------------

TARGETS = ("list", "club", "edit", "status", "attendance")
# fmt: off
MATRIX = {
    #  role                 list    club    edit    status  attendance
    "anonymous":           (LOGIN,  LOGIN,  LOGIN,  LOGIN,  LOGIN),
    "volunteer":           (DENIED, DENIED, DENIED, DENIED, DENIED),
    "coordinator":         (SEE,    SEE,    SEE,    MOVED,  SEE),
    "other_coordinator":   (SEE,    HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "superuser":           (SEE,    SEE,    SEE,    MOVED,  SEE),
}
# fmt: on


@pytest.mark.parametrize("role", list(MATRIX))
def test_the_matrix(
    client,
    role,
    club_factory,
    coordinator,
    coordinator_factory,
    other_organisation,
    user_factory,
    volunteer_factory,
):
    club = club_factory(starts_on=past_saturday(weeks=2))
    users = {
        "anonymous": None,
        "volunteer": volunteer_factory(email="plain@example.kz"),
        "coordinator": coordinator,
        "other_coordinator": coordinator_factory(other_organisation),
        "superuser": user_factory(email="admin@example.kz", is_staff=True, is_superuser=True),
    }
    if users[role] is not None:
        client.force_login(users[role])
    day = past_session(club).date.isoformat()
    for target, outcome in zip(TARGETS, MATRIX[role], strict=True):
        if target == "status":
            response = client.post(url("club_status", club.pk, language="ru"), {"action": "close"})
        else:
            args = {"list": (), "attendance": (club.pk, day)}.get(target, (club.pk,))
            name = {"list": "manage_list", "club": "club_manage", "edit": "club_edit"}.get(target, target)
            name = "session_attendance" if target == "attendance" else name
            response = client.get(url(name, *args, language="ru"))
        if outcome == LOGIN:
            assert response.status_code == 302 and response["Location"].startswith("/ru/accounts/login/"), (
                target
            )
        else:
            assert str(response.status_code) == outcome, target
        if target == "list" and outcome == SEE:
            listed = [item.pk for item in response.context["page"].object_list]
            assert listed == ([] if role == "other_coordinator" else [club.pk])
    club.refresh_from_db()
    assert club.status == (ClubStatus.CLOSED if MATRIX[role][3] == MOVED else ClubStatus.OPEN)


# --- The list -----------------------------------------------------------------------------------------------


def test_the_list_shows_places_waitlist_next_session_and_my_figures(
    client, coordinator, club_factory, master
):
    club = club_factory(starts_on=past_saturday(weeks=2), capacity=2)
    enrol(club, "Айдос")
    enrol(club, "Бекзат", status="waitlisted")
    session = past_session(club)
    attendance_record(session=session, by=coordinator, present=[], masters=[master])
    cancelled = club_factory(status=ClubStatus.CANCELLED, title={"en": "Felt club"})
    client.force_login(coordinator)
    response = client.get(url("manage_list"))
    assert response.status_code == 200
    rows = response.context["page"].object_list
    assert [row.pk for row in rows] == [club.pk, cancelled.pk]  # current first, then ended or cancelled
    upcoming = club.sessions.filter(date__gte=timezone.localdate()).order_by("date").first()
    assert rows[0].next_session == upcoming.date
    figures = response.context["figures"]
    held_this_year = session.date.year == timezone.localdate().year
    assert figures["children"] == 1
    assert figures["sessions"] == (1 if held_this_year else 0)
    assert figures["hours"] == (Decimal("2.00") if held_this_year else 0)
    content = response.content.decode()
    assert f'href="{url("club_manage", club.pk)}"' in content
    assert f'href="{url("club_new")}"' in content
    assert "1 / 2" in content


def test_the_list_costs_the_same_for_one_club_or_many(client, coordinator, club_factory):
    club_factory()
    client.force_login(coordinator)
    client.get(url("manage_list"))  # the site's settings and menus are cached from the first page on
    with CaptureQueriesContext(connection) as one:
        assert client.get(url("manage_list")).status_code == 200
    for weeks in range(2, 7):
        club = club_factory(weeks=weeks, starts_on=past_saturday(weeks=weeks))
        enrol(club, f"Child {weeks}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url("manage_list"))
    assert response.context["page"].paginator.count == 6
    assert len(many) == len(one)


# --- The club's form ----------------------------------------------------------------------------------------


def form_data(*, craft, region, masters=(), **changes) -> dict:
    starts_on = next_weekday(5)
    data = {
        "audience": "girls", "craft": craft.pk, "title_kk": "", "title_ru": "", "title_en": "",
        "description_ru": "Шьём национальную одежду.", "masters": [str(master.pk) for master in masters],
        "region": region.pk, "city": "Алматы", "address": "пр. Абая, 10", "languages": ["kk", "ru"],
        "min_age": "8", "max_age": "14", "capacity": "12", "starts_on": starts_on.isoformat(),
        "ends_on": (starts_on + dt.timedelta(weeks=4, days=-1)).isoformat(), "weekdays": ["2", "5"],
        "start_time": "15:00", "end_time": "17:00",
    }  # fmt: skip
    data.update(changes)
    return data


def test_a_coordinator_opens_a_club_in_russian(client, coordinator, other_craft, almaty, master_factory):
    seamstress = master_factory(craft=other_craft)
    applied = master_factory(craft=other_craft, status=MasterStatus.APPLIED)
    client.force_login(coordinator)
    page = client.get(url("club_new", language="ru"))
    assert page.status_code == 200
    offered = [
        value for _group, choices in page.context["form"].fields["masters"].choices for value, _ in choices
    ]
    assert str(seamstress.pk) in offered and str(applied.pk) not in offered

    response = client.post(
        url("club_new", language="ru"), form_data(craft=other_craft, region=almaty, masters=[seamstress])
    )
    club = Club.objects.get()
    assert response.status_code == 302 and response["Location"] == url("club_manage", club.pk, language="ru")
    assert club.status == ClubStatus.DRAFT and club.organisation == coordinator.memberships.get().organisation
    assert club.title["ru"] == "Ана көрген тон пішер: шитьё и кройка"
    assert club.description == {"ru": "Шьём национальную одежду."}
    assert (club.weekdays, club.capacity, list(club.masters.all())) == ([2, 5], 12, [seamstress])
    assert club.sessions.count() == 8


def test_refusals_stand_next_to_their_field_in_the_visitors_language(client, coordinator, other_craft, almaty,
                                                                   master_factory):  # fmt: skip
    weaver = master_factory(craft=other_craft)
    client.force_login(coordinator)
    cases = [
        ({"min_age": "12", "max_age": "10"}, "max_age", ClubsError("club_age_range")),
        ({"min_age": "3"}, "min_age", ClubsError("club_ages", min=5, max=18)),
        ({"capacity": "201"}, "capacity", ClubsError("club_capacity", max=200)),
        ({"end_time": "14:00"}, "end_time", ClubsError("club_times")),
        ({"masters": [str(weaver.pk)], "region": str(almaty.pk + 1)}, "masters",
         ClubsError("club_master_region", name=str(weaver.volunteer), region=almaty)),
    ]  # fmt: skip
    for changes, field, error in cases:
        response = client.post(
            url("club_new", language="ru"), {**form_data(craft=other_craft, region=almaty), **changes}
        )
        assert response.status_code == 400, field
        with translation.override("ru"):
            assert response.context["form"].errors[field] == [error.message], field
    assert not Club.objects.exists()


def test_the_edit_form_shows_the_club_and_keeps_places_above_the_children(client, coordinator, club):
    for name in ("Айдос", "Бекзат", "Ерасыл"):
        enrol(club, name)
    client.force_login(coordinator)
    page = client.get(url("club_edit", club.pk))
    content = page.content.decode()
    assert f'value="{club.starts_on.isoformat()}"' in content and 'value="10:00"' in content
    assert page.context["form"]["masters"].value() == [str(club.masters.get().pk)]
    data = page.context["form"].initial
    posted = form_data(craft=club.craft, region=club.region, masters=club.masters.all(), audience="boys",
                       starts_on=club.starts_on.isoformat(), ends_on=club.ends_on.isoformat(), weekdays=["5"],
                       capacity="2", title_en=data["title"]["en"])  # fmt: skip
    response = client.post(url("club_edit", club.pk), posted)
    assert response.status_code == 400
    with translation.override("en"):
        assert response.context["form"].errors["capacity"] == [
            "3 children are enrolled: the places cannot be fewer than that."
        ]
    posted["capacity"] = "3"
    assert client.post(url("club_edit", club.pk), posted).status_code == 302
    club.refresh_from_db()
    assert (club.capacity, club.city, club.title["en"]) == (3, "Алматы", "Woodwork club")


# --- The club's page, its status and sessions ---------------------------------------------------------------


def test_the_club_page_tells_the_schedule_in_words_and_the_sessions_by_state(
    client, coordinator, club_factory, master
):
    club = club_factory(starts_on=past_saturday(weeks=2), weeks=6)
    held, waiting = club.sessions.filter(starts_at__lt=timezone.now()).order_by("date")[:2]
    attendance_record(session=held, by=coordinator, present=[], masters=[master])
    last = club.sessions.order_by("date").last()
    ClubSession.objects.filter(pk=last.pk).update(cancelled_at=timezone.now(), cancel_reason="Holiday")
    client.force_login(coordinator)
    response = client.get(url("club_manage", club.pk))
    assert response.status_code == 200
    content = response.content.decode()
    with translation.override("en"):
        first = formats.date_format(club.starts_on, "DATE_FORMAT")
    assert f"Saturdays, 10:00–12:00, from {first} to" in content
    states = {session.date: session.state for session in response.context["sessions"]}
    assert (states[held.date], states[waiting.date], states[last.date]) == ("held", "waiting", "cancelled")
    attendance_url = url("session_attendance", club.pk, waiting.date.isoformat())
    assert f'href="{attendance_url}"' in content
    assert "Holiday" in content


def test_the_club_page_costs_the_same_for_few_or_many_sessions_and_children(client, coordinator, club_factory,
                                                                            master):  # fmt: skip
    small = club_factory(starts_on=past_saturday(weeks=1), weeks=2)
    enrol(small, "Child")
    attendance_record(session=past_session(small), by=coordinator, present=[], masters=[master])
    client.force_login(coordinator)
    client.get(
        url("club_manage", small.pk)
    )  # the site's settings and menus are cached from the first page on
    with CaptureQueriesContext(connection) as one:
        assert client.get(url("club_manage", small.pk)).status_code == 200
    big = club_factory(starts_on=past_saturday(weeks=4), weeks=20)
    for number in range(6):
        enrol(big, f"Child {number}")
    for session in big.sessions.filter(starts_at__lt=timezone.now())[:3]:
        attendance_record(session=session, by=coordinator, present=[], masters=[master])
    with CaptureQueriesContext(connection) as many:
        assert client.get(url("club_manage", big.pk)).status_code == 200
    assert len(many) == len(one)


def test_take_attendance_for_a_date_goes_there_or_says_why_not(client, coordinator, club_factory):
    club = club_factory(starts_on=past_saturday(weeks=2))
    client.force_login(coordinator)
    session = past_session(club)
    response = client.get(url("club_manage", club.pk), {"day": session.date.isoformat()})
    assert response.status_code == 302
    assert response["Location"] == url("session_attendance", club.pk, session.date.isoformat())

    friday = session.date - dt.timedelta(days=1)
    future = club.sessions.order_by("date").last()
    with translation.override("en"):
        outside = ClubsError("session_outside_series", date=formats.date_format(friday)).message
        coming = ClubsError("session_future", field="day", date=formats.date_format(future.date)).message
    for day, message in ((friday, outside), (future.date, coming)):
        response = client.get(url("club_manage", club.pk), {"day": day.isoformat()})
        assert response.status_code == 400
        assert response.context["day_form"].errors["day"] == [message]


def test_the_attendance_address_of_a_day_outside_the_series_is_a_404_that_says_so(
    client, coordinator, club_factory
):
    club = club_factory(starts_on=past_saturday(weeks=2))
    client.force_login(coordinator)
    friday = past_session(club).date - dt.timedelta(days=1)
    response = client.get(url("session_attendance", club.pk, friday.isoformat()))
    assert response.status_code == 404
    assert "is not a day of this club&#x27;s schedule" in response.content.decode()
    assert client.get(url("session_attendance", club.pk, "2026-02-30")).status_code == 404
    assert client.get(url("session_attendance", club.pk, "soon")).status_code == 404
    future = club.sessions.order_by("date").last()
    response = client.get(url("session_attendance", club.pk, future.date.isoformat()))
    assert response.status_code == 409 and "has not begun yet" in response.content.decode()


def test_attendance_through_the_page(client, coordinator, club_factory, master):
    club = club_factory(starts_on=past_saturday(weeks=2))
    aidos, bekzat = enrol(club, "Айдос", age=8), enrol(club, "Бекзат", age=10)
    session = past_session(club)
    address = url("session_attendance", club.pk, session.date.isoformat())
    client.force_login(coordinator)
    page = client.get(address)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"] and page["X-Robots-Tag"] == "noindex, nofollow"
    assert page.context["form"]["masters"].value() == [master.pk]  # all the club's masters ticked at first
    assert page.context["form"]["present"].value() == []
    assert "Айдос, 8 years old" in page.content.decode()
    viewed = AuditEntry.objects.get(action="clubs.attendance.viewed")
    assert sorted(viewed.data["enrolments"]) == sorted([aidos.pk, bekzat.pk])

    response = client.post(address, {"present": [str(bekzat.pk)], "masters": [str(master.pk)]})
    assert response.status_code == 302 and response["Location"] == url("club_manage", club.pk)
    assert dict(Attendance.objects.values_list("enrolment_id", "present")) == {
        aidos.pk: False,
        bekzat.pk: True,
    }
    assert LedgerEntry.objects.get(volunteer=master.volunteer).hours == Decimal("2.00")
    again = client.get(address)
    assert again.context["form"]["present"].value() == [bekzat.pk]

    response = client.post(address, {"present": [str(bekzat.pk)]})
    assert response.status_code == 400 and response.context["form"].errors["masters"]


def test_the_attendance_page_costs_the_same_for_few_or_many_children(
    client, coordinator, club_factory, master
):
    club = club_factory(starts_on=past_saturday(weeks=2), capacity=20)
    enrol(club, "Child 0")
    session = past_session(club)
    address = url("session_attendance", club.pk, session.date.isoformat())
    client.force_login(coordinator)
    attendance_record(session=session, by=coordinator, present=[], masters=[master])
    client.get(address)  # the site's settings and menus are cached from the first page on
    with CaptureQueriesContext(connection) as one:
        assert client.get(address).status_code == 200
    for number in range(1, 8):
        enrol(club, f"Child {number}")
    attendance_record(session=session, by=coordinator, present=[], masters=[master])
    with CaptureQueriesContext(connection) as many:
        assert client.get(address).status_code == 200
    assert len(many) == len(one)


def test_status_buttons(client, coordinator, club_factory, master):
    draft = club_factory(status=ClubStatus.DRAFT, masters=[])
    client.force_login(coordinator)
    response = client.post(url("club_status", draft.pk), {"action": "open"}, follow=True)
    with translation.override("en"):
        assert str(ClubsError.messages["club_no_verified_master"]) in response.content.decode()
    draft.masters.set([master])
    client.post(url("club_status", draft.pk), {"action": "open"})
    draft.refresh_from_db()
    assert draft.status == ClubStatus.OPEN

    response = client.post(url("club_status", draft.pk), {"action": "cancel", "reason": ""})
    assert response.status_code == 400 and response.context["cancel_form"].errors["reason"]
    assert response.context["cancel_open"] is True
    response = client.post(url("club_status", draft.pk), {"action": "cancel", "reason": "No hall"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == ClubStatus.CANCELLED
    page = client.get(url("club_manage", draft.pk))
    assert "No hall" in page.content.decode()
    assert client.get(url("club_edit", draft.pk)).status_code == 302  # a cancelled club is not edited


def test_a_session_cancelled_from_the_club_page(client, coordinator, club):
    first = club.sessions.order_by("date").first()
    client.force_login(coordinator)
    page = client.get(url("club_manage", club.pk), {"cancel": first.date.isoformat()})
    assert page.context["session_form"]["day"].value() == first.date.isoformat()
    response = client.post(url("session_cancel", club.pk), {"day": first.date.isoformat(), "reason": ""})
    assert response.status_code == 400 and response.context["session_form"].errors["reason"]
    response = client.post(url("session_cancel", club.pk), {"day": first.date.isoformat(), "reason": "Snow"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.cancel_reason == "Snow"
    # Cancelled: it is no longer offered.
    response = client.post(url("session_cancel", club.pk), {"day": first.date.isoformat(), "reason": "Again"})
    assert response.status_code == 400 and response.context["session_form"].errors["day"]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_pages_in_kazakh_and_russian(client, coordinator, club_factory, master, language):
    club = club_factory(starts_on=past_saturday(weeks=2))
    enrol(club, "Айдос")
    client.force_login(coordinator)
    day = past_session(club).date.isoformat()
    for name, args in (("manage_list", ()), ("club_new", ()), ("club_manage", (club.pk,)),
                       ("club_edit", (club.pk,)), ("session_attendance", (club.pk, day))):  # fmt: skip
        response = client.get(url(name, *args, language=language))
        assert response.status_code == 200, name
        assert f'<html lang="{language}">' in response.content.decode(), name
