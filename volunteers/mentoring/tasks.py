from celery import shared_task
from django.utils import timezone

from volunteers.mentoring.services import lifecycle


# Daily from Celery beat ("mentoring-reminders"). Each pair is re-checked under a lock before its mail, so a
# task delivered twice (acks_late after a worker's crash) reminds nobody twice.
@shared_task(acks_late=True, soft_time_limit=25 * 60, time_limit=30 * 60)
def reminders_send() -> int:
    return lifecycle.reminders_send(today=timezone.localdate())
