"""Decisions on proposals at the same moment, with real concurrent transactions (PostgreSQL row locks): a
mentor's last place goes to one pair, a proposal is approved once."""

import pytest
from django.db import connection
from django.utils import timezone

from tests.events.test_concurrency import _together
from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.models import Mentorship, MentorshipStatus, Pool
from volunteers.mentoring.services.matching import match_run_create, pair_propose, proposal_approve
from volunteers.models import Membership

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (.ci/run runs it)"
    ),
]


def _approving(refusals):
    def work(item):
        proposal, by = item
        try:
            proposal_approve(mentorship=proposal, by=by)
        except MentoringError as error:
            refusals.append(error.code)

    return work


def test_two_coordinators_approving_the_last_place_of_a_mentor_make_one_pair(
    centre, other_centre, centre_coordinator, other_centre_coordinator, mentor_factory, mentee_factory
):
    mentor = mentor_factory(capacity=1)
    ours = mentee_factory(name="Ours")
    theirs = mentee_factory(name="Theirs", organisation=other_centre)
    today = timezone.localdate()
    first = match_run_create(
        by=centre_coordinator, pool=Pool.CHILDREN, mode="optimal", start_on=today, organisation=centre
    ).proposals.get()
    # Proposals hold no place: the other centre proposes the same mentor to its mentee.
    second = pair_propose(by=other_centre_coordinator, mentee=theirs, mentor=mentor, start_on=today)
    assert first.mentee == ours

    refusals = []
    errors = _together(
        _approving(refusals), [(first, centre_coordinator), (second, other_centre_coordinator)]
    )

    assert errors == []
    assert refusals == ["mentor_full"]
    assert Mentorship.objects.filter(mentor=mentor, status=MentorshipStatus.ACTIVE).count() == 1
    assert Mentorship.objects.filter(mentor=mentor, status=MentorshipStatus.PROPOSED).count() == 1


def test_the_same_proposal_approved_at_once_four_times_is_approved_once(
    centre, centre_coordinator, coordinator_factory, mentor_factory, mentee_factory
):
    colleague = coordinator_factory(centre, email="colleague@example.kz")
    assert Membership.objects.filter(organisation=centre).count() == 2
    mentor_factory(capacity=3)
    mentee_factory()
    proposal = match_run_create(
        by=centre_coordinator, pool=Pool.CHILDREN, mode="optimal", start_on=timezone.localdate(),
        organisation=centre,
    ).proposals.get()  # fmt: skip

    refusals = []
    people = [centre_coordinator, colleague, centre_coordinator, colleague]
    errors = _together(_approving(refusals), [(proposal, by) for by in people])

    assert errors == []
    assert sorted(refusals) == ["proposal_decided"] * 3
    proposal.refresh_from_db()
    assert proposal.status == MentorshipStatus.ACTIVE
    assert Mentorship.objects.filter(status=MentorshipStatus.ACTIVE).count() == 1
