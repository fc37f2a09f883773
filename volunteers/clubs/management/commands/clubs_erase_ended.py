from django.core.management.base import BaseCommand

from volunteers.clubs.tasks import enrolments_erase_ended


class Command(BaseCommand):
    help = "Erase the children's names and guardians' contacts of clubs that ended or were cancelled."

    def handle(self, *args, **options):
        erased = enrolments_erase_ended()
        self.stdout.write(f"Erased {erased} enrolments of ended or cancelled clubs.")
