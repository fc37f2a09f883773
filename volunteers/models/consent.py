import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from config.i18n import TranslatedField


class ConsentText(models.Model):
    """One published version of the consent to personal-data processing (Law No. 94-V, art. 8).

    Never edited once volunteers have accepted it: a change is a new version.
    """

    version = models.PositiveIntegerField(_("version"), unique=True)
    operator = TranslatedField(_("operator"))
    purpose = TranslatedField(_("purpose"))
    data_collected = TranslatedField(_("personal data collected"))
    period = TranslatedField(_("period of processing"))
    third_parties = TranslatedField(_("transfer to third parties"))
    cross_border = TranslatedField(_("cross-border transfer"))
    publication = TranslatedField(_("publication"))
    published_at = models.DateTimeField(_("published"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"v{self.version}"

    @classmethod
    def current(cls) -> "ConsentText | None":
        return cls.objects.order_by("-version").first()

    def sections(self):
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in (
                "operator",
                "purpose",
                "data_collected",
                "period",
                "third_parties",
                "cross_border",
                "publication",
            )
        ]


class ConsentMethod(models.TextChoices):
    ONLINE = "online", _("online, by the person")
    IN_PERSON = "in_person", _("in person, recorded by a coordinator")
    EMAIL_LINK = "email_link", _("by a link sent by e-mail")


class PersonalDataConsent(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    text = models.ForeignKey(ConsentText, on_delete=models.PROTECT, related_name="+", verbose_name=_("text"))
    language = models.CharField(_("language shown"), max_length=5)
    method = models.CharField(_("how it was given"), max_length=12, choices=ConsentMethod.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    given_at = models.DateTimeField(_("given"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent to personal-data processing")
        verbose_name_plural = _("consents to personal-data processing")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.user} · {self.text} · {self.given_at:%Y-%m-%d}"


def _guardian_token() -> str:
    return secrets.token_urlsafe(32)


class GuardianConsent(models.Model):
    """A parent's or legal guardian's consent for a volunteer under the configured age (16 by default)."""

    profile = models.ForeignKey(
        "volunteers.VolunteerProfile", on_delete=models.CASCADE, related_name="guardian_consents"
    )
    guardian_name = models.CharField(_("guardian's full name"), max_length=150, blank=True)
    guardian_email = models.EmailField(_("guardian's e-mail"), blank=True)
    guardian_phone = models.CharField(_("guardian's phone"), max_length=16, blank=True)
    token = models.CharField(max_length=64, unique=True, default=_guardian_token, editable=False)
    language = models.CharField(max_length=5, default="kk")
    method = models.CharField(max_length=12, choices=ConsentMethod.choices, default=ConsentMethod.EMAIL_LINK)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_name = models.CharField(_("confirmed by"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("guardian's consent")
        verbose_name_plural = _("guardians' consents")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.profile} · {self.guardian_name or self.guardian_email}"
