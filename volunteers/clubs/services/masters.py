"""Masters: a silver volunteer declares a craft (with a short story and photos of their work) to a verified
organisation of their region; its coordinators, the regional front office and the republican one verify or
decline it and approve the photos. Only a verified master and their approved photos are public.

- A coordinator may declare for a silver volunteer they coordinate (found by phone or e-mail): the path for
  people who rarely use the web. Another coordinator or an admin then verifies it (four eyes, as for
  mentors); who declared is the audit entry "clubs.master.declared" with `assisted`.
- Every write locks the row it changes and re-checks its state, so a double click or two coordinators
  deciding at once cannot both win.
- Editing the story of a verified declaration keeps it verified (the master's clubs go on); the change is
  audited with the text before it, shown in the declaration's history, and the reviewing coordinators may
  correct it.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Sum, Value, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.images import get_image_model
from wagtail.models import Collection

from volunteers.audit import audit_log
from volunteers.clubs.errors import ClubsError
from volunteers.clubs.models import Club, ClubStatus, Craft, Master, MasterPhoto, MasterStatus
from volunteers.clubs.permissions import masters_managed_by
from volunteers.models import (
    AuditEntry,
    EntryKind,
    EntryStatus,
    LedgerEntry,
    Organisation,
    OrganisationKind,
    User,
    VolunteerProfile,
)
from volunteers.permissions import profile_by_contact, profiles_visible_to

logger = logging.getLogger(__name__)

# Who verifies a craft: the organisations of the region that run clubs or work with older people. Not a
# company (corporate volunteering verifies no crafts), not the republican front office (it has no region; it
# reviews every declaration anyway).
MASTER_ORGANISATION_KINDS = (
    OrganisationKind.REGIONAL_FRONT_OFFICE,
    OrganisationKind.SOCIAL_SERVICE_CENTRE,
    OrganisationKind.NGO,
    OrganisationKind.SCHOOL,
    OrganisationKind.UNIVERSITY,
    OrganisationKind.CHILDREN_HOME,
)
OPEN_DECLARATION = (MasterStatus.APPLIED, MasterStatus.VERIFIED)
STORY_MAX, YEARS_MAX, REASON_MAX, CAPTION_MAX = 1000, 90, 300, 150
PHOTOS_COLLECTION = "Masters' photos"
DECLARED = "clubs.master.declared"


def _absolute(name: str, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL + reverse(name, args=args or None)


# --- Reading ------------------------------------------------------------------------------------------------


def crafts_offered() -> QuerySet[Craft]:
    return Craft.objects.filter(active=True).order_by("sort_order", "slug")


def master_organisations(*, region) -> QuerySet[Organisation]:
    """The verified organisations of `region` a craft may be declared to."""
    if region is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        verified=True, region=region, kind__in=MASTER_ORGANISATION_KINDS
    ).order_by("kind", "slug")


def declare_blocker(profile: VolunteerProfile | None) -> tuple[str, dict] | None:
    """Why this volunteer cannot declare a craft (an error code and its parameters), or None."""
    if profile is None or profile.region_id is None:
        return "master_no_profile", {}
    if not profile.is_silver:
        return "master_not_silver", {"age": settings.VOLUNTEERS_SILVER_AGE}
    return None


def master_volunteer_find(*, by, contact: str) -> User:
    """The volunteer `by` coordinates whose e-mail or phone is `contact`."""
    profile = profile_by_contact(by, contact)
    if profile is None:
        raise ClubsError("master_volunteer", field="contact")
    return profile.user


def masters_listed(*, user, status: str = "", craft=None, search: str = "") -> QuerySet[Master]:
    """The declarations `user` reviews, waiting ones first, with what a list row shows (one query a page):
    `photos_waiting`, the photos not approved yet."""
    masters = (
        masters_managed_by(user)
        .select_related("volunteer", "craft", "organisation", "region")
        .annotate(
            photos_waiting=Count("photos", filter=Q(photos__approved_at__isnull=True)),
            waiting_first=Case(
                When(status=MasterStatus.APPLIED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
    )
    if status:
        masters = masters.filter(status=status)
    if craft is not None:
        masters = masters.filter(craft=craft)
    for word in (search or "").split()[:5]:
        masters = masters.filter(
            Q(volunteer__first_name__icontains=word)
            | Q(volunteer__last_name__icontains=word)
            | Q(volunteer__email__icontains=word)
        )
    return masters.order_by("waiting_first", "-created_at", "-pk")


def master_history(master: Master) -> QuerySet[AuditEntry]:
    """The audit entries of a declaration and its photos, newest first."""
    return (
        AuditEntry.objects.filter(action__startswith="clubs.master", data__master=master.pk)
        .select_related("actor")
        .order_by("-at", "-pk")
    )


def declared_by(master: Master) -> int | None:
    """Who declared the craft (the last declaration of this row): the volunteer, or a coordinator."""
    entry = AuditEntry.objects.filter(action=DECLARED, data__master=master.pk).order_by("-at", "-pk").first()
    return entry.actor_id if entry is not None else None


def clubs_led(*, volunteer) -> list[Club]:
    """The clubs the volunteer leads as a master (any status but cancelled), each with `hours`: the verified
    hours their book holds for it."""
    clubs = list(
        Club.objects.filter(masters__volunteer=volunteer)
        .exclude(status=ClubStatus.CANCELLED)
        .select_related("craft", "region")
        .distinct()
        .order_by("-starts_on", "pk")
    )
    subjects = {f"clubs.club:{club.pk}": club for club in clubs}
    totals = (
        LedgerEntry.objects.filter(
            volunteer=volunteer,
            kind=EntryKind.CLUB_HOURS,
            status=EntryStatus.VERIFIED,
            subject__in=list(subjects),
        )  # fmt: skip
        .order_by()
        .values("subject")
        .annotate(total=Sum("hours"))
    )
    hours = {row["subject"]: row["total"] for row in totals}
    for subject, club in subjects.items():
        club.hours = hours.get(subject) or 0
    return clubs


def public_master(pk: int) -> Master | None:
    return (
        Master.objects.filter(pk=pk, status=MasterStatus.VERIFIED, volunteer__is_active=True)
        .select_related("volunteer", "craft", "region")
        .first()
    )


def photos_with_renditions(photos: QuerySet[MasterPhoto], *specs: str) -> QuerySet[MasterPhoto]:
    """Photos with their images and the renditions of `specs`: three queries for any number of photos."""
    images = get_image_model().objects.prefetch_renditions(*specs)
    return photos.prefetch_related(Prefetch("image", queryset=images))


# --- The volunteer's declaration ----------------------------------------------------------------------------


def _craft(craft) -> Craft:
    if craft is None or not crafts_offered().filter(pk=craft.pk).exists():
        raise ClubsError("master_craft", field="craft")
    return craft


def _story(story) -> str:
    story = (story or "").strip()
    if not story or len(story) > STORY_MAX:
        raise ClubsError("master_story", field="story", max=STORY_MAX)
    return story


def _years(years) -> int | None:
    if years in (None, ""):
        return None
    try:
        years = int(years)
    except (TypeError, ValueError):
        raise ClubsError("master_years", field="years", max=YEARS_MAX) from None
    if not 0 <= years <= YEARS_MAX:
        raise ClubsError("master_years", field="years", max=YEARS_MAX)
    return years


@transaction.atomic
def master_declare(*, volunteer, craft, organisation, story, years=None, by=None) -> Master:
    """Declare a craft. `by` is the coordinator declaring for the volunteer (assisted), or the volunteer.
    Declaring again a craft declined or withdrawn before reuses its row (back to waiting); its photos stay."""
    by = by or volunteer
    assisted = by.pk != volunteer.pk
    # The user's row is the lock: two declarations at once queue, and the second sees the first.
    User.objects.select_for_update().filter(pk=volunteer.pk).first()
    profiles = profiles_visible_to(by) if assisted else VolunteerProfile.objects.active()
    profile = profiles.select_related("region").filter(user=volunteer).first()
    if assisted and profile is None:
        raise ClubsError("master_volunteer", field="contact")
    if profile is None or profile.region_id is None:
        raise ClubsError("master_volunteer_no_region" if assisted else "master_no_profile")
    if not profile.is_silver:
        code = "master_volunteer_not_silver" if assisted else "master_not_silver"
        raise ClubsError(code, age=settings.VOLUNTEERS_SILVER_AGE)
    craft = _craft(craft)
    existing = Master.objects.select_for_update().filter(volunteer=volunteer, craft=craft).first()
    if existing is not None and existing.status in OPEN_DECLARATION:
        raise ClubsError("master_duplicate", field="craft")
    if (
        organisation is None
        or not master_organisations(region=profile.region).filter(pk=organisation.pk).exists()
    ):
        raise ClubsError("master_organisation", field="organisation")
    fields = {
        "organisation": organisation,
        "region": profile.region,
        "story": _story(story),
        "years": _years(years),
        "status": MasterStatus.APPLIED,
        "decided_by": None,
        "decided_at": None,
        "decline_reason": "",
    }
    if existing is None:
        master = Master.objects.create(volunteer=volunteer, craft=craft, **fields)
    else:
        master = existing
        for name, value in fields.items():
            setattr(master, name, value)
        master.save(update_fields=[*fields, "updated_at"])
    audit_log(
        actor=by, action=DECLARED, subject=volunteer, master=master.pk, craft=craft.slug,
        organisation=organisation.pk, assisted=assisted, again=existing is not None,
    )  # fmt: skip
    return master


def _editable(*, master_id: int, by) -> Master:
    """The declaration locked for `by` to change: their own, or one they review (not their own)."""
    master = Master.objects.select_for_update().filter(pk=master_id).first()
    if master is None:
        raise ClubsError("master_unknown")
    if master.volunteer_id != by.pk and not masters_managed_by(by).filter(pk=master.pk).exists():
        raise ClubsError("master_unknown")
    if master.status not in OPEN_DECLARATION:
        raise ClubsError("master_closed")
    return master


@transaction.atomic
def master_story_update(*, master: Master, by, story, years=None) -> Master:
    """The master (or a coordinator who reviews the declaration, correcting it) changes the story and the
    years. A verified declaration stays verified; the text before the change is kept in the audit log."""
    master = _editable(master_id=master.pk, by=by)
    story, years = _story(story), _years(years)
    if (story, years) == (master.story, master.years):
        return master
    before = {"story": master.story, "years": master.years}
    master.story, master.years = story, years
    master.save(update_fields=["story", "years", "updated_at"])
    audit_log(
        actor=by, action="clubs.master.story_changed", subject=master.volunteer, master=master.pk,
        status=master.status, before=before,
    )  # fmt: skip
    return master


@transaction.atomic
def master_withdraw(*, master: Master, by) -> Master:
    """The volunteer takes their declaration back. Repeating it changes nothing. A master who leads a club
    that is not over is asked to let its coordinator find another master first."""
    master = Master.objects.select_for_update().filter(pk=master.pk, volunteer=by).first()
    if master is None:
        raise ClubsError("master_unknown")
    if master.status not in OPEN_DECLARATION:
        return master
    leading = list(
        master.clubs.filter(
            status__in=[ClubStatus.DRAFT, ClubStatus.OPEN, ClubStatus.CLOSED],
            ends_on__gte=timezone.localdate(),
        ).order_by("starts_on", "pk")
    )
    if leading:
        names = ", ".join(f"«{club.title.in_language()}»" for club in leading)
        raise ClubsError("master_leads_club", clubs=names)
    master.status = MasterStatus.WITHDRAWN
    master.save(update_fields=["status", "updated_at"])
    audit_log(actor=by, action="clubs.master.withdrawn", subject=by, master=master.pk)
    return master


# --- Photos -------------------------------------------------------------------------------------------------


def _photos_collection() -> Collection:
    """The collection "Masters' photos" under the root, made the first time a photo is added. Making it takes
    the root's row as the lock, so two first photos at once make one collection."""
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    collection = root.get_children().filter(name=PHOTOS_COLLECTION).first()
    if collection is not None:
        return collection
    root = Collection.objects.select_for_update().get(pk=root.pk)
    collection = root.get_children().filter(name=PHOTOS_COLLECTION).first()
    return collection or root.add_child(name=PHOTOS_COLLECTION)


