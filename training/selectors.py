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


def certificates_standing(certificates, *, key, today) -> tuple[dict, dict]:
    """From `certificates` ordered newest first: ({key: the newest}, {key: the valid one that lasts longest}),
    where `key(certificate)` groups them (by enrolment, by volunteer and course...)."""
    latest, valid = {}, {}
    for certificate in certificates:
        group = key(certificate)
        latest.setdefault(group, certificate)
        if certificate.state(today) != certificate.State.VALID:
            continue
        held = valid.get(group)
        if held is None or (
            held.expires_on is not None
            and (certificate.expires_on is None or certificate.expires_on > held.expires_on)
        ):
            valid[group] = certificate
    return latest, valid
