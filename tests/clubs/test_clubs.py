"""Clubs as their coordinators keep them, through the services: a club and its schedule, its masters, its
status, its places and waitlist, its cancellation."""

import datetime as dt

import pytest
from django.core import mail
from django.db.models import F
from django.test import override_settings
from django.utils import timezone, translation

from tests.clubs.conftest import born_aged, next_weekday
from volunteers.clubs.errors import ClubsError
from volunteers.clubs.models import (
    Audience,
    Club,
    ClubSession,
    ClubStatus,
    Enrolment,
    EnrolmentStatus,
    MasterStatus,
)
from volunteers.clubs.schedule import schedule_words
from volunteers.clubs.services.clubs import (
    ClubData,
    club_cancel,
    club_close,
    club_create,
    club_open,
    club_update,
)
from volunteers.models import AuditEntry

pytestmark = pytest.mark.django_db


# --- Helpers (the other clubs test modules use them too) ----------------------------------------------------


def past_saturday(weeks: int = 3) -> dt.date:
    """A Saturday about `weeks` weeks ago (before today whatever today is)."""
    return next_weekday(5, after=timezone.localdate() - dt.timedelta(weeks=weeks, days=1))


def enrol(club, name, *, status=EnrolmentStatus.ENROLLED, email="", language="ru", age=9) -> Enrolment:
    """A child in `club` (or on its waitlist) as the enrolment service leaves them, counters included."""
    born = born_aged(age)
    enrolment = Enrolment.objects.create(
        club=club, child_name=name, child_birth_date=born, child_key=Enrolment.key_of(name, born),
        guardian_name=f"Parent of {name}", guardian_phone="+77011234567", guardian_email=email,
        language=language, status=status, consent_version=1, consent_language=language,
        consent_method="online", consent_at=timezone.now(),
        enrolled_at=timezone.now() if status == EnrolmentStatus.ENROLLED else None,
    )  # fmt: skip
    counter = "enrolled_count" if status == EnrolmentStatus.ENROLLED else "waitlist_count"
    Club.objects.filter(pk=club.pk).update(**{counter: F(counter) + 1})
    club.refresh_from_db()
    return enrolment


def club_data(*, craft, region, masters=(), **changes) -> ClubData:
    """Saturdays 10:00-12:00 for eight weeks from the next Saturday, children 7-14, 10 places."""
    starts_on = next_weekday(5)
    values = {
        "craft": craft, "audience": Audience.BOYS, "region": region, "city": "Almaty",
        "address": "Abai Ave 10", "min_age": 7, "max_age": 14, "capacity": 10, "languages": ["kk", "ru"],
        "starts_on": starts_on,
        "ends_on": starts_on + dt.timedelta(weeks=8, days=-1), "weekdays": [5], "start_time": dt.time(10),
        "end_time": dt.time(12), "masters": list(masters), "title": {}, "description": {},
    }  # fmt: skip
    values.update(changes)
    return ClubData(**values)


def data_of(club, **changes) -> ClubData:
    """The club's data as its edit form would send it back, with `changes`."""
    names = (
        "craft", "audience", "region", "city", "address", "min_age", "max_age", "capacity", "languages",
        "starts_on", "ends_on", "weekdays", "start_time", "end_time", "title", "description",
    )  # fmt: skip
    values = {name: getattr(club, name) for name in names}
    values["masters"] = list(club.masters.all())
    values.update(changes)
    return ClubData(**values)


# --- Creating -----------------------------------------------------------------------------------------------


def test_a_new_club_is_a_draft_with_its_sessions_and_the_roadmaps_name(
    coordinator, organisation, craft, almaty, master
):
    club = club_create(
        organisation=organisation,
        data=club_data(craft=craft, region=almaty, masters=[master]),
        by=coordinator,
    )
    assert club.status == ClubStatus.DRAFT
    assert club.created_by == coordinator
    assert list(club.masters.all()) == [master]
    assert club.sessions.count() == 8
    assert all(session.date.weekday() == 5 for session in club.sessions.all())
    assert club.title["kk"] == "Ата көрген оқ жонар: ағаш өңдеу және ою"
    assert club.title["en"] == "Ата көрген оқ жонар: woodwork and carving"
    assert AuditEntry.objects.filter(action="clubs.club.created", data__club=club.pk).exists()