def _caption(caption) -> str:
    caption = " ".join((caption or "").split())
    if not caption:
        raise ClubsError("master_photo_caption", field="caption")
    return caption[:CAPTION_MAX]


def _reviewer(master: Master, by) -> bool:
    """Whether `by` reviews this declaration (and is not its master)."""
    return master.volunteer_id != by.pk and masters_managed_by(by).filter(pk=master.pk).exists()


@transaction.atomic
def photo_add(*, master: Master, by, upload, caption) -> MasterPhoto:
    """Add a photo of the master's work (`upload` is a file a CheckedImageField has cleaned). The master's
    photos wait for a coordinator's approval; one added by a coordinator who reviews the declaration is
    approved by adding it."""
    master = _editable(master_id=master.pk, by=by)
    caption = _caption(caption)
    limit = settings.CLUBS_MASTER_PHOTOS_MAX
    if master.photos.count() >= limit:
        raise ClubsError("master_photos_max", field="image", max=limit)
    reviewer = _reviewer(master, by)
    image_model = get_image_model()
    image = image_model(
        title=caption[:255], file=upload, collection=_photos_collection(), uploaded_by_user=by
    )
    image._set_image_file_metadata()
    image.save()
    now = timezone.now()
    photo = MasterPhoto.objects.create(
        master=master, image=image, caption=caption,
        approved_by=by if reviewer else None, approved_at=now if reviewer else None,
    )  # fmt: skip
    audit_log(
        actor=by, action="clubs.master_photo.added", subject=master.volunteer, master=master.pk,
        photo=photo.pk, approved=reviewer,
    )  # fmt: skip
    return photo


