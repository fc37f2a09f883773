"""The clubs on a volunteer's account page: a silver volunteer is offered to share their craft (or sees their
declared crafts), and a guardian sees how many of their children are in clubs."""

from django.db.models import Count, Q

from volunteers.clubs.models import ACTIVE_ENROLMENT, MasterStatus
from volunteers.clubs.permissions import enrolments_of_guardian, masters_of
from volunteers.panels import profile_panel


@profile_panel
def _clubs(request):
    profile = getattr(request.user, "profile", None)
    crafts = masters_of(request.user).aggregate(
        verified=Count("pk", filter=Q(status=MasterStatus.VERIFIED)),
        waiting=Count("pk", filter=Q(status=MasterStatus.APPLIED)),
    )
    children = enrolments_of_guardian(request.user).filter(status__in=ACTIVE_ENROLMENT).count()
    silver = profile is not None and profile.is_silver
    if not (silver or crafts["verified"] or crafts["waiting"] or children):
        return None
    return {"template": "clubs/includes/profile_panel.html", "silver": silver, "children": children, **crafts}
