"""What the volunteers' admin screens (volunteers/wagtail_hooks.py) need beyond Wagtail's generic views:
who may use them, their forms, the delete guard, and the audit trail of membership changes."""

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.db.models import ProtectedError, Q, RestrictedError
from django.db.models.deletion import Collector
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.actions import CreateAction, DeleteAction, EditAction
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.permission_policies import BasePermissionPolicy

from volunteers.audit import audit_log
from volunteers.clubs.models import Craft
from volunteers.models import (
    ConsentText,
    Direction,
    Membership,
    Organisation,
    OrganisationKind,
    PersonalDataConsent,
    Region,
    StageChange,
    StageStanding,
    User,
)

# --- Who may use them ------------------------------------------------------------------------------------


class SuperuserOnlyPolicy(BasePermissionPolicy):
    """Only active superusers, whatever their groups: editors also enter /admin/, but these screens hold
    personal data and the platform's reference data. `actions` narrows what even a superuser may do."""

    def __init__(self, model, actions=("add", "change", "delete")):
        super().__init__(model)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser and action in self.actions)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not self.actions.intersection(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


# --- Forms -------------------------------------------------------------------------------------------------


def _read_only_once_saved(form, *names):
    if form.instance.pk:
        for name in names:
            form.fields[name].disabled = True
            form.fields[name].help_text = _("Cannot be changed once saved.")


class OrganisationForm(WagtailAdminModelForm):
    class Meta(WagtailAdminModelForm.Meta):
        model = Organisation
        fields = ["name", "slug", "kind", "region", "email", "phone", "address", "website", "verified"]

    def clean(self):
        cleaned = super().clean()
        kind, region = cleaned.get("kind"), cleaned.get("region")
        # Said here next to the field: the database constraints would only name themselves.
        if kind and kind != OrganisationKind.REPUBLICAN_FRONT_OFFICE and region is None:
            self.add_error("region", _("Choose the region: only the republican front office has none."))
        elif (
            kind == OrganisationKind.REGIONAL_FRONT_OFFICE
            and Organisation.objects.filter(kind=kind, region=region).exclude(pk=self.instance.pk).exists()
        ):
            self.add_error("region", _("This region already has a regional front office."))
        return cleaned


class RegionForm(WagtailAdminModelForm):
    class Meta(WagtailAdminModelForm.Meta):
        model = Region
        fields = ["iso_code", "kind", "name", "admin_centre"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _read_only_once_saved(self, "iso_code")


class DirectionForm(WagtailAdminModelForm):
    class Meta(WagtailAdminModelForm.Meta):
        model = Direction
        fields = ["slug", "name", "description", "is_birgemiz", "roadmap_item", "sort_order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The seed finds directions by slug: a renamed slug would come back as a second direction.
        _read_only_once_saved(self, "slug")


class CraftForm(WagtailAdminModelForm):
    class Meta(WagtailAdminModelForm.Meta):
        model = Craft
        fields = ["slug", "name", "sort_order", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The seed finds crafts by slug: a renamed slug would come back as a second craft.
        _read_only_once_saved(self, "slug")


class UserByEmailField(forms.ModelChoiceField):
    """A user named by their e-mail address: a select of every volunteer would not scale."""

    widget = forms.EmailInput
    default_error_messages = {"invalid_choice": _("No account has this e-mail address.")}

    def __init__(self, **kwargs):
        super().__init__(queryset=User.objects.all(), to_field_name="email", **kwargs)

    def to_python(self, value):
        if isinstance(value, User):  # the initial value of the read-only field on edit
            return value
        if isinstance(value, str):
            value = value.strip().lower()  # addresses are stored lower-case
        return super().to_python(value)


class MembershipForm(WagtailAdminModelForm):
    user = UserByEmailField(label=_("e-mail address of the account"))

    class Meta(WagtailAdminModelForm.Meta):
        model = Membership
        fields = ["user", "organisation", "role", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Another person or organisation is another membership; only role and status change.
            self.initial["user"] = self.instance.user
            _read_only_once_saved(self, "user", "organisation")


CONSENT_SECTIONS = [
    "operator",
    "purpose",
    "data_collected",
    "period",
    "third_parties",
    "cross_border",
    "publication",
]

CONSENT_TEXT_IN_USE = _(
    "Volunteers have accepted version %(version)s, so it can no longer be changed. "
    "Create a new version instead."
)


def consent_text_in_use(text: ConsentText) -> bool:
    return text.pk is not None and PersonalDataConsent.objects.filter(text=text).exists()


class ConsentTextForm(WagtailAdminModelForm):
    class Meta(WagtailAdminModelForm.Meta):
        model = ConsentText
        fields = ["version", *CONSENT_SECTIONS]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in CONSENT_SECTIONS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.in_use = consent_text_in_use(self.instance)
        if self.instance.pk:
            _read_only_once_saved(self, "version")
            if self.in_use:
                for field in self.fields.values():
                    field.disabled = True
        elif (current := ConsentText.current()) is not None:
            # A new version starts as a copy of the current one, numbered after it.
            self.initial.setdefault("version", current.version + 1)
            for name in CONSENT_SECTIONS:
                self.initial.setdefault(name, getattr(current, name))

    def clean(self):
        if self.in_use:
            raise ValidationError(
                CONSENT_TEXT_IN_USE, code="consent_text_in_use", params={"version": self.instance.version}
            )
        return super().clean()


# --- Views ------------------------------------------------------------------------------------------------


def delete_refusal(instance) -> str | None:
    """Why `instance` cannot be deleted (other rows protect it), or None."""
    try:
        Collector(using=router.db_for_write(type(instance))).collect([instance])
    except (ProtectedError, RestrictedError):
        return _("“%(object)s” cannot be deleted: other records still refer to it.") % {"object": instance}
    return None


class GuardedDeleteView(generic.DeleteView):
    """Refuses, with a message, to delete what is still referred to (instead of a server error)."""

    def refusal(self) -> str | None:
        return delete_refusal(self.object)

    def get(self, request, *args, **kwargs):
        return self._refuse() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refuse() or super().post(request, *args, **kwargs)

    def _refuse(self):
        if (message := self.refusal()) is None:
            return None
        messages.error(self.request, message)
        return redirect(self.index_url_name)


class OrganisationDeleteView(GuardedDeleteView):
    def refusal(self):
        # Deleting would silently take the memberships with it, past their audit trail.
        if self.object.memberships.exists():
            return _("“%(object)s” still has members: remove the memberships first.") % {
                "object": self.object
            }
        return super().refusal()


class ConsentTextEditView(generic.EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if consent_text_in_use(self.object):
            messages.warning(request, CONSENT_TEXT_IN_USE % {"version": self.object.version})
        return response


# --- Audit of membership changes (Wagtail runs these actions for the create, edit and delete views) -----


def _json(value):
    return getattr(value, "pk", value)


class MembershipCreateAction(CreateAction):
    def execute(self, skip_permission_checks=False):
        with transaction.atomic():
            membership = super().execute(skip_permission_checks=skip_permission_checks)
            audit_log(
                actor=self.user,
                action="volunteers.membership.created",
                subject=membership.user,
                organisation=membership.organisation_id,
                role=membership.role,
                active=membership.active,
            )
        return membership


class MembershipEditAction(EditAction):
    def execute(self, skip_permission_checks=False):
        changes = {}
        if self.form is not None:
            changes = {
                name: [_json(self.form[name].initial), _json(self.form.cleaned_data[name])]
                for name in self.form.changed_data
            }
        with transaction.atomic():
            membership = super().execute(skip_permission_checks=skip_permission_checks)
            audit_log(
                actor=self.user,
                action="volunteers.membership.changed",
                subject=membership.user,
                organisation=membership.organisation_id,
                changes=changes,
            )
        return membership


class MembershipDeleteAction(DeleteAction):
    def execute(self, skip_permission_checks=False):
        membership = self.instance
        with transaction.atomic():
            audit_log(
                actor=self.user,
                action="volunteers.membership.deleted",
                subject=membership.user,
                organisation=membership.organisation_id,
                role=membership.role,
            )
            return super().execute(skip_permission_checks=skip_permission_checks)


# --- Volunteer zholy: stages (editors and admins) -----------------------------------------------------------


def stage_in_use(stage) -> bool:
    """Someone holds the stage or it is in someone's history: deleting it would rewrite their path."""
    return (
        StageStanding.objects.filter(stage=stage).exists()
        or StageChange.objects.filter(Q(stage_from=stage) | Q(stage_to=stage)).exists()
    )


class StageDeleteView(GuardedDeleteView):
    def refusal(self):
        if stage_in_use(self.object):
            return _(
                "“%(object)s” cannot be deleted: volunteers hold it or have it in their history. "
                "Deactivate it instead (untick “active”)."
            ) % {"object": self.object}
        return super().refusal()


def stage_icon_html(stage) -> str:
    return format_html(
        '<img src="{}" alt="{}" width="32" height="32">',
        static(f"volunteers/stages/{stage.icon}.svg"),
        stage.get_icon_display(),
    )


def _plain(value):
    """A form value as JSON can hold it (the audit's details): thresholds are Decimals."""
    value = _json(value)
    return str(value) if isinstance(value, Decimal) else value


def _stage_audit(stage) -> dict:
    return {"stage": stage.pk, "slug": stage.slug, "position": stage.position}


class StageCreateAction(CreateAction):
    def execute(self, skip_permission_checks=False):
        with transaction.atomic():
            stage = super().execute(skip_permission_checks=skip_permission_checks)
            audit_log(actor=self.user, action="volunteers.stage.created", **_stage_audit(stage))
        return stage


class StageEditAction(EditAction):
    def execute(self, skip_permission_checks=False):
        changes = {}
        if self.form is not None:
            changes = {
                name: [_plain(self.form[name].initial), _plain(self.form.cleaned_data[name])]
                for name in self.form.changed_data
            }
        with transaction.atomic():
            stage = super().execute(skip_permission_checks=skip_permission_checks)
            audit_log(
                actor=self.user, action="volunteers.stage.changed", changes=changes, **_stage_audit(stage)
            )
        return stage


class StageDeleteAction(DeleteAction):
    def execute(self, skip_permission_checks=False):
        with transaction.atomic():
            audit_log(actor=self.user, action="volunteers.stage.deleted", **_stage_audit(self.instance))
            return super().execute(skip_permission_checks=skip_permission_checks)


class AwardRoundDeleteView(GuardedDeleteView):
    def refusal(self):
        # Deleting would take the nominations and the votes with it.
        if self.object.nominations.exists():
            return _("The %(object)s round has nominations: it cannot be deleted.") % {"object": self.object}
        return super().refusal()
