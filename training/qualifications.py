"""What the training programme certifies, asked by events (required courses) and mentoring: a certificate
that is not revoked and has not expired on the day in question."""

import datetime as dt

from django.db.models import QuerySet
from wagtail.models import Locale


def courses_missing(*, user, courses, on: dt.date) -> list:
    """The courses (pages in any language) among `courses` of which `user` holds no certificate valid on
    `on`. One query, however many courses."""
    from training.models import Certificate

    courses = list(courses)
    if not courses or not user.is_authenticated:
        return courses
    held = set(
        Certificate.objects.valid_on(on)
        .filter(user=user, course_key__in={course.translation_key for course in courses})
        .values_list("course_key", flat=True)
    )
    return [course for course in courses if course.translation_key not in held]


def qualification_course_keys(qualification: str) -> set:
    from training.models import CoursePage

    return set(
        CoursePage.objects.live()
        .filter(qualification=qualification)
        .values_list("translation_key", flat=True)
    )


def qualified_users(*, qualification: str, on: dt.date) -> QuerySet:
    """Ids of the volunteers who hold a valid certificate of a course that qualifies for `qualification`
    (Qualification.SAFEGUARDING for mentors of children), for the matching engine to filter by."""
    from training.models import Certificate

    return (
        Certificate.objects.valid_on(on)
        .filter(course_key__in=qualification_course_keys(qualification))
        .order_by()  # the model's ordering would enter SELECT DISTINCT and repeat a user per certificate
        .values_list("user_id", flat=True)
        .distinct()
    )


def is_qualified(*, user, qualification: str, on: dt.date) -> bool:
    return qualified_users(qualification=qualification, on=on).filter(user_id=user.pk).exists()


def qualification_expires_on(*, user, qualification: str, on: dt.date) -> dt.date | None:
    """The last day the volunteer stays qualified (None: not qualified, or no end)."""
    from training.models import Certificate

    certificates = Certificate.objects.valid_on(on).filter(
        user=user, course_key__in=qualification_course_keys(qualification)
    )
    if not certificates.exists():
        return None
    if certificates.filter(expires_on__isnull=True).exists():
        return None
    return max(certificates.values_list("expires_on", flat=True))


def courses_in_active_language(courses) -> list:
    """Each course page (of any language) as its page in the visitor's language when that is live, else as
    given; in the order given."""
    from training.selectors import courses_by_key

    courses = list(courses)
    found = courses_by_key(course.translation_key for course in courses)
    active = Locale.get_active().pk if found else None
    local = {key: page for key, page in found.items() if page.locale_id == active}
    return [local.get(course.translation_key, course) for course in courses]
