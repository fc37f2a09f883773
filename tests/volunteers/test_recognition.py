"""Volunteer of the year through its services: who may nominate whom and when, the vote's rules (one vote per
verified account a year, also under concurrency), and results hidden until the vote closes."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.utils import timezone, translation

from volunteers.models import AuditEntry, AwardRound, Membership, MembershipRole, Nomination, Vote
from volunteers.services.recognition import (
    RecognitionError,
    nomination_create,
    nomination_withdraw,
    round_results,
    vote_cast,
)

pytestmark = pytest.mark.django_db

CITATION = "Cleaned the Ile river banks every Saturday and led twelve newcomers."


def refused(code, call, **kwargs):
    with pytest.raises(RecognitionError) as caught:
        call(**kwargs)
    assert caught.value.code == code, caught.value.code
    assert str(caught.value.message)
    return caught.value


def make_round(year=None, opens_in=dt.timedelta(days=1), lasts=dt.timedelta(days=7)):
    opens = timezone.now() + opens_in
    return AwardRound.objects.create(
        year=year or timezone.localdate().year, voting_opens_at=opens, voting_closes_at=opens + lasts
    )


def member(volunteer, organisation):
    Membership.objects.create(user=volunteer, organisation=organisation, role=MembershipRole.VOLUNTEER)
    return volunteer


def named(user, first_name, last_name):
    user.first_name, user.last_name = first_name, last_name
    user.save(update_fields=["first_name", "last_name"])
    return user


def voting(award_round):
    return time_machine.travel(award_round.voting_opens_at + dt.timedelta(hours=1), tick=False)


def closed(award_round):
    return time_machine.travel(award_round.voting_closes_at + dt.timedelta(seconds=1), tick=False)


@pytest.fixture
def world(volunteer_factory, organisation, other_organisation, coordinator, coordinator_factory):
    award_round = make_round()
    nominee = member(named(volunteer_factory(), "Aigerim", "Seitkali"), organisation)
    nomination = nomination_create(
        actor=coordinator, round=award_round, volunteer=nominee, organisation=organisation, citation=CITATION
    )
    return {
        "round": award_round,
        "nominee": nominee,
        "nomination": nomination,
        "coordinator": coordinator,
        "stranger": coordinator_factory(other_organisation),
    }


# --- Nominations --------------------------------------------------------------------------------------------


def test_a_coordinator_nominates_a_volunteer_of_their_organisation(world, organisation):
    nomination = world["nomination"]
    assert (nomination.volunteer, nomination.organisation, nomination.nominated_by) == (
        world["nominee"], organisation, world["coordinator"],
    )  # fmt: skip
    assert nomination.citation == CITATION
    assert AuditEntry.objects.filter(action="volunteers.nomination.created").count() == 1


def test_nomination_rules(world, organisation, other_organisation, volunteer_factory, coordinator):
    award_round, nominee, stranger = world["round"], world["nominee"], world["stranger"]
    other = member(volunteer_factory(), organisation)
    outsider = volunteer_factory()  # a member of no organisation the coordinator coordinates

    def nominate(actor=coordinator, volunteer=other, org=organisation, citation=CITATION):
        return nomination_create(
            actor=actor, round=award_round, volunteer=volunteer, organisation=org, citation=citation
        )

    error = refused("already_nominated", nominate, volunteer=nominee)
    assert error.field == "volunteer"
    assert refused("not_your_organisation", nominate, org=other_organisation).field == "organisation"
    assert refused("volunteer_unknown", nominate, volunteer=outsider).field == "volunteer"
    refused("volunteer_unknown", nominate, actor=stranger, org=other_organisation)
    assert refused("citation_length", nominate, citation="Too short.").field == "citation"
    refused("citation_length", nominate, citation="x" * 1001)
    refused("citation_length", nominate, citation="   " + "a" * 19 + "   ")
    nominate(citation="a" * 20)
    with voting(award_round):
        refused("nominations_closed", nominate, volunteer=member(volunteer_factory(), organisation))
    assert Nomination.objects.count() == 2


def test_a_coordinator_cannot_nominate_themselves(world, organisation, volunteer_factory):
    himself = member(volunteer_factory(), organisation)
    Membership.objects.filter(user=himself).update(role=MembershipRole.COORDINATOR)
    refused(
        "nominate_self", nomination_create, actor=himself, round=world["round"], volunteer=himself,
        organisation=organisation, citation=CITATION,
    )  # fmt: skip


def test_withdrawn_then_nominated_again_reuses_the_one_row(world, organisation, coordinator):
    nomination_withdraw(actor=coordinator, nomination=world["nomination"])
    refused("nomination_withdrawn", nomination_withdraw, actor=coordinator, nomination=world["nomination"])
    again = nomination_create(
        actor=coordinator, round=world["round"], volunteer=world["nominee"], organisation=organisation,
        citation="Nominated again: " + CITATION,
    )  # fmt: skip
    assert again.pk == world["nomination"].pk and again.withdrawn_at is None
    assert Nomination.objects.count() == 1


def test_another_organisation_cannot_withdraw_a_nomination(world):
    refused(
        "not_your_organisation", nomination_withdraw, actor=world["stranger"], nomination=world["nomination"]
    )
    assert Nomination.objects.get().withdrawn_at is None


# --- The vote -----------------------------------------------------------------------------------------------


def test_one_vote_per_account_a_year(world, volunteer_factory):
    voter = volunteer_factory()
    with voting(world["round"]):
        vote_cast(voter=voter, nomination=world["nomination"])
        error = refused("already_voted", vote_cast, voter=voter, nomination=world["nomination"])
    with translation.override("en"):
        assert str(error.message) == "You have already voted this year."
    assert Vote.objects.filter(voter=voter).count() == 1


def test_votes_only_while_the_vote_is_open(world, volunteer_factory):
    voter = volunteer_factory()
    refused("voting_not_open", vote_cast, voter=voter, nomination=world["nomination"])
    with closed(world["round"]):
        refused("voting_closed", vote_cast, voter=voter, nomination=world["nomination"])
    assert not Vote.objects.exists()


def test_an_unverified_account_cannot_vote(world, user_factory):
    voter = user_factory(email="new@example.kz", verified=False)
    phone_only = user_factory(email="phone@example.kz")
    phone_only.emailaddress_set.all().delete()
    with voting(world["round"]):
        refused("unverified", vote_cast, voter=voter, nomination=world["nomination"])
        refused("unverified", vote_cast, voter=phone_only, nomination=world["nomination"])
    assert not Vote.objects.exists()


def test_no_one_votes_for_themselves(world):
    with voting(world["round"]):
        refused("vote_self", vote_cast, voter=world["nominee"], nomination=world["nomination"])
    assert not Vote.objects.exists()


def test_a_withdrawn_nomination_gets_no_votes_and_its_votes_go_back(world, volunteer_factory, organisation):
    early, late = volunteer_factory(), volunteer_factory()
    second = nomination_create(
        actor=world["coordinator"], round=world["round"], volunteer=member(volunteer_factory(), organisation),
        organisation=organisation, citation=CITATION,
    )  # fmt: skip
    with voting(world["round"]):
        vote_cast(voter=early, nomination=world["nomination"])
        nomination_withdraw(actor=world["coordinator"], nomination=world["nomination"])
        refused("nomination_withdrawn", vote_cast, voter=late, nomination=world["nomination"])
        assert not Vote.objects.exists()
        vote_cast(voter=early, nomination=second)  # the vote came back to its voter
    assert list(Vote.objects.values_list("voter", "nomination")) == [(early.pk, second.pk)]


def test_withdrawing_ends_when_the_vote_closes(world):
    with closed(world["round"]):
        refused(
            "withdraw_closed", nomination_withdraw, actor=world["coordinator"], nomination=world["nomination"]
        )


# --- Results ------------------------------------------------------------------------------------------------


def test_results_are_hidden_until_the_vote_closes(world, volunteer_factory, organisation):
    second = nomination_create(
        actor=world["coordinator"], round=world["round"], volunteer=member(volunteer_factory(), organisation),
        organisation=organisation, citation=CITATION,
    )  # fmt: skip
    with voting(world["round"]):
        for _i in range(3):
            vote_cast(voter=volunteer_factory(), nomination=second)
        vote_cast(voter=volunteer_factory(), nomination=world["nomination"])
        assert round_results(world["round"]) is None
    with time_machine.travel(world["round"].voting_closes_at - dt.timedelta(seconds=1), tick=False):
        assert round_results(world["round"]) is None
    with closed(world["round"]):
        results = round_results(world["round"])
    assert [(nomination.pk, votes) for nomination, votes in results.rows] == [
        (second.pk, 3), (world["nomination"].pk, 1),
    ]  # fmt: skip
    assert results.winners == [second] and results.total == 4


def test_a_tie_has_several_winners_and_no_votes_no_winner(world, volunteer_factory, organisation):
    with closed(world["round"]):
        assert round_results(world["round"]).winners == []
    other_round = make_round(year=world["round"].year + 1, opens_in=dt.timedelta(days=30))
    first = nomination_create(
        actor=world["coordinator"], round=other_round, volunteer=world["nominee"], organisation=organisation,
        citation=CITATION,
    )  # fmt: skip
    second = nomination_create(
        actor=world["coordinator"], round=other_round, volunteer=member(volunteer_factory(), organisation),
        organisation=organisation, citation=CITATION,
    )  # fmt: skip
    with voting(other_round):
        vote_cast(voter=volunteer_factory(), nomination=first)
        vote_cast(voter=volunteer_factory(), nomination=second)
    with closed(other_round):
        assert {nomination.pk for nomination in round_results(other_round).winners} == {first.pk, second.pk}


# --- Concurrency (PostgreSQL) -------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL")
def test_eight_simultaneous_votes_by_one_voter_make_one_vote(world, volunteer_factory, organisation):
    from tests.events.test_concurrency import _together

    voter = volunteer_factory()
    second = nomination_create(
        actor=world["coordinator"], round=world["round"], volunteer=member(volunteer_factory(), organisation),
        organisation=organisation, citation=CITATION,
    )  # fmt: skip
    with voting(world["round"]):
        errors = _together(
            lambda nomination: vote_cast(voter=voter, nomination=nomination),
            [world["nomination"], second] * 4,
        )
    assert [error.code for error in errors] == ["already_voted"] * 7
    assert Vote.objects.filter(voter=voter).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL")
def test_a_withdrawal_racing_with_votes_leaves_no_vote_on_the_withdrawn_nomination(world, volunteer_factory):
    from tests.events.test_concurrency import _together

    voters = [volunteer_factory() for _i in range(7)]

    def act(actor):
        if actor is world["coordinator"]:
            nomination_withdraw(actor=actor, nomination=world["nomination"])
        else:
            vote_cast(voter=actor, nomination=world["nomination"])

    with voting(world["round"]):
        errors = _together(act, [world["coordinator"], *voters])
    assert {error.code for error in errors} <= {"nomination_withdrawn"}
    assert Nomination.objects.get().withdrawn_at is not None
    assert not Vote.objects.exists()
