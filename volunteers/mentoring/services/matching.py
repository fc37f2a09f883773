"""Match runs and the coordinators' decisions on what they propose.

A run takes the mentees of one centre (or of the centres a coordinator has in one region) who still want a
mentor, the mentors of that region eligible on the start date with a free place, and asks the engine for the
pairs; each pair becomes a proposal (a Mentorship in status "proposed"). Nothing is final until a coordinator
approves it: approval locks the mentor, then the mentee, then the proposal, and checks everything again
(eligibility on the start date, the rules, both sides' places), because days may pass between the run and the
decision. Proposals do not hold places, so two runs may propose the same mentor; the first approval wins.

On a proposal, `started_on` is the planned start (the run's start date, or the one a coordinator gave); the
approval moves it to today when the plan is already past.
"""

import datetime as dt
import time
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from volunteers.audit import audit_log
from volunteers.mentoring import engine
from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.models import (
    HELD_STATUSES,
    OPEN_STATUSES,
    CentreRules,
    EndReason,
    GenderRule,
    MatchMode,
    MatchRun,
    MatchRunStatus,
    Mentee,
    Mentor,
    Mentorship,
    MentorshipStatus,
    Pool,
)
from volunteers.mentoring.permissions import centres_managed_by, mentees_visible_to
from volunteers.mentoring.services.eligibility import Eligibility, eligible_mentors, mentor_eligibility
from volunteers.models import Organisation, Region

# The hard constraints in words, for refusals and for the run page's unmatched mentees.
RULE_WORDS = {
    "region": _("the mentor lives in another region"),
    "language": _("no shared language"),
    "gender": _("the centre's rule of a mentor of the mentee's gender"),
    "age_gap_min": _("the age gap is below the centre's smallest"),
    "age_gap_max": _("the age gap is above the centre's largest"),
    "eligibility": _("the mentor's check or certificate ends before the start"),
    "self": _("a person cannot mentor themselves"),
    "pool": _("the mentor does not offer this programme"),
}
# Pairs a run never proposes again: those the coordinator rejected, and those that ended for these reasons.
NOT_AGAIN = (EndReason.NOT_A_FIT, EndReason.SAFEGUARDING)
# Unmatched mentees whose rules are explained mentor by mentor, at most this many checks a run.
EXPLAIN_BUDGET = 200_000


def rules_in_words(codes) -> str:
    return ", ".join(str(RULE_WORDS.get(code, code)) for code in codes)


# --- Adapters: the database's people as the engine's records -----------------------------------------------


def district_key(value: str) -> str:
    """Districts compare without case or extra spaces: "Medeu" is "medeu "."""
    return " ".join((value or "").split()).casefold()


def _profile(user):
    return getattr(user, "profile", None) if user is not None else None


def mentee_age(mentee: Mentee, on: dt.date) -> int | None:
    """The age a mentee reaches in the year of `on` (a child's record keeps only the year of birth); for a
    newcomer or a social worker without one, their profile's age."""
    if mentee.birth_year:
        return mentee.age(on)
    profile = _profile(mentee.volunteer) if mentee.volunteer_id else None
    return profile.age(on) if profile is not None else None


def engine_mentee(mentee: Mentee, rules: CentreRules | None, *, on: dt.date, demand: int | None = None):
    """`mentee` (with its organisation) as the engine sees it; `demand` is what is left of its demand."""
    return engine.Mentee(
        id=mentee.pk,
        region=mentee.organisation.region_id,
        languages=frozenset(mentee.languages or ()),
        interests=frozenset(mentee.interests or ()),
        availability=frozenset(mentee.availability or ()),
        district=district_key(rules.district if rules else ""),
        gender=mentee.gender or "",
        age=mentee_age(mentee, on),
        demand=mentee.demand if demand is None else demand,
        gender_rule=rules.gender_rule if rules else GenderRule.ANY,
        min_age_gap=rules.min_age_gap if rules else None,
        max_age_gap=rules.max_age_gap if rules else None,
    )


