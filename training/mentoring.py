"""Tells mentoring (in volunteers) who holds a valid safeguarding certificate (the gate of Sabaqtastyq
mentors) and where the safeguarding course is."""

from wagtail.models import Locale

from training.models import Certificate, CoursePage, Qualification
from training.qualifications import qualification_course_keys
from volunteers.mentoring.services.eligibility import safeguarding_source
from volunteers.mentoring.services.mentors import safeguarding_course_url_source


@safeguarding_source
def _safeguarding_certificates(ids, day):
    """(user id, last valid day or None) of every safeguarding certificate of `ids` valid on `day`."""
    return (
        Certificate.objects.valid_on(day)
        .filter(user_id__in=list(ids), course_key__in=qualification_course_keys(Qualification.SAFEGUARDING))
        .values_list("user_id", "expires_on")
    )


@safeguarding_course_url_source
def _safeguarding_course_url() -> str | None:
    """The safeguarding course in the visitor's language (or any language when it has no translation)."""
    courses = CoursePage.objects.live().filter(qualification=Qualification.SAFEGUARDING).order_by("pk")
    course = courses.filter(locale=Locale.get_active()).first() or courses.first()
    return course.url if course else None
