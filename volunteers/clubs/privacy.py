"""The clubs' part of a person's data export and erasure, registered with volunteers.services.privacy
(imported by the app's ready()).

- As a master: the crafts they declared (story, status, decisions), their photos' captions, the clubs they
  lead and the sessions they led. On erasure the declarations are withdrawn and emptied, the photos deleted
  with their files, and the person leaves the clubs' masters and the sessions not held yet; the sessions held
  keep their masters, as the anonymous history the hours were credited from.
- As a guardian who enrolled a child while signed in: those enrolments (the children's names, clubs,
  statuses, the consent given). On erasure only the link to the account is cleared: the enrolment is the
  club's record of the child, kept under the consent given for the child's data, and the guardian still
  withdraws it with its link (see services.enrolments).
"""

from wagtail.images import get_image_model

from volunteers.audit import audit_log
from volunteers.clubs.models import Club, ClubSession, Enrolment, Master, MasterPhoto, MasterStatus
from volunteers.services.privacy import export_section, on_erase


def _date(value):
    return value.isoformat() if value else None


def _master(master: Master) -> dict:
    return {
        "craft": master.craft.slug,
        "organisation": master.organisation.slug,
        "region": master.region.iso_code,
        "story": master.story,
        "years": master.years,
        "status": master.status,
        "declared_at": _date(master.created_at),
        "decided_at": _date(master.decided_at),
        "decline_reason": master.decline_reason,
        "photos": [
            {
                "caption": photo.caption,
                "added_at": _date(photo.created_at),
                "approved_at": _date(photo.approved_at),
            }
            for photo in master.photos.all()
        ],
    }


def _enrolment(enrolment: Enrolment) -> dict:
    return {
        "club": enrolment.club_id,
        "club_title": dict(enrolment.club.title),
        "child_name": enrolment.child_name,
        "child_birth_date": _date(enrolment.child_birth_date),
        "guardian_name": enrolment.guardian_name,
        "relationship": enrolment.relationship,
        "guardian_phone": enrolment.guardian_phone,
        "guardian_email": enrolment.guardian_email,
        "language": enrolment.language,
        "status": enrolment.status,
        "consent": {
            "version": enrolment.consent_version,
            "language": enrolment.consent_language,
            "method": enrolment.consent_method,
            "given_at": _date(enrolment.consent_at),
        },
        "enrolled_at": _date(enrolment.created_at),
        "place_given_at": _date(enrolment.enrolled_at),
        "ended_at": _date(enrolment.ended_at),
    }


@export_section("clubs")
def _clubs(user):
    masters = list(
        Master.objects.filter(volunteer=user)
        .select_related("craft", "organisation", "region")
        .prefetch_related("photos")
        .order_by("created_at", "pk")
    )
    clubs = Club.objects.filter(masters__volunteer=user).distinct().order_by("starts_on", "pk")
    sessions = (
        ClubSession.objects.filter(masters__volunteer=user)
        .distinct()
        .select_related("club")
        .order_by("starts_at", "pk")
    )
    enrolments = list(
        Enrolment.objects.filter(guardian=user).select_related("club").order_by("created_at", "pk")
    )
    clubs_led = [
        {
            "club": club.pk,
            "title": dict(club.title),
            "status": club.status,
            "starts_on": _date(club.starts_on),
            "ends_on": _date(club.ends_on),
        }
        for club in clubs
    ]
    if not (masters or clubs_led or enrolments):
        return None
    return {
        "crafts_declared": [_master(master) for master in masters],
        "clubs_led": clubs_led,
        "sessions_led": [
            {
                "club": session.club_id,
                "date": _date(session.date),
                "starts_at": _date(session.starts_at),
                "ends_at": _date(session.ends_at),
                "held_at": _date(session.held_at),
                "cancelled_at": _date(session.cancelled_at),
            }
            for session in sessions
        ],
        "enrolments_made": [_enrolment(enrolment) for enrolment in enrolments],
    }


@on_erase
def _erase(user):
    masters = list(Master.objects.select_for_update().filter(volunteer=user))
    if masters:
        withdrawn = [
            master.pk for master in masters if master.status in (MasterStatus.APPLIED, MasterStatus.VERIFIED)
        ]
        Master.objects.filter(pk__in=[master.pk for master in masters]).update(
            story="", years=None, decline_reason=""
        )
        Master.objects.filter(pk__in=withdrawn).update(status=MasterStatus.WITHDRAWN)
        photos = MasterPhoto.objects.filter(master__in=masters)
        image_ids = list(photos.values_list("image_id", flat=True))
        photos.delete()
        # Deleted one by one, so that Wagtail's signals remove each file and its renditions.
        for image in get_image_model().objects.filter(pk__in=image_ids):
            image.delete()
        Club.masters.through.objects.filter(master__in=masters).delete()
        ClubSession.masters.through.objects.filter(
            master__in=masters, clubsession__held_at__isnull=True
        ).delete()
        if withdrawn:
            audit_log(actor=None, action="clubs.master.withdrawn", subject=user, reason="erased")
    Enrolment.objects.filter(guardian=user).update(guardian=None)