def _photo_locked(*, photo_id: int) -> MasterPhoto:
    photo = MasterPhoto.objects.select_for_update().filter(pk=photo_id).first()
    if photo is None:
        raise ClubsError("master_photo_unknown")
    return photo


@transaction.atomic
def photo_approve(*, photo: MasterPhoto, by) -> MasterPhoto:
    """A coordinator who reviews the declaration approves the photo. Approving again changes nothing."""
    photo = _photo_locked(photo_id=photo.pk)
    master = masters_managed_by(by).filter(pk=photo.master_id).first()
    if master is None:
        raise ClubsError("master_photo_unknown")
    if master.volunteer_id == by.pk:
        raise ClubsError("master_own")
    if photo.approved_at is None:
        photo.approved_by, photo.approved_at = by, timezone.now()
        photo.save(update_fields=["approved_by", "approved_at"])
        audit_log(
            actor=by, action="clubs.master_photo.approved", subject=master.volunteer, master=master.pk,
            photo=photo.pk,
        )  # fmt: skip
    return photo


def photo_rejected_notify(*, volunteer_id: int, caption: str, reason: str) -> bool:
    """Tell the master a photo was not accepted, in their language. After the commit."""
    volunteer = User.objects.select_related("profile").filter(pk=volunteer_id).first()
    if volunteer is None or not volunteer.email:
        return False
    profile = getattr(volunteer, "profile", None)
    with translation.override(profile.language if profile else settings.LANGUAGE_CODE):
        context = {
            "volunteer": volunteer,
            "caption": caption,
            "reason": reason,
            "url": _absolute("clubs:masters_mine"),
        }
        subject = render_to_string("clubs/email/master_photo_rejected_subject.txt", context).strip()
        body = render_to_string("clubs/email/master_photo_rejected_message.txt", context)
    send_mail(subject, body, None, [volunteer.email])
    return True


