"""Taking over an account a coordinator registered: the phone and the one-time code prove who it is."""

from allauth.account.internal.flows.email_verification import send_verification_email_for_user
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from volunteers.errors import VolunteerError
from volunteers.forms_coordinator import AccountClaimForm
from volunteers.services.registration import account_claim


@never_cache
@sensitive_post_parameters("code", "password1", "password2")
def account_claim_view(request):
    form = AccountClaimForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = account_claim(
                phone=data["phone"], code=data["code"], email=data["email"], password=data["password1"]
            )
        except VolunteerError as err:
            form.add_error(err.field, err.message)
        else:
            # allauth 65 has no public send_email_confirmation(); this is the flow its own views use.
            send_verification_email_for_user(request, user)
            return render(request, "volunteers/claim_done.html", {"email": user.email})
    return render(request, "volunteers/claim.html", {"form": form})
