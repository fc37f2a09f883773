"""Match runs and the decisions on their proposals, through the services: the engine's pairs become
proposals, a hard constraint is never broken, places are counted across runs, and every decision checks again
what may have changed since the run."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone, translation

from training.models import Certificate
from volunteers.mentoring import engine
from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.models import (
    BackgroundCheck,
    CentreRules,
    GenderRule,
    MatchRunStatus,
    Mentorship,
    MentorshipStatus,
    Pool,
)
from volunteers.mentoring.services.eligibility import eligible_mentors
from volunteers.mentoring.services.matching import (
    district_key,
    engine_mentee,
    engine_mentor,
    match_run_create,
    pair_propose,
    proposal_approve,
    proposal_reject,
    proposal_swap,
    proposals_approve_all,
)
from volunteers.models import (
    AuditEntry,
    Membership,
    Organisation,
    OrganisationKind,
    Region,
    Stage,
    StageStanding,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def run(by, centre, *, pool=Pool.CHILDREN, mode="optimal", start_on=None, **scope):
    if not scope:
        scope = {"organisation": centre}
    return match_run_create(by=by, pool=pool, mode=mode, start_on=start_on or TODAY(), **scope)


def pairs(run_):
    return set(run_.proposals.values_list("mentee_id", "mentor_id"))


def refused(code, call, **kwargs):
    with pytest.raises(MentoringError) as caught:
        call(**kwargs)
    assert caught.value.code == code, caught.value.code
    return caught.value


def test_a_centre_run_proposes_the_pairs_the_engine_finds(
    centre, centre_coordinator, mentor_factory, mentee_factory
):
    CentreRules.objects.create(organisation=centre, district="Medeu ")
    aruzhan = mentee_factory(name="Aruzhan", languages=("kk",), interests=("sport",))
    dima = mentee_factory(name="D. S.", gender="male", languages=("ru",), interests=("music",))
    sport = mentor_factory(languages=("kk",), interests=("sport", "music"), district="medeu")
    music = mentor_factory(languages=("ru", "kk"), interests=("music",), district="Bostandyk")

    done = run(centre_coordinator, centre)

    assert done.status == MatchRunStatus.DONE and done.finished_at is not None
    assert pairs(done) == {(aruzhan.pk, sport.pk), (dima.pk, music.pk)}
    found, eligibility = eligible_mentors(pool=Pool.CHILDREN, region_ids=[centre.region_id], on=TODAY())
    rules = CentreRules.objects.get(pk=centre.pk)
    expected = engine.match(
        [engine_mentee(m, rules, on=TODAY()) for m in (aruzhan, dima)],
        [engine_mentor(m, eligibility[m.pk], on=TODAY()) for m in found],
        start=TODAY(),
    )
    assert {(p.mentee, p.mentor, p.score) for p in expected} == set(
        done.proposals.values_list("mentee_id", "mentor_id", "score")
    )
    proposal = done.proposals.get(mentee=aruzhan)
    assert proposal.status == MentorshipStatus.PROPOSED and proposal.proposed_by == centre_coordinator
    assert proposal.organisation == centre and proposal.pool == Pool.CHILDREN
    assert proposal.reasons == {
        "languages": ["kk"],
        "interests": ["sport"],
        "same_district": True,  # "Medeu " is "medeu"
        "availability": ["sat-morning"],
        "age_gap": 18,
    }
    figures = done.figures
    assert (figures["mentees"], figures["mentors"], figures["pairs"]) == (2, 2, 2)
    assert figures["total"] == sum(p.score for p in expected) and figures["unmatched"] == []
    assert figures["mean"] == round(figures["total"] / 2, 1) and figures["seconds"] >= 0
    assert AuditEntry.objects.filter(action="mentoring.match.run", actor=centre_coordinator).count() == 1


def test_districts_compare_without_case_or_spaces():
    assert district_key("  Medeu ") == district_key("medeu") == "medeu"
    assert district_key("Almaly  district") == "almaly district"


def _expired_check(mentor_factory, **_):
    mentor = mentor_factory(check=False)
    BackgroundCheck.objects.create(
        mentor=mentor, issued_on=TODAY() - dt.timedelta(days=300), expires_on=TODAY() + dt.timedelta(days=10)
    )
    return mentor


def _lapsed_certificate(mentor_factory, **_):
    mentor = mentor_factory()
    # The certificate ends the day before the start date.
    Certificate.objects.filter(user=mentor.volunteer).update(expires_on=TODAY() + dt.timedelta(days=29))
    return mentor


def _no_check(mentor_factory, **_):
    return mentor_factory(check=False)


def _not_certified(mentor_factory, **_):
    return mentor_factory(certified=False)


def _other_region(mentor_factory, astana, **_):
    return mentor_factory(region=astana)


def _no_shared_language(mentor_factory, **_):
    return mentor_factory(languages=("en",))


def _other_gender(mentor_factory, centre, **_):
    CentreRules.objects.create(organisation=centre, gender_rule=GenderRule.SAME)
    return mentor_factory(gender="male")


def _too_young(mentor_factory, centre, **_):
    CentreRules.objects.create(organisation=centre, min_age_gap=15)
    return mentor_factory(age=25)  # 13 years older than the mentee


def _too_old(mentor_factory, centre, **_):
    CentreRules.objects.create(organisation=centre, max_age_gap=30)
    return mentor_factory(age=60)


def _not_approved(mentor_factory, **_):
    return mentor_factory(status="applied")


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_expired_check, "no_mentor"),
        (_lapsed_certificate, "no_mentor"),
        (_no_check, "no_mentor"),
        (_not_certified, "no_mentor"),
        (_other_region, "no_mentor"),
        (_not_approved, "no_mentor"),
        (_no_shared_language, "language"),
        (_other_gender, "gender"),
        (_too_young, "age_gap_min"),
        (_too_old, "age_gap_max"),
    ],
)
def test_a_run_never_proposes_a_pair_breaking_a_hard_constraint(
    make, reason, centre, centre_coordinator, mentor_factory, mentee_factory, astana
):
    mentee = mentee_factory(age=12, gender="female", languages=("kk",))
    bad = make(mentor_factory, centre=centre, astana=astana)

    done = run(centre_coordinator, centre, start_on=TODAY() + dt.timedelta(days=30))

    assert not done.proposals.filter(mentor=bad).exists()
    [unmatched] = done.figures["unmatched"]
    assert unmatched["mentee"] == mentee.pk
    if reason == "no_mentor":
        assert unmatched["reason"] == "no_mentor"
    else:
        assert unmatched["reason"] == "no_allowed" and unmatched["rules"] == [reason]


def test_the_good_mentor_is_proposed_beside_the_ineligible_ones(
    centre, centre_coordinator, mentor_factory, mentee_factory, astana
):
    mentee = mentee_factory()
    for make in (_expired_check, _lapsed_certificate, _other_region, _no_shared_language):
        make(mentor_factory, centre=centre, astana=astana)
    good = mentor_factory()
    done = run(centre_coordinator, centre, start_on=TODAY() + dt.timedelta(days=30))
    assert pairs(done) == {(mentee.pk, good.pk)}


def test_a_mentor_whose_place_is_held_gets_no_proposal_in_a_later_run(
    centre, centre_coordinator, mentor_factory, mentee_factory
):
    mentor = mentor_factory(capacity=1)
    first = mentee_factory(name="First")
    second = mentee_factory(name="Second")
    Mentorship.objects.create(
        pool=Pool.CHILDREN, mentee=first, mentor=mentor, organisation=centre, status=MentorshipStatus.ACTIVE,
        started_on=TODAY(),
    )  # fmt: skip

    done = run(centre_coordinator, centre)

    assert pairs(done) == set()
    assert done.figures["mentees"] == 1 and done.figures["mentors"] == 0
    assert done.figures["unmatched"] == [{"mentee": second.pk, "matched": 0, "reason": "no_mentor"}]


def test_a_mentor_with_two_places_and_one_held_gets_one_more(
    centre, centre_coordinator, mentor_factory, mentee_factory
):
    mentor = mentor_factory(capacity=2)
    held = mentee_factory(name="Held")
    Mentorship.objects.create(
        pool=Pool.CHILDREN, mentee=held, mentor=mentor, organisation=centre, status=MentorshipStatus.ACTIVE
    )
    others = [mentee_factory(name=f"M{n}") for n in range(3)]
    done = run(centre_coordinator, centre)
    assert len(pairs(done)) == 1 and done.proposals.get().mentee in others


def test_a_proposed_pair_is_not_proposed_again_and_nobody_left_is_refused(
    centre, centre_coordinator, mentor_factory, mentee_factory
):
    mentor_factory(capacity=3)
    mentee_factory()
    run(centre_coordinator, centre)
    refused("match_no_mentees", run, by=centre_coordinator, centre=centre)


def test_a_rejected_pair_is_not_proposed_again(centre, centre_coordinator, mentor_factory, mentee_factory):
    mentee = mentee_factory()
    first, second = mentor_factory(interests=("sport",)), mentor_factory(interests=())
    done = run(centre_coordinator, centre)
    proposal = done.proposals.get()
    assert proposal.mentor == first  # the better fit
    proposal_reject(mentorship=proposal, by=centre_coordinator, reason="They know each other")
    proposal.refresh_from_db()
    assert proposal.status == MentorshipStatus.REJECTED and proposal.end_note == "They know each other"
    assert AuditEntry.objects.filter(action="mentoring.proposal.rejected").count() == 1

    again = run(centre_coordinator, centre)
    assert pairs(again) == {(mentee.pk, second.pk)}
    proposal_reject(mentorship=again.proposals.get(), by=centre_coordinator)

    last = run(centre_coordinator, centre)
    assert pairs(last) == set()
    assert last.figures["unmatched"][0]["reason"] == "declined"


def test_approving_makes_the_pair_active_and_tells_the_mentor_in_their_language(
    centre, centre_coordinator, mentor_factory, mentee_factory, django_capture_on_commit_callbacks
):
    mentee = mentee_factory(name="Aruzhan")
    mentor = mentor_factory(language="ru")
    start = TODAY() + dt.timedelta(days=7)
    proposal = run(centre_coordinator, centre, start_on=start).proposals.get()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        approved = proposal_approve(mentorship=proposal, by=centre_coordinator)

    assert approved.status == MentorshipStatus.ACTIVE and approved.started_on == start
    assert approved.decided_by == centre_coordinator and approved.decided_at is not None
    entry = AuditEntry.objects.get(action="mentoring.proposal.approved")
    assert entry.subject == mentor.volunteer and entry.data["mentee"] == mentee.pk
    [message] = mail.outbox
    assert message.to == [mentor.volunteer.email]
    assert "Aruzhan" in message.subject and "Детский дом №1" in message.body
    assert "/ru/mentoring/" in message.body


def test_approving_a_proposal_whose_start_has_passed_starts_it_today(
    centre, centre_coordinator, mentor_factory, mentee_factory
):
    mentee_factory()
    mentor_factory()
    proposal = run(centre_coordinator, centre).proposals.get()
    Mentorship.objects.filter(pk=proposal.pk).update(started_on=TODAY() - dt.timedelta(days=3))
    proposal.run.start_on = TODAY() - dt.timedelta(days=3)
    proposal.run.save()
    assert proposal_approve(mentorship=proposal, by=centre_coordinator).started_on == TODAY()


def test_approving_twice_is_refused(centre, centre_coordinator, mentor_factory, mentee_factory):
    mentee_factory()
    mentor_factory()
    proposal = run(centre_coordinator, centre).proposals.get()
    proposal_approve(mentorship=proposal, by=centre_coordinator)
    refused("proposal_decided", proposal_approve, mentorship=proposal, by=centre_coordinator)
    refused("proposal_decided", proposal_reject, mentorship=proposal, by=centre_coordinator)
    assert Mentorship.objects.filter(status=MentorshipStatus.ACTIVE).count() == 1


def test_approving_when_the_mentor_became_full_is_refused(
    centre, centre_coordinator, mentor_factory, mentee_factory
):
    first, second = mentee_factory(name="First"), mentee_factory(name="Second")
    mentor = mentor_factory(capacity=1)
    proposal = run(centre_coordinator, centre).proposals.get()
    other = second if proposal.mentee == first else first
    # A coordinator's own proposal of the same mentor: proposals hold no place, approvals do.
    manual = pair_propose(by=centre_coordinator, mentee=other, mentor=mentor, start_on=TODAY())
    proposal_approve(mentorship=proposal, by=centre_coordinator)
    error = refused("mentor_full", proposal_approve, mentorship=manual, by=centre_coordinator)
    with translation.override("en"):
        assert error.message == "This mentor has no free place: they already mentor 1 of 1."


def test_approving_after_the_check_expired_before_the_start_is_refused(
    centre, centre_coordinator, mentor_factory, mentee_factory
):
    mentee_factory()
    mentor = mentor_factory()
    start = TODAY() + dt.timedelta(days=60)
    proposal = run(centre_coordinator, centre, start_on=start).proposals.get()
    BackgroundCheck.objects.filter(mentor=mentor).update(expires_on=TODAY() + dt.timedelta(days=30))
    error = refused("mentor_ineligible", proposal_approve, mentorship=proposal, by=centre_coordinator)
    assert error.params["date"]
    proposal.refresh_from_db()
    assert proposal.status == MentorshipStatus.PROPOSED


def test_approving_when_the_centre_changed_its_rules_is_refused_in_words(
    centre, centre_coordinator, mentor_factory, mentee_factory
):
    mentee_factory(gender="female")
    mentor_factory(gender="male")
    proposal = run(centre_coordinator, centre).proposals.get()
    CentreRules.objects.create(organisation=centre, gender_rule=GenderRule.SAME)
    with translation.override("en"):  # the rules are named in words of the language active at the refusal
        error = refused("pair_not_allowed", proposal_approve, mentorship=proposal, by=centre_coordinator)
        assert (
            error.message == "This pair breaks a rule: the centre's rule of a mentor of the mentee's gender."
        )


def test_approving_for_a_mentee_who_has_all_their_mentors_is_refused(
    centre, centre_coordinator, mentor_factory, mentee_factory
):
    mentee = mentee_factory(demand=1)
    first, second = mentor_factory(), mentor_factory()
    proposal = run(centre_coordinator, centre).proposals.get()
    other = second if proposal.mentor == first else first
    manual = pair_propose(by=centre_coordinator, mentee=mentee, mentor=other, start_on=TODAY())
    proposal_approve(mentorship=manual, by=centre_coordinator)
    refused("mentee_full", proposal_approve, mentorship=proposal, by=centre_coordinator)


def test_swapping_proposes_the_mentee_with_the_chosen_mentor(
    centre, centre_coordinator, mentor_factory, mentee_factory
):
    mentee = mentee_factory()
    best, other = mentor_factory(interests=("sport",)), mentor_factory(interests=())
    start = TODAY() + dt.timedelta(days=3)
    done = run(centre_coordinator, centre, start_on=start)
    proposal = done.proposals.get()
    assert proposal.mentor == best

    swapped = proposal_swap(mentorship=proposal, by=centre_coordinator, mentor=other)

    proposal.refresh_from_db()
    assert proposal.status == MentorshipStatus.REJECTED
    assert swapped.status == MentorshipStatus.PROPOSED and swapped.run == done and swapped.mentor == other
    assert swapped.mentee == mentee and swapped.started_on == start
    assert swapped.score == 10 + 5 + 5  # allowed, one shared language, one shared slot
    assert swapped.reasons["languages"] == ["kk"] and swapped.reasons["interests"] == []
    assert AuditEntry.objects.filter(action="mentoring.proposal.swapped").count() == 1
    refused("proposal_decided", proposal_swap, mentorship=proposal, by=centre_coordinator, mentor=other)


def test_swapping_to_a_mentor_breaking_a_rule_is_refused(
    centre, centre_coordinator, mentor_factory, mentee_factory, astana
):
    mentee_factory(languages=("kk",))
    mentor_factory(languages=("kk",))
    english = mentor_factory(languages=("en",))
    elsewhere = mentor_factory(region=astana)
    uncertified = mentor_factory(certified=False)
    proposal = run(centre_coordinator, centre).proposals.get()
    with translation.override("en"):
        error = refused(
            "pair_not_allowed", proposal_swap, mentorship=proposal, by=centre_coordinator, mentor=english
        )
        assert error.message == "This pair breaks a rule: no shared language."
    error = refused(
        "pair_not_allowed", proposal_swap, mentorship=proposal, by=centre_coordinator, mentor=elsewhere
    )
    assert error.params["rules"]
    refused(
        "mentor_ineligible", proposal_swap, mentorship=proposal, by=centre_coordinator, mentor=uncertified
    )
    refused("swap_mentor", proposal_swap, mentorship=proposal, by=centre_coordinator, mentor=proposal.mentor)
    proposal.refresh_from_db()
    assert proposal.status == MentorshipStatus.PROPOSED


def test_a_mentee_of_another_centre_is_refused(
    centre, other_centre, centre_coordinator, other_centre_coordinator, mentor_factory, mentee_factory
):
    theirs = mentee_factory(organisation=other_centre)
    mentor = mentor_factory()
    refused("match_scope", run, by=centre_coordinator, centre=centre, organisation=other_centre)
    refused("mentee_other_centre", pair_propose, by=centre_coordinator, mentee=theirs, mentor=mentor,
            start_on=TODAY())  # fmt: skip
    proposal = run(other_centre_coordinator, other_centre).proposals.get()
    refused("mentee_other_centre", proposal_approve, mentorship=proposal, by=centre_coordinator)
    refused("mentee_other_centre", proposal_reject, mentorship=proposal, by=centre_coordinator)
    approved, refusals = proposals_approve_all(run=proposal.run, by=centre_coordinator)
    assert approved == [] and refusals == []
    proposal.refresh_from_db()
    assert proposal.status == MentorshipStatus.PROPOSED


def test_a_manual_proposal_repeats_an_open_pair_no_more(
    centre, centre_coordinator, mentor_factory, mentee_factory
):
    mentee = mentee_factory(demand=2)
    mentor = mentor_factory()
    pair_propose(by=centre_coordinator, mentee=mentee, mentor=mentor, start_on=TODAY())
    refused("pair_open", pair_propose, by=centre_coordinator, mentee=mentee, mentor=mentor, start_on=TODAY())
    refused("match_start_past", pair_propose, by=centre_coordinator, mentee=mentee, mentor=mentor,
            start_on=TODAY() - dt.timedelta(days=1))  # fmt: skip


def test_a_run_refuses_a_start_in_the_past_and_an_unknown_scope(centre, centre_coordinator, mentee_factory):
    mentee_factory()
    refused(
        "match_start_past", run, by=centre_coordinator, centre=centre, start_on=TODAY() - dt.timedelta(days=1)
    )
    refused("match_scope", match_run_create, by=centre_coordinator, pool=Pool.CHILDREN, mode="optimal",
            start_on=TODAY())  # fmt: skip
    refused("match_pool", run, by=centre_coordinator, centre=centre, pool="pets")
    refused("match_mode", run, by=centre_coordinator, centre=centre, mode="greedy")


def test_a_region_run_covers_only_my_centres_in_that_region(
    centre,
    other_centre,
    centre_coordinator,
    coordinator_factory,
    mentor_factory,
    mentee_factory,
    almaty,
    astana,
):
    second = Organisation.objects.create(
        slug="second-home", kind=OrganisationKind.CHILDREN_HOME, region=almaty, name={"en": "Second home"}
    )
    far = Organisation.objects.create(
        slug="astana-home", kind=OrganisationKind.CHILDREN_HOME, region=astana, name={"en": "Astana home"}
    )
    Membership.objects.create(user=centre_coordinator, organisation=second, role="coordinator")
    Membership.objects.create(user=centre_coordinator, organisation=far, role="coordinator")
    mine = mentee_factory(organisation=centre, name="Mine")
    also_mine = mentee_factory(organisation=second, name="Also mine")
    not_mine = mentee_factory(organisation=other_centre, name="Not mine")
    far_away = mentee_factory(organisation=far, name="Far")
    for _n in range(4):
        mentor_factory()
    mentor_factory(region=astana)

    done = run(centre_coordinator, centre, region=almaty)

    assert done.organisation is None and done.region == almaty
    assert {mentee for mentee, _mentor in pairs(done)} == {mine.pk, also_mine.pk}
    assert not done.proposals.filter(mentee__in=[not_mine, far_away]).exists()
    assert {p.organisation_id for p in done.proposals.all()} == {centre.pk, second.pk}
    nowhere = Region.objects.exclude(pk__in=[almaty.pk, astana.pk]).first()
    refused("match_scope", run, by=centre_coordinator, centre=centre, region=nowhere)
    assert run(centre_coordinator, centre, region=astana).figures["mentees"] == 1


def test_newcomers_are_matched_with_volunteers_from_the_stage_on(
    centre_coordinator, centre, mentor_factory, mentee_factory, volunteer_factory, settings
):
    settings.MENTORING_NEWCOMERS_MIN_STAGE = 3
    experienced = mentor_factory(pools=(Pool.NEWCOMERS,), check=False, certified=False)
    active = mentor_factory(pools=(Pool.NEWCOMERS,), check=False, certified=False)
    nobody = mentor_factory(pools=(Pool.NEWCOMERS,), check=False, certified=False)
    StageStanding.objects.create(volunteer=experienced.volunteer, stage=Stage.objects.get(position=3))
    StageStanding.objects.create(volunteer=active.volunteer, stage=Stage.objects.get(position=2))
    newcomer = volunteer_factory(age=19)
    mentee = mentee_factory(
        pool=Pool.NEWCOMERS, volunteer=newcomer, age=None, needs=("first_steps",), demand=1
    )

    done = run(centre_coordinator, centre, pool=Pool.NEWCOMERS)

    assert pairs(done) == {(mentee.pk, experienced.pk)}
    assert done.proposals.get().reasons["age_gap"] == 11  # from the newcomer's profile
    refused(
        "mentor_stage", proposal_swap, mentorship=done.proposals.get(), by=centre_coordinator, mentor=active
    )
    refused(
        "mentor_stage", proposal_swap, mentorship=done.proposals.get(), by=centre_coordinator, mentor=nobody
    )


def test_a_social_worker_wanting_two_volunteers_gets_two(
    centre_coordinator, centre, mentor_factory, mentee_factory, volunteer_factory
):
    team = [mentor_factory(pools=(Pool.HOME_VISITS,), certified=False) for _n in range(3)]
    mentor_factory(pools=(Pool.HOME_VISITS,), certified=False, check=False)  # home visits need the check
    worker = mentee_factory(
        pool=Pool.HOME_VISITS, name="Social worker", volunteer=volunteer_factory(age=40), age=None, demand=2,
        needs=("home_help",),
    )  # fmt: skip

    done = run(centre_coordinator, centre, pool=Pool.HOME_VISITS)

    proposed = [mentor for mentee, mentor in pairs(done) if mentee == worker.pk]
    assert len(proposed) == 2 and set(proposed) <= {m.pk for m in team}
    approved, refusals = proposals_approve_all(run=done, by=centre_coordinator)
    assert len(approved) == 2 and refusals == []
    refused("match_no_mentees", run, by=centre_coordinator, centre=centre, pool=Pool.HOME_VISITS)


def test_the_stable_mode_works_end_to_end(centre, centre_coordinator, mentor_factory, mentee_factory):
    mentees = [
        mentee_factory(name="A", interests=("sport",)),
        mentee_factory(name="B", interests=("music",)),
        mentee_factory(name="C", interests=("art",), languages=("ru",)),
    ]
    mentors = [
        mentor_factory(interests=("sport", "music")),
        mentor_factory(interests=("music",), languages=("kk",)),
        mentor_factory(interests=("art",), languages=("ru",)),
    ]
    done = run(centre_coordinator, centre, mode="stable")
    assert done.mode == "stable" and done.status == MatchRunStatus.DONE
    found, eligibility = eligible_mentors(pool=Pool.CHILDREN, region_ids=[centre.region_id], on=TODAY())
    records = [engine_mentee(m, None, on=TODAY()) for m in mentees]
    others = [engine_mentor(m, eligibility[m.pk], on=TODAY()) for m in found]
    expected = engine.match(records, others, start=TODAY(), mode="stable")
    assert pairs(done) == {(p.mentee, p.mentor) for p in expected}
    assert len(pairs(done)) == 3
    approved, refusals = proposals_approve_all(run=done, by=centre_coordinator)
    assert len(approved) == 3 and refusals == []
    assert set(Mentorship.objects.filter(status="active").values_list("mentor_id", flat=True)) == {
        m.pk for m in mentors
    }


def test_approve_all_approves_what_it_can_and_says_why_not_for_the_rest(
    centre, centre_coordinator, mentor_factory, mentee_factory
):
    first, second = mentee_factory(name="First"), mentee_factory(name="Second")
    mentor = mentor_factory(capacity=1)
    spare = mentor_factory(capacity=1, languages=("ru",))  # fits nobody
    done = run(centre_coordinator, centre)
    taken = done.proposals.get()
    other = second if taken.mentee == first else first
    manual = pair_propose(by=centre_coordinator, mentee=other, mentor=mentor, start_on=TODAY())
    Mentorship.objects.filter(pk=manual.pk).update(run=done, score=1)

    with translation.override("en"):
        approved, refusals = proposals_approve_all(run=done, by=centre_coordinator)

    assert [p.pk for p in approved] == [taken.pk]
    [(pair, why)] = refusals
    assert pair.pk == manual.pk
    with translation.override("en"):
        assert str(why) == "This mentor has no free place: they already mentor 1 of 1."
    assert not Mentorship.objects.filter(mentor=spare).exists()
