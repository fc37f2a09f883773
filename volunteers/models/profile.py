import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def age_on(born: dt.date, day: dt.date) -> int:
    """Full years on `day`. Someone born on 29 February comes of age on 1 March in common years."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def local_today() -> dt.date:
    return timezone.localdate()


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    UNSPECIFIED = "", _("Prefer not to say")


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone call")
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")
    TELEGRAM = "telegram", _("Telegram")


class Availability:
    """Availability as a set of "<day>-<part>" codes: "mon-morning", "sat-evening"..."""

    DAYS = [
        ("mon", _("Monday")),
        ("tue", _("Tuesday")),
        ("wed", _("Wednesday")),
        ("thu", _("Thursday")),
        ("fri", _("Friday")),
        ("sat", _("Saturday")),
        ("sun", _("Sunday")),
    ]
    PARTS = [("morning", _("morning")), ("afternoon", _("afternoon")), ("evening", _("evening"))]

    @classmethod
    def codes(cls) -> list[str]:
        return [f"{day}-{part}" for day, _d in cls.DAYS for part, _p in cls.PARTS]


SPOKEN_LANGUAGES = [
    ("kk", _("Kazakh")),
    ("ru", _("Russian")),
    ("en", _("English")),
    ("uz", _("Uzbek")),
    ("ug", _("Uyghur")),
    ("tr", _("Turkish")),
    ("de", _("German")),
    ("zh", _("Chinese")),
    ("sgn", _("Kazakh sign language")),
]

# Fields a volunteer may show on the public verification page of their card.
CARD_PUBLIC_FIELDS = [
    ("photo_name", _("Full name")),
    ("region", _("Region")),
    ("directions", _("Directions")),
    ("member_since", _("Volunteer since")),
]


def _new_token() -> str:
    return secrets.token_urlsafe(16)


class ProfileQuerySet(models.QuerySet):
    def active(self):
        return self.filter(erased_at__isnull=True, user__is_active=True)


class VolunteerProfile(models.Model):
    """What a volunteer tells about themselves; blanked by volunteer_erase when consent ends."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="profile"
    )
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    region = models.ForeignKey(
        "volunteers.Region", verbose_name=_("region"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    city = models.CharField(_("city or district"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=16, unique=True, null=True, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    directions = models.ManyToManyField(
        "volunteers.Direction", verbose_name=_("directions of interest"), blank=True
    )
    skills = models.TextField(_("skills"), max_length=1000, blank=True)
    availability = models.JSONField(_("availability"), default=list, blank=True)
    preferred_channel = models.CharField(
        _("preferred channel"), max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    is_retired = models.BooleanField(_("retired"), default=False)
    easy_reading = models.BooleanField(_("easy-reading mode"), default=False)
    language = models.CharField(_("language for messages"), max_length=5, default="kk")
    leaderboard_opt_in = models.BooleanField(_("show me on the leaderboards"), default=False)
    public_fields = models.JSONField(_("shown on the public card page"), default=list, blank=True)
    card_token = models.CharField(max_length=32, unique=True, default=_new_token, editable=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")
        indexes = [
            # The figures' counts of registered volunteers by gender, region, age and registration
            # (volunteers.reporting.people) read this index alone: 1.0 s → 0.46 s at a million profiles.
            models.Index(
                fields=["gender", "region", "created_at", "date_of_birth", "is_retired", "user"],
                condition=Q(erased_at__isnull=True), name="profile_figures",
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return str(self.user)

    def age(self, on: dt.date | None = None) -> int | None:
        if self.date_of_birth is None:
            return None
        return age_on(self.date_of_birth, on or local_today())

    @property
    def is_minor(self) -> bool:
        age = self.age()
        return age is not None and age < settings.VOLUNTEERS_ADULT_AGE

    @property
    def needs_guardian_consent(self) -> bool:
        age = self.age()
        return age is not None and age < settings.VOLUNTEERS_GUARDIAN_CONSENT_UNDER

    @property
    def is_silver(self) -> bool:
        age = self.age()
        return self.is_retired or (age is not None and age >= settings.VOLUNTEERS_SILVER_AGE)

    def guardian_confirmed(self) -> bool:
        return self.guardian_consents.filter(confirmed_at__isnull=False).exists()


class ClaimCode(models.Model):
    """A one-time code that lets a volunteer registered by a coordinator take over their account."""

    profile = models.OneToOneField(VolunteerProfile, on_delete=models.CASCADE, related_name="claim_code")
    code_hash = models.CharField(max_length=128)
    expires_at = models.DateTimeField()
    failed_attempts = models.PositiveSmallIntegerField(default=0)

    def __str__(self) -> str:
        return f"claim code of {self.profile_id}"
