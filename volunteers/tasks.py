from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from volunteers.models import GuardianConsent


@shared_task(acks_late=True)
def guardian_consent_mail_send(consent_id: int) -> bool:
    """The guardian's link, in the volunteer's language; nothing is sent once the consent is confirmed."""
    consent = GuardianConsent.objects.select_related("profile__user").filter(pk=consent_id).first()
    if consent is None or consent.confirmed_at is not None or not consent.guardian_email:
        return False
    with translation.override(consent.language):
        context = {
            "consent": consent,
            "volunteer": consent.profile.user,
            "url": settings.WAGTAILADMIN_BASE_URL + reverse("guardian_consent", args=[consent.token]),
        }
        subject = render_to_string("volunteers/email/guardian_consent_subject.txt", context).strip()
        body = render_to_string("volunteers/email/guardian_consent_message.txt", context)
    send_mail(subject, body, None, [consent.guardian_email])
    return True
