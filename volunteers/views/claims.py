"""Hours claimed outside the platform: the volunteer's form and list, and the coordinators' queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from volunteers.errors import VolunteerError
from volunteers.forms_claims import ClaimRejectForm, HoursClaimForm
from volunteers.models import EntryKind, EntryStatus, LedgerEntry
from volunteers.permissions import staff_required
from volunteers.services.claims import DECISIONS, claim_create, claim_reject, claim_verify, claims_to_decide

PAGE_SIZE = 30


@never_cache
@login_required
def hours_claims(request):
    form = HoursClaimForm(request.POST or None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            claim_create(
                volunteer=request.user, organisation_id=data["organisation"].pk,
                occurred_on=data["occurred_on"], hours=data["hours"], description=data["description"],
                language=get_language(),
            )  # fmt: skip
        except VolunteerError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(
                request, _("Your claim is sent: a coordinator of the organisation will check it.")
            )
            return redirect("hours_claims")
    claims = list(
        LedgerEntry.objects.filter(
            volunteer=request.user, kind=EntryKind.CLAIMED_HOURS, status=EntryStatus.PENDING
        )
        .select_related("organisation")
        .prefetch_related("corrections")
        .order_by("-occurred_on", "-pk")
    )
    for claim in claims:
        claim.decision = next((entry for entry in claim.corrections.all() if entry.status in DECISIONS), None)
    return render(
        request,
        "volunteers/hours_claims.html",
        {"form": form, "claims": claims},
        status=400 if form.errors else 200,
    )


@never_cache
@staff_required
def hours_claims_decide(request):
    """The claims waiting for this coordinator's organisations. Another organisation's claim is a 404."""
    errors = {}
    if request.method == "POST":
        claim_id = request.POST.get("claim", "").strip()
        claim = claims_to_decide(request.user).filter(pk=claim_id).first() if claim_id.isdigit() else None
        if claim is None:
            raise Http404
        try:
            if request.POST.get("action") == "verify":
                claim_verify(claim_id=claim.pk, actor=request.user)
                messages.success(request, _("The hours are verified and count in the volunteer book."))
            else:
                form = ClaimRejectForm(request.POST)
                form.is_valid()
                claim_reject(
                    claim_id=claim.pk, actor=request.user, reason=form.cleaned_data.get("reason", "")
                )
                messages.success(request, _("The claim is rejected; the volunteer sees your reason."))
        except VolunteerError as error:
            errors[claim.pk] = error.message
        else:
            return redirect("coordinator_hours_claims")
    page = Paginator(claims_to_decide(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    for claim in page.object_list:
        claim.error = errors.get(claim.pk, "")
    return render(
        request,
        "volunteers/coordinator/hours_claims.html",
        {"page": page, "reject_form": ClaimRejectForm()},
        status=400 if errors else 200,
    )