def test_the_title_given_is_kept_and_a_club_for_both_is_named_after_its_craft(
    coordinator, organisation, craft, almaty
):
    club = club_create(
        organisation=organisation,
        data=club_data(
            craft=craft, region=almaty, audience=Audience.ALL, title={"ru": "  Резьба  ", "kk": " "}
        ),
        by=coordinator,
    )
    assert club.title == {"ru": "Резьба"}
    both = club_create(
        organisation=organisation,
        data=club_data(craft=craft, region=almaty, audience=Audience.ALL),
        by=coordinator,
    )
    assert both.title["en"] == "Woodwork and carving club"
    assert both.title["ru"] == "Кружок «Резьба и обработка дерева»"


def _refused(code, *, field, coordinator, organisation, **changes):
    with pytest.raises(ClubsError) as raised:
        club_create(organisation=organisation, data=club_data(**changes), by=coordinator)
    assert (raised.value.code, raised.value.field) == (code, field)
    return raised.value


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"min_age": 4}, "club_ages", "min_age"),
        ({"max_age": 19}, "club_ages", "max_age"),
        ({"min_age": 12, "max_age": 10}, "club_age_range", "max_age"),
        ({"capacity": 0}, "club_capacity", "capacity"),
        ({"capacity": 201}, "club_capacity", "capacity"),
        ({"languages": []}, "club_languages", "languages"),
        ({"languages": ["xx"]}, "club_languages", "languages"),
        ({"weekdays": []}, "club_weekdays", "weekdays"),
        ({"weekdays": [7]}, "club_weekdays", "weekdays"),
        ({"start_time": dt.time(12), "end_time": dt.time(12)}, "club_times", "end_time"),
        ({"city": "  "}, "club_place", "city"),
        ({"audience": "men"}, "club_audience", "audience"),
        ({"ends_on": dt.date(9999, 12, 31)}, "club_sessions_max", "ends_on"),  # counted, not listed
    ],
)
def test_bad_values_are_refused_next_to_their_field(
    coordinator, organisation, craft, almaty, changes, code, field
):
    _refused(
        code,
        field=field,
        coordinator=coordinator,
        organisation=organisation,
        craft=craft,
        region=almaty,
        **changes,
    )
    assert not Club.objects.exists()


def test_the_period_must_hold_sessions_and_not_too_many(coordinator, organisation, craft, almaty):
    monday = next_weekday(0)
    common = {"coordinator": coordinator, "organisation": organisation, "craft": craft, "region": almaty}
    _refused("club_dates", field="ends_on", starts_on=monday, ends_on=monday - dt.timedelta(days=1), **common)
    # Monday to Wednesday holds no Saturday.
    _refused(
        "club_no_sessions",
        field="weekdays",
        starts_on=monday,
        ends_on=monday + dt.timedelta(days=2),
        **common,
    )
    with override_settings(CLUBS_SESSIONS_MAX=5):
        error = _refused("club_sessions_max", field="ends_on", **common)
    assert error.params == {"count": 8, "max": 5}
    assert not ClubSession.objects.exists()


def test_only_my_organisations(coordinator, other_organisation, craft, almaty):
    _refused(
        "club_organisation", field="organisation", coordinator=coordinator, organisation=other_organisation,
        craft=craft, region=almaty,
    )  # fmt: skip


def test_masters_not_verified_of_another_craft_or_region_are_refused_by_name(
    coordinator, organisation, craft, other_craft, almaty, astana, master_factory
):
    common = {"coordinator": coordinator, "organisation": organisation, "craft": craft, "region": almaty}
    applied = master_factory(status=MasterStatus.APPLIED)
    sewing = master_factory(craft=other_craft)
    far = master_factory(region=astana)
    cases = [(applied, "club_master_unverified"), (sewing, "club_master_craft"), (far, "club_master_region")]
    for master, code in cases:
        error = _refused(code, field="masters", masters=[master], **common)
        with translation.override("en"):
            assert str(master.volunteer) in error.message
    with translation.override("en"):
        assert (
            "Sewing and tailoring"
            in _refused("club_master_craft", field="masters", masters=[sewing], **common).message
        )


# --- Status -------------------------------------------------------------------------------------------------