def engine_mentor(
    mentor: Mentor, eligibility: Eligibility | None, *, on: dt.date | None = None, capacity: int | None = None
):
    """`mentor` (with volunteer and profile) as the engine sees it; `capacity` is the room left."""
    profile = _profile(mentor.volunteer)
    return engine.Mentor(
        id=mentor.pk,
        region=mentor.region_id,
        languages=frozenset(mentor.languages or ()),
        interests=frozenset(mentor.interests or ()),
        availability=frozenset(mentor.availability or ()),
        district=district_key(mentor.district),
        gender=(profile.gender if profile else "") or "",
        age=profile.age(on or timezone.localdate()) if profile else None,
        capacity=mentor.capacity if capacity is None else capacity,
        eligible_until=eligibility.until if eligibility is not None else None,
    )


def reasons_json(mentee: engine.Mentee, mentor: engine.Mentor) -> dict:
    why = engine.reasons(mentee, mentor)
    return {
        "languages": sorted(why.languages),
        "interests": sorted(why.interests),
        "same_district": why.same_district,
        "availability": sorted(why.availability),
        "age_gap": why.age_gap,
    }


def _rules_of(organisation_ids) -> dict[int, CentreRules]:
    return {
        rules.organisation_id: rules
        for rules in CentreRules.objects.filter(organisation_id__in=organisation_ids)
    }


def _counts(field: str, ids, statuses) -> dict[int, int]:
    rows = (
        Mentorship.objects.filter(**{f"{field}__in": list(ids)}, status__in=statuses)
        .order_by()
        .values_list(field)
        .annotate(count=Count("pk"))
    )
    return dict(rows)


def _not_again(mentee_ids) -> set[tuple[int, int]]:
    """(mentee, mentor) pairs a run must not propose: open ones (one open pair per couple), rejected ones,
    and those that ended as not a fit or for safeguarding."""
    rows = Mentorship.objects.filter(mentee_id__in=list(mentee_ids)).filter(
        Q(status__in=OPEN_STATUSES)
        | Q(status=MentorshipStatus.REJECTED)
        | Q(status=MentorshipStatus.ENDED, end_reason__in=NOT_AGAIN)
    )
    return set(rows.values_list("mentee_id", "mentor_id"))


# --- The run ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    region: Region
    centres: list[Organisation]
    organisation: Organisation | None  # None for a region's run


def match_scope(*, by, organisation=None, region=None) -> Scope:
    """One of `by`'s centres, or the centres `by` coordinates in `region`."""
    centres = centres_managed_by(by).filter(region__isnull=False).select_related("region")
    if organisation is not None:
        centre = centres.filter(pk=getattr(organisation, "pk", organisation)).first()
        if centre is None:
            raise MentoringError("match_scope", field="scope")
        return Scope(region=centre.region, centres=[centre], organisation=centre)
    if region is not None:
        found = list(centres.filter(region_id=getattr(region, "pk", region)).order_by("pk"))
        if found:
            return Scope(region=found[0].region, centres=found, organisation=None)
    raise MentoringError("match_scope", field="scope")


def _start_checked(start_on) -> dt.date:
    if not isinstance(start_on, dt.date) or start_on < timezone.localdate():
        raise MentoringError("match_start_past", field="start_on")
    return start_on


def _unmatched(mentees, mentors, remaining, before, after, paired, *, start) -> list[dict]:
    """Why each mentee who got fewer mentors than they want did: no mentor with a free place, none allowed
    (and by which rules, when cheap to tell), every allowed one rejected before, or taken by others."""
    found = []
    without = sum(1 for m in mentees if not before.get(m.id))
    explain = bool(mentors) and without * len(mentors) <= EXPLAIN_BUDGET
    for mentee in mentees:
        matched = paired.get(mentee.id, 0)
        if matched >= remaining[mentee.id]:
            continue
        entry = {"mentee": mentee.id, "matched": matched}
        if not mentors:
            entry["reason"] = "no_mentor"
        elif not before.get(mentee.id):
            entry["reason"] = "no_allowed"
            if explain:
                broken = Counter()
                for mentor in mentors:
                    broken.update(engine.violations(mentee, mentor, start=start))
                entry["rules"] = [code for code, _count in broken.most_common()]
        elif not after.get(mentee.id):
            entry["reason"] = "declined"
        else:
            entry["reason"] = "taken"
        found.append(entry)
    return found


