from django.urls import path

from volunteers import views

urlpatterns = [
    path("profile/", views.account_profile, name="account_profile"),
]
