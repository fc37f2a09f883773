import time

from django.core.management.base import BaseCommand, CommandError

from volunteers.services.stages import CHUNK, stages_evaluate_all, volunteer_id_ranges


class Command(BaseCommand):
    help = (
        "Evaluate every volunteer's stage on the Volunteer zholy path, one transaction per chunk of "
        "volunteers' ids (for cron, where Celery beat does not run the nightly evaluation). Idempotent: "
        "run it as often as you like."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--chunk", type=int, default=CHUNK, help=f"volunteers' ids per chunk (default {CHUNK})"
        )

    def handle(self, *args, chunk: int, verbosity: int = 1, **options):
        if chunk < 1:
            raise CommandError("--chunk must be at least 1.")
        ranges = volunteer_id_ranges(chunk)
        last = ranges[-1][1] if ranges else 0
        started = time.monotonic()
        done = [0]

        def progress(last_id: int, written: int) -> None:
            done[0] += 1
            if verbosity >= 1:
                self.stdout.write(
                    f"chunk {done[0]}/{len(ranges)}: ids up to {last_id} of {last}, "
                    f"{written} change(s) so far"
                )

        written = stages_evaluate_all(chunk=chunk, progress=progress)
        self.stdout.write(
            f"{done[0]} chunk(s) of {chunk} ids evaluated in {time.monotonic() - started:.1f} s: "
            f"{written} stage change(s) written."
        )
