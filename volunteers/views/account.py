import json

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from volunteers.errors import VolunteerError
from volunteers.forms import AccountEraseForm, GuardianConfirmForm, ProfileForm
from volunteers.models import ConsentText, GuardianConsent, VolunteerProfile
from volunteers.panels import profile_panels
from volunteers.phones import phone_display
from volunteers.services.eligibility import event_refusals
from volunteers.services.preferences import EASY_READING_COOKIE, easy_reading_set
from volunteers.services.privacy import consent_withdraw, volunteer_data_export
from volunteers.services.profile import profile_update
from volunteers.services.registration import guardian_consent_confirm


def _own_profile(user) -> VolunteerProfile | None:
    return (
        VolunteerProfile.objects.active()
        .select_related("region")
        .prefetch_related("directions", "guardian_consents")
        .filter(user=user)
        .first()
    )


PROFILE_PROMPTS = {
    "phone": gettext_lazy("your phone"),
    "languages": gettext_lazy("the languages you speak"),
    "directions": gettext_lazy("the directions that interest you"),
    "skills": gettext_lazy("your skills"),
    "availability": gettext_lazy("when you are free"),
}


@login_required
def account_profile(request):
    profile = _own_profile(request.user)
    missing = []
    if profile is not None:
        filled = {
            "phone": profile.phone,
            "languages": profile.languages,
            "directions": profile.directions.all(),
            "skills": profile.skills,
            "availability": profile.availability,
        }
        missing = [label for name, label in PROFILE_PROMPTS.items() if not filled[name]]
    return render(
        request,
        "volunteers/account_profile.html",
        {
            "profile": profile,
            "phone": phone_display(profile.phone) if profile else "",
            "missing": missing,
            "refusals": event_refusals(user=request.user) if profile else [],
            "pending_guardian": profile.guardian_consents.filter(confirmed_at__isnull=True).first()
            if profile and profile.needs_guardian_consent
            else None,
            "mfa_enabled": is_mfa_enabled(request.user),
            "can_enter_admin": request.user.has_perm("wagtailadmin.access_admin"),
            "panels": profile_panels(request),
        },
    )


@login_required
def profile_edit(request):
    profile = get_object_or_404(VolunteerProfile.objects.active(), user=request.user)
    form = ProfileForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        try:
            changed = profile_update(profile=profile, data=form.volunteer_data())
        except VolunteerError as error:
            form.add_error(error.field, error.message)
        else:
            if changed:
                messages.success(request, _("Your profile is saved."))
            return redirect("account_profile")
    return render(request, "volunteers/profile_edit.html", {"form": form})


@login_required
def privacy(request):
    consents = request.user.consents.select_related("text")
    form = AccountEraseForm(user=request.user)
    return render(
        request,
        "volunteers/privacy.html",
        {"consents": consents, "current_text": ConsentText.current(), "form": form},
    )


@login_required
def data_export(request):
    data = volunteer_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="birgemiz-my-data.json"'
    return response


@login_required
@require_POST
def account_erase(request):
    form = AccountEraseForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(
            request,
            "volunteers/privacy.html",
            {
                "consents": request.user.consents.select_related("text"),
                "current_text": ConsentText.current(),
                "form": form,
            },
            status=400,
        )
    consent_withdraw(user=request.user)
    logout(request)
    messages.success(
        request, _("Your consent is withdrawn, your account is closed and your personal data erased.")
    )
    return redirect("/")


def guardian_consent(request, token):
    consent = get_object_or_404(
        GuardianConsent.objects.select_related("profile__user").filter(profile__erased_at__isnull=True),
        token=token,
    )
    form = GuardianConfirmForm(request.POST or None)
    if request.method == "POST" and consent.confirmed_at is None and form.is_valid():
        consent = guardian_consent_confirm(token=token, confirmed_name=form.cleaned_data["full_name"])
        return render(request, "volunteers/guardian_done.html", {"consent": consent})
    return render(
        request,
        "volunteers/guardian_consent.html",
        {
            "consent": consent,
            "volunteer": consent.profile.user,
            "age": consent.profile.age(),
            "text": ConsentText.current(),
            "form": form,
            "already": VolunteerError("already_confirmed").message if consent.confirmed_at else None,
        },
    )


@require_GET
def easy_reading(request):
    # A link, not a form: it only switches how pages look, and anonymous pages stay free of CSRF cookies.
    on = request.GET.get("on") == "1"
    easy_reading_set(user=request.user, on=on)
    target = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = "/"
    response = redirect(target)
    response.set_cookie(
        EASY_READING_COOKIE,
        "1" if on else "0",
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
    )
    return response
