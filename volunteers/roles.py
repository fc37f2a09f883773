"""The platform's roles. Staff roles are Django groups; a volunteer is any signed-up person.

Organisation-scoped roles (coordinator, manager of one organisation) arrive with memberships; the groups
here are what the admin and the CMS check.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    VOLUNTEER = "volunteer", _("Volunteer")
    COORDINATOR = "coordinator", _("Coordinator")
    EDITOR = "editor", _("Editor")
    ANALYST = "analyst", _("Analyst")
    ADMIN = "admin", _("Administrator")


# Group names are Wagtail's own for the CMS roles, so its workflow and page permissions apply to them.
ROLE_GROUPS = {
    Role.COORDINATOR: "Coordinators",
    Role.EDITOR: "Editors",
    Role.ANALYST: "Analysts",
}
