import smtplib

from celery import shared_task

from events import notices


@shared_task(
    acks_late=True,
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=8,
)
def notice_send(signup_id: int, kind: str, key: str = "") -> bool:
    return notices.notice_deliver(signup_id=signup_id, kind=kind, key=key)


@shared_task(acks_late=True)
def reminders_send() -> int:
    return notices.reminders_enqueue()
