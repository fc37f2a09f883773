"""The one gate for figures: whose figures a user may read (dashboards, reports, exports).

- superusers, and analysts (group "Analysts") without a region (no AnalystScope, or one with no region): the
  whole country;
- analysts with a region: that region;
- coordinators and managers of the republican front office: the whole country;
- of a regional front office: that region, and their organisation;
- of any other organisation: those organisations only;
- everyone else (volunteers, editors, visitors): nothing.
A person with several roles reads the union of what each gives.

Figures are aggregates, never personal data, so a region's figures include every organisation in it; an
organisation's are the hours and events recorded for it.
"""

from dataclasses import dataclass

from django.db.models import Q

from volunteers.models import Organisation, OrganisationKind, Region
from volunteers.permissions import staff_memberships
from volunteers.roles import ROLE_GROUPS, Role

from .models import AnalystScope

ANALYSTS = ROLE_GROUPS[Role.ANALYST]


@dataclass(frozen=True)
class FiguresScope:
    national: bool = False
    region_ids: frozenset[int] = frozenset()
    organisation_ids: frozenset[int] = frozenset()

    @property
    def allowed(self) -> bool:
        return self.national or bool(self.region_ids or self.organisation_ids)


NOTHING = FiguresScope()
NATIONAL = FiguresScope(national=True)


def figures_scope(user) -> FiguresScope:
    """What `user` may read (two or three queries; compute it once a request)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NOTHING
    if user.is_superuser:
        return NATIONAL
    regions, organisations = set(), set()
    if user.groups.filter(name=ANALYSTS).exists():
        region_id = AnalystScope.objects.filter(user=user).values_list("region_id", flat=True).first()
        if region_id is None:  # no scope, or one without a region
            return NATIONAL
        regions.add(region_id)
    for membership in staff_memberships(user):
        organisation = membership.organisation
        if organisation.kind == OrganisationKind.REPUBLICAN_FRONT_OFFICE:
            return NATIONAL
        if organisation.kind == OrganisationKind.REGIONAL_FRONT_OFFICE and organisation.region_id:
            regions.add(organisation.region_id)
        organisations.add(organisation.pk)
    return FiguresScope(region_ids=frozenset(regions), organisation_ids=frozenset(organisations))


def reads_figures(user, *, manages: bool) -> bool:
    """Whether `user` reads any figures (`figures_scope(user).allowed`), for the menu of every page: `manages`
    is `can_manage_volunteers(user)`, which the menu has asked already, and every coordinator reads their
    organisation's figures, so only an analyst's group is left to look up (one query at most)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or manages or user.groups.filter(name=ANALYSTS).exists()


def scope_allows(
    scope: FiguresScope, *, region_id: int | None = None, organisation_id: int | None = None
) -> bool:
    """Whether `scope` may read the figures asked for: the nation (neither given), a region, an organisation,
    or an organisation within a region (allowed when either is: the figures are a part of both). A region's
    scope covers the organisations of the region (one query)."""
    if scope.national:
        return True
    if not scope.allowed:
        return False
    if region_id is not None and region_id in scope.region_ids:
        return True
    if organisation_id is not None:
        if organisation_id in scope.organisation_ids:
            return True
        if scope.region_ids:
            return Organisation.objects.filter(pk=organisation_id, region_id__in=scope.region_ids).exists()
    return False


def scope_q(
    scope: FiguresScope, *, region_field: str = "region_id", organisation_field: str | None = None
) -> Q:
    """A filter of the rows (rollups' or the book's) `scope` may read: every row when national, else the rows
    of its regions and, when the rows name an organisation (`organisation_field`), of its organisations. Rows
    with no organisation field are out of reach of an organisation-only scope."""
    if scope.national:
        return Q()
    condition = Q(pk__in=[])
    if scope.region_ids:
        condition |= Q(**{f"{region_field}__in": sorted(scope.region_ids)})
    if organisation_field and scope.organisation_ids:
        condition |= Q(**{f"{organisation_field}__in": sorted(scope.organisation_ids)})
    return condition


def region_choices(scope: FiguresScope) -> list[tuple[int, str]]:
    """The regions `scope` may choose in a form, as (id, name in the active language), in the order of their
    ISO codes; an organisation-only scope has none. A form adds the whole country itself when
    `scope.national`."""
    if scope.national:
        regions = Region.objects.all()
    elif scope.region_ids:
        regions = Region.objects.filter(pk__in=scope.region_ids)
    else:
        return []
    return [(region.pk, str(region)) for region in regions]


def organisation_choices(scope: FiguresScope) -> list[tuple[int, str]]:
    """The organisations `scope` may choose in a form: its own, those of its regions, all when national."""
    if not scope.allowed:
        return []
    organisations = Organisation.objects.filter(
        scope_q(scope, region_field="region_id", organisation_field="pk")
    ).order_by("slug")
    return [(organisation.pk, str(organisation)) for organisation in organisations]
