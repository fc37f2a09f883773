from django.urls import path

from volunteers.views import account, claims

urlpatterns = [
    path("profile/", account.account_profile, name="account_profile"),
    path("profile/edit/", account.profile_edit, name="profile_edit"),
    path("privacy/", account.privacy, name="account_privacy"),
    path("privacy/my-data.json", account.data_export, name="account_data_export"),
    path("privacy/erase/", account.account_erase, name="account_erase"),
    path("hours/", claims.hours_claims, name="hours_claims"),
]

public_urlpatterns = [
    path("guardian/<str:token>/", account.guardian_consent, name="guardian_consent"),
    path("easy-reading/", account.easy_reading, name="easy_reading"),
]
