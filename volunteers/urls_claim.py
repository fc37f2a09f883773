from django.urls import path

from volunteers.views import claim

# Mounted at /<lang>/accounts/, before allauth's URLs; public.
urlpatterns = [
    path("claim/", claim.account_claim_view, name="account_claim"),
]
