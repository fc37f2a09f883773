from django.urls import path

from volunteers.views import claims, coordinator

# Mounted at /<lang>/coordinator/.
urlpatterns = [
    path("volunteers/", coordinator.volunteer_list, name="coordinator_volunteers"),
    path("hours/", claims.hours_claims_decide, name="coordinator_hours_claims"),
    path("volunteers/new/", coordinator.volunteer_register, name="coordinator_volunteer_register"),
    path("volunteers/<int:user_id>/", coordinator.volunteer_detail, name="coordinator_volunteer"),
    path(
        "volunteers/<int:user_id>/claim-code/",
        coordinator.claim_code_renew,
        name="coordinator_claim_code_renew",
    ),
]
