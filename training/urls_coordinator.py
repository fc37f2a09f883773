from django.urls import path

from training.views import coordinator

# Mounted at /<lang>/coordinator/training/.
app_name = "training_coordinator"
urlpatterns = [
    path("", coordinator.training_status, name="status"),
    path("export.<str:fmt>", coordinator.training_status_export, name="status_export"),
    path("certificates/<str:code>/revoke/", coordinator.certificate_revoke_view, name="certificate_revoke"),
]
