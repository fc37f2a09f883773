import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be checked")
    VALIDATING = "validating", _("Checking the rows")
    INVALID = "invalid", _("Errors found")
    VALID = "valid", _("Ready to import")
    IMPORTING = "importing", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed")


RUNNING_STATUSES = (ImportStatus.PENDING, ImportStatus.VALIDATING, ImportStatus.IMPORTING)
# The uploaded file holds personal data: it is deleted as soon as the job can no longer need it.
FINISHED_STATUSES = (ImportStatus.INVALID, ImportStatus.DONE, ImportStatus.FAILED)


def _import_path(job: "ImportJob", filename: str) -> str:
    # A random name: the person's own file name may itself be personal ("volunteers of school 12.xlsx").
    return f"imports/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class ImportJobQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(created_by=user)


class ImportJob(models.Model):
    """One uploaded spreadsheet of volunteers: checked in full, imported only when every row is valid."""

    organisation = models.ForeignKey(
        "volunteers.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE,
        related_name="import_jobs",
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.SET_NULL, null=True,
        related_name="+",
    )  # fmt: skip
    file = models.FileField(_("file"), upload_to=_import_path, max_length=200, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    language = models.CharField(max_length=5, default="kk")
    status = models.CharField(
        _("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows processed"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    # [{"row": 12, "column": "phone", "code": "phone_invalid", "params": {...}}], at most ERRORS_KEPT entries;
    # the message is rendered in the reader's language.
    errors = models.JSONField(_("errors"), default=list, blank=True)
    # The file's own header for each column it had: {"phone": {"title": "Телефон", "letter": "D"}}.
    columns = models.JSONField(default=dict, blank=True)
    ignored_columns = models.JSONField(default=list, blank=True)
    imported_count = models.PositiveIntegerField(_("volunteers imported"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = ImportJobQuerySet.as_manager()

    ERRORS_KEPT = 1000

    class Meta:
        verbose_name = _("volunteer import")
        verbose_name_plural = _("volunteer imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} · {self.get_status_display()}"

    @property
    def is_running(self) -> bool:
        return self.status in RUNNING_STATUSES
