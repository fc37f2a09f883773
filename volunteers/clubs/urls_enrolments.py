"""The coordinators' children's lists of a club (coordinator/clubs/<pk>/children/...): the enrolled and the
waitlisted children, removing a child, enrolling one for a guardian who came or called."""

from django.urls import path

from volunteers.clubs.views import enrolments

urlpatterns = [
    path("coordinator/clubs/<int:pk>/children/", enrolments.club_enrolments, name="club_enrolments"),
    path("coordinator/clubs/<int:pk>/children/new/", enrolments.enrolment_new, name="enrolment_new"),
    path(
        "coordinator/clubs/<int:pk>/children/<int:enrolment_pk>/remove/",
        enrolments.enrolment_removal,
        name="enrolment_remove",
    ),
]
