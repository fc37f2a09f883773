"""The coordinators' clubs (coordinator/clubs/...): the list, a club's form and page, its status, its sessions
and their attendance. The masters' review is under coordinator/clubs/masters/ (urls_masters), the children's
lists under coordinator/clubs/<pk>/children/ (urls_enrolments)."""

from django.urls import path

from volunteers.clubs.views import manage as views

urlpatterns = [
    path("coordinator/clubs/", views.manage_list, name="manage_list"),
    path("coordinator/clubs/new/", views.club_new, name="club_new"),
    path("coordinator/clubs/<int:pk>/", views.club_manage, name="club_manage"),
    path("coordinator/clubs/<int:pk>/edit/", views.club_edit, name="club_edit"),
    path("coordinator/clubs/<int:pk>/status/", views.club_status, name="club_status"),
    path("coordinator/clubs/<int:pk>/sessions/cancel/", views.session_cancel, name="session_cancel"),
    path(
        "coordinator/clubs/<int:pk>/sessions/<str:day>/", views.session_attendance, name="session_attendance"
    ),
]
