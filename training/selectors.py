"""Reads shared by the training pages: course pages found by their translation key."""

from wagtail.models import Locale

from training.models import CoursePage


def courses_by_key(keys) -> dict:
    """{course key: live course page}, each in the visitor's language when it is published in it, else in
    the language it is published in first (Kazakh, the source, usually). One query."""
    keys = set(keys)
    if not keys:
        return {}
    active = Locale.get_active().pk
    pages = {}
    for page in (
        CoursePage.objects.live()
        .filter(translation_key__in=keys)
        .select_related("locale")  # a page's URL is built in its own language
        .order_by("locale_id", "pk")
    ):
        if page.translation_key not in pages or page.locale_id == active:
            pages[page.translation_key] = page
    return pages
