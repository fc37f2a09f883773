"""Context of the programme's pages (filled by the training views work)."""


def programme_context(request, *, index):
    return {}


def course_context(request, *, course):
    return {}


def lesson_context(request, *, lesson, course):
    return {}
