from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClubsConfig(AppConfig):
    """Silver volunteering's craft clubs (roadmap items 25-26): masters, clubs, children's enrolments and
    attendance. Part of the volunteers domain, an app of its own for its tables and pages."""

    name = "volunteers.clubs"
    label = "clubs"
    verbose_name = _("Craft clubs")

    def ready(self):
        # The export section and the erasure hook of the clubs' data; the panel of the account page.
        from volunteers.clubs import figures, panel, privacy  # noqa: F401
