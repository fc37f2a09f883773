from volunteers.models import VolunteerProfile

EASY_READING_COOKIE = "easy"


def easy_reading_set(*, user, on: bool) -> None:
    """Remember the easy-reading mode on the volunteer's profile (the cookie covers visitors without one)."""
    if user.is_authenticated:
        VolunteerProfile.objects.filter(user=user).update(easy_reading=on)
