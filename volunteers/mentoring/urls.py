"""Mentoring's pages, mounted at the language root: volunteers' under mentoring/, coordinators' under
coordinator/mentoring/ (see each area's module)."""

from django.urls import include, path

app_name = "mentoring"

urlpatterns = [
    path("", include("volunteers.mentoring.urls_people")),
    path("", include("volunteers.mentoring.urls_matching")),
    path("", include("volunteers.mentoring.urls_mentorships")),
]