@transaction.atomic
def photo_remove(*, photo: MasterPhoto, by, reason: str = "") -> None:
    """The master removes their photo, or a coordinator who reviews the declaration rejects it (the master is
    told, with the reason when given). The image goes with it, its file and renditions too."""
    photo = _photo_locked(photo_id=photo.pk)
    master = Master.objects.get(pk=photo.master_id)
    own = master.volunteer_id == by.pk
    if not own and not _reviewer(master, by):
        raise ClubsError("master_photo_unknown")
    caption, reason = photo.caption, (reason or "").strip()[:REASON_MAX]
    image_model = get_image_model()
    image_model.objects.filter(pk=photo.image_id).delete()  # the photo goes with its image (CASCADE)
    audit_log(
        actor=by, action="clubs.master_photo.removed" if own else "clubs.master_photo.rejected",
        subject=master.volunteer, master=master.pk, photo=photo.pk, caption=caption, reason=reason,
    )  # fmt: skip
    if not own:
        volunteer_id = master.volunteer_id
        transaction.on_commit(
            lambda: photo_rejected_notify(volunteer_id=volunteer_id, caption=caption, reason=reason),
            robust=True,
        )


# --- The coordinators' decisions ----------------------------------------------------------------------------


def master_decision_notify(*, master_id: int) -> bool:
    """Tell the volunteer of the decision, in their language. After the commit: a failed send does not undo
    the decision."""
    masters = Master.objects.select_related("volunteer__profile", "organisation", "craft")
    master = masters.filter(pk=master_id).first()
    decided = (MasterStatus.VERIFIED, MasterStatus.DECLINED)
    if master is None or not master.volunteer.email or master.status not in decided:
        return False
    profile = getattr(master.volunteer, "profile", None)
    with translation.override(profile.language if profile else settings.LANGUAGE_CODE):
        context = {
            "master": master,
            "volunteer": master.volunteer,
            "verified": master.status == MasterStatus.VERIFIED,
            "craft": master.craft.name.in_language(),
            "organisation": master.organisation.name.in_language(),
            "url": _absolute("clubs:masters_mine"),
            "public_url": _absolute("clubs:master_public", master.pk),
        }
        subject = render_to_string("clubs/email/master_decided_subject.txt", context).strip()
        body = render_to_string("clubs/email/master_decided_message.txt", context)
    send_mail(subject, body, None, [master.volunteer.email])
    return True


