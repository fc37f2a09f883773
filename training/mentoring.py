"""Tells mentoring (in volunteers) who holds a valid safeguarding certificate (the gate of Sabaqtastyq
mentors) and where the safeguarding course is."""

from wagtail.models import Locale

from training.models import Certificate, CoursePage, Qualification
from training.qualifications import qualification_course_keys
from volunteers.mentoring.services.eligibility import safeguarding_source
from volunteers.mentoring.services.mentors import safeguarding_course_url_source


@safeguarding_source
def _safeguarding_certificates(ids, day) -> dict:
    found: dict = {}
    certificates = Certificate.objects.valid_on(day).filter(
        user_id__in=list(ids), course_key__in=qualification_course_keys(Qualification.SAFEGUARDING)
    )
    for user_id, expires_on in certificates.values_list("user_id", "expires_on"):
        held = found.get(user_id, expires_on)
        found[user_id] = None if expires_on is None or held is None else max(expires_on, held)
    return found


@safeguarding_course_url_source
def _safeguarding_course_url() -> str | None:
    """The safeguarding course in the visitor's language (or any language when it has no translation)."""
    courses = CoursePage.objects.live().filter(qualification=Qualification.SAFEGUARDING).order_by("pk")
    course = courses.filter(locale=Locale.get_active()).first() or courses.first()
    return course.url if course else None
