"""Craft clubs led by silver volunteers: "Ата көрген оқ жонар" for boys and "Ана көрген тон пішер" for girls.

- A *master* is a silver volunteer's declared craft, with a short story and photos; a coordinator verifies it.
- A *club* is run by an organisation at a place, on a weekly schedule (a recurring series of sessions), for
  children of an age range, with a capacity and a waitlist.
- A parent or guardian *enrols* a child with the least data (a name, the date of birth, a contact) and gives
  consent for the child's data; the club's coordinators take *attendance* per session, and the masters who led
  a session have its hours in their volunteer book.
"""

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from config.i18n import TranslatedField
from volunteers.models.profile import age_on


class Craft(models.Model):
    """One craft of the translatable list (woodwork, jewellery, weaving...), kept by admins."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = TranslatedField(_("name"))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("offered"), default=True)

    class Meta:
        verbose_name = _("craft")
        verbose_name_plural = _("crafts")
        ordering = ["sort_order", "slug"]

    def __str__(self) -> str:
        return str(self.name)


class MasterStatus(models.TextChoices):
    APPLIED = "applied", _("Waiting for verification")
    VERIFIED = "verified", _("Verified")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Master(models.Model):
    """A silver volunteer's declared craft. Only a verified master leads a club or is shown to the public."""

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="crafts_declared",
        verbose_name=_("volunteer"),
    )  # fmt: skip
    craft = models.ForeignKey(
        Craft, on_delete=models.PROTECT, related_name="masters", verbose_name=_("craft")
    )
    # The organisation whose coordinators verify the declaration (a front office, a centre of the region).
    organisation = models.ForeignKey(
        "volunteers.Organisation", on_delete=models.PROTECT, related_name="masters",
        verbose_name=_("organisation"),
    )  # fmt: skip
    region = models.ForeignKey(
        "volunteers.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    story = models.TextField(_("about me and my craft"), max_length=1000)
    years = models.PositiveSmallIntegerField(_("years in the craft"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MasterStatus.choices, default=MasterStatus.APPLIED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("decided by"),
    )  # fmt: skip
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decline_reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("declared at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("master")
        verbose_name_plural = _("masters")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["region", "status"])]
        constraints = [
            models.UniqueConstraint(fields=["volunteer", "craft"], name="one_declaration_per_craft"),
            models.CheckConstraint(
                condition=Q(years__isnull=True) | Q(years__lte=90), name="master_years_sane"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} · {self.craft}"

    @property
    def is_verified(self) -> bool:
        return self.status == MasterStatus.VERIFIED


class MasterPhoto(models.Model):
    """A photo of the master's work. Shown to the public once a coordinator has approved it."""

    master = models.ForeignKey(
        Master, on_delete=models.CASCADE, related_name="photos", verbose_name=_("master")
    )
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("photo")
    )
    caption = models.CharField(_("what the photo shows"), max_length=150)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("approved by"),
    )  # fmt: skip
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("master's photo")
        verbose_name_plural = _("masters' photos")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.caption


class Audience(models.TextChoices):
    """The audiences the roadmap names (item 26), and clubs open to both."""

    BOYS = "boys", _("Boys: «Ата көрген оқ жонар»")
    GIRLS = "girls", _("Girls: «Ана көрген тон пішер»")
    ALL = "all", _("Boys and girls")


class ClubStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for enrolment")
    CLOSED = "closed", _("Enrolment closed")
    CANCELLED = "cancelled", _("Cancelled")


class ClubQuerySet(models.QuerySet):
    def public(self):
        """What the catalogue lists: clubs open or closed for enrolment, not drafts or cancelled ones."""
        return self.filter(status__in=[ClubStatus.OPEN, ClubStatus.CLOSED])


