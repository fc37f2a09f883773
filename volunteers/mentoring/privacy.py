"""What mentoring holds about a volunteer, in their data export; and what erasing their account does to it.
Imported by the app's ready() so that the export section and the erasure hook are registered."""

from django.utils import timezone

from volunteers.audit import audit_log
from volunteers.mentoring.models import BackgroundCheck, Mentee, Mentor, MentorStatus
from volunteers.services.privacy import export_section, on_erase


def _date(value):
    return value.isoformat() if value else None


@export_section("mentoring")
def _mentoring(user):
    mentor = Mentor.objects.select_related("organisation", "region").filter(volunteer=user).first()
    as_mentee = Mentee.objects.filter(volunteer=user).select_related("organisation").order_by("created_at")
    if mentor is None and not as_mentee:
        return None
    section = {"mentor": None, "as_mentee": []}
    if mentor is not None:
        section["mentor"] = {
            "organisation": mentor.organisation.slug,
            "region": mentor.region.iso_code,
            "status": mentor.status,
            "pools": mentor.pools,
            "capacity": mentor.capacity,
            "languages": mentor.languages,
            "interests": mentor.interests,
            "availability": mentor.availability,
            "district": mentor.district,
            "motivation": mentor.motivation,
            "applied_at": _date(mentor.applied_at),
            "decided_at": _date(mentor.decided_at),
            "decline_reason": mentor.decline_reason,
            "background_checks": [
                {
                    "reference": check.reference,
                    "issued_on": _date(check.issued_on),
                    "expires_on": _date(check.expires_on),
                    "verified_at": _date(check.verified_at),
                    "revoked_at": _date(check.revoked_at),
                    "revoke_reason": check.revoke_reason,
                }
                for check in mentor.checks.order_by("issued_on", "pk")
            ],
        }
    section["as_mentee"] = [
        {
            "organisation": mentee.organisation.slug,
            "pool": mentee.pool,
            "name": mentee.name,
            "birth_year": mentee.birth_year,
            "languages": mentee.languages,
            "interests": mentee.interests,
            "needs": mentee.needs,
            "availability": mentee.availability,
            "note": mentee.note,
            "registered_at": _date(mentee.created_at),
            "archived_at": _date(mentee.archived_at),
        }
        for mentee in as_mentee
    ]
    return section


@on_erase
def _erase(user):
    """The mentor's free text and the certificate numbers go; the application is withdrawn, so that no match
    proposes them again. A newcomer's mentee rows lose their details and leave matching."""
    now = timezone.now()
    mentor = Mentor.objects.select_for_update().filter(volunteer=user).first()
    if mentor is not None:
        was = mentor.status
        mentor.motivation = ""
        mentor.district = ""
        mentor.decline_reason = ""
        mentor.interests = []
        mentor.availability = []
        if mentor.status in (MentorStatus.APPLIED, MentorStatus.APPROVED):
            mentor.status = MentorStatus.WITHDRAWN
        mentor.save(
            update_fields=["motivation", "district", "decline_reason", "interests", "availability", "status"]
        )
        BackgroundCheck.objects.filter(mentor=mentor).update(reference="", revoke_reason="")
        if was != mentor.status:
            audit_log(actor=None, action="mentoring.mentor.withdrawn", subject=user, reason="erased")
    mentees = Mentee.objects.filter(volunteer=user)
    mentees.update(
        name="—", birth_year=None, gender="", interests=[], needs=[], availability=[], note="", updated_at=now
    )
    mentees.filter(archived_at__isnull=True).update(archived_at=now)
