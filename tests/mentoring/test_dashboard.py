# ruff: noqa: F811  (the tests take the fixtures imported from test_lifecycle as arguments)
"""The coordinator's dashboard and list of pairs: figures equal to a hand count on a small set, a number of
queries that does not grow with the pairs, and nothing of another centre."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.mentoring.test_lifecycle import pair_factory, url  # noqa: F401  (a fixture)
from volunteers.mentoring.models import BackgroundCheck, Meeting, MentorshipStatus, Pool
from volunteers.mentoring.selectors import at_risk, dashboard

pytestmark = pytest.mark.django_db

# Mid-June of next year, so that "this month" and "earlier this year" both exist whatever the day of the run.
TODAY = dt.date(timezone.localdate().year + 1, 6, 15)


@pytest.fixture
def june():
    with time_machine.travel(timezone.make_aware(dt.datetime.combine(TODAY, dt.time(10))), tick=False):
        yield TODAY


def ago(days):
    return TODAY - dt.timedelta(days=days)


def meeting(pair, on, minutes, *, acknowledged=True, by=None):
    return Meeting.objects.create(
        mentorship=pair, occurred_on=on, minutes=minutes, topic="Reading", logged_by=pair.mentor.volunteer,
        acknowledged_by=by if acknowledged else None,
        acknowledged_at=timezone.now() if acknowledged else None,
    )  # fmt: skip


@pytest.fixture
def seeded_set(june, pair_factory, mentor_factory, mentee_factory, centre_coordinator, other_centre):
    """A centre's pairs in every state, a few meetings, and another centre's pair at risk."""
    steady = pair_factory(started=120, last_meeting_on=ago(3), name="Steady")
    meeting(steady, ago(3), 60)  # this month
    meeting(steady, TODAY.replace(day=1), 30)  # this month
    meeting(steady, TODAY.replace(month=3, day=10), 120)  # this year
    meeting(steady, TODAY.replace(year=TODAY.year - 1, month=12, day=20), 600)  # last year
    waiting = meeting(steady, ago(1), 45, acknowledged=False)
    lapsing = mentor_factory(check=False)
    BackgroundCheck.objects.create(mentor=lapsing, issued_on=ago(300), expires_on=ago(-10))
    quiet = pair_factory(mentor=lapsing, started=40, name="Quiet")  # no meeting for almost six weeks
    revoked = mentor_factory()
    BackgroundCheck.objects.filter(mentor=revoked).update(revoked_at=timezone.now())
    paused = pair_factory(mentor=revoked, status=MentorshipStatus.PAUSED, started=50, name="Paused")
    newcomers = mentor_factory(pools=(Pool.NEWCOMERS,), check=False, certified=False)
    pair_factory(mentor=newcomers, status=MentorshipStatus.PROPOSED, pool=Pool.NEWCOMERS, name="Proposed")
    pair_factory(status=MentorshipStatus.ENDED, name="Ended")
    mentee_factory(name="Alone")
    archived = mentee_factory(name="Archived")
    archived.archived_at = timezone.now()
    archived.save(update_fields=["archived_at"])
    elsewhere = pair_factory(
        mentor=mentor_factory(organisation=other_centre, check=False), organisation=other_centre,
        started=90, name="Elsewhere",
    )  # fmt: skip
    meeting(elsewhere, ago(80), 300, acknowledged=False)
    return {"steady": steady, "quiet": quiet, "paused": paused, "waiting": waiting, "lapsing": lapsing,
            "revoked": revoked, "elsewhere": elsewhere}  # fmt: skip


def test_the_figures_equal_the_hand_count(seeded_set, centre_coordinator):
    figures = dashboard(centre_coordinator, today=TODAY)
    assert (figures.active, figures.paused, figures.proposed) == (2, 1, 1)
    assert [pair.mentee.name for pair in figures.at_risk] == ["Quiet"] and figures.at_risk_count == 1
    assert figures.at_risk[0].weeks == 5
    assert figures.to_acknowledge == [seeded_set["waiting"]] and figures.to_acknowledge_count == 1
    assert figures.hours_month == 1.5  # 60 + 30 minutes
    assert figures.hours_year == 3.5  # and 120 in March; not last December's 600
    # Proposed, ended and never paired; not the archived one.
    assert figures.mentees_waiting == 3
    expiring = {mentor.pk: mentor.check_until for mentor in figures.checks_expiring}
    assert expiring == {seeded_set["revoked"].pk: None, seeded_set["lapsing"].pk: ago(-10)}


def test_another_centre_sees_only_its_own(seeded_set, other_centre_coordinator):
    figures = dashboard(other_centre_coordinator, today=TODAY)
    assert (figures.active, figures.paused, figures.proposed, figures.mentees_waiting) == (1, 0, 0, 0)
    assert [pair.mentee.name for pair in figures.at_risk] == ["Elsewhere"]
    assert figures.hours_year == 0 and figures.to_acknowledge_count == 1
    assert [mentor.pk for mentor in figures.checks_expiring] == [seeded_set["elsewhere"].mentor_id]


def test_the_dashboard_page(client, seeded_set, centre_coordinator):
    client.force_login(centre_coordinator)
    response = client.get(url("mentoring:dashboard"))
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "Quiet" in html and "5 weeks" in html
    assert url("mentoring:meeting_acknowledge", seeded_set["waiting"].pk) in html
    assert url("mentoring:meetings_acknowledge") in html and "Acknowledge the 1 meeting shown" in html
    assert "Elsewhere" not in html and "Archived" not in html


def test_the_pairs_list_and_its_filters(client, seeded_set, centre_coordinator, other_centre):
    client.force_login(centre_coordinator)

    def names(**query):
        response = client.get(url("mentoring:pairs"), query)
        assert response.status_code == 200
        return sorted(pair.mentee.name for pair in response.context["page"].object_list)

    assert names() == ["Ended", "Paused", "Proposed", "Quiet", "Steady"]
    assert names(status="paused") == ["Paused"]
    assert names(at_risk="on") == ["Quiet"]
    assert names(at_risk="on", status="paused") == []
    # Another centre's id is no filter of theirs: the form refuses it and shows only their own pairs.
    assert names(centre=other_centre.pk) == ["Ended", "Paused", "Proposed", "Quiet", "Steady"]
    assert names(status="nonsense", page="x") == ["Ended", "Paused", "Proposed", "Quiet", "Steady"]
    quiet = client.get(url("mentoring:pairs"), {"at_risk": "on"}).content.decode()
    assert "At risk" in quiet


def test_at_risk_is_one_query_over_many_centres_and_pairs(seeded_set, centre_coordinator):
    from volunteers.mentoring.models import Mentorship

    with CaptureQueriesContext(connection) as queries:
        names = sorted(pair.mentee.name for pair in at_risk(Mentorship.objects.select_related("mentee"),
                                                            today=TODAY))  # fmt: skip
    assert names == ["Elsewhere", "Quiet"] and len(queries) == 2  # the weeks in use, then the pairs


def _count(client, name, *args):
    client.get(url(name, *args))  # a first request fills the caches of the site's settings and menus
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(name, *args))
    assert response.status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_pairs(
    client,
    june,
    pair_factory,
    mentor_factory,
    centre_coordinator,
):
    def add(count):
        for _ in range(count):
            pair = pair_factory(started=60, mentor=mentor_factory())
            meeting(pair, ago(30), 60, acknowledged=False)
            meeting(pair, ago(40), 30, by=centre_coordinator)

    add(1)
    client.force_login(centre_coordinator)
    few = {name: _count(client, name) for name in ("mentoring:dashboard", "mentoring:pairs")}
    add(6)
    many = {name: _count(client, name) for name in ("mentoring:dashboard", "mentoring:pairs")}
    assert few == many


def test_the_mentors_page_does_not_grow_with_their_pairs(client, june, pair_factory, mentor_factory):
    mentor = mentor_factory(capacity=5)
    pair = pair_factory(mentor=mentor)
    meeting(pair, ago(2), 60, acknowledged=False)
    client.force_login(mentor.volunteer)
    few = _count(client, "mentoring:my_pairs")
    for status in (MentorshipStatus.ACTIVE, MentorshipStatus.PAUSED, MentorshipStatus.ENDED):
        other = pair_factory(mentor=mentor, status=status)
        meeting(other, ago(2), 30, acknowledged=False)
    assert _count(client, "mentoring:my_pairs") == few
