"""URLs of the volunteers app: recognition (see config/urls.py for where they are mounted)."""

from django.urls import path

from volunteers.views import recognition

urlpatterns = [
    path("leaderboards/", recognition.leaderboards, name="leaderboards"),
    path("leaderboards/opt-in/", recognition.leaderboard_opt_in, name="leaderboard_opt_in"),
    path("volunteer-of-the-year/", recognition.volunteer_of_the_year, name="volunteer_of_the_year"),
    path(
        "volunteer-of-the-year/vote/",
        recognition.volunteer_of_the_year_vote,
        name="volunteer_of_the_year_vote",
    ),
    path("coordinator/nominations/", recognition.coordinator_nominations, name="coordinator_nominations"),
    path(
        "coordinator/nominations/<int:nomination_id>/withdraw/",
        recognition.coordinator_nomination_withdraw,
        name="coordinator_nomination_withdraw",
    ),
]
