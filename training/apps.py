from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training")

    def ready(self):
        # Register the export section, the erasure hook, the account page's panel, the courses for stages and
        # the safeguarding certificates for mentoring.
        from training import figures, mentoring, privacy, profile, stages  # noqa: F401
