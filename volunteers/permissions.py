"""The one gate for volunteers' data: who may see and manage whose profile.

- an admin (superuser) sees everyone;
- a coordinator or manager of the republican front office sees everyone;
- of a regional front office: the volunteers of that region and of the organisation;
- of any other organisation: the volunteers who are members of it;
- analysts see aggregated figures only, editors the CMS only, volunteers their own page only.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from volunteers.models import Membership, Organisation, OrganisationKind, VolunteerProfile


def staff_memberships(user) -> QuerySet[Membership]:
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.staff().filter(user=user).select_related("organisation")


def organisations_managed_by(user) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__in=staff_memberships(user)).distinct()


def profiles_visible_to(user) -> QuerySet[VolunteerProfile]:
    profiles = VolunteerProfile.objects.active()
    if not user.is_authenticated:
        return profiles.none()
    if user.is_superuser:
        return profiles
    scope, organisations = Q(pk__in=[]), []
    for membership in staff_memberships(user):
        organisation = membership.organisation
        if organisation.kind == OrganisationKind.REPUBLICAN_FRONT_OFFICE:
            return profiles
        if organisation.kind == OrganisationKind.REGIONAL_FRONT_OFFICE:
            scope |= Q(region_id=organisation.region_id)
        organisations.append(organisation.pk)
    if organisations:
        # A subquery, not a join: no duplicate rows, so no DISTINCT over every column to undo them.
        members = Membership.objects.filter(organisation_id__in=organisations, active=True)
        scope |= Q(user_id__in=members.values("user_id"))
    return profiles.filter(scope)


def profile_by_contact(user, contact: str) -> VolunteerProfile | None:
    """The profile `user` may see whose e-mail or phone is `contact` (how a coordinator finds a volunteer who
    came in or called), or None."""
    from volunteers.errors import VolunteerError
    from volunteers.phones import phone_normalise

    contact = (contact or "").strip()
    profiles = profiles_visible_to(user).select_related("user", "region")
    if "@" in contact:
        return profiles.filter(user__email__iexact=contact).first()
    if not contact:
        return None
    try:
        return profiles.filter(phone=phone_normalise(contact)).first()
    except VolunteerError:  # not a phone number
        return None


def can_manage_volunteers(user) -> bool:
    return user.is_authenticated and (user.is_superuser or staff_memberships(user).exists())


def staff_required(view):
    """The gate of the coordinators' pages (volunteers, events): anonymous visitors go to the login, everyone
    who coordinates no organisation gets 403. What a coordinator then sees is up to each area's querysets."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_manage_volunteers(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded
