from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    SHIFT_HOURS = "shift_hours", _("Hours at an event")
    MENTORING_HOURS = "mentoring_hours", _("Hours of mentoring")
    CLUB_HOURS = "club_hours", _("Hours leading a craft club")
    CLAIMED_HOURS = "claimed_hours", _("Hours outside the platform")
    COURSE_COMPLETED = "course_completed", _("Course completed")
    AWARD = "award", _("Award")


class EntryStatus(models.TextChoices):
    VERIFIED = "verified", _("Verified")
    PENDING = "pending", _("Waiting for verification")
    REJECTED = "rejected", _("Rejected")
    # Withdraws the fact of the entry it corrects (a certificate revoked): the original stays, and says why.
    REVOKED = "revoked", _("Revoked")


class LedgerEntry(models.Model):
    """One fact in a volunteer's book. Never edited in place: a correction is a new entry for the same source
    whose hours are the difference, so that the sum of a source's entries is what it is worth now.

    `source` names what the fact comes from ("events.signup:42"), so that recording it again is harmless.
    """

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ledger_entries",
        verbose_name=_("volunteer"),
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)
    status = models.CharField(_("status"), max_length=10, choices=EntryStatus.choices)
    hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=2, default=Decimal(0))
    occurred_on = models.DateField(_("date"))
    source = models.CharField(_("source"), max_length=64)
    # What the fact is about, across sources: "events.event:7" (every shift of one event), "training.course:
    # <key>" (the course in any language). Stages count events and specific courses by it.
    subject = models.CharField(_("subject"), max_length=64, blank=True)
    title = models.JSONField(_("title"), default=dict, blank=True)  # what it was, in the languages known
    organisation = models.ForeignKey(
        "volunteers.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("organisation"),
    )  # fmt: skip
    direction = models.ForeignKey(
        "volunteers.Direction", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("direction"),
    )  # fmt: skip
    region = models.ForeignKey(
        "volunteers.Region", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("region"),
    )  # fmt: skip
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections",
        verbose_name=_("corrects"),
    )  # fmt: skip
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("verified by"),
    )  # fmt: skip
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("volunteer book entry")
        verbose_name_plural = _("volunteer book entries")
        ordering = ["-occurred_on", "-pk"]
        indexes = [
            models.Index(fields=["volunteer", "occurred_on"]),
            models.Index(fields=["source"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gte=-24 * 366) & Q(hours__lte=24 * 366), name="ledger_hours_sane"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer_id} {self.kind} {self.hours} ({self.source})"
