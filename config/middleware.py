from allauth.mfa.utils import is_mfa_enabled
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere, loosened only for Wagtail's admin (it still relies on inline scripts)."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.CSP_ADMIN_PREFIXES):
            parts.update = {**(parts.update or {}), **settings.CSP_ADMIN_RELAXED}
        return parts


class RememberLanguageMiddleware:
    """A visitor who follows a link to /ru/... keeps Russian the next time they open `/`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


class AdminRequiresMFAMiddleware:
    """Anyone who may enter the CMS admin must have an authenticator app set up before they get in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path_info.startswith("/admin/")
            and request.user.is_authenticated
            and request.user.has_perm("wagtailadmin.access_admin")
            and not is_mfa_enabled(request.user, types=["totp"])
        ):
            messages.warning(
                request,
                _("Set up two-factor authentication with an authenticator app before you open the admin."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class AdminLanguageMiddleware:
    """Wagtail's admin has no Kazakh: a Kazakh-speaking editor gets it in Russian, not in English."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Anonymous visitors are sent on to the sign-in page, which is in their own language.
        if request.path_info.startswith("/admin/") and request.user.is_authenticated:
            permitted = [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES]
            if translation.get_language() not in permitted:
                translation.activate(permitted[0])
                request.LANGUAGE_CODE = permitted[0]
        return self.get_response(request)
