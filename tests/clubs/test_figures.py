"""The figures of silver volunteering and the clubs (volunteers/clubs/figures.py), each compared with a count
made by hand on a small set of rows, with the filters (region, organisation, period), in a fixed number of
queries."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from volunteers.clubs.figures import (
    children_enrolled,
    clubs_figures,
    masters_hours,
    masters_verified,
    period_of,
    programme_figures,
    sessions_held,
    silver_volunteers,
    silver_volunteers_by_region,
)
from volunteers.clubs.models import (
    Attendance,
    Audience,
    ClubStatus,
    Enrolment,
    EnrolmentStatus,
    MasterStatus,
)
from volunteers.models import EntryKind, Membership, User, VolunteerProfile
from volunteers.services.ledger import ledger_hours_credit

pytestmark = pytest.mark.django_db

SATURDAY = dt.date(2030, 3, 2)  # the clubs' first day: a Saturday of a year of their own


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def _enrol(club, name, *, status=EnrolmentStatus.ENROLLED, enrolled_on=None, ended_on=None) -> Enrolment:
    born = dt.date(2020, 5, 1)
    return Enrolment.objects.create(
        club=club, child_name=name, child_birth_date=born, child_key=Enrolment.key_of(name, born),
        guardian_name="Parent", guardian_phone="+77010000000", status=status, consent_version=1,
        consent_language="kk", consent_method="online", consent_at=timezone.now(),
        enrolled_at=_at(enrolled_on) if enrolled_on else None, ended_at=_at(ended_on) if ended_on else None,
    )  # fmt: skip


def test_period_of():
    assert period_of(year=2030) == period_of(start=dt.date(2030, 1, 1), end=dt.date(2030, 12, 31))
    with pytest.raises(ValueError):
        period_of(start=dt.date(2030, 2, 1), end=dt.date(2030, 1, 1))
    with pytest.raises(ValueError):
        period_of(year=2030, start=dt.date(2030, 2, 1))


def test_silver_volunteers_by_region(volunteer_factory, astana, organisation, django_assert_num_queries):
    sixty = volunteer_factory(age=60)  # Almaty
    volunteer_factory(age=50)  # Almaty: silver from this year's birthday
    volunteer_factory(age=49)  # not yet
    retired = volunteer_factory(age=45, is_retired=True)
    VolunteerProfile.objects.filter(user=retired).update(region=astana)
    erased = volunteer_factory(age=70)
    VolunteerProfile.objects.filter(user=erased).update(erased_at=timezone.now())
    User.objects.filter(pk=volunteer_factory(age=70).pk).update(is_active=False)
    Membership.objects.create(user=sixty, organisation=organisation)

    with django_assert_num_queries(1):
        assert silver_volunteers_by_region() == {"KZ-75": 2, "KZ-71": 1}
    assert silver_volunteers() == 3
    assert silver_volunteers(region=astana) == 1
    assert silver_volunteers(organisation=organisation) == 1
    # Last year (when all of them had registered): the one of fifty was forty-nine.
    VolunteerProfile.objects.update(created_at=timezone.now() - dt.timedelta(days=800))
    last_year = timezone.localdate().year - 1
    assert silver_volunteers_by_region(year=last_year) == {"KZ-75": 1, "KZ-71": 1}
    # Nobody had registered yet three years ago.
    assert silver_volunteers(year=last_year - 2) == 0


def test_clubs_by_status_audience_and_region(
    club_factory, astana, other_organisation, django_assert_num_queries
):
    def club(**extra):
        return club_factory(starts_on=SATURDAY, weeks=2, **extra)

    club()  # open, for boys, in Almaty
    club(status=ClubStatus.CLOSED, audience=Audience.GIRLS)
    club(status=ClubStatus.DRAFT)
    club(status=ClubStatus.CANCELLED)
    club(region=astana, audience=Audience.ALL, organisation=other_organisation)
    club_factory(starts_on=dt.date(2031, 1, 4), weeks=2)  # open, for boys, the next year

    with django_assert_num_queries(1):
        figures = clubs_figures()
    assert figures == {
        "by_status": {"draft": 1, "open": 3, "closed": 1, "cancelled": 1},
        "running": 4,
        "by_audience": {"boys": 2, "girls": 1, "all": 1},
        "by_region": {"KZ-75": 3, "KZ-71": 1},
    }
    assert clubs_figures(year=2030)["running"] == 3
    assert clubs_figures(year=2031)["by_audience"] == {"boys": 1, "girls": 0, "all": 0}
    assert clubs_figures(year=2029)["running"] == 0
    assert (
        clubs_figures(region=astana)["running"]
        == clubs_figures(organisation=other_organisation)["running"]
        == 1
    )


def test_children_enrolled_now_and_over_a_period(club_factory, other_organisation, django_assert_num_queries):
    woodwork = club_factory(starts_on=SATURDAY)
    sewing = club_factory(starts_on=SATURDAY, audience=Audience.ALL, organisation=other_organisation)
    today = timezone.localdate()
    before = today.year - 2
    _enrol(woodwork, "Айдос", enrolled_on=today)
    _enrol(sewing, " айдос ", enrolled_on=today)  # the same child in a second club: one child
    _enrol(woodwork, "Нұр", enrolled_on=today)
    _enrol(woodwork, "Ерке", status=EnrolmentStatus.WAITLISTED)
    _enrol(
        woodwork, "", status=EnrolmentStatus.WITHDRAWN, enrolled_on=dt.date(before, 9, 1),
        ended_on=dt.date(before, 12, 1),
    )  # fmt: skip

    with django_assert_num_queries(1):
        figures = children_enrolled()
    assert figures == {"enrolled": 3, "children": 2, "waitlisted": 1, "ever_enrolled": 4}
    assert children_enrolled(year=before)["ever_enrolled"] == 1
    assert children_enrolled(year=today.year)["ever_enrolled"] == 3
    assert children_enrolled(start=dt.date(before, 12, 2), end=dt.date(before, 12, 31))["ever_enrolled"] == 0
    assert children_enrolled(organisation=other_organisation) == {
        "enrolled": 1, "children": 1, "waitlisted": 0, "ever_enrolled": 1,
    }  # fmt: skip


def test_sessions_held(club_factory, astana, django_assert_num_queries):
    club = club_factory(starts_on=SATURDAY)
    first, second, third = club.sessions.order_by("date")[:3]
    children = [_enrol(club, name, enrolled_on=SATURDAY) for name in ("Айдос", "Нұр", "Ерке")]
    for session in (first, second, third):
        session.held_at = session.ends_at
        session.save(update_fields=["held_at"])
    third.cancelled_at = timezone.now()  # cancelled after attendance was taken: not counted
    third.save(update_fields=["cancelled_at"])
    marks = [(first, children[0], True), (first, children[1], True), (first, children[2], False)]
    marks += [(second, children[0], True), (third, children[1], True)]
    Attendance.objects.bulk_create(Attendance(session=s, enrolment=e, present=p) for s, e, p in marks)

    with django_assert_num_queries(2):
        assert sessions_held() == {"sessions": 2, "visits": 3}
    assert sessions_held(start=SATURDAY, end=SATURDAY) == {"sessions": 1, "visits": 2}
    assert sessions_held(year=2031) == {"sessions": 0, "visits": 0}
    assert sessions_held(region=astana)["sessions"] == 0


def test_masters_verified(master_factory, other_craft, astana, silver_factory, django_assert_num_queries):
    carver = master_factory()
    master_factory(volunteer=carver.volunteer, craft=other_craft)  # one person, two crafts
    far = master_factory(region=astana)
    master_factory(status=MasterStatus.APPLIED)
    master_factory(status=MasterStatus.DECLINED)
    far.decided_at = _at(dt.date(2031, 5, 1))
    far.save(update_fields=["decided_at"])

    with django_assert_num_queries(2):
        figures = masters_verified()
    assert figures == {"masters": 2, "by_craft": {"woodwork": 2, "sewing": 1}}
    assert masters_verified(end=dt.date(2031, 1, 1)) == {
        "masters": 1,
        "by_craft": {"woodwork": 1, "sewing": 1},
    }
    assert masters_verified(region=astana)["masters"] == 1


def test_masters_hours(
    master, master_factory, almaty, astana, organisation, other_organisation, django_assert_num_queries
):
    far = master_factory(region=astana, organisation=other_organisation)

    def credit(
        master, source, hours, day, *, kind=EntryKind.CLUB_HOURS, region=almaty, organisation=organisation
    ):
        ledger_hours_credit(
            volunteer=master.volunteer, hours=Decimal(hours), occurred_on=day, source=source,
            verified_by=None, kind=kind, organisation=organisation, region=region,
        )  # fmt: skip

    credit(master, "clubs.session:1:1", "2", SATURDAY)
    credit(master, "clubs.session:2:1", "2", SATURDAY + dt.timedelta(weeks=1))
    credit(master, "clubs.session:2:1", "1.5", SATURDAY + dt.timedelta(weeks=1))  # corrected: -0.5
    credit(master, "events.signup:9", "3", SATURDAY, kind=EntryKind.SHIFT_HOURS)  # not a club's
    credit(far, "clubs.session:3:2", "2", dt.date(2031, 1, 4), region=astana, organisation=other_organisation)

    with django_assert_num_queries(1):
        assert masters_hours() == Decimal("5.50")
    assert masters_hours(year=2030) == Decimal("3.50")
    assert masters_hours(region=astana) == masters_hours(organisation=other_organisation) == Decimal("2.00")
    assert masters_hours(year=2029) == Decimal(0)


def test_the_programme_figures_are_kept_a_few_minutes(master, django_assert_num_queries):
    figures = programme_figures()
    assert figures == {
        "silver_volunteers": 1,
        "clubs": 0,
        "children": 0,
        "sessions": 0,
        "masters": 1,
        "hours": 0,
    }
    with django_assert_num_queries(0):
        assert programme_figures() == figures
