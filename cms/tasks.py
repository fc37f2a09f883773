import io

from celery import shared_task
from django.core.management import call_command


@shared_task(acks_late=True)
def pages_publish_scheduled() -> None:
    """Publish the pages whose go-live time has come and unpublish the expired ones (Wagtail's own command,
    which checks each revision's time itself, so a repeated or late run does no harm)."""
    call_command("publish_scheduled", stdout=io.StringIO())