@transaction.atomic
def master_decide(*, master: Master, by, verify: bool, reason: str = "") -> Master:
    """Verify or decline a declaration that waits (a decline says why). Nobody decides their own, nor one
    they declared for the volunteer."""
    master = masters_managed_by(by).select_for_update().filter(pk=master.pk).first()
    if master is None:
        raise ClubsError("master_unknown")
    if master.volunteer_id == by.pk:
        raise ClubsError("master_own")
    if master.status != MasterStatus.APPLIED:
        raise ClubsError("master_decided")
    if declared_by(master) == by.pk:
        raise ClubsError("master_assisted_self")
    reason = (reason or "").strip()
    if not verify and not reason:
        raise ClubsError("master_reason", field="reason")
    master.status = MasterStatus.VERIFIED if verify else MasterStatus.DECLINED
    master.decided_by = by
    master.decided_at = timezone.now()
    master.decline_reason = "" if verify else reason[:REASON_MAX]
    master.save(update_fields=["status", "decided_by", "decided_at", "decline_reason", "updated_at"])
    audit_log(
        actor=by, action=f"clubs.master.{master.status}", subject=master.volunteer, master=master.pk,
        organisation=master.organisation_id, reason=master.decline_reason,
    )  # fmt: skip
    master_id = master.pk
    transaction.on_commit(lambda: master_decision_notify(master_id=master_id), robust=True)
    return master
