from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from config.i18n import TranslatedField


class OrganisationKind(models.TextChoices):
    REPUBLICAN_FRONT_OFFICE = "republican_fo", _("Republican front office")
    REGIONAL_FRONT_OFFICE = "regional_fo", _("Regional front office")
    NGO = "ngo", _("Non-governmental organisation")
    SOCIAL_SERVICE_CENTRE = "social_centre", _("Social service centre")
    CHILDREN_HOME = "children_home", _("Children's home")
    SCHOOL = "school", _("School")
    UNIVERSITY = "university", _("University or college")
    COMPANY = "company", _("Company (corporate volunteering)")


class Organisation(models.Model):
    name = TranslatedField(_("name"))
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=OrganisationKind.choices)
    region = models.ForeignKey(
        "volunteers.Region", verbose_name=_("region"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="organisations",
    )  # fmt: skip
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=16, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    website = models.URLField(_("website"), blank=True)
    verified = models.BooleanField(_("verified"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["kind", "slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["region"],
                condition=Q(kind="regional_fo"),
                name="one_regional_front_office_per_region",
            ),
            models.CheckConstraint(
                condition=Q(kind="republican_fo") | Q(region__isnull=False),
                name="organisation_has_region_unless_republican",
            ),
        ]

    def __str__(self) -> str:
        return str(self.name)


class MembershipRole(models.TextChoices):
    VOLUNTEER = "volunteer", _("Volunteer")
    COORDINATOR = "coordinator", _("Coordinator")
    MANAGER = "manager", _("Manager")


STAFF_ROLES = (MembershipRole.COORDINATOR, MembershipRole.MANAGER)


class MembershipQuerySet(models.QuerySet):
    def staff(self):
        return self.filter(role__in=STAFF_ROLES, active=True)


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        _("role"), max_length=12, choices=MembershipRole.choices, default=MembershipRole.VOLUNTEER
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_organisation")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"
