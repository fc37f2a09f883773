"""The clubs' pages, mounted at the language root: the public catalogue and enrolment under clubs/, a master's
own pages under clubs/masters/, coordinators' under coordinator/clubs/ (the children's lists in
urls_enrolments). See each area's module."""

from django.urls import include, path

app_name = "clubs"

urlpatterns = [
    path("", include("volunteers.clubs.urls_public")),
    path("", include("volunteers.clubs.urls_masters")),
    path("", include("volunteers.clubs.urls_manage")),
    path("", include("volunteers.clubs.urls_enrolments")),
]