class Club(models.Model):
    organisation = models.ForeignKey(
        "volunteers.Organisation", on_delete=models.PROTECT, related_name="clubs",
        verbose_name=_("organisation"),
    )  # fmt: skip
    craft = models.ForeignKey(Craft, on_delete=models.PROTECT, related_name="clubs", verbose_name=_("craft"))
    masters = models.ManyToManyField(Master, related_name="clubs", verbose_name=_("masters"))
    title = TranslatedField(_("title"))
    description = TranslatedField(_("description"), blank=True)
    audience = models.CharField(_("for whom"), max_length=6, choices=Audience.choices)
    region = models.ForeignKey(
        "volunteers.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    city = models.CharField(_("city or district"), max_length=100)
    address = models.CharField(_("address"), max_length=255)
    min_age = models.PositiveSmallIntegerField(_("children from (years)"))
    max_age = models.PositiveSmallIntegerField(_("children up to (years)"))
    capacity = models.PositiveSmallIntegerField(_("places"))
    languages = models.JSONField(_("languages"), default=list)
    # The schedule: a weekly series from `starts_on` to `ends_on` on `weekdays` (0 = Monday) at these times.
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    weekdays = models.JSONField(_("days of the week"), default=list)
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    status = models.CharField(
        _("status"), max_length=10, choices=ClubStatus.choices, default=ClubStatus.DRAFT
    )
    # Kept by the enrolment service under the club's row lock; the constraint below is the backstop.
    enrolled_count = models.PositiveIntegerField(default=0, editable=False)
    waitlist_count = models.PositiveIntegerField(default=0, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClubQuerySet.as_manager()

    class Meta:
        verbose_name = _("club")
        verbose_name_plural = _("clubs")
        ordering = ["starts_on", "pk"]
        indexes = [models.Index(fields=["status", "region"])]
        constraints = [
            models.CheckConstraint(condition=Q(min_age__lte=F("max_age")), name="club_age_range_ordered"),
            models.CheckConstraint(
                condition=Q(starts_on__lte=F("ends_on")), name="club_starts_before_it_ends"
            ),
            models.CheckConstraint(
                condition=Q(start_time__lt=F("end_time")), name="club_session_time_ordered"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="club_capacity_positive"),
            models.CheckConstraint(condition=Q(enrolled_count__lte=F("capacity")), name="club_not_overfull"),
        ]

    def __str__(self) -> str:
        return str(self.title)

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.enrolled_count, 0)

    @property
    def is_full(self) -> bool:
        return self.enrolled_count >= self.capacity

    def accepts_age(self, born: dt.date, on: dt.date | None = None) -> bool:
        """Whether a child born on `born` is of the club's ages on `on` (the club's first day by default, or
        today once it has begun: see services.enrolments)."""
        age = age_on(born, on or self.starts_on)
        return self.min_age <= age <= self.max_age


class ClubSession(models.Model):
    """One meeting of a club's series. `held_at` is set when attendance is recorded."""

    club = models.ForeignKey(Club, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("club"))
    date = models.DateField(_("date"))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    # Who led this session: their hours reach their volunteer book when attendance is recorded.
    masters = models.ManyToManyField(
        Master, related_name="sessions_led", blank=True, verbose_name=_("led by")
    )
    held_at = models.DateTimeField(_("attendance recorded"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("recorded by"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("club session")
        verbose_name_plural = _("club sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["club", "date"], name="one_club_session_per_day"),
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="club_session_starts_before_end"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.club} · {self.date}"


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    WAITLISTED = "waitlisted", _("On the waitlist")
    WITHDRAWN = "withdrawn", _("Withdrawn by the guardian")
    REMOVED = "removed", _("Removed by the club")


ACTIVE_ENROLMENT = (EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED)


class Relationship(models.TextChoices):
    PARENT = "parent", pgettext_lazy("relationship", "Mother or father")
    GUARDIAN = "guardian", _("Legal guardian (trustee)")


def _token() -> str:
    return secrets.token_urlsafe(24)


class Enrolment(models.Model):
    """A child in a club (or on its waitlist), with the guardian who enrolled them and their consent.

    The least data: the child's name and date of birth; the guardian's name and phone, an e-mail if they
    want messages. No health or family details. `child_key` (the name folded, and the date of birth) finds
    the same child enrolled twice."""

    club = models.ForeignKey(
        Club, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("club")
    )
    child_name = models.CharField(_("child's name"), max_length=80)
    child_birth_date = models.DateField(_("child's date of birth"))
    child_key = models.CharField(max_length=120, editable=False)
    guardian = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("guardian's account"),
    )  # fmt: skip
    guardian_name = models.CharField(_("parent's or guardian's full name"), max_length=150)
    relationship = models.CharField(
        _("relationship to the child"),
        max_length=10,
        choices=Relationship.choices,
        default=Relationship.PARENT,
    )
    guardian_phone = models.CharField(_("phone"), max_length=16)
    guardian_email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language for messages"), max_length=5, default="kk")
    status = models.CharField(_("status"), max_length=10, choices=EnrolmentStatus.choices)
    # The consent for the child's data (Law No. 94-V): which text, in which language, given how and when.
    consent_version = models.PositiveSmallIntegerField(_("consent version"))
    consent_language = models.CharField(_("consent language"), max_length=5)
    consent_method = models.CharField(_("how consent was given"), max_length=12)
    consent_at = models.DateTimeField(_("consent given"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("recorded by"),
    )  # fmt: skip
    # The guardian's link to see and withdraw the enrolment without an account.
    token = models.CharField(max_length=40, unique=True, default=_token, editable=False)
    created_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    enrolled_at = models.DateTimeField(_("place given"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["club", "status", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["club", "child_key"],
                condition=Q(status__in=["enrolled", "waitlisted"]),
                name="one_active_enrolment_per_child",
            )
        ]

    def __str__(self) -> str:
        return f"{self.child_name} · {self.club}"

    @staticmethod
    def key_of(name: str, born: dt.date) -> str:
        return f"{' '.join(name.split()).casefold()}|{born.isoformat()}"

    def age(self, on: dt.date) -> int:
        return age_on(self.child_birth_date, on)


class Attendance(models.Model):
    session = models.ForeignKey(
        ClubSession, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("session")
    )
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("child")
    )
    present = models.BooleanField(_("present"))

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "enrolment"], name="one_mark_per_child_session")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id} @ {self.session_id}: {self.present}"
