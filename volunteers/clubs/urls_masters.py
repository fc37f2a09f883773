"""The masters' pages: a silver volunteer's own (clubs/masters/mine/...), a verified master's public page
(clubs/masters/<pk>/), and the coordinators' review (coordinator/clubs/masters/...)."""

from django.urls import path

from volunteers.clubs.views import masters as views

urlpatterns = [
    path("clubs/masters/mine/", views.mine, name="masters_mine"),
    path("clubs/masters/declare/", views.declare, name="master_declare"),
    path("clubs/masters/mine/<int:pk>/edit/", views.edit, name="master_edit"),
    path("clubs/masters/mine/<int:pk>/withdraw/", views.withdraw, name="master_withdraw"),
    path("clubs/masters/mine/<int:pk>/photos/", views.photo_new, name="master_photo_add"),
    path("clubs/masters/photos/<int:pk>/remove/", views.photo_delete, name="master_photo_remove"),
    path("clubs/masters/<int:pk>/", views.public, name="master_public"),
    path("coordinator/clubs/masters/", views.review_list, name="masters_review"),
    path("coordinator/clubs/masters/new/", views.assisted, name="master_assisted"),
    path("coordinator/clubs/masters/<int:pk>/", views.review, name="master_review"),
    path("coordinator/clubs/masters/<int:pk>/decide/", views.decide, name="master_decide"),
    path(
        "coordinator/clubs/masters/<int:pk>/photos/", views.review_photo_new, name="master_review_photo_add"
    ),
    path("coordinator/clubs/masters/<int:pk>/story/", views.review_story, name="master_review_story"),
    path("coordinator/clubs/photos/<int:pk>/", views.photo_decide, name="master_photo_decide"),
]
