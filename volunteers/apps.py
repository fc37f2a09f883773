from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("Volunteers")

    def ready(self):
        # The volunteer book's export section; the book's account panel, export section and erasure hook.
        from volunteers import book_panel  # noqa: F401
        from volunteers.services import ledger  # noqa: F401
