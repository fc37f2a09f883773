from django.core.management.base import BaseCommand, CommandError

from volunteers.reporting.services.rollups import BATCH, rollups_refresh


class Command(BaseCommand):
    help = (
        "Add the volunteer book's entries recorded since the last refresh to the figures' rollups (for cron, "
        "where Celery beat does not run it every 10 minutes). --full empties the rollups and reads the whole "
        "book again. Safe to run at any time, also alongside the scheduled refresh."
    )

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="rebuild the rollups from the first entry")
        parser.add_argument(
            "--batch", type=int, default=BATCH, help=f"entries per transaction (default {BATCH})"
        )

    def handle(self, *args, full: bool, batch: int, **options):
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        done = rollups_refresh(full=full, batch=batch)
        if done["busy"]:
            raise CommandError("The volunteer book is being written to without a pause: try again shortly.")
        self.stdout.write(
            f"{done['entries']} entries counted in {done['batches']} batch(es) in {done['seconds']:.1f} s: "
            f"{done['hours_months']} monthly and {done['volunteer_years']} volunteer-year row(s) written; "
            f"read up to entry {done['last_entry_id']}."
        )
