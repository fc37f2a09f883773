"""Mail about match decisions, sent once the decision is committed (inline when Celery runs eagerly)."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from volunteers.mentoring.models import Mentorship, MentorshipStatus


def _pairs_url(language: str) -> str:
    try:
        path = reverse("mentoring:my_pairs")
    except NoReverseMatch:  # the mentors' pages are not mounted
        path = f"/{language}/mentoring/"
    return settings.WAGTAILADMIN_BASE_URL + path


@shared_task(acks_late=True)
def proposal_approved_mail_send(mentorship_id: int) -> bool:
    """Tell the mentor, in their language, whom they now mentor; nothing once the pair is no longer active."""
    mentorship = (
        Mentorship.objects.select_related("mentee", "organisation", "mentor__volunteer__profile")
        .filter(pk=mentorship_id, status=MentorshipStatus.ACTIVE)
        .first()
    )
    if mentorship is None or not mentorship.mentor.volunteer.email:
        return False
    volunteer = mentorship.mentor.volunteer
    profile = getattr(volunteer, "profile", None)
    language = profile.language if profile is not None else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "volunteer": volunteer,
            "mentorship": mentorship,
            "mentee": mentorship.mentee.name,
            "centre": str(mentorship.organisation.name),
            "pool": mentorship.get_pool_display(),
            "url": _pairs_url(language),
        }
        subject = render_to_string("mentoring/matching/email/approved_subject.txt", context).strip()
        body = render_to_string("mentoring/matching/email/approved_message.txt", context)
    send_mail(subject, body, None, [volunteer.email])
    return True
