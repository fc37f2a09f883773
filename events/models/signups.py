import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

# Check-in codes avoid letters that read alike (0/O, 1/I/L) so that a code typed from a phone screen works.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10


def checkin_code_new() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))


def feed_token_new() -> str:
    return secrets.token_urlsafe(24)


class SignupStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_STATUSES = (SignupStatus.CONFIRMED, SignupStatus.WAITLISTED)


class SignupQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def of(self, user):
        """The one gate for a volunteer's own sign-ups: anyone else's id is simply not found."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(volunteer=user)

    def with_waitlist_position(self):
        """Annotates `ahead`: how many people joined the same shift's waitlist earlier (one subquery)."""
        earlier = (
            Signup.objects.filter(
                shift=models.OuterRef("shift"),
                status=SignupStatus.WAITLISTED,
                queued_at__lt=models.OuterRef("queued_at"),
            )
            .order_by()
            .values("shift")
            .annotate(count=models.Count("pk"))
            .values("count")
        )
        return self.annotate(ahead=Coalesce(models.Subquery(earlier), 0))

    def managed_by(self, user):
        """The one gate for coordinators: sign-ups to the events of the organisations they coordinate."""
        from events.models.events import Event

        return self.filter(shift__event__in=Event.objects.managed_by(user))


class Signup(models.Model):
    shift = models.ForeignKey(
        "events.Shift", on_delete=models.CASCADE, related_name="signups", verbose_name=_("shift")
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="signups",
        verbose_name=_("volunteer"),
    )
    status = models.CharField(_("status"), max_length=10, choices=SignupStatus.choices)
    code = models.CharField(
        _("check-in code"), max_length=16, unique=True, default=checkin_code_new, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The waitlist is served in the order people joined it: this moves when someone signs up again.
    queued_at = models.DateTimeField(_("joined"), db_index=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by_organiser = models.BooleanField(default=False)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    hours = models.DecimalField(_("hours credited"), max_digits=5, decimal_places=2, null=True, blank=True)
    attendance_confirmed_at = models.DateTimeField(null=True, blank=True)
    attendance_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    objects = SignupQuerySet.as_manager()

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["queued_at", "pk"]
        indexes = [models.Index(fields=["shift", "status", "queued_at"])]
        constraints = [
            models.UniqueConstraint(fields=["shift", "volunteer"], name="one_signup_per_shift"),
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | Q(hours__gte=0, hours__lte=24), name="signup_hours_sane"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer_id} → {self.shift_id} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def position(self) -> int | None:
        """Place on the waitlist, from the `ahead` annotation (SignupQuerySet.with_waitlist_position)."""
        return self.ahead + 1 if self.status == SignupStatus.WAITLISTED else None

    @property
    def code_display(self) -> str:
        return f"{self.code[:5]}-{self.code[5:]}"


class Notice(models.Model):
    """One e-mail about one sign-up: the row is written before sending and marked after, so a retried task
    sends what failed and never sends twice what went out."""

    class Kind(models.TextChoices):
        CONFIRMED = "confirmed"
        WAITLISTED = "waitlisted"
        PROMOTED = "promoted"
        REMINDER = "reminder"
        CHANGED = "changed"
        CANCELLED = "cancelled"

    signup = models.ForeignKey(Signup, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    key = models.CharField(max_length=32, default="", blank=True)  # the event's version for "changed"
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["signup", "kind", "key"], name="one_notice_per_change")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} → {self.signup_id}"


class CalendarFeed(models.Model):
    """A volunteer's personal iCal feed. Revoking gives a new token; the old URL then finds nothing."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=feed_token_new)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"calendar feed of {self.user_id}"
