from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from config.i18n import TranslatedField


class EmailUserManager(UserManager):
    """Users sign in with their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        # A volunteer registered by a coordinator may have no e-mail address (phone only) until they claim it.
        user = self.model(email=self.normalize_email(email).lower() if email else None, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mail address"), max_length=254, unique=True, null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_unique_ci")]

    def __str__(self) -> str:
        return self.get_full_name() or self.email or f"#{self.pk}"

    def save(self, *args, **kwargs):
        # Stored lower-case so that the plain unique index also holds across letter case.
        self.email = (self.email or "").strip().lower() or None
        super().save(*args, **kwargs)


class RegionKind(models.TextChoices):
    REGION = "region", pgettext_lazy("kind of region", "Region (oblys)")
    CITY = "city", _("City of republican significance")


class Region(models.Model):
    """One of the 17 regions and 3 cities of republican significance, keyed by ISO 3166-2 code."""

    iso_code = models.CharField(_("ISO 3166-2 code"), max_length=6, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=RegionKind.choices)
    name = TranslatedField(_("name"))
    admin_centre = models.CharField(_("administrative centre"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["iso_code"]

    def __str__(self) -> str:
        return str(self.name)


class Direction(models.Model):
    """A direction of volunteering: the eight Birgemiz national projects and the roadmap's other ones."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = TranslatedField(_("name"))
    description = TranslatedField(_("description"), blank=True)
    is_birgemiz = models.BooleanField(_("Birgemiz national project"), default=False)
    roadmap_item = models.PositiveSmallIntegerField(_("roadmap item"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("direction")
        verbose_name_plural = _("directions")
        ordering = ["sort_order", "slug"]

    def __str__(self) -> str:
        return str(self.name)
