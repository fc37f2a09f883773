"""Mentoring's people: the volunteer's mentoring page and application (mentoring/...); the coordinators'
mentors, background checks, centres' rules and mentees (coordinator/mentoring/...)."""

from django.urls import path

from volunteers.mentoring.views import people as views

urlpatterns = [
    path("mentoring/", views.mine, name="mine"),
    path("mentoring/apply/", views.apply, name="apply"),
    path("mentoring/offer/", views.mentor_edit, name="mentor_edit"),
    path("mentoring/withdraw/", views.withdraw, name="withdraw"),
    path("coordinator/mentoring/mentors/", views.mentors, name="mentors"),
    path("coordinator/mentoring/mentors/<int:pk>/", views.mentor_detail, name="mentor"),
    path("coordinator/mentoring/mentors/<int:pk>/decide/", views.mentor_decision, name="mentor_decide"),
    path("coordinator/mentoring/mentors/<int:pk>/checks/", views.mentor_check, name="check_verify"),
    path("coordinator/mentoring/checks/<int:pk>/revoke/", views.check_revocation, name="check_revoke"),
    path("coordinator/mentoring/centres/<int:pk>/rules/", views.centre_rules, name="centre_rules"),
    path("coordinator/mentoring/mentees/", views.mentees, name="mentees"),
    path("coordinator/mentoring/mentees/new/", views.mentee_new, name="mentee_new"),
    path("coordinator/mentoring/mentees/<int:pk>/", views.mentee_detail, name="mentee"),
    path("coordinator/mentoring/mentees/<int:pk>/edit/", views.mentee_edit, name="mentee_edit"),
    path("coordinator/mentoring/mentees/<int:pk>/archive/", views.mentee_archiving, name="mentee_archive"),
]
