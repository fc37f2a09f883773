"""Volunteer of the year through HTTP: the public page in each phase of a round, the vote button, and the
coordinators' nominations page with its permission matrix; query budgets that do not grow with the lists."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from volunteers.models import Membership, MembershipRole, Nomination, VolunteerProfile, Vote
from volunteers.services.recognition import RecognitionError, nomination_create, vote_cast

pytestmark = pytest.mark.django_db

CITATION = "Cleaned the Ile river banks every Saturday and led twelve newcomers."


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def make_round(year=None):
    opens = timezone.now() + dt.timedelta(days=1)
    from volunteers.models import AwardRound

    return AwardRound.objects.create(
        year=year or timezone.localdate().year,
        voting_opens_at=opens,
        voting_closes_at=opens + dt.timedelta(days=7),
    )


def member(volunteer_factory, organisation, first="Aigerim", last="Seitkali"):
    user = volunteer_factory()
    user.first_name, user.last_name = first, last
    user.save(update_fields=["first_name", "last_name"])
    Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.VOLUNTEER)
    return user


def nominate(award_round, coordinator, organisation, volunteer):
    return nomination_create(
        actor=coordinator,
        round=award_round,
        volunteer=volunteer,
        organisation=organisation,
        citation=CITATION,
    )


def voting(award_round):
    return time_machine.travel(award_round.voting_opens_at + dt.timedelta(hours=1), tick=False)


def closed(award_round):
    return time_machine.travel(award_round.voting_closes_at + dt.timedelta(minutes=1), tick=False)


@pytest.fixture
def award(organisation, coordinator, volunteer_factory):
    award_round = make_round()
    nominee = member(volunteer_factory, organisation)
    return {"round": award_round, "nomination": nominate(award_round, coordinator, organisation, nominee)}


# --- The public page ----------------------------------------------------------------------------------------


def test_no_round_yet(client, seeded):
    page = client.get(url("volunteer_of_the_year")).content.decode()
    assert "No Volunteer of the year round has been announced yet." in page


def test_while_nominations_are_open_the_nominees_show_without_a_vote(client, award, volunteer):
    client.force_login(volunteer)
    page = client.get(url("volunteer_of_the_year")).content.decode()
    assert "Nominations are open" in page
    assert "Aigerim S." in page and "Seitkali" not in page and CITATION in page and "Steppe Care" in page
    assert "Vote for" not in page


def test_a_verified_volunteer_votes_once_and_sees_for_whom(client, award, volunteer):
    nomination = award["nomination"]
    client.force_login(volunteer)
    with voting(award["round"]):
        page = client.get(url("volunteer_of_the_year")).content.decode()
        assert "Vote for Aigerim S." in page and "votes in all" not in page
        response = client.post(url("volunteer_of_the_year_vote"), {"nomination": nomination.pk})
        assert response.status_code == 302
        assert response["Location"] == f"{url('volunteer_of_the_year')}?year={award['round'].year}"
        page = client.get(response["Location"]).content.decode()
        assert "You voted for Aigerim S." in page and "Vote for" not in page
        response = client.post(url("volunteer_of_the_year_vote"), {"nomination": nomination.pk}, follow=True)
        assert "You have already voted this year." in response.content.decode()
    assert Vote.objects.count() == 1


def test_anonymous_voters_go_to_sign_in_and_unverified_ones_are_told_to_confirm(client, award, user_factory):
    nomination = award["nomination"]
    with voting(award["round"]):
        response = client.post(url("volunteer_of_the_year_vote"), {"nomination": nomination.pk})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        client.force_login(user_factory(email="new@example.kz", verified=False))
        assert "confirm your e-mail address" in client.get(url("volunteer_of_the_year")).content.decode()
        response = client.post(url("volunteer_of_the_year_vote"), {"nomination": nomination.pk}, follow=True)
        assert "Confirm your e-mail address to vote" in response.content.decode()
        response = client.post(
            url("volunteer_of_the_year_vote", "ru"), {"nomination": nomination.pk}, follow=True
        )
        with translation.override("ru"):
            assert str(RecognitionError("unverified").message) in response.content.decode()
    assert not Vote.objects.exists()


def test_results_show_only_after_the_vote_closes(client, award, organisation, coordinator, volunteer_factory):
    second = nominate(
        award["round"], coordinator, organisation, member(volunteer_factory, organisation, "Bolat", "N")
    )
    with voting(award["round"]):
        for _i in range(2):
            vote_cast(voter=volunteer_factory(), nomination=second)
        vote_cast(voter=volunteer_factory(), nomination=award["nomination"])
        page = client.get(url("volunteer_of_the_year")).content.decode()
        assert "Results" not in page and "votes in all" not in page and "Volunteer of the year is" not in page
    with closed(award["round"]):
        page = client.get(url("volunteer_of_the_year")).content.decode()
    assert "The Volunteer of the year is Bolat N." in page and "3 votes in all" in page
    assert page.index("Bolat N.") < page.index("Aigerim S.")
    assert "Vote for" not in page


def test_bad_addresses_are_refused_without_errors(client, award):
    assert client.get(url("volunteer_of_the_year") + "?year=abc").status_code == 200
    assert client.get(url("volunteer_of_the_year") + "?year=1990").status_code == 404
    assert client.get(url("volunteer_of_the_year") + f"?year={award['round'].year}").status_code == 200
    assert client.get(url("volunteer_of_the_year_vote")).status_code == 405
    assert client.post(url("volunteer_of_the_year_vote"), {"nomination": "x"}).status_code == 404
    assert client.post(url("volunteer_of_the_year_vote"), {"nomination": "999999"}).status_code == 404


def test_a_withdrawn_nomination_is_not_shown(client, award, coordinator):
    client.force_login(coordinator)
    client.post(url("coordinator_nomination_withdraw", nomination_id=award["nomination"].pk))
    assert "Aigerim S." not in client.get(url("volunteer_of_the_year")).content.decode()


# --- The coordinators' page --------------------------------------------------------------------------------


def test_a_coordinator_nominates_by_email_or_phone(client, organisation, coordinator, volunteer_factory):
    award_round = make_round()
    by_email = member(volunteer_factory, organisation)
    by_phone = member(volunteer_factory, organisation, "Bolat", "Nurlanov")
    VolunteerProfile.objects.filter(user=by_phone).update(phone="+77011234567")
    client.force_login(coordinator)
    page = client.get(url("coordinator_nominations")).content.decode()
    assert 'name="volunteer"' in page and 'name="citation"' in page
    data = {"organisation": organisation.pk, "citation": CITATION}
    assert (
        client.post(url("coordinator_nominations"), {**data, "volunteer": by_email.email.upper()}).status_code
        == 302
    )
    assert (
        client.post(url("coordinator_nominations"), {**data, "volunteer": "8 701 123 45 67"}).status_code
        == 302
    )
    assert set(Nomination.objects.values_list("volunteer", "round")) == {
        (by_email.pk, award_round.pk), (by_phone.pk, award_round.pk),
    }  # fmt: skip
    page = client.get(url("coordinator_nominations")).content.decode()
    assert "Bolat Nurlanov" in page and CITATION in page


def test_nomination_errors_show_next_to_the_fields(
    client, organisation, other_organisation, coordinator, volunteer_factory
):
    make_round()
    outsider = volunteer_factory()
    nominee = member(volunteer_factory, organisation)
    client.force_login(coordinator)
    response = client.post(
        url("coordinator_nominations"),
        {"organisation": organisation.pk, "volunteer": outsider.email, "citation": CITATION},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "None of the volunteers you coordinate has this e-mail address or phone number." in page
    response = client.post(
        url("coordinator_nominations", "ru"),
        {"organisation": organisation.pk, "volunteer": nominee.email, "citation": "Short"},
    )
    assert response.status_code == 400 and "Short" in response.content.decode()
    with translation.override("ru"):
        expected = str(RecognitionError("citation_length", min=20, max=1000).message)
    assert expected in response.content.decode()
    response = client.post(
        url("coordinator_nominations"),
        {"organisation": other_organisation.pk, "volunteer": nominee.email, "citation": CITATION},
    )
    assert response.status_code == 400 and 'name="organisation"' in response.content.decode()
    nominate_twice = {"organisation": organisation.pk, "volunteer": nominee.email, "citation": CITATION}
    assert client.post(url("coordinator_nominations"), nominate_twice).status_code == 302
    response = client.post(url("coordinator_nominations"), nominate_twice)
    assert "This volunteer is already nominated in this round." in response.content.decode()
    assert Nomination.objects.count() == 1


def test_once_the_vote_opens_the_form_is_gone_and_a_post_is_refused(client, award, coordinator, organisation):
    client.force_login(coordinator)
    with voting(award["round"]):
        page = client.get(url("coordinator_nominations")).content.decode()
        assert "are closed" in page and 'name="citation"' not in page
        response = client.post(url("coordinator_nominations"), {"organisation": organisation.pk}, follow=True)
        assert "Nominations for this round are closed" in response.content.decode()
        assert "Withdraw the nomination" in page


# fmt: off
MATRIX = {
    #  role            page                 withdraw A's           withdraw B's
    "anonymous":       ("302: sign in",     "302: sign in",        "302: sign in"),
    "volunteer":       ("403: not staff",   "403: not staff",      "403: not staff"),
    "coordinator_a":   ("200: sees A",      "302: withdrawn",      "404: not theirs"),
    "coordinator_b":   ("200: sees B",      "404: not theirs",     "302: withdrawn"),
    "admin":           ("200: sees A B",    "302: withdrawn",      "302: withdrawn"),
}
# fmt: on


@pytest.mark.parametrize("role", MATRIX)
def test_who_may_see_and_withdraw_which_nomination(
    client, role, volunteer_factory, organisation, other_organisation, coordinator_factory, user_factory
):
    page_outcome, *withdraw_outcomes = MATRIX[role]
    award_round = make_round()
    coordinators = {"a": coordinator_factory(organisation), "b": coordinator_factory(other_organisation)}
    nominations = {
        "a": nominate(award_round, coordinators["a"], organisation, member(volunteer_factory, organisation)),
        "b": nominate(
            award_round, coordinators["b"], other_organisation, member(volunteer_factory, other_organisation)
        ),
    }
    people = {
        "volunteer": lambda: volunteer_factory(),
        "coordinator_a": lambda: coordinators["a"],
        "coordinator_b": lambda: coordinators["b"],
        "admin": lambda: user_factory(email="admin@example.kz", is_superuser=True, is_staff=True),
    }
    if role in people:
        client.force_login(people[role]())

    response = client.get(url("coordinator_nominations"))
    assert response.status_code == int(page_outcome[:3])
    page = response.content.decode()
    for key in "ab":
        assert (f'id="nomination-{nominations[key].pk}"' in page) == (f" {key.upper()}" in page_outcome)

    for key, outcome in zip("ab", withdraw_outcomes, strict=True):
        response = client.post(url("coordinator_nomination_withdraw", nomination_id=nominations[key].pk))
        assert response.status_code == int(outcome[:3])
        nominations[key].refresh_from_db()
        assert (nominations[key].withdrawn_at is not None) == outcome.endswith("withdrawn")


def test_withdrawing_is_a_post(client, award, coordinator):
    client.force_login(coordinator)
    assert (
        client.get(url("coordinator_nomination_withdraw", nomination_id=award["nomination"].pk)).status_code
        == 405
    )


# --- Query budgets ------------------------------------------------------------------------------------------


def _queries(client, address):
    client.get(address)  # the site's settings and menus are cached after the first request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_query_counts_do_not_grow_with_the_nominees(client, organisation, coordinator, volunteer_factory):
    award_round = make_round()
    voter = volunteer_factory()
    nominate(award_round, coordinator, organisation, member(volunteer_factory, organisation, "First"))
    client.force_login(voter)
    with voting(award_round):
        public_one, _page = _queries(client, url("volunteer_of_the_year"))
    client.force_login(coordinator)
    coordinator_one, _page = _queries(client, url("coordinator_nominations"))
    for number in range(8):
        nominate(
            award_round, coordinator, organisation, member(volunteer_factory, organisation, f"N{number}")
        )
    coordinator_many, page = _queries(client, url("coordinator_nominations"))
    assert page.count('id="nomination-') == 9 and coordinator_many == coordinator_one
    client.force_login(voter)
    with voting(award_round):
        public_many, page = _queries(client, url("volunteer_of_the_year"))
        assert page.count("Vote for ") == 9 and public_many == public_one
        vote_cast(voter=volunteer_factory(), nomination=Nomination.objects.first())
    with closed(award_round):
        results_many, page = _queries(client, url("volunteer_of_the_year"))
    assert "1 vote in all" in page and results_many <= public_many
