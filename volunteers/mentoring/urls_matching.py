"""The coordinators' matching pages (see views/matching.py)."""

from django.urls import path

from volunteers.mentoring.views import matching

urlpatterns = [
    path("coordinator/mentoring/match/", matching.match_new, name="match_new"),
    path("coordinator/mentoring/runs/", matching.runs, name="runs"),
    path("coordinator/mentoring/runs/<int:pk>/", matching.run_detail, name="run"),
    path("coordinator/mentoring/runs/<int:pk>/approve-all/", matching.approve_all, name="run_approve_all"),
    path("coordinator/mentoring/proposals/<int:pk>/approve/", matching.approve, name="proposal_approve"),
    path("coordinator/mentoring/proposals/<int:pk>/reject/", matching.reject, name="proposal_reject"),
    path("coordinator/mentoring/proposals/<int:pk>/swap/", matching.swap, name="proposal_swap"),
]