def test_a_club_opens_only_with_a_verified_master_of_its_craft(
    coordinator, club_factory, master_factory, other_craft
):
    draft = club_factory(status=ClubStatus.DRAFT, masters=[])
    with pytest.raises(ClubsError) as raised:
        club_open(club=draft, by=coordinator)
    assert raised.value.code == "club_no_verified_master"
    # A master who was verified and then withdrew does not count either.
    withdrawn = master_factory(status=MasterStatus.WITHDRAWN)
    draft.masters.set([withdrawn])
    with pytest.raises(ClubsError):
        club_open(club=draft, by=coordinator)
    draft.masters.set([master_factory()])
    club = club_open(club=draft, by=coordinator)
    assert club.status == ClubStatus.OPEN and club.published_at is not None
    published_at = club.published_at
    assert club_open(club=club, by=coordinator).published_at == published_at  # a double click: one change
    assert AuditEntry.objects.filter(action="clubs.club.opened").count() == 1


def test_enrolment_closes_and_opens_again(coordinator, club):
    assert club_close(club=club, by=coordinator).status == ClubStatus.CLOSED
    assert club_close(club=club, by=coordinator).status == ClubStatus.CLOSED
    assert club_open(club=club, by=coordinator).status == ClubStatus.OPEN
    draft_like = Club.objects.get(pk=club.pk)
    Club.objects.filter(pk=club.pk).update(status=ClubStatus.DRAFT)
    with pytest.raises(ClubsError) as raised:
        club_close(club=draft_like, by=coordinator)
    assert raised.value.code == "club_close_state"


def test_a_club_whose_last_day_has_passed_does_not_open(coordinator, club_factory):
    club = club_factory(status=ClubStatus.CLOSED, starts_on=past_saturday(weeks=10), weeks=4)
    with pytest.raises(ClubsError) as raised:
        club_open(club=club, by=coordinator)
    assert raised.value.code == "club_over"


def test_cancelling_tells_the_guardians_in_their_language_once(
    coordinator, club_factory, django_capture_on_commit_callbacks
):
    title = {"kk": "Ағаш ою үйірмесі", "ru": "Кружок резьбы", "en": "Carving club"}
    club = club_factory(starts_on=past_saturday(weeks=2), title=title)
    held = club.sessions.order_by("date").first()
    ClubSession.objects.filter(pk=held.pk).update(held_at=timezone.now())
    enrol(club, "Айдос", email="mother@example.kz", language="ru")
    enrol(club, "Әлихан", email="father@example.kz", language="kk")
    enrol(club, "Дана", email="", language="ru")  # no e-mail: nobody to tell
    enrol(club, "Нұрлан", status=EnrolmentStatus.WAITLISTED, email="aunt@example.kz", language="en")
    with pytest.raises(ClubsError) as raised:
        club_cancel(club=club, by=coordinator, reason="   ")
    assert (raised.value.code, raised.value.field) == ("club_cancel_reason", "reason")

    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        club_cancel(club=club, by=coordinator, reason="The master is ill.")
    assert len(callbacks) == 1
    club.refresh_from_db()
    assert club.status == ClubStatus.CANCELLED and club.cancelled_at is not None
    assert club.cancel_reason == "The master is ill."
    sessions = club.sessions.all()
    # The session held stays as it was, so do the past ones not held (still to record); the coming ones are
    # cancelled.
    assert sessions.get(pk=held.pk).cancelled_at is None
    assert all(s.cancelled_at is not None for s in sessions if s.starts_at > timezone.now())
    assert sorted(message.to[0] for message in mail.outbox) == [
        "aunt@example.kz", "father@example.kz", "mother@example.kz",
    ]  # fmt: skip
    by_address = {message.to[0]: message for message in mail.outbox}
    # Each in the language the guardian chose (the club's title shows it; the words come from the catalogues).
    assert "Кружок резьбы" in by_address["mother@example.kz"].subject
    assert "The master is ill." in by_address["mother@example.kz"].body
    assert "Айдос" in by_address["mother@example.kz"].body
    assert "Ағаш ою үйірмесі" in by_address["father@example.kz"].subject
    assert by_address["aunt@example.kz"].subject == "The club is cancelled: Carving club"

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        club_cancel(club=club, by=coordinator, reason="Again")
    assert callbacks == [] and len(mail.outbox) == 3
    for change in (lambda: club_update(club=club, data=data_of(club), by=coordinator),
                   lambda: club_open(club=club, by=coordinator)):  # fmt: skip
        with pytest.raises(ClubsError):
            change()


