from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    """Mentor matching and follow-up (Sabaqtastyq, newcomers, Qamqor home visits): part of the volunteers
    domain, an app of its own for its tables and pages."""

    name = "volunteers.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self):
        # The export section and the erasure hook of mentoring's data.
        from volunteers.mentoring import figures, privacy  # noqa: F401
