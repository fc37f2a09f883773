from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from cms.sitemaps import SiteSitemap
from config import views
from volunteers import urls as volunteers_urls
from volunteers.urls_card import account_urlpatterns, public_urlpatterns

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    # The CMS admin signs in through the same allauth login (and its second factor) as everyone else.
    path("admin/login/", RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("accounts/", include(account_urlpatterns)),
    path("card/", include(public_urlpatterns)),
    path("accounts/", include("volunteers.urls")),
    path("", include(volunteers_urls.public_urlpatterns)),
    path("accounts/", include("volunteers.urls_claim")),
    path("accounts/", include("allauth.urls")),
    path("events/", include("events.urls")),
    path("coordinator/events/", include("events.urls_manage")),
    path("coordinator/imports/", include("volunteers.urls_import")),
    path("coordinator/training/", include("training.urls_coordinator")),
    path("coordinator/", include("volunteers.urls_coordinator")),
    # The volunteer book (accounts/book/..., book/<code>/), the path and incentives, recognition.
    path("", include("volunteers.urls_book")),
    path("", include("volunteers.urls_path")),
    path("", include("volunteers.urls_recognition")),
    path("", include("volunteers.mentoring.urls")),
    path("", include("volunteers.clubs.urls")),
    path("", include("volunteers.reporting.urls")),
    path("", include("training.urls")),
    path("search/", cms_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
