"""The gates of the craft clubs, one per resource.

- Masters (a declared craft): admins and the republican front office all; a regional front office those of
  its region; any other organisation those who declared to it. A volunteer sees their own.
- Clubs: written by the coordinators and managers of the club's organisation, and admins.
- Enrolments and attendance (children's data): only the staff of the club's organisation, and admins; a
  guardian sees their own enrolment through its link (or their account). Nothing about a child is public.
"""

from django.db.models import Q, QuerySet

from volunteers.clubs.models import Club, ClubSession, Enrolment, Master
from volunteers.models import OrganisationKind
from volunteers.permissions import organisations_managed_by, staff_memberships


def masters_managed_by(user) -> QuerySet[Master]:
    if not user.is_authenticated:
        return Master.objects.none()
    if user.is_superuser:
        return Master.objects.all()
    scope = Q(pk__in=[])
    for membership in staff_memberships(user):
        organisation = membership.organisation
        if organisation.kind == OrganisationKind.REPUBLICAN_FRONT_OFFICE:
            return Master.objects.all()
        if organisation.kind == OrganisationKind.REGIONAL_FRONT_OFFICE:
            scope |= Q(region_id=organisation.region_id)
        scope |= Q(organisation_id=organisation.pk)
    return Master.objects.filter(scope)


def masters_of(user) -> QuerySet[Master]:
    if not user.is_authenticated:
        return Master.objects.none()
    return Master.objects.filter(volunteer=user)


def clubs_managed_by(user) -> QuerySet[Club]:
    return Club.objects.filter(organisation__in=organisations_managed_by(user))


def sessions_managed_by(user) -> QuerySet[ClubSession]:
    return ClubSession.objects.filter(club__in=clubs_managed_by(user))


def enrolments_managed_by(user) -> QuerySet[Enrolment]:
    return Enrolment.objects.filter(club__in=clubs_managed_by(user))


def enrolments_of_guardian(user) -> QuerySet[Enrolment]:
    if not user.is_authenticated:
        return Enrolment.objects.none()
    return Enrolment.objects.filter(guardian=user)
