from django.urls import path

from volunteers.views import imports

# Mounted at /<lang>/coordinator/imports/.
urlpatterns = [
    path("new/", imports.import_new, name="import_new"),
    path("template.<str:kind>", imports.import_template, name="import_template"),
    path("<int:pk>/", imports.import_job, name="import_job"),
    path("<int:pk>/confirm/", imports.import_confirm, name="import_confirm"),
]
