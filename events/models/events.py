import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.i18n import TranslatedField
from volunteers.models.profile import SPOKEN_LANGUAGES


class DayOfAction(models.Model):
    """One of the unified days of action of the roadmap (item 41), held every year in the same month."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = TranslatedField(_("name"))
    description = TranslatedField(_("description"), blank=True)
    month = models.PositiveSmallIntegerField(_("month"))
    day = models.PositiveSmallIntegerField(_("day of the month"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("day of action")
        verbose_name_plural = _("days of action")
        ordering = ["month", "sort_order", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(month__gte=1, month__lte=12), name="day_of_action_month_valid"
            ),
            models.CheckConstraint(
                condition=Q(day__isnull=True) | Q(day__gte=1, day__lte=31), name="day_of_action_day_valid"
            ),
        ]

    def __str__(self) -> str:
        return str(self.name)


class EventSeries(models.Model):
    """Events that repeat (a weekly club): each occurrence is an Event of its own with its own shifts."""

    organisation = models.ForeignKey("volunteers.Organisation", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    interval_days = models.PositiveSmallIntegerField(_("repeat every (days)"), default=7)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self) -> str:
        return f"series #{self.pk}"


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=EventStatus.PUBLISHED)

    def upcoming(self, now: dt.datetime | None = None):
        return self.filter(ends_at__gt=now or timezone.now())

    def with_places_left(self):
        """Annotates `places_left`: the free places of the event's open shifts, summed in one subquery."""
        shifts = (
            Shift.objects.filter(event=models.OuterRef("pk"), cancelled_at__isnull=True)
            .order_by()
            .values("event")
            .annotate(left=models.Sum(F("capacity") - F("confirmed_count")))
            .values("left")
        )
        return self.annotate(places_left=models.Subquery(shifts))

    def with_covers(self, spec: str):
        """Prefetches the covers with their renditions of `spec`: two queries for any number of events."""
        from wagtail.images import get_image_model

        images = get_image_model().objects.prefetch_renditions(spec)
        return self.prefetch_related(models.Prefetch("cover", queryset=images))

    def for_cards(self):
        """What an event card shows (events/includes/event_card.html), in one query plus the covers."""
        return (
            self.with_places_left()
            .select_related("organisation", "region", "direction", "day_of_action")
            .with_covers(CARD_COVER)
        )

    def managed_by(self, user):
        """The one gate for writing events: the events of the organisations this person coordinates."""
        from volunteers.permissions import organisations_managed_by

        return self.filter(organisation__in=organisations_managed_by(user))

    def visible_to(self, user):
        """What a visitor may open: published and cancelled events, and drafts of their own organisations."""
        public = Q(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])
        if user.is_authenticated:
            return self.filter(public | Q(pk__in=self.model.objects.managed_by(user).values("pk")))
        return self.filter(public)


LANGUAGE_CHOICES = SPOKEN_LANGUAGES
CARD_COVER = "fill-480x270"  # the rendition events/includes/event_card.html shows


class Event(models.Model):
    organisation = models.ForeignKey(
        "volunteers.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT,
        related_name="events",
    )  # fmt: skip
    series = models.ForeignKey(
        EventSeries, verbose_name=_("series"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="events",
    )  # fmt: skip
    day_of_action = models.ForeignKey(
        DayOfAction, verbose_name=_("day of action"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="events",
    )  # fmt: skip
    title = TranslatedField(_("title"))
    description = TranslatedField(_("description"), blank=True)
    direction = models.ForeignKey(
        "volunteers.Direction", verbose_name=_("direction"), on_delete=models.PROTECT, related_name="events"
    )
    region = models.ForeignKey(
        "volunteers.Region", verbose_name=_("region"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="events",
    )  # fmt: skip
    city = models.CharField(_("city or district"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(_("link to join online"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    cover = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("cover image"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    # Course pages of the training programme; a valid certificate of each is required to sign up.
    required_courses = models.ManyToManyField(
        "wagtailcore.Page", verbose_name=_("required courses"), blank=True, related_name="+"
    )
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    adults_only = models.BooleanField(_("adults only"), default=False)
    silver_friendly = models.BooleanField(_("suited to silver volunteers"), default=False)
    accessibility = TranslatedField(_("accessibility"), blank=True)
    # The languages the event is held in, as ",kk,ru," so that one portable `contains` finds a language.
    languages = models.CharField(_("languages"), max_length=64, blank=True)
    cancel_hours_before = models.PositiveSmallIntegerField(
        _("cancellation possible until (hours before)"), default=24
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=500, blank=True)
    # Lower-cased titles, descriptions and places in every language, for a search that works on any database.
    search_text = models.TextField(editable=False, blank=True)
    # Grows with each change that volunteers are told about, so each notice is sent once per change.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["status", "starts_at"]),
            models.Index(fields=["status", "ends_at"]),
            models.Index(fields=["organisation", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="event_starts_before_it_ends"
            ),
            models.CheckConstraint(
                condition=Q(is_online=True) | Q(region__isnull=False), name="event_has_region_unless_online"
            ),
        ]

    def __str__(self) -> str:
        return str(self.title)

    @property
    def is_published(self) -> bool:
        return self.status == EventStatus.PUBLISHED

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @language_codes.setter
    def language_codes(self, codes) -> None:
        self.languages = f",{','.join(codes)}," if codes else ""

    def language_names(self) -> list[str]:
        names = dict(LANGUAGE_CHOICES)
        return [str(names.get(code, code)) for code in self.language_codes]

    def search_text_build(self) -> str:
        parts = [*self.title.values(), *self.description.values(), self.city, self.address]
        return "\n".join(part for part in parts if part).casefold()


class Shift(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="shifts", verbose_name=_("event"))
    task = TranslatedField(_("task"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(_("places"))
    # Kept by the sign-up service under the shift's row lock; the constraint below is the backstop.
    confirmed_count = models.PositiveIntegerField(default=0, editable=False)
    waitlist_count = models.PositiveIntegerField(default=0, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="shift_starts_before_it_ends"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="shift_capacity_positive"),
            models.CheckConstraint(
                condition=Q(confirmed_count__lte=F("capacity")), name="shift_not_overbooked"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} · {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def is_full(self) -> bool:
        return self.confirmed_count >= self.capacity

    @property
    def hours(self) -> Decimal:
        seconds = (self.ends_at - self.starts_at).total_seconds()
        return (Decimal(seconds) / Decimal(3600)).quantize(Decimal("0.01"))

    def cancel_deadline(self) -> dt.datetime:
        return self.starts_at - dt.timedelta(hours=self.event.cancel_hours_before)
