from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def account_profile(request):
    return render(
        request,
        "volunteers/account_profile.html",
        {
            "mfa_enabled": is_mfa_enabled(request.user),
            "can_enter_admin": request.user.has_perm("wagtailadmin.access_admin"),
        },
    )
