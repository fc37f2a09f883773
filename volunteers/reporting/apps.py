from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """Figures and the roadmap's annual reports: rollups of the volunteer book refreshed incrementally, the
    table of average wages that values volunteer time, and who may read which figures. Part of the
    volunteers domain (the book is its own); events, training and the clubs give their figures to it."""

    name = "volunteers.reporting"
    label = "reporting"
    verbose_name = _("Figures and reports")

    def ready(self):
        # The erasure hook: an erased volunteer's own rows of the figures go.
        from volunteers.reporting import people, privacy, providers  # noqa: F401
