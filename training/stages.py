"""Tells the stages (in volunteers) which courses exist: for the editors' criteria and the progress page."""

from training.models import CoursePage
from training.qualifications import courses_in_active_language
from volunteers.services.stages import course_catalogue


@course_catalogue
def _courses() -> list[tuple[str, str]]:
    originals = CoursePage.objects.live().filter(alias_of__isnull=True).order_by("translation_key", "pk")
    unique = list({course.translation_key: course for course in originals}.values())
    return [(str(course.translation_key), course.title) for course in courses_in_active_language(unique)]
