"""Pairs after approval: the mentor's pages under mentoring/pairs/, the coordinators' under
coordinator/mentoring/."""

from django.urls import path

from volunteers.mentoring.views import mentorships as views

urlpatterns = [
    path("mentoring/pairs/", views.my_pairs, name="my_pairs"),
    path("mentoring/pairs/<int:pk>/", views.my_pair, name="my_pair"),
    path("mentoring/pairs/<int:pk>/meetings/", views.my_pair_meeting, name="my_pair_meeting"),
    path(
        "mentoring/pairs/<int:pk>/meetings/<int:meeting_pk>/withdraw/",
        views.my_pair_meeting_withdraw,
        name="my_pair_meeting_withdraw",
    ),
    path("mentoring/pairs/<int:pk>/pause/", views.my_pair_pause, name="my_pair_pause"),
    path("mentoring/pairs/<int:pk>/end/", views.my_pair_end, name="my_pair_end"),
    path("coordinator/mentoring/", views.dashboard, name="dashboard"),
    path("coordinator/mentoring/pairs/", views.pairs, name="pairs"),
    path("coordinator/mentoring/pairs/<int:pk>/", views.pair, name="pair"),
    path("coordinator/mentoring/pairs/<int:pk>/pause/", views.pair_pause, name="pair_pause"),
    path("coordinator/mentoring/pairs/<int:pk>/resume/", views.pair_resume, name="pair_resume"),
    path("coordinator/mentoring/pairs/<int:pk>/end/", views.pair_end, name="pair_end"),
    path(
        "coordinator/mentoring/meetings/acknowledge/", views.meetings_acknowledge, name="meetings_acknowledge"
    ),
    path(
        "coordinator/mentoring/meetings/<int:pk>/acknowledge/",
        views.meeting_acknowledge,
        name="meeting_acknowledge",
    ),
]
