from django.urls import path

from events.views import checkin, manage

app_name = "events_manage"

# Mounted at /<lang>/coordinator/events/.
urlpatterns = [
    path("", manage.event_list, name="list"),
    path("new/", manage.event_create, name="create"),
    path("weekly-limit/", manage.weekly_limit, name="weekly_limit"),
    path("<int:pk>/", manage.event_detail, name="detail"),
    path("<int:pk>/edit/", manage.event_edit, name="edit"),
    path("<int:pk>/publish/", manage.event_publish, name="publish"),
    path("<int:pk>/cancel/", manage.event_cancel, name="cancel"),
    path("<int:pk>/check-in/", checkin.checkin, name="checkin"),
    path("shifts/<int:shift_id>/attendance/", checkin.attendance, name="attendance"),
    path("shifts/<int:shift_id>/export.<str:fmt>", checkin.export, name="export"),
]
