from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from volunteers.card import (
    UNKNOWN_FIELD,
    card_facts,
    card_number,
    card_pdf,
    card_public_fields_set,
    public_card_facts,
    qr_svg,
)
from volunteers.errors import VolunteerError
from volunteers.models import VolunteerProfile
from volunteers.models.profile import CARD_PUBLIC_FIELDS


class CardVisibilityForm(forms.Form):
    public_fields = forms.MultipleChoiceField(
        label=_("Shown on the public page of your card"),
        help_text=_(
            "Anyone who scans the QR code sees these. With nothing ticked, the page only confirms that you "
            "are a registered volunteer."
        ),
        choices=CARD_PUBLIC_FIELDS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": UNKNOWN_FIELD},
    )


def _own_profile(request) -> VolunteerProfile | None:
    return (
        VolunteerProfile.objects.active()
        .select_related("user", "region")
        .prefetch_related("directions")
        .filter(user=request.user)
        .first()
    )


def _verify_url(request, profile: VolunteerProfile) -> str:
    return request.build_absolute_uri(reverse("volunteer_card_verify", kwargs={"token": profile.card_token}))


@login_required
def card(request):
    profile = _own_profile(request)
    if profile is None:
        return render(request, "volunteers/card.html", {"profile": None})
    form = CardVisibilityForm(
        request.POST if request.method == "POST" else None, initial={"public_fields": profile.public_fields}
    )
    if request.method == "POST" and form.is_valid():
        try:
            card_public_fields_set(profile=profile, fields=form.cleaned_data["public_fields"])
        except VolunteerError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, gettext("Saved. The public page of your card shows what you chose."))
            return redirect("volunteer_card")
    verify_url = _verify_url(request, profile)
    return render(
        request,
        "volunteers/card.html",
        {
            "profile": profile,
            "facts": card_facts(profile=profile),
            "number": card_number(profile.card_token),
            "verify_url": verify_url,
            # Built by the qrcode package from our own URL: no visitor-controlled markup gets in.
            "qr": mark_safe(qr_svg(verify_url, label=gettext("QR code of your volunteer card"))),  # noqa: S308
            "form": form,
        },
    )


@never_cache
@login_required
def card_download(request):
    profile = _own_profile(request)
    if profile is None:
        raise Http404
    pdf = card_pdf(profile=profile, language=get_language(), verify_url=_verify_url(request, profile))
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="birgemiz-volunteer-card.pdf"'},
    )


def card_verify(request, token: str):
    profile = get_object_or_404(
        VolunteerProfile.objects.active().select_related("user", "region"), card_token=token
    )
    # Only the facts the volunteer chose reach the template: the profile itself never does.
    response = render(request, "volunteers/card_public.html", {"facts": public_card_facts(profile=profile)})
    response["X-Robots-Tag"] = "noindex"
    return response
