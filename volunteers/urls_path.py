"""URLs of the volunteers app: the path of stages, the incentives catalogue and the coordinators' incentives
(mounted at the language root, see config/urls.py)."""

from django.urls import path

from volunteers.views import path as views

urlpatterns = [
    path("path/", views.stages_path, name="stages_path"),
    path("incentives/", views.incentives, name="incentives"),
    path("coordinator/incentives/", views.coordinator_incentives, name="coordinator_incentives"),
    path("coordinator/incentives/new/", views.coordinator_incentive_new, name="coordinator_incentive_new"),
    path(
        "coordinator/incentives/<int:pk>/",
        views.coordinator_incentive_edit,
        name="coordinator_incentive_edit",
    ),
    path(
        "coordinator/incentives/<int:pk>/unlist/",
        views.coordinator_incentive_unlist,
        name="coordinator_incentive_unlist",
    ),
    path(
        "coordinator/incentives/<int:pk>/list/",
        views.coordinator_incentive_unlist,
        {"listed": True},
        name="coordinator_incentive_relist",
    ),
]
