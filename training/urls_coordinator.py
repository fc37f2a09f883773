from django.urls import path

from training.views import coordinator

app_name = "training_coordinator"
urlpatterns = [
    path("", coordinator.training_status, name="status"),
]
