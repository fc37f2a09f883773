"""What the admins' screens of the figures (Volunteers → Average wages, Volunteers → Analysts' scopes, in
volunteers/wagtail_hooks.py) need: their forms, the list's columns, and the audit of analysts' scopes.

Not Django's admin (the project has none): the name says what the module is for.
"""

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.actions import CreateAction, DeleteAction, EditAction
from wagtail.admin.forms import WagtailAdminModelForm

from volunteers.admin_views import UserByEmailField
from volunteers.audit import audit_log
from volunteers.roles import ROLE_GROUPS, Role

from .models import AnalystScope, RegionWage

FIRST_YEAR = 2000


class RegionWageForm(WagtailAdminModelForm):
    class Meta(WagtailAdminModelForm.Meta):
        model = RegionWage
        fields = ["region", "year", "monthly_wage", "hours_per_month", "source", "source_url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].empty_label = _("Republic of Kazakhstan (whole country)")

    def clean_year(self):
        year = self.cleaned_data["year"]
        last = timezone.localdate().year
        if not FIRST_YEAR <= year <= last:
            raise forms.ValidationError(
                _("Enter a year from %(first)s to %(last)s."), params={"first": FIRST_YEAR, "last": last}
            )
        return year

    def clean_monthly_wage(self):
        wage = self.cleaned_data["monthly_wage"]
        if wage <= 0:
            raise forms.ValidationError(_("The wage must be more than zero."))
        return wage

    def clean_hours_per_month(self):
        hours = self.cleaned_data["hours_per_month"]
        if not 0 < hours <= 744:  # 31 days × 24 hours
            raise forms.ValidationError(_("Enter the hours of a month: more than 0, at most 744."))
        return hours

    def clean(self):
        cleaned = super().clean()
        region, year = cleaned.get("region"), cleaned.get("year")
        if year is not None and "region" not in self.errors:
            # Said next to the field: the database's unique constraints would only name themselves.
            taken = RegionWage.objects.filter(region=region, year=year).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "year",
                    _("The table already has the wage of %(region)s for %(year)s: edit that row instead.")
                    % {"region": region or _("the Republic of Kazakhstan"), "year": year},
                )
        return cleaned


def wage_region(wage: RegionWage) -> str:
    return str(wage.region) if wage.region_id else str(_("Republic of Kazakhstan"))


def wage_source(wage: RegionWage) -> str:
    if not wage.source_url:
        return wage.source
    return format_html('<a href="{}" rel="noreferrer" target="_blank">{}</a>', wage.source_url, wage.source)


class AnalystScopeForm(WagtailAdminModelForm):
    user = UserByEmailField(label=_("e-mail address of the analyst"))

    class Meta(WagtailAdminModelForm.Meta):
        model = AnalystScope
        fields = ["user", "region"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].empty_label = _("The whole country")
        if self.instance.pk:
            self.initial["user"] = self.instance.user
            self.fields["user"].disabled = True
            self.fields["user"].help_text = _("Cannot be changed once saved.")

    def clean_user(self):
        user = self.cleaned_data["user"]
        if not user.groups.filter(name=ROLE_GROUPS[Role.ANALYST]).exists():
            raise forms.ValidationError(
                _("This account is not an analyst: add it to the “Analysts” group in Users first.")
            )
        if not self.instance.pk and AnalystScope.objects.filter(user=user).exists():
            raise forms.ValidationError(_("This analyst already has a scope: edit it instead."))
        return user


# --- Audit: which region an analyst reads is a permission, so its changes leave an entry ------------------


class AnalystScopeCreateAction(CreateAction):
    def execute(self, skip_permission_checks=False):
        with transaction.atomic():
            scope = super().execute(skip_permission_checks=skip_permission_checks)
            audit_log(actor=self.user, action="reporting.analyst_scope.created", subject=scope.user,
                      region=scope.region_id)  # fmt: skip
        return scope


class AnalystScopeEditAction(EditAction):
    def execute(self, skip_permission_checks=False):
        before = AnalystScope.objects.filter(pk=self.instance.pk).values_list("region_id", flat=True).first()
        with transaction.atomic():
            scope = super().execute(skip_permission_checks=skip_permission_checks)
            if before != scope.region_id:
                audit_log(actor=self.user, action="reporting.analyst_scope.changed", subject=scope.user,
                          before=before, after=scope.region_id)  # fmt: skip
        return scope


class AnalystScopeDeleteAction(DeleteAction):
    def execute(self, skip_permission_checks=False):
        scope = self.instance
        with transaction.atomic():
            audit_log(actor=self.user, action="reporting.analyst_scope.deleted", subject=scope.user,
                      region=scope.region_id)  # fmt: skip
            return super().execute(skip_permission_checks=skip_permission_checks)
