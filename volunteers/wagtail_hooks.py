"""The admins' screens for the volunteers app, under one "Volunteers" menu in Wagtail's admin.

Only superusers see or open them (SuperuserOnlyPolicy); editors, who also enter /admin/, get neither the
menu nor the views. Membership changes made here leave an audit entry (the Membership*Action classes).
"""

import django_filters
from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from volunteers.admin_views import (
    AwardRoundDeleteView,
    ConsentTextEditView,
    ConsentTextForm,
    CraftForm,
    DirectionForm,
    GuardedDeleteView,
    MembershipCreateAction,
    MembershipDeleteAction,
    MembershipEditAction,
    MembershipForm,
    OrganisationDeleteView,
    OrganisationForm,
    RegionForm,
    StageCreateAction,
    StageDeleteAction,
    StageDeleteView,
    StageEditAction,
    SuperuserOnlyPolicy,
    stage_icon_html,
)
from volunteers.audit import audit_log
from volunteers.clubs.models import Craft
from volunteers.forms_path import AwardRoundForm, StageForm
from volunteers.models import (
    AuditEntry,
    AwardRound,
    ConsentText,
    Direction,
    Membership,
    Organisation,
    Region,
    Stage,
)
from volunteers.reporting.admin import (
    AnalystScopeCreateAction,
    AnalystScopeDeleteAction,
    AnalystScopeEditAction,
    AnalystScopeForm,
    RegionWageForm,
    wage_region,
    wage_source,
)
from volunteers.reporting.models import AnalystScope, RegionWage
from volunteers.views.path import stage_thresholds_summary

# Registered before any view asks, or Wagtail would have created its fallback policy for these models.
for _model in (Organisation, Membership, Region, Direction, Craft, ConsentText, AwardRound):
    register_permission_policy(_model, SuperuserOnlyPolicy(_model))
register_permission_policy(AuditEntry, SuperuserOnlyPolicy(AuditEntry, actions=["view"]))
register_permission_policy(RegionWage, SuperuserOnlyPolicy(RegionWage))
register_permission_policy(AnalystScope, SuperuserOnlyPolicy(AnalystScope))


class AdminOnlyViewSet(ModelViewSet):
    add_to_reference_index = False
    copy_view_enabled = False
    delete_view_class = GuardedDeleteView
    search_backend_name = None  # plain ORM search over search_fields
    form_class = None

    def get_form_class(self, for_update=False):
        return self.form_class

    def get_permissions_to_register(self):
        # No group permission opens these screens, so the group editor offers none.
        return Permission.objects.none()


class OrganisationViewSet(AdminOnlyViewSet):
    model = Organisation
    name = "volunteers_organisations"
    url_prefix = "volunteers/organisations"
    icon = "group"
    form_class = OrganisationForm
    delete_view_class = OrganisationDeleteView
    list_display = ["__str__", "kind", "region", "verified"]
    list_filter = ["kind", "region", "verified"]
    search_fields = ["slug", "email"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queryset=Organisation.objects.select_related("region"), **kwargs)


