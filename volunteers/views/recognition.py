"""Recognition pages: the leaderboards, "Volunteer of the year" with its public vote, and the coordinators'
nominations."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from volunteers.forms_recognition import LeaderboardFilterForm, NominationForm
from volunteers.models import AwardRound, Nomination, VolunteerProfile
from volunteers.permissions import staff_required
from volunteers.services.recognition import (
    RecognitionError,
    account_verified,
    leaderboard,
    leaderboard_opt_in_set,
    nomination_create,
    nomination_withdraw,
    nominations_managed_by,
    nominees,
    round_for_nominations,
    round_results,
    short_name,
    vote_cast,
    vote_of,
)

PAGE_SIZE = 50


# --- Leaderboards ------------------------------------------------------------------------------------------


def leaderboards(request):
    form = LeaderboardFilterForm(request.GET or None)
    chosen = form.chosen()
    rows = leaderboard(year=chosen["year"], region=chosen.get("region"), direction=chosen.get("direction"))
    me = opted_in = None
    if request.user.is_authenticated:
        opted_in = (
            VolunteerProfile.objects.active()
            .filter(user=request.user)
            .values_list("leaderboard_opt_in", flat=True)
            .first()
        )
        me = next((row for row in rows if row.volunteer_id == request.user.pk), None)
    return render(
        request,
        "volunteers/leaderboards.html",
        {
            # Shown unbound with the valid values only: a bad value in the address is dropped, not reported.
            "form": LeaderboardFilterForm(initial=chosen),
            "year": chosen["year"],
            "region": chosen.get("region"),
            "direction": chosen.get("direction"),
            "rows": rows,
            "me": me,
            "has_profile": opted_in is not None,
            "opted_in": bool(opted_in),
        },
    )


@require_POST
def leaderboard_opt_in(request):
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = reverse("leaderboards")
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    opt_in = request.POST.get("show") == "1"
    try:
        changed = leaderboard_opt_in_set(volunteer=request.user, opt_in=opt_in)
    except RecognitionError as error:
        messages.error(request, error.message)
    else:
        if changed and opt_in:
            messages.success(
                request, _("You are on the leaderboards now; the tables are refreshed every few minutes.")
            )
        elif changed:
            messages.success(request, _("You are no longer shown on the leaderboards."))
    return redirect(back)


# --- Volunteer of the year ---------------------------------------------------------------------------------


def _round_chosen(request) -> AwardRound | None:
    year = request.GET.get("year", "").strip()
    if year.isdigit() and len(year) == 4:
        return get_object_or_404(AwardRound, year=int(year))
    return AwardRound.objects.order_by("-year").first()


def _named(nomination):
    volunteer = nomination.volunteer
    nomination.public_name = short_name(volunteer.first_name, volunteer.last_name)
    nomination.region = volunteer.profile.region
    return nomination


@never_cache
def volunteer_of_the_year(request):
    award_round = _round_chosen(request)
    context = {"round": award_round, "years": list(AwardRound.objects.values_list("year", flat=True))}
    if award_round is not None:
        results = round_results(award_round)
        if results is not None:
            for nomination, _votes in results.rows:
                _named(nomination)
            listed = [nomination for nomination, _votes in results.rows]
        else:
            listed = [_named(nomination) for nomination in nominees(award_round)]
        vote = vote_of(voter=request.user, award_round=award_round)
        if vote is not None:
            vote.nomination.public_name = short_name(
                vote.nomination.volunteer.first_name, vote.nomination.volunteer.last_name
            )
        voting = award_round.voting_open()
        context.update(
            nominees=listed,
            results=results,
            nominations_open=award_round.nominations_open(),
            voting=voting,
            vote=vote,
            verified=account_verified(request.user) if voting and vote is None else True,
        )
    return render(request, "volunteers/award.html", context)


@require_POST
def volunteer_of_the_year_vote(request):
    nomination_id = request.POST.get("nomination", "").strip()
    nomination = (
        Nomination.objects.select_related("round").filter(pk=nomination_id).first()
        if nomination_id.isdigit()
        else None
    )
    if nomination is None:
        raise Http404
    back = f"{reverse('volunteer_of_the_year')}?year={nomination.round.year}"
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    try:
        vote = vote_cast(voter=request.user, nomination=nomination)
    except RecognitionError as error:
        messages.error(request, error.message)
    else:
        name = short_name(vote.nomination.volunteer.first_name, vote.nomination.volunteer.last_name)
        messages.success(request, _("Thank you: your vote for %(name)s is counted.") % {"name": name})
    return redirect(back)


# --- Coordinators' nominations -----------------------------------------------------------------------------


@never_cache
@staff_required
def coordinator_nominations(request):
    open_round = round_for_nominations()
    award_round = open_round or AwardRound.objects.order_by("-year").first()
    form = NominationForm(request.POST or None, user=request.user) if open_round else None
    if request.method == "POST":
        if form is None:
            messages.error(request, RecognitionError("nominations_closed").message)
            return redirect("coordinator_nominations")
        if form.is_valid():
            data = form.cleaned_data
            try:
                nomination_create(
                    actor=request.user, round=open_round, volunteer=data["volunteer"],
                    organisation=data["organisation"], citation=data["citation"],
                )  # fmt: skip
            except RecognitionError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(
                    request, _("The nomination is saved: it shows on the Volunteer of the year page.")
                )
                return redirect("coordinator_nominations")
    nominations = Nomination.objects.none()
    if award_round is not None:
        nominations = (
            nominations_managed_by(request.user)
            .filter(round=award_round)
            .select_related("volunteer", "organisation", "nominated_by")
            .order_by("withdrawn_at", "-created_at", "-pk")
        )
    page = Paginator(nominations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "volunteers/coordinator/nominations.html",
        {
            "round": award_round,
            "form": form,
            "page": page,
            "can_withdraw": award_round is not None and not award_round.results_published(),
        },
        status=400 if form is not None and form.errors else 200,
    )


@require_POST
@staff_required
def coordinator_nomination_withdraw(request, nomination_id):
    nomination = get_object_or_404(nominations_managed_by(request.user), pk=nomination_id)
    try:
        nomination_withdraw(actor=request.user, nomination=nomination)
    except RecognitionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The nomination is withdrawn; votes cast for it go back to the voters."))
    return redirect("coordinator_nominations")
