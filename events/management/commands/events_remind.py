from django.core.management.base import BaseCommand

from events.notices import reminders_enqueue


class Command(BaseCommand):
    help = (
        "Queue the reminders of shifts that start within 24 hours (for cron, where Celery beat does not run)."
    )

    def handle(self, *args, **options):
        count = reminders_enqueue()
        self.stdout.write(f"{count} reminder(s) queued.")