class MembershipViewSet(AdminOnlyViewSet):
    model = Membership
    name = "volunteers_memberships"
    url_prefix = "volunteers/memberships"
    icon = "user"
    form_class = MembershipForm
    list_display = ["user", "organisation", "role", "active"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__email"]

    def get_index_view_kwargs(self, **kwargs):
        queryset = Membership.objects.select_related("user", "organisation")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class RegionViewSet(AdminOnlyViewSet):
    model = Region
    name = "volunteers_regions"
    url_prefix = "volunteers/regions"
    icon = "globe"
    form_class = RegionForm
    list_display = ["__str__", "iso_code", "kind", "admin_centre"]
    list_filter = ["kind"]


class DirectionViewSet(AdminOnlyViewSet):
    model = Direction
    name = "volunteers_directions"
    url_prefix = "volunteers/directions"
    icon = "tag"
    form_class = DirectionForm
    list_display = ["__str__", "slug", "is_birgemiz", "sort_order"]


class CraftViewSet(AdminOnlyViewSet):
    """The crafts a master declares (clubs): names in kk/ru/en; one in use is taken off the list (`active`),
    not deleted."""

    model = Craft
    name = "volunteers_crafts"
    url_prefix = "volunteers/crafts"
    icon = "pick"
    form_class = CraftForm
    list_display = ["__str__", "slug", BooleanColumn("active", label=_("Offered")), "sort_order"]


class ConsentTextViewSet(AdminOnlyViewSet):
    model = ConsentText
    name = "volunteers_consent_texts"
    url_prefix = "volunteers/consent-texts"
    icon = "doc-full"
    form_class = ConsentTextForm
    edit_view_class = ConsentTextEditView
    list_display = ["__str__", "published_at"]


def _audit_actions():
    return [(action, action) for action in AuditEntry.objects.values_list("action", flat=True).distinct()]


class AuditEntryFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(label=_("action"), choices=_audit_actions)
    at = django_filters.DateFromToRangeFilter(label=_("when"), widget=DateRangePickerWidget)

    class Meta:
        model = AuditEntry
        fields = ["action", "at"]


class AuditEntryViewSet(AdminOnlyViewSet):
    """Read-only: the policy grants "view" alone, so there is no add, edit or delete."""

    model = AuditEntry
    name = "volunteers_audit"
    url_prefix = "volunteers/audit"
    icon = "history"
    inspect_view_enabled = True
    list_display = ["at", "actor", "action", "subject"]
    filterset_class = AuditEntryFilterSet
    search_fields = ["action", "subject__email", "actor__email"]

    def get_form_class(self, for_update=False):
        return None

    def get_index_view_kwargs(self, **kwargs):
        queryset = AuditEntry.objects.select_related("actor", "subject")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class RegionWageViewSet(AdminOnlyViewSet):
    """The average wages that value volunteer time (volunteers/reporting/wages.py seeds them, never edits)."""

    model = RegionWage
    name = "volunteers_wages"
    url_prefix = "volunteers/wages"
    icon = "table"
    menu_label = _("Average wages")
    form_class = RegionWageForm
    list_display = [
        Column("region", label=_("Region"), accessor=wage_region),
        "year",
        "monthly_wage",
        Column("hourly_wage", label=_("Hourly wage, tenge"), accessor="hourly_wage"),
        Column("source", label=_("Source"), accessor=wage_source),
    ]
    list_filter = ["year", "region"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queryset=RegionWage.objects.select_related("region"), **kwargs)


class AnalystScopeViewSet(AdminOnlyViewSet):
    """The region an analyst reads the figures of; an analyst without one reads the whole country's."""

    model = AnalystScope
    name = "volunteers_analyst_scopes"
    url_prefix = "volunteers/analyst-scopes"
    icon = "view"
    menu_label = _("Analysts' scopes")
    form_class = AnalystScopeForm
    list_display = ["user", "region"]
    list_filter = ["region"]
    search_fields = ["user__email"]

    def get_index_view_kwargs(self, **kwargs):
        queryset = AnalystScope.objects.select_related("user", "region")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class VolunteersViewSetGroup(ViewSetGroup):
    menu_label = _("Volunteers")
    menu_icon = "group"
    menu_order = 250
    items = (
        OrganisationViewSet,
        MembershipViewSet,
        RegionViewSet,
        DirectionViewSet,
        CraftViewSet,
        ConsentTextViewSet,
        AuditEntryViewSet,
        RegionWageViewSet,
        AnalystScopeViewSet,
    )


@hooks.register("register_admin_viewset")
def register_volunteers_viewsets():
    return VolunteersViewSetGroup()


@hooks.register("register_actions")
def register_membership_actions(registry):
    for action_class in (MembershipCreateAction, MembershipEditAction, MembershipDeleteAction):
        registry.register(Membership, action_class)


@hooks.register("register_actions")
def register_analyst_scope_actions(registry):
    for action_class in (AnalystScopeCreateAction, AnalystScopeEditAction, AnalystScopeDeleteAction):
        registry.register(AnalystScope, action_class)


# --- Volunteer zholy: the stages (editors and admins) and the "Volunteer of the year" rounds (admins) -------


class StageViewSet(ModelViewSet):
    """Editors (the "Editors" group holds volunteers.add_stage and change_stage, see cms/services.py) and
    admins manage the stages through Django's model permissions; only admins delete, and only a stage nobody
    holds or ever held (the others are deactivated)."""

    model = Stage
    name = "volunteers_stages"
    url_prefix = "volunteers/stages"
    icon = "pick"
    menu_label = _("Stages")
    add_to_reference_index = False
    copy_view_enabled = False
    search_backend_name = None
    delete_view_class = StageDeleteView
    list_display = [
        "__str__",
        Column("position", label=_("Position")),
        Column("icon", label=_("Icon"), accessor=stage_icon_html),
        Column("thresholds", label=_("Criteria"), accessor=stage_thresholds_summary),
        BooleanColumn("active", label=_("Active")),
        BooleanColumn("default_thresholds", label=_("Platform default")),
    ]

    def get_form_class(self, for_update=False):
        return StageForm


class AwardRoundViewSet(AdminOnlyViewSet):
    model = AwardRound
    name = "volunteers_award_rounds"
    url_prefix = "volunteers/award-rounds"
    icon = "calendar-check"
    menu_label = _("Volunteer of the year rounds")
    form_class = AwardRoundForm
    delete_view_class = AwardRoundDeleteView
    list_display = ["__str__", "voting_opens_at", "voting_closes_at"]


class PathViewSetGroup(ViewSetGroup):
    menu_label = _("Volunteer's Path")
    menu_icon = "pick"
    menu_order = 260
    items = (StageViewSet, AwardRoundViewSet)


@hooks.register("register_admin_viewset")
def register_path_viewsets():
    return PathViewSetGroup()


@hooks.register("register_actions")
def register_stage_actions(registry):
    for action_class in (StageCreateAction, StageEditAction, StageDeleteAction):
        registry.register(Stage, action_class)


# --- Roles given in Wagtail's user editor (groups, admin rights) leave an audit entry -----------------------


def _roles(user) -> dict:
    return {
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "is_superuser": user.is_superuser,
        "is_active": user.is_active,
    }


@hooks.register("before_edit_user")
def remember_roles_before_edit(request, user):
    request._roles_before = _roles(user)


@hooks.register("after_edit_user")
def audit_roles_after_edit(request, user):
    before, after = getattr(request, "_roles_before", None), _roles(user)
    if before != after:
        audit_log(
            actor=request.user, action="volunteers.roles.changed", subject=user, before=before, after=after
        )


@hooks.register("after_create_user")
def audit_roles_after_create(request, user):
    audit_log(
        actor=request.user, action="volunteers.roles.changed", subject=user, before=None, after=_roles(user)
    )