@transaction.atomic
def match_run_create(
    *, by, pool: str, mode: str, start_on: dt.date, organisation=None, region=None
) -> MatchRun:
    """Run the engine over the scope's mentees who still want a mentor and store its pairs as proposals."""
    if pool not in Pool.values:
        raise MentoringError("match_pool", field="pool")
    if mode not in MatchMode.values:
        raise MentoringError("match_mode", field="mode")
    scope = match_scope(by=by, organisation=organisation, region=region)
    start_on = _start_checked(start_on)
    began = time.perf_counter()

    chosen = Mentee.objects.filter(organisation__in=scope.centres, pool=pool, archived_at__isnull=True)
    # Two runs over the same mentees take turns, so neither proposes a pair the other just proposed.
    list(chosen.select_for_update().order_by("pk").values_list("pk", flat=True))
    people = list(chosen.select_related("organisation", "volunteer__profile").order_by("pk"))
    taken = _counts("mentee_id", [m.pk for m in people], OPEN_STATUSES)
    remaining = {m.pk: m.demand - taken.get(m.pk, 0) for m in people}
    people = [m for m in people if remaining[m.pk] > 0]
    if not people:
        raise MentoringError("match_no_mentees", field="scope")
    rules = _rules_of([c.pk for c in scope.centres])
    mentees = [
        engine_mentee(m, rules.get(m.organisation_id), on=start_on, demand=remaining[m.pk]) for m in people
    ]

    found, eligibility = eligible_mentors(pool=pool, region_ids=[scope.region.pk], on=start_on)
    held = _counts("mentor_id", [m.pk for m in found], OPEN_STATUSES)
    mentors = [
        engine_mentor(m, eligibility[m.pk], on=start_on, capacity=m.capacity - held.get(m.pk, 0))
        for m in found
        if m.capacity > held.get(m.pk, 0)
    ]

    excluded = _not_again([m.pk for m in people])
    excluded |= {(m.pk, m.volunteer_id) for m in people if m.volunteer_id}
    per_mentee = Counter(mentee for mentee, _mentor in excluded)
    limit = settings.MENTORING_CANDIDATES + max(per_mentee.values(), default=0)
    edges = engine.candidates(mentees, mentors, start=start_on, limit=limit)
    before = Counter(edge.mentee for edge in edges)
    kept, after = [], Counter()
    for edge in edges:  # sorted by mentee, best first
        if (edge.mentee, edge.mentor) in excluded or after[edge.mentee] >= settings.MENTORING_CANDIDATES:
            continue
        kept.append(edge)
        after[edge.mentee] += 1
    solve = engine.match_optimal if mode == MatchMode.OPTIMAL else engine.match_stable
    pairs = solve(kept, mentees=mentees, mentors=mentors)

    run = MatchRun.objects.create(
        pool=pool, mode=mode, organisation=scope.organisation, region=scope.region, start_on=start_on,
        created_by=by,
    )  # fmt: skip
    by_mentee = {m.id: m for m in mentees}
    by_mentor = {m.id: m for m in mentors}
    organisation_of = {m.pk: m.organisation_id for m in people}
    Mentorship.objects.bulk_create(
        Mentorship(
            pool=pool,
            mentee_id=pair.mentee,
            mentor_id=pair.mentor,
            organisation_id=organisation_of[pair.mentee],
            run=run,
            status=MentorshipStatus.PROPOSED,
            score=pair.score,
            reasons=reasons_json(by_mentee[pair.mentee], by_mentor[pair.mentor]),
            proposed_by=by,
            started_on=start_on,
        )  # fmt: skip
        for pair in pairs
    )
    total = sum(pair.score for pair in pairs)
    paired = Counter(pair.mentee for pair in pairs)
    run.figures = {
        "mentees": len(mentees),
        "mentors": len(mentors),
        "candidates": len(kept),
        "pairs": len(pairs),
        "total": total,
        "mean": round(total / len(pairs), 1) if pairs else 0,
        "seconds": round(time.perf_counter() - began, 3),
        "unmatched": _unmatched(mentees, mentors, remaining, before, after, paired, start=start_on),
    }
    run.status = MatchRunStatus.DONE
    run.finished_at = timezone.now()
    run.save(update_fields=["figures", "status", "finished_at"])
    audit_log(
        actor=by, action="mentoring.match.run", run=run.pk, pool=pool, mode=mode,
        organisation=scope.organisation.pk if scope.organisation else None, region=scope.region.pk,
        pairs=len(pairs),
    )  # fmt: skip
    return run


