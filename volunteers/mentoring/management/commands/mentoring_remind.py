import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from volunteers.mentoring.services.lifecycle import reminders_send


class Command(BaseCommand):
    help = (
        "E-mail the mentors whose pair has had no meeting for the centre's number of weeks, and a digest to "
        "the centres' coordinators (for cron, where Celery beat does not run). Safe to run more than once a "
        "day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="The day to remind as of (YYYY-MM-DD); today by default.")

    def handle(self, *args, date=None, **options):
        try:
            today = dt.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError("--date must be YYYY-MM-DD.") from None
        count = reminders_send(today=today)
        self.stdout.write(f"{count} mentor(s) reminded.")
