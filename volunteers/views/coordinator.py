"""The coordinator's area: the volunteers they may see, one volunteer's record, assisted registration."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from volunteers.audit import audit_log
from volunteers.errors import VolunteerError
from volunteers.filters import VolunteerFilter
from volunteers.forms_coordinator import AssistedRegistrationForm
from volunteers.models import ConsentText, GuardianConsent, Membership, PersonalDataConsent
from volunteers.models.profile import SPOKEN_LANGUAGES
from volunteers.permissions import profiles_visible_to
from volunteers.permissions import staff_required as coordinator_required
from volunteers.phones import phone_display
from volunteers.services.registration import (
    CLAIM_ATTEMPTS,
    CLAIM_CODE_DAYS,
    VolunteerData,
    claim_code_issue,
    volunteer_register_assisted,
)

PAGE_SIZE = 25


def _with_guardian_state(profiles):
    confirmed = GuardianConsent.objects.filter(profile=OuterRef("pk"), confirmed_at__isnull=False)
    return profiles.annotate(guardian_consent_confirmed=Exists(confirmed))


@never_cache  # personal data: no copy in any cache
@coordinator_required
def volunteer_list(request):
    profiles = _with_guardian_state(profiles_visible_to(request.user)).select_related("user", "region")
    volunteers = VolunteerFilter(request.GET or None, queryset=profiles, request=request)
    ordered = volunteers.qs.order_by("user__last_name", "user__first_name", "pk")
    page = Paginator(ordered, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "volunteers/coordinator/volunteer_list.html",
        {"filter": volunteers, "page": page},
    )


def _profile_for(request, user_id):
    profiles = (
        _with_guardian_state(profiles_visible_to(request.user))
        .select_related("user", "region", "registered_by")
        .prefetch_related(
            "directions",
            Prefetch("user__consents", queryset=PersonalDataConsent.objects.select_related("text")),
            "guardian_consents",
            Prefetch("user__memberships", queryset=Membership.objects.select_related("organisation")),
        )
    )
    return get_object_or_404(profiles, pk=user_id)


@never_cache  # personal data: no copy in any cache
@coordinator_required
def volunteer_detail(request, user_id: int):
    profile = _profile_for(request, user_id)
    if profile.is_minor:
        audit_log(actor=request.user, action="volunteers.minor.viewed", subject=profile.user)
    language_names = dict(SPOKEN_LANGUAGES)
    return render(
        request,
        "volunteers/coordinator/volunteer_detail.html",
        {
            "profile": profile,
            "phone": phone_display(profile.phone),
            "spoken_languages": [language_names.get(code, code) for code in profile.languages],
            "claimed": bool(profile.user.email),
        },
    )


@never_cache
@require_POST
@coordinator_required
def claim_code_renew(request, user_id: int):
    """A new code for a volunteer who lost theirs or typed a wrong one five times."""
    profile = _profile_for(request, user_id)
    if profile.user.email:
        raise PermissionDenied  # the account is already claimed: it signs in with its e-mail
    with transaction.atomic():
        code = claim_code_issue(profile=profile)
        audit_log(actor=request.user, action="volunteers.claim_code.issued", subject=profile.user)
    return _claim_code_page(request, profile, code)


def _claim_code_page(request, profile, code: str):
    return render(
        request,
        "volunteers/coordinator/claim_code.html",
        {
            "profile": profile,
            "phone": phone_display(profile.phone),
            "code": code,
            "claim_url": request.build_absolute_uri(reverse("account_claim")),
            "days": CLAIM_CODE_DAYS,
            "attempts": CLAIM_ATTEMPTS,
        },
    )


@never_cache
@coordinator_required
def volunteer_register(request):
    form = AssistedRegistrationForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            profile, code = volunteer_register_assisted(
                coordinator=request.user,
                organisation=data["organisation"],
                data=VolunteerData(
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    phone=data["phone"],
                    date_of_birth=data["date_of_birth"],
                    region=data["region"],
                    city=data["city"],
                    languages=data["languages"],
                    directions=list(data["directions"]),
                    preferred_channel=data["preferred_channel"],
                ),
                language=get_language() or settings.LANGUAGE_CODE,
                guardian_name=data["guardian_name"],
                guardian_phone=data["guardian_phone"],
            )
        except VolunteerError as err:
            form.add_error(err.field, err.message)
        else:
            # Shown once, in the answer to the POST: only the code's hash is kept.
            return _claim_code_page(request, profile, code)
    return render(
        request,
        "volunteers/coordinator/volunteer_register.html",
        {"form": form, "consent_text": ConsentText.current()},
    )
