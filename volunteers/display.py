from django.utils.functional import SimpleLazyObject

from volunteers.models import VolunteerProfile
from volunteers.services.preferences import EASY_READING_COOKIE


def _easy_reading_on(request) -> bool:
    cookie = request.COOKIES.get(EASY_READING_COOKIE)
    if cookie is not None:
        return cookie == "1"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        # A new browser: the choice the volunteer saved on their profile.
        return VolunteerProfile.objects.filter(user=user, easy_reading=True).exists()
    return False


def easy_reading(request):
    """The easy-reading mode (larger type, higher contrast, simpler layout): a context processor."""
    return {"easy_reading": SimpleLazyObject(lambda: _easy_reading_on(request))}
