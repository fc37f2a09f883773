"""Volunteer zholy: the stages editors define, each volunteer's standing on the path and its history, the
documents issued from the book (transcripts and stage letters), and the incentives partners offer."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from config.i18n import TranslatedField


class StageIcon(models.TextChoices):
    """Icons shipped in static/volunteers/stages/<value>.svg."""

    SEEDLING = "seedling", _("Seedling")
    SPROUT = "sprout", _("Sprout")
    TREE = "tree", _("Tree")
    STAR = "star", _("Star")
    MEDAL = "medal", _("Medal")
    HEART = "heart", _("Heart")
    MOUNTAIN = "mountain", _("Mountain")
    SUN = "sun", _("Sun")


class StageQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Stage(models.Model):
    """One step of the path. Every criterion set above zero must hold (and every earlier stage's), so a
    path is climbed in order. The thresholds are data: no official ones are published, and the five seeded
    ones say so (`default_thresholds`) until an editor changes them."""

    position = models.PositiveSmallIntegerField(_("position"), unique=True)
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = TranslatedField(_("name"))
    description = TranslatedField(_("description"), blank=True)
    rewards = TranslatedField(_("rewards"), blank=True)
    icon = models.CharField(_("icon"), max_length=20, choices=StageIcon.choices, default=StageIcon.STAR)
    min_hours = models.DecimalField(
        _("verified hours"), max_digits=7, decimal_places=2, default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )  # fmt: skip
    min_events = models.PositiveIntegerField(_("events attended"), default=0)
    min_courses = models.PositiveIntegerField(_("courses completed (any)"), default=0)
    required_courses = models.JSONField(_("courses that must be completed"), default=list, blank=True)
    min_months = models.PositiveIntegerField(_("months since the first activity"), default=0)
    min_mentoring_hours = models.DecimalField(
        _("hours of mentoring"), max_digits=7, decimal_places=2, default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )  # fmt: skip
    active = models.BooleanField(_("active"), default=True)
    default_thresholds = models.BooleanField(
        _("default thresholds"),
        default=False,
        help_text=_("A platform default, not an official threshold. Cleared when an editor saves the stage."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = StageQuerySet.as_manager()

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_hours__gte=0) & Q(min_mentoring_hours__gte=0),
                name="stage_thresholds_positive",
            )
        ]

    def __str__(self) -> str:
        return str(self.name)


class StageStanding(models.Model):
    """Where a volunteer stands on the path, with the figures of the last evaluation that changed it."""

    volunteer = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="stage_standing"
    )
    stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("stage")
    )
    reached_at = models.DateTimeField(_("reached at"), null=True, blank=True)
    hours = models.DecimalField(_("verified hours"), max_digits=9, decimal_places=2, default=Decimal(0))
    events = models.PositiveIntegerField(_("events attended"), default=0)
    courses = models.PositiveIntegerField(_("courses completed"), default=0)
    mentoring_hours = models.DecimalField(
        _("hours of mentoring"), max_digits=9, decimal_places=2, default=Decimal(0)
    )
    first_activity_on = models.DateField(_("first activity"), null=True, blank=True)
    evaluated_at = models.DateTimeField(_("evaluated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("stage standing")
        verbose_name_plural = _("stage standings")

    def __str__(self) -> str:
        return f"{self.volunteer_id}: {self.stage_id}"


class StageChangeCause(models.TextChoices):
    REACHED = "reached", _("Criteria met")
    REVOKED = "revoked", _("Entries behind it were withdrawn")


class StageChange(models.Model):
    """The history of a volunteer's stage: never edited, one row per change."""

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stage_changes",
        verbose_name=_("volunteer"),
    )  # fmt: skip
    stage_from = models.ForeignKey(
        Stage, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("from")
    )
    stage_to = models.ForeignKey(
        Stage, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("to")
    )
    cause = models.CharField(_("cause"), max_length=10, choices=StageChangeCause.choices)
    figures = models.JSONField(_("figures"), default=dict)
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    notified_at = models.DateTimeField(_("congratulated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["volunteer", "changed_at"])]

    def __str__(self) -> str:
        return f"{self.volunteer_id}: {self.stage_from_id} → {self.stage_to_id}"


# Letters without 0/O/1/I, as certificates' codes.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def document_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))


class BookDocumentKind(models.TextChoices):
    TRANSCRIPT = "transcript", _("Transcript of the volunteer book")
    STAGE_LETTER = "stage_letter", _("Stage certificate and letter of recommendation")


class BookDocument(models.Model):
    """A document issued from the book: what it said on the day it was issued (`snapshot`), so that anyone
    holding the code can check the paper against it."""

    kind = models.CharField(_("kind"), max_length=12, choices=BookDocumentKind.choices)
    code = models.CharField(_("code"), max_length=10, unique=True, default=document_code, editable=False)
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="book_documents",
        verbose_name=_("volunteer"),
    )  # fmt: skip
    stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("stage")
    )
    language = models.CharField(_("language"), max_length=5)
    snapshot = models.JSONField(_("snapshot"), default=dict)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("book document")
        verbose_name_plural = _("book documents")
        ordering = ["-issued_at", "-pk"]

    def __str__(self) -> str:
        return self.code


class IncentiveQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Incentive(models.Model):
    """What a partner offers volunteers who reach a number of verified hours or a stage (a university's
    social student credit: 20 hours for 2 academic credits)."""

    organisation = models.ForeignKey(
        "volunteers.Organisation", on_delete=models.CASCADE, related_name="incentives",
        verbose_name=_("partner"),
    )  # fmt: skip
    title = TranslatedField(_("title"))
    description = TranslatedField(_("description"), blank=True)
    reward = TranslatedField(_("what the volunteer receives"))
    hours_required = models.DecimalField(
        _("verified hours required"), max_digits=7, decimal_places=2, default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )  # fmt: skip
    stage_required = models.ForeignKey(
        Stage, on_delete=models.PROTECT, null=True, blank=True, related_name="incentives",
        verbose_name=_("stage required"),
    )  # fmt: skip
    region = models.ForeignKey(
        "volunteers.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("region"), help_text=_("Leave empty when it is offered in the whole country."),
    )  # fmt: skip
    url = models.URLField(_("how to apply (link)"), blank=True)
    active = models.BooleanField(_("listed"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = IncentiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("incentive")
        verbose_name_plural = _("incentives")
        ordering = ["hours_required", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(hours_required__gte=0), name="incentive_hours_positive")
        ]

    def __str__(self) -> str:
        return str(self.title)
