import smtplib

from celery import shared_task

from training import notices
from training.services.certificates import expiry_reminders_enqueue


@shared_task(
    acks_late=True,
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=8,
)
def certificate_notice_send(certificate_id: int, kind: str) -> bool:
    return notices.certificate_notice_deliver(certificate_id=certificate_id, kind=kind)


@shared_task(acks_late=True)
def expiry_reminders_send() -> int:
    return expiry_reminders_enqueue()
