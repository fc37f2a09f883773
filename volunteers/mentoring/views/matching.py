"""The coordinators' matching pages: a new run, the runs, a run's proposals with why each pair, and the
decisions on them (approve, reject, swap, approve all). Someone else's run or proposal is a 404; a refusal
is a message on the run's page, never an error page."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from volunteers.audit import audit_log
from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.forms_matching import MatchRunForm, RejectForm, SwapForm
from volunteers.mentoring.models import Interest, Mentor, MentorshipStatus
from volunteers.mentoring.permissions import match_runs_visible_to, mentees_visible_to, mentorships_managed_by
from volunteers.mentoring.services.matching import (
    match_run_create,
    mentee_age,
    proposal_approve,
    proposal_reject,
    proposal_swap,
    proposals_approve_all,
    rules_in_words,
    swap_options,
)
from volunteers.models import Availability
from volunteers.models.profile import SPOKEN_LANGUAGES
from volunteers.permissions import staff_required

PAGE_SIZE = 20


# --- Why a pair, in words -----------------------------------------------------------------------------------


def _slot(code: str) -> str:
    day, _sep, part = code.partition("-")
    days, parts = dict(Availability.DAYS), dict(Availability.PARTS)
    if day not in days or part not in parts:
        return code
    return f"{days[day]}, {parts[part]}"


def reasons_words(reasons: dict) -> list[tuple[str, str]]:
    """A proposal's reasons as (what, in words) lines for the visitor's language."""
    languages, interests = dict(SPOKEN_LANGUAGES), dict(Interest.choices)
    lines = []
    shared = reasons.get("languages") or []
    lines.append((_("Languages"), ", ".join(str(languages.get(code, code)) for code in shared) or "—"))
    shared = reasons.get("interests") or []
    lines.append(
        (_("Interests"), ", ".join(str(interests.get(code, code)) for code in shared) or _("none shared"))
    )
    lines.append(
        (
            _("District"),
            _("the same district") if reasons.get("same_district") else _("not the same district"),
        )
    )
    shared = reasons.get("availability") or []
    lines.append(
        (_("Free at the same time"), "; ".join(_slot(code) for code in shared) or _("no common slot"))
    )
    gap = reasons.get("age_gap")
    if gap is not None and gap >= 0:
        lines.append(
            (_("Age gap"), ngettext("%(count)s year older", "%(count)s years older", gap) % {"count": gap})
        )
    elif gap is not None:
        lines.append(
            (
                _("Age gap"),
                ngettext("%(count)s year younger", "%(count)s years younger", -gap) % {"count": -gap},
            )
        )
    return lines


UNMATCHED_WORDS = {
    "no_mentor": _("no eligible mentor with a free place in the region"),
    "declined": _("every mentor who fits was rejected for this mentee before"),
    "taken": _("the mentors who fit went to other mentees"),
}


def _unmatched_words(entry: dict) -> str:
    if entry.get("reason") == "no_allowed":
        if entry.get("rules"):
            return _("no mentor fits the rules (%(rules)s)") % {"rules": rules_in_words(entry["rules"])}
        return _("no mentor fits the rules")
    return str(UNMATCHED_WORDS.get(entry.get("reason"), "—"))


# --- Pages --------------------------------------------------------------------------------------------------


@never_cache
@staff_required
def match_new(request):
    form = MatchRunForm(request.POST or None, user=request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            run = match_run_create(
                by=request.user,
                pool=data["pool"],
                mode=data["mode"],
                start_on=data["start_on"],
                **data["scope"],
            )
        except MentoringError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            pairs = run.figures.get("pairs", 0)
            messages.success(
                request,
                ngettext(
                    "The engine proposes %(count)s pair: approve, reject or swap it below.",
                    "The engine proposes %(count)s pairs: approve, reject or swap them below.",
                    pairs,
                )
                % {"count": pairs},
            )
            return redirect("mentoring:run", pk=run.pk)
    return render(request, "mentoring/matching/new.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@staff_required
def runs(request):
    found = match_runs_visible_to(request.user).select_related("organisation", "region", "created_by")
    page = Paginator(found.order_by("-created_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "mentoring/matching/runs.html", {"page": page})


def _run(request, pk):
    return get_object_or_404(
        match_runs_visible_to(request.user).select_related("organisation", "region", "created_by"), pk=pk
    )


@never_cache
@staff_required
def run_detail(request, pk: int):
    """A run's proposals: who with whom, the score and why, and the decisions. A fixed number of queries
    however many proposals."""
    run = _run(request, pk)
    today = timezone.localdate()
    proposals = list(
        mentorships_managed_by(request.user)
        .filter(run=run)
        .select_related("mentee__organisation", "mentee__volunteer__profile", "mentor__volunteer")
        .order_by("-score", "pk")
    )
    options = swap_options(
        proposals=proposals, pool=run.pool, region_id=run.region_id, on=max(today, run.start_on)
    )
    for proposal in proposals:
        proposal.mentee_age = mentee_age(proposal.mentee, today)
        proposal.why = reasons_words(proposal.reasons or {})
        proposal.swap = options.get(proposal.pk, [])
        proposal.open = proposal.status == MentorshipStatus.PROPOSED
    entries = run.figures.get("unmatched", [])
    known = mentees_visible_to(request.user).in_bulk([entry["mentee"] for entry in entries])
    unmatched = [
        {"mentee": known[entry["mentee"]], "why": _unmatched_words(entry), "matched": entry.get("matched", 0)}
        for entry in entries
        if entry["mentee"] in known
    ]
    # Whoever opens a run sees mentees' names: the view is audited like a mentee's page.
    audit_log(
        actor=request.user, action="mentoring.run.viewed", run=run.pk,
        mentees=sorted({p.mentee_id for p in proposals} | set(known)),
    )  # fmt: skip
    return render(
        request,
        "mentoring/matching/run.html",
        {
            "run": run,
            "proposals": proposals,
            "unmatched": unmatched,
            "waiting": sum(p.open for p in proposals),
            "reject_form": RejectForm(),
        },
    )


# --- Decisions (POST only) ----------------------------------------------------------------------------------


def _proposal(request, pk):
    return get_object_or_404(mentorships_managed_by(request.user).select_related("mentor__volunteer"), pk=pk)


def _back(proposal):
    return redirect("mentoring:run", pk=proposal.run_id) if proposal.run_id else redirect("mentoring:runs")


@require_POST
@staff_required
def approve(request, pk: int):
    proposal = _proposal(request, pk)
    try:
        proposal_approve(mentorship=proposal, by=request.user)
    except MentoringError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The pair %(mentee)s and %(mentor)s is approved; the mentor is told by e-mail.")
            % {"mentee": proposal.mentee.name, "mentor": proposal.mentor.volunteer},
        )
    return _back(proposal)


@require_POST
@staff_required
def reject(request, pk: int):
    proposal = _proposal(request, pk)
    form = RejectForm(request.POST)
    reason = form.cleaned_data.get("reason", "") if form.is_valid() else ""
    try:
        proposal_reject(mentorship=proposal, by=request.user, reason=reason)
    except MentoringError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The proposal %(mentee)s and %(mentor)s is rejected; a new run will not propose it again.")
            % {"mentee": proposal.mentee.name, "mentor": proposal.mentor.volunteer},
        )
    return _back(proposal)


@require_POST
@staff_required
def swap(request, pk: int):
    proposal = _proposal(request, pk)
    form = SwapForm(request.POST)
    mentor = Mentor.objects.filter(pk=form.cleaned_data["mentor"]).first() if form.is_valid() else None
    try:
        if mentor is None:
            raise MentoringError("swap_mentor", field="mentor")
        swapped = proposal_swap(mentorship=proposal, by=request.user, mentor=mentor)
    except MentoringError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(mentor)s is proposed for %(mentee)s instead; approve the new proposal when you are ready.")
            % {"mentee": proposal.mentee.name, "mentor": swapped.mentor.volunteer},
        )
    return _back(proposal)


@require_POST
@staff_required
def approve_all(request, pk: int):
    run = _run(request, pk)
    approved, refused = proposals_approve_all(run=run, by=request.user)
    if approved:
        messages.success(
            request,
            ngettext("%(count)s pair is approved.", "%(count)s pairs are approved.", len(approved))
            % {"count": len(approved)},
        )
    for proposal, why in refused:
        messages.error(
            request,
            _("%(mentee)s and %(mentor)s: %(why)s")
            % {"mentee": proposal.mentee.name, "mentor": proposal.mentor.volunteer, "why": why},
        )
    if not approved and not refused:
        messages.info(request, _("No proposal of this run is waiting for a decision."))
    return redirect("mentoring:run", pk=run.pk)
