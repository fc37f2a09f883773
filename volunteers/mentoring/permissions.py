"""The gates of mentoring, one per resource.

- Mentees (children): only the coordinators and managers of the mentee's own organisation, and admins. A
  front office above the centre does not see them; nothing about a child is public.
- Mentors: admins and the republican front office all; a regional front office those of its region; any
  other organisation those who applied to it.
- Mentorships and their meetings: whoever may see the mentee; the mentor sees their own.
- Match runs: the organisations the user coordinates.
"""

from django.db.models import Q, QuerySet

from volunteers.mentoring.models import MatchRun, Mentee, Mentor, Mentorship
from volunteers.models import Organisation, OrganisationKind
from volunteers.permissions import organisations_managed_by, staff_memberships


def mentees_visible_to(user) -> QuerySet[Mentee]:
    if not user.is_authenticated:
        return Mentee.objects.none()
    if user.is_superuser:
        return Mentee.objects.all()
    return Mentee.objects.filter(organisation__in=staff_memberships(user).values("organisation_id"))


def mentors_managed_by(user) -> QuerySet[Mentor]:
    if not user.is_authenticated:
        return Mentor.objects.none()
    if user.is_superuser:
        return Mentor.objects.all()
    scope = Q(pk__in=[])
    for membership in staff_memberships(user):
        organisation = membership.organisation
        if organisation.kind == OrganisationKind.REPUBLICAN_FRONT_OFFICE:
            return Mentor.objects.all()
        if organisation.kind == OrganisationKind.REGIONAL_FRONT_OFFICE:
            scope |= Q(region_id=organisation.region_id)
        scope |= Q(organisation_id=organisation.pk)
    return Mentor.objects.filter(scope)


def mentorships_managed_by(user) -> QuerySet[Mentorship]:
    """The pairs a coordinator decides on and follows: those of the mentees they may see."""
    return Mentorship.objects.filter(mentee__in=mentees_visible_to(user))


def mentorships_of_mentor(user) -> QuerySet[Mentorship]:
    if not user.is_authenticated:
        return Mentorship.objects.none()
    return Mentorship.objects.filter(mentor__volunteer=user)


def centres_managed_by(user) -> QuerySet[Organisation]:
    """The organisations whose mentees the user registers and matches (any kind: a children's home, a social
    service centre, a front office's newcomer programme)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=staff_memberships(user).values("organisation_id"))


def match_runs_visible_to(user) -> QuerySet[MatchRun]:
    centres = centres_managed_by(user)
    return (
        MatchRun.objects.filter(Q(organisation__in=centres) | Q(organisation__isnull=True, created_by=user))
        if user.is_authenticated
        else MatchRun.objects.none()
    )


__all__ = [
    "centres_managed_by",
    "match_runs_visible_to",
    "mentees_visible_to",
    "mentors_managed_by",
    "mentorships_managed_by",
    "mentorships_of_mentor",
    "organisations_managed_by",
]
