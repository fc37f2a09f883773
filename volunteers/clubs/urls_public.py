"""The public club catalogue, a club's page and enrolling a child (clubs/...), the guardian's page of an
enrolment (by its link) and a signed-in guardian's children's clubs."""

from django.urls import path

from volunteers.clubs.views import enrolments, public

urlpatterns = [
    path("clubs/", public.catalogue, name="catalogue"),
    path("clubs/<int:pk>/", public.club_detail, name="club_detail"),
    path("clubs/<int:pk>/enrol/", public.enrol, name="enrol"),
    path("clubs/mine/", enrolments.my_enrolments, name="my_enrolments"),
    path("clubs/enrolment/<str:token>/", enrolments.enrolment_status, name="enrolment_status"),
    path(
        "clubs/enrolment/<str:token>/withdraw/",
        enrolments.enrolment_withdraw_view,
        name="enrolment_withdraw",
    ),
]