# --- One pair: the checks every decision repeats ------------------------------------------------------------


def _visible_mentee(*, mentee: Mentee, by) -> None:
    if not mentees_visible_to(by).filter(pk=mentee.pk).exists():
        raise MentoringError("mentee_other_centre")
    if mentee.archived_at is not None:
        raise MentoringError("mentee_archived")


def _pair_checked(*, mentee: Mentee, mentor: Mentor, start: dt.date) -> tuple[engine.Mentee, engine.Mentor]:
    """The pair as the engine's records, once it is allowed on `start` and the mentor has a free place."""
    eligibility = mentor_eligibility(mentor=mentor, pool=mentee.pool, on=start)
    if "approval" in eligibility.missing:
        raise MentoringError("mentor_not_approved")
    if "pool" in eligibility.missing:
        raise MentoringError("pair_not_allowed", rules=rules_in_words(["pool"]))
    if "stage" in eligibility.missing:
        raise MentoringError("mentor_stage")
    if not eligibility.ok:
        raise MentoringError("mentor_ineligible", date=date_format(start, "SHORT_DATE_FORMAT"))
    rules = CentreRules.objects.filter(organisation_id=mentee.organisation_id).first()
    record = engine_mentee(mentee, rules, on=start)
    other = engine_mentor(mentor, eligibility, on=start)
    broken = engine.violations(record, other, start=start)
    if mentee.volunteer_id is not None and mentee.volunteer_id == mentor.pk:
        broken.append("self")
    if "eligibility" in broken:
        raise MentoringError("mentor_ineligible", date=date_format(start, "SHORT_DATE_FORMAT"))
    if broken:
        raise MentoringError("pair_not_allowed", rules=rules_in_words(broken))
    held = Mentorship.objects.filter(mentor=mentor, status__in=HELD_STATUSES).count()
    if held >= mentor.capacity:
        raise MentoringError("mentor_full", count=held, capacity=mentor.capacity)
    return record, other


def _mentee_room(mentee: Mentee) -> None:
    if Mentorship.objects.filter(mentee=mentee, status__in=HELD_STATUSES).count() >= mentee.demand:
        raise MentoringError("mentee_full")


def _lock_mentors(*ids) -> dict[int, Mentor]:
    # Always in the same order, mentors before the mentee before the proposal: no two decisions wait on
    # each other in a circle.
    mentors = (
        Mentor.objects.select_for_update(of=("self",))
        .select_related("volunteer__profile")
        .filter(pk__in=ids)
        .order_by("pk")
    )
    return {mentor.pk: mentor for mentor in mentors}


def _lock_mentee(pk: int) -> Mentee:
    return (
        Mentee.objects.select_for_update(of=("self",))
        .select_related("organisation", "volunteer__profile")
        .get(pk=pk)
    )


def _lock_proposal(pk: int) -> Mentorship:
    return Mentorship.objects.select_for_update().get(pk=pk)


def _planned_start(mentorship: Mentorship) -> dt.date:
    today = timezone.localdate()
    planned = mentorship.started_on or (mentorship.run.start_on if mentorship.run_id else today)
    return max(today, planned)


# --- Decisions ----------------------------------------------------------------------------------------------


def _approved_notify(mentorship_id: int) -> None:
    from volunteers.mentoring.tasks_matching import proposal_approved_mail_send

    transaction.on_commit(lambda: proposal_approved_mail_send.delay(mentorship_id), robust=True)


