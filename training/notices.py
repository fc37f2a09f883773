"""E-mails about certificates, in the volunteer's language: issued (with the PDF attached) and a month before
expiry. Sent by a Celery task queued on commit; `reminded_at` makes the reminder go out once."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from training.models import Certificate

KINDS = ("issued", "expiring")


def certificate_notice_enqueue(*, certificate: Certificate, kind: str) -> None:
    from training.tasks import certificate_notice_send

    certificate_id = certificate.pk
    transaction.on_commit(lambda: certificate_notice_send.delay(certificate_id, kind), robust=True)


def certificate_notice_deliver(*, certificate_id: int, kind: str) -> bool:
    from training.pdf import certificate_pdf

    certificate = Certificate.objects.select_related("user__profile").filter(pk=certificate_id).first()
    if certificate is None or certificate.revoked_at is not None or not certificate.user.email:
        return False
    if kind == "expiring" and certificate.reminded_at is not None:
        return False
    profile = getattr(certificate.user, "profile", None)
    language = profile.language if profile is not None else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "certificate": certificate,
            "course": certificate.course_title.in_language(language),
            "user": certificate.user,
            "verify_url": settings.WAGTAILADMIN_BASE_URL
            + reverse("training:certificate_verify", args=[certificate.code]),
            "my_url": settings.WAGTAILADMIN_BASE_URL + reverse("training:my_learning"),
        }
        subject = render_to_string(f"training/email/{kind}_subject.txt", context).strip()
        body = render_to_string(f"training/email/{kind}_message.txt", context)
        message = EmailMessage(subject, body, None, [certificate.user.email])
        if kind == "issued":
            message.attach(
                f"certificate-{certificate.code}.pdf",
                certificate_pdf(certificate, language),
                "application/pdf",
            )
    message.send()
    if kind == "expiring":  # marked after sending: a failed send is retried, not lost
        Certificate.objects.filter(pk=certificate.pk).update(reminded_at=timezone.now())
    return True
