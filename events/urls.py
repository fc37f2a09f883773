from django.urls import path

from events.views import calendar, days, public

app_name = "events"

# Mounted at /<lang>/events/.
urlpatterns = [
    path("", public.event_list, name="list"),
    path("<int:pk>/", public.event_detail, name="detail"),
    path("shifts/<int:shift_id>/signup/", public.signup_create, name="signup"),
    path("my/", public.my_events, name="my"),
    path("my/<int:pk>/", public.my_signup, name="my_signup"),
    path("my/<int:pk>/cancel/", public.my_signup_cancel, name="my_signup_cancel"),
    path("my/<int:pk>/event.ics", calendar.signup_ics, name="my_signup_ics"),
    path("my/<int:pk>/qr.svg", public.my_signup_qr, name="my_signup_qr"),
    path("my/calendar/", calendar.feed_manage, name="calendar"),
    path("my/calendar/revoke/", calendar.feed_revoke, name="calendar_revoke"),
    path("feed/<str:token>.ics", calendar.feed, name="feed"),
    path("days/", days.day_list, name="days"),
    path("days/<slug:slug>/", days.day_detail, name="day"),
]