@transaction.atomic
def proposal_approve(*, mentorship: Mentorship, by) -> Mentorship:
    mentors = _lock_mentors(mentorship.mentor_id)
    mentee = _lock_mentee(mentorship.mentee_id)
    proposal = _lock_proposal(mentorship.pk)
    if proposal.status != MentorshipStatus.PROPOSED:
        raise MentoringError("proposal_decided")
    _visible_mentee(mentee=mentee, by=by)
    start = _planned_start(proposal)
    _pair_checked(mentee=mentee, mentor=mentors[proposal.mentor_id], start=start)
    _mentee_room(mentee)
    proposal.status = MentorshipStatus.ACTIVE
    proposal.started_on = start
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "started_on", "decided_by", "decided_at"])
    audit_log(
        actor=by, action="mentoring.proposal.approved", subject=mentors[proposal.mentor_id].volunteer,
        mentorship=proposal.pk, mentee=mentee.pk, run=proposal.run_id,
    )  # fmt: skip
    _approved_notify(proposal.pk)
    return proposal


def _reject(proposal: Mentorship, *, by, reason: str) -> None:
    proposal.status = MentorshipStatus.REJECTED
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.end_note = (reason or "").strip()[:300]
    proposal.save(update_fields=["status", "decided_by", "decided_at", "end_note"])


@transaction.atomic
def proposal_reject(*, mentorship: Mentorship, by, reason: str = "") -> Mentorship:
    proposal = _lock_proposal(mentorship.pk)
    if not mentees_visible_to(by).filter(pk=proposal.mentee_id).exists():
        raise MentoringError("mentee_other_centre")
    if proposal.status != MentorshipStatus.PROPOSED:
        raise MentoringError("proposal_decided")
    _reject(proposal, by=by, reason=reason)
    audit_log(
        actor=by, action="mentoring.proposal.rejected", mentorship=proposal.pk, mentee=proposal.mentee_id,
        mentor=proposal.mentor_id, run=proposal.run_id,
    )  # fmt: skip
    return proposal


def _open_pair(*, mentee: Mentee, mentor: Mentor) -> None:
    if Mentorship.objects.filter(mentee=mentee, mentor=mentor, status__in=OPEN_STATUSES).exists():
        raise MentoringError("pair_open", field="mentor")


def _propose(*, mentee, mentor, records, by, start, run_id=None) -> Mentorship:
    record, other = records
    return Mentorship.objects.create(
        pool=mentee.pool, mentee=mentee, mentor=mentor, organisation_id=mentee.organisation_id,
        run_id=run_id, status=MentorshipStatus.PROPOSED, score=engine.score(record, other),
        reasons=reasons_json(record, other), proposed_by=by, started_on=start,
    )  # fmt: skip


@transaction.atomic
def proposal_swap(*, mentorship: Mentorship, by, mentor: Mentor) -> Mentorship:
    """Reject `mentorship` and propose its mentee with `mentor` instead (same run, same planned start)."""
    if mentor is None or mentor.pk == mentorship.mentor_id:
        raise MentoringError("swap_mentor", field="mentor")
    mentors = _lock_mentors(mentorship.mentor_id, mentor.pk)
    if mentor.pk not in mentors:
        raise MentoringError("swap_mentor", field="mentor")
    mentee = _lock_mentee(mentorship.mentee_id)
    proposal = _lock_proposal(mentorship.pk)
    if proposal.status != MentorshipStatus.PROPOSED:
        raise MentoringError("proposal_decided")
    _visible_mentee(mentee=mentee, by=by)
    start = _planned_start(proposal)
    chosen = mentors[mentor.pk]
    records = _pair_checked(mentee=mentee, mentor=chosen, start=start)
    _open_pair(mentee=mentee, mentor=chosen)
    _reject(proposal, by=by, reason="swap")
    swapped = _propose(
        mentee=mentee, mentor=chosen, records=records, by=by, start=start, run_id=proposal.run_id
    )
    audit_log(
        actor=by, action="mentoring.proposal.swapped", mentorship=proposal.pk, replaced_by=swapped.pk,
        mentee=mentee.pk, mentor_from=proposal.mentor_id, mentor_to=chosen.pk, run=proposal.run_id,
    )  # fmt: skip
    return swapped


