"""The volunteer's courses on their account page: progress of those under way and the certificates held."""

from django.utils import timezone

from training.models import Certificate, Enrolment
from training.selectors import courses_by_key
from volunteers.panels import profile_panel

PANEL_COURSES = 5


@profile_panel
def _learning(request):
    enrolments = list(
        Enrolment.objects.filter(user=request.user, completed_at__isnull=True).order_by(
            "-enrolled_at", "-pk"
        )[: PANEL_COURSES + 1]
    )
    valid = Certificate.objects.filter(user=request.user).valid_on(timezone.localdate()).count()
    courses = courses_by_key(enrolment.course_key for enrolment in enrolments[:PANEL_COURSES])
    under_way = [
        {"enrolment": enrolment, "course": courses[enrolment.course_key]}
        for enrolment in enrolments[:PANEL_COURSES]
        if enrolment.course_key in courses
    ]
    return {
        "template": "training/includes/profile_panel.html",
        "under_way": under_way,
        "more": len(enrolments) > PANEL_COURSES,
        "certificates": valid,
    }
