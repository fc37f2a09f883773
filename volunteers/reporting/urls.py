from django.urls import path

from volunteers.reporting.views import dashboard, reports

app_name = "figures"

urlpatterns = [
    path("figures/", dashboard.dashboard, name="dashboard"),
    path("figures/export.<str:fmt>", dashboard.export, name="export"),
    path("figures/reports/", reports.report_list, name="reports"),
    path("figures/reports/<int:pk>.<str:fmt>", reports.report_download, name="report_download"),
]