# --- Changing -----------------------------------------------------------------------------------------------


def test_an_open_club_keeps_a_verified_master(coordinator, club):
    with pytest.raises(ClubsError) as raised:
        club_update(club=club, data=data_of(club, masters=[]), by=coordinator)
    assert (raised.value.code, raised.value.field) == ("club_no_verified_master", "masters")


def test_places_do_not_drop_below_the_children_enrolled(coordinator, club_factory):
    club = club_factory(capacity=3)
    for name in ("Айдос", "Бекзат", "Ерасыл"):
        enrol(club, name)
    with pytest.raises(ClubsError) as raised:
        club_update(club=club, data=data_of(club, capacity=2), by=coordinator)
    assert (raised.value.code, raised.value.field, raised.value.params) == (
        "club_capacity_enrolled", "capacity", {"count": 3},
    )  # fmt: skip
    assert (
        club_update(club=club, data=data_of(club, capacity=3, city="Алматы"), by=coordinator).city == "Алматы"
    )


def test_more_places_give_the_waitlist_its_turn_first_come_first_served(coordinator, club_factory):
    club = club_factory(capacity=1)
    enrol(club, "Айдос")
    first = enrol(club, "Бекзат", status=EnrolmentStatus.WAITLISTED)
    second = enrol(club, "Ерасыл", status=EnrolmentStatus.WAITLISTED)
    third = enrol(club, "Дамир", status=EnrolmentStatus.WAITLISTED)
    club = club_update(club=club, data=data_of(club, capacity=3), by=coordinator)
    club.refresh_from_db()
    assert (club.capacity, club.enrolled_count, club.waitlist_count) == (3, 3, 1)
    statuses = dict(Enrolment.objects.values_list("pk", "status"))
    assert (statuses[first.pk], statuses[second.pk], statuses[third.pk]) == (
        "enrolled",
        "enrolled",
        "waitlisted",
    )
    entry = AuditEntry.objects.get(action="clubs.club.changed")
    assert entry.data["promoted"] == [first.pk, second.pk] and entry.data["fields"] == ["capacity"]


def test_a_new_schedule_keeps_the_sessions_held(coordinator, club_factory):
    club = club_factory(starts_on=past_saturday(weeks=3), weeks=6)
    held = club.sessions.order_by("date").first()
    ClubSession.objects.filter(pk=held.pk).update(held_at=timezone.now())
    # From Saturdays to Sundays, with a later start: the held Saturday stays as history, the others move.
    sunday = held.date + dt.timedelta(days=8)
    later = {"start_time": dt.time(11), "end_time": dt.time(13)}
    club = club_update(club=club, data=data_of(club, starts_on=sunday, weekdays=[6], **later), by=coordinator)
    dates = list(club.sessions.order_by("date").values_list("date", flat=True))
    assert dates[0] == held.date
    assert all(day.weekday() == 6 for day in dates[1:]) and len(dates) == 1 + len(dates[1:])
    assert timezone.localtime(ClubSession.objects.get(pk=held.pk).starts_at).hour == 10
    assert timezone.localtime(club.sessions.get(date=sunday).starts_at).hour == 11


def test_another_organisations_coordinator_changes_nothing(coordinator_factory, other_organisation, club):
    outsider = coordinator_factory(other_organisation)
    for change in (
        lambda: club_update(club=club, data=data_of(club, city="X"), by=outsider),
        lambda: club_close(club=club, by=outsider),
        lambda: club_cancel(club=club, by=outsider, reason="No"),
    ):
        with pytest.raises(ClubsError) as raised:
            change()
        assert raised.value.code == "club_unknown"
    club.refresh_from_db()
    assert (club.city, club.status) == ("Almaty", ClubStatus.OPEN)


# --- Reading ------------------------------------------------------------------------------------------------


def test_the_schedule_in_words(club_factory):
    club = club_factory(starts_on=dt.date(2030, 3, 2), weeks=8, weekdays=(5,))
    with translation.override("en"):
        assert schedule_words(club) == "Saturdays, 10:00–12:00, from March 2, 2030 to April 26, 2030"
    club.weekdays = [1, 3]
    with translation.override("en"):
        assert schedule_words(club).startswith("Tuesdays, Thursdays, 10:00–12:00")
