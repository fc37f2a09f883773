from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.demo import demo_site_ensure
from cms.demo_clubs import clubs_demo_ensure
from cms.demo_figures import figures_demo_ensure
from cms.demo_mentoring import mentoring_demo_ensure
from cms.demo_path import path_demo_ensure
from cms.demo_training import training_demo_ensure
from cms.services import home_pages_ensure
from cms.workflow import review_workflow_ensure
from events.services.days import days_of_action_ensure
from events.services.demo import demo_events_ensure
from volunteers.clubs.crafts import crafts_ensure
from volunteers.reporting.wages import wages_ensure
from volunteers.services.reference import (
    consent_text_ensure,
    demo_accounts_ensure,
    directions_load,
    front_offices_ensure,
    regions_load,
    stages_default_ensure,
)


class Command(BaseCommand):
    help = "Load the reference data and the demo content. Safe to run again: it changes nothing that exists."

    def add_arguments(self, parser):
        parser.add_argument("--migrate", action="store_true", help="Apply migrations first (one process).")
        parser.add_argument(
            "--no-demo-accounts", action="store_true", help="Skip the demo accounts, events and site content."
        )
        parser.add_argument(
            "--reset-demo-passwords", action="store_true", help="Give the demo accounts new passwords."
        )

    def handle(self, *args, migrate=False, no_demo_accounts=False, reset_demo_passwords=False, **options):
        if migrate:
            call_command("migrate", interactive=False, verbosity=0)
        regions = regions_load()
        directions = directions_load()
        offices = front_offices_ensure()
        consent_text_ensure()
        stages_default_ensure()
        crafts_ensure()
        wages = wages_ensure()
        home_pages_ensure()
        review_workflow_ensure()
        days = days_of_action_ensure()
        self.stdout.write(
            f"Seeded {regions} regions, {directions} directions, {offices} front offices, {days} days of "
            f"action, {wages} average wages, the consent text and the home page in 3 languages."
        )
        if no_demo_accounts:
            return
        demo = demo_site_ensure()
        if demo["pages"] or demo["translations"]:
            self.stdout.write(
                f"Seeded the demo site: {demo['pages']} pages, {demo['translations']} translations, "
                f"{demo['images']} images."
            )
        training = training_demo_ensure()
        if training["pages"] or training["translations"]:
            self.stdout.write(
                f"Seeded the training programme: {training['pages']} pages, "
                f"{training['translations']} translations."
            )
        path = path_demo_ensure()
        if any(path.values()):
            self.stdout.write(
                f"Seeded the Volunteer's Path: {path['incentives']} incentives, "
                f"{path['rounds']} Volunteer of the year round."
            )
        accounts = demo_accounts_ensure(reset_passwords=reset_demo_passwords)
        if events := demo_events_ensure():
            self.stdout.write(f"Seeded {events} demo events.")
        mentoring = mentoring_demo_ensure()
        if mentoring["centres"]:
            self.stdout.write(
                "Seeded the mentoring demo: a children's home, its mentors and mentees, one pair."
            )
        clubs = clubs_demo_ensure()
        if clubs["pages"] or clubs["masters"] or clubs["clubs"]:
            self.stdout.write(
                f"Seeded silver volunteering: the programme page, {clubs['masters']} masters of a craft, "
                f"{clubs['clubs']} craft clubs."
            )
        figures = figures_demo_ensure()
        if figures["volunteers"]:
            self.stdout.write(
                f"Seeded the figures' demo: {figures['volunteers']} volunteers in {figures['regions']} "
                f"regions, {figures['events']} past events with {figures['signups']} sign-ups, "
                f"{figures['claims']} claims of hours, {figures['certificates']} certificates; the figures' "
                "rollups are up to date."
            )
        new = [account for account in accounts if account.password]
        if new:
            self.stdout.write(self.style.WARNING("Demo accounts (the passwords are shown only this once):"))
            for account in new:
                self.stdout.write(f"  {account.role.value:<12} {account.email:<32} {account.password}")
        else:
            self.stdout.write(
                "Demo accounts exist already; `manage.py seed --reset-demo-passwords` gives new ones."
            )
