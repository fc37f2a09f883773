"""What the figures are read from at national scale, instead of the volunteer book's rows on every view.

- HoursMonth: the book's verified hours summed by month, region, organisation, direction and kind. The book is
  append-only (a correction is a new entry), so new entries since the last refresh are simply added on.
- VolunteerYear: per volunteer and year, the months with verified activity (a bit mask) and the hours: active
  volunteers by month or year and region without scanning the book.
- RollupState: how far the rollups have read the book (the last entry's id).
- RegionWage: the average monthly nominal wage of a region in a year (Bureau of National Statistics), which
  values an hour of volunteering by the ILO's replacement-cost method; admins keep it.
- AnalystScope: the region an analyst reads the figures of (none: the whole country).

Ids of regions, organisations and directions are plain integers in the rollups (0 for none): a rollup must
not hold a deletion back, and a unique key with NULLs would not be unique on PostgreSQL.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class HoursMonth(models.Model):
    month = models.DateField(_("month"))  # its first day
    region_id = models.PositiveIntegerField(default=0)
    organisation_id = models.PositiveIntegerField(default=0)
    direction_id = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=20)
    hours = models.DecimalField(_("hours"), max_digits=14, decimal_places=2, default=Decimal(0))
    entries = models.IntegerField(_("entries"), default=0)

    class Meta:
        verbose_name = _("hours of a month")
        verbose_name_plural = _("hours by month")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "region_id", "organisation_id", "direction_id", "kind"],
                name="hours_month_key",
            )
        ]
        indexes = [
            models.Index(fields=["region_id", "month"]),
            models.Index(fields=["organisation_id", "month"]),
        ]

    def __str__(self) -> str:
        return (
            f"{self.month:%Y-%m} r{self.region_id} o{self.organisation_id} d{self.direction_id} {self.kind}"
        )


class VolunteerYear(models.Model):
    volunteer_id = models.PositiveIntegerField()
    year = models.PositiveSmallIntegerField(_("year"))
    # The volunteer's region (their profile's) when the row was last refreshed; 0 when unknown.
    region_id = models.PositiveIntegerField(default=0)
    months = models.PositiveIntegerField(_("months active"), default=0)  # bit m-1 set: active in month m
    hours = models.DecimalField(_("hours"), max_digits=9, decimal_places=2, default=Decimal(0))

    class Meta:
        verbose_name = _("volunteer's year")
        verbose_name_plural = _("volunteers' years")
        constraints = [models.UniqueConstraint(fields=["volunteer_id", "year"], name="volunteer_year_key")]
        indexes = [models.Index(fields=["year", "region_id"])]

    def __str__(self) -> str:
        return f"{self.volunteer_id} {self.year}"


class RollupState(models.Model):
    name = models.CharField(max_length=20, primary_key=True)
    last_entry_id = models.BigIntegerField(default=0)
    refreshed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name}: {self.last_entry_id}"


class RegionWage(models.Model):
    """The average monthly nominal wage per employee in a region (or the whole country: no region) in a year,
    as the Bureau of National Statistics publishes it, and the hours of a working month it is divided by."""

    region = models.ForeignKey(
        "volunteers.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("region"), help_text=_("Empty: the Republic of Kazakhstan as a whole."),
    )  # fmt: skip
    year = models.PositiveSmallIntegerField(_("year"))
    monthly_wage = models.DecimalField(
        _("average monthly nominal wage, tenge"), max_digits=12, decimal_places=2
    )
    hours_per_month = models.DecimalField(
        _("working hours in a month"), max_digits=5, decimal_places=1, default=Decimal("166.7")
    )
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source address"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("average wage")
        verbose_name_plural = _("average wages")
        ordering = ["-year", "region"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="one_wage_per_region_year"),
            models.UniqueConstraint(
                fields=["year"], condition=Q(region__isnull=True), name="one_national_wage_per_year"
            ),
            models.CheckConstraint(condition=Q(monthly_wage__gt=0), name="wage_positive"),
            models.CheckConstraint(condition=Q(hours_per_month__gt=0), name="wage_hours_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.region or 'KZ'} {self.year}: {self.monthly_wage}"

    @property
    def hourly_wage(self) -> Decimal:
        return (self.monthly_wage / self.hours_per_month).quantize(Decimal("0.01"))


class AnalystScope(models.Model):
    """An analyst of an akimat reads their region's figures; without a scope (or with an empty region) an
    analyst reads the whole country's."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="analyst_scope",
        verbose_name=_("analyst"),
    )  # fmt: skip
    region = models.ForeignKey(
        "volunteers.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("region"), help_text=_("Empty: the whole country."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("analyst's scope")
        verbose_name_plural = _("analysts' scopes")

    def __str__(self) -> str:
        return f"{self.user} · {self.region or '—'}"


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class AnnualReport(models.Model):
    """The roadmap's annual report of a region (an akimat's, due by the 25th of the month after the year), or
    the national summary (no region: the ministry's, due by 1 March), in one language. Prepared by a Celery
    task as XLSX and PDF, kept here (small files, read only through the gate: never public media)."""

    year = models.PositiveSmallIntegerField(_("year"))
    region = models.ForeignKey(
        "volunteers.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("region"),
    )  # fmt: skip
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("requested by"),
    )  # fmt: skip
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    figures_as_of = models.DateTimeField(_("figures as of"), null=True, blank=True)
    xlsx = models.BinaryField(null=True, blank=True, editable=False)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    error = models.CharField(_("what went wrong"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["year", "region", "language"])]

    def __str__(self) -> str:
        return f"{self.year} {self.region or 'KZ'} {self.language} {self.status}"

    @property
    def national(self) -> bool:
        return self.region_id is None