@transaction.atomic
def pair_propose(*, by, mentee: Mentee, mentor: Mentor, start_on: dt.date) -> Mentorship:
    """A coordinator's own proposal of a pair, with the same checks as an approval."""
    start_on = _start_checked(start_on)
    mentors = _lock_mentors(mentor.pk)
    if mentor.pk not in mentors:
        raise MentoringError("swap_mentor", field="mentor")
    mentee = _lock_mentee(mentee.pk)
    _visible_mentee(mentee=mentee, by=by)
    chosen = mentors[mentor.pk]
    records = _pair_checked(mentee=mentee, mentor=chosen, start=start_on)
    _mentee_room(mentee)
    _open_pair(mentee=mentee, mentor=chosen)
    proposal = _propose(mentee=mentee, mentor=chosen, records=records, by=by, start=start_on)
    audit_log(
        actor=by, action="mentoring.proposal.created", mentorship=proposal.pk, mentee=mentee.pk,
        mentor=chosen.pk,
    )  # fmt: skip
    return proposal


def proposals_approve_all(*, run: MatchRun, by) -> tuple[list[Mentorship], list[tuple[Mentorship, str]]]:
    """Approve every pair of `run` still proposed, best first, each in its own transaction: a refusal (the
    mentor is full since, a check expired) leaves the others approved. Returns (approved, [(pair, why)])."""
    proposals = list(
        Mentorship.objects.filter(
            run=run, status=MentorshipStatus.PROPOSED, mentee__in=mentees_visible_to(by)
        )
        .select_related("mentee", "mentor__volunteer")
        .order_by("-score", "pk")
    )
    approved, refused = [], []
    for proposal in proposals:
        try:
            approved.append(proposal_approve(mentorship=proposal, by=by))
        except MentoringError as error:
            refused.append((proposal, error.message))
    return approved, refused


# --- What the run page offers in a swap ---------------------------------------------------------------------


def swap_options(*, proposals, pool: str, region_id: int, on: dt.date, limit: int = 20) -> dict[int, list]:
    """For each proposal (of one pool and region), the other mentors allowed for its mentee who have a free
    place and are not already paired or rejected with it, best first: {proposal id: [(mentor, score)]}. A
    fixed number of queries however many proposals."""
    proposals = [p for p in proposals if p.status == MentorshipStatus.PROPOSED]
    if not proposals:
        return {}
    found, eligibility = eligible_mentors(pool=pool, region_ids=[region_id], on=on)
    held = _counts("mentor_id", [m.pk for m in found], HELD_STATUSES)
    room = {m.pk: m.capacity - held.get(m.pk, 0) for m in found}
    mentors = [
        engine_mentor(m, eligibility[m.pk], on=on, capacity=room[m.pk]) for m in found if room[m.pk] > 0
    ]
    rules = _rules_of({p.mentee.organisation_id for p in proposals})
    mentees = {}
    for proposal in proposals:
        mentees.setdefault(
            proposal.mentee_id,
            engine_mentee(proposal.mentee, rules.get(proposal.mentee.organisation_id), on=on),
        )
    excluded = defaultdict(set)
    for mentee_id, mentor_id in _not_again(mentees):
        excluded[mentee_id].add(mentor_id)
    for proposal in proposals:
        if proposal.mentee.volunteer_id:
            excluded[proposal.mentee_id].add(proposal.mentee.volunteer_id)
    extra = max((len(v) for v in excluded.values()), default=0)
    edges = engine.candidates(list(mentees.values()), mentors, start=on, limit=limit + extra)
    by_id = {m.pk: m for m in found}
    best = defaultdict(list)
    for edge in edges:
        if edge.mentor not in excluded[edge.mentee] and len(best[edge.mentee]) < limit:
            best[edge.mentee].append((by_id[edge.mentor], edge.score))
    return {p.pk: best.get(p.mentee_id, []) for p in proposals}
