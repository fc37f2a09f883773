from django.urls import path

from volunteers.views import account

urlpatterns = [
    path("profile/", account.account_profile, name="account_profile"),
]
