"""Children's enrolments in the clubs: a parent or guardian enrols a child (online, or in person through a
coordinator), the waitlist fills freed places first come first served, the guardian withdraws or the club
removes a child.

Capacity is kept by lock, re-check, write: the club's row is locked, its state and counters are re-read under
the lock and changed in the same transaction. The database refuses a club with more children than places and
the same child twice among a club's active enrolments, should a path ever skip the lock.

The least data, kept the least time: when an enrolment ends (withdrawn, removed) the child's name and the
guardian's name, contacts and account link are blanked at once (`_erase`), and those of a club that has ended
or was cancelled by the daily `enrolments_erase_ended`; the row stays, with the date of birth, the dates, the
consent's record and the attendance, for the anonymous figures.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from config.i18n import language_codes
from volunteers.audit import audit_log
from volunteers.clubs.consent import CONSENT_VERSION
from volunteers.clubs.consent import consent_language as shown_language
from volunteers.clubs.errors import ClubsError
from volunteers.clubs.models import (
    ACTIVE_ENROLMENT,
    Club,
    ClubStatus,
    Enrolment,
    EnrolmentStatus,
    Relationship,
)
from volunteers.clubs.permissions import clubs_managed_by, enrolments_managed_by
from volunteers.clubs.schedule import weekly_words
from volunteers.errors import VolunteerError
from volunteers.models import ConsentMethod
from volunteers.models.profile import age_on
from volunteers.phones import phone_normalise

CHILD_NAME_MAX, GUARDIAN_NAME_MAX, REASON_MAX = 80, 150, 300


# --- Reading ------------------------------------------------------------------------------------------------


def start_day(club: Club, today: dt.date | None = None) -> dt.date:
    """The day a child enrolled now would start: the club's first day, or today once it has begun. The age
    rule is checked on that day."""
    return max(today or timezone.localdate(), club.starts_on)


def with_waitlist_position(enrolments: QuerySet[Enrolment]) -> QuerySet[Enrolment]:
    """Annotates `position` on waitlisted enrolments (1: the next to get a place), None on the others: one
    subquery, whatever the number of rows."""
    ahead = (
        Enrolment.objects.filter(club=OuterRef("club"), status=EnrolmentStatus.WAITLISTED)
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("club")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return enrolments.annotate(
        position=Case(
            When(status=EnrolmentStatus.WAITLISTED, then=Coalesce(Subquery(ahead), Value(0)) + 1),
            default=None,
            output_field=IntegerField(),
        )
    )


def waitlist_position(enrolment: Enrolment) -> int | None:
    if enrolment.status != EnrolmentStatus.WAITLISTED:
        return None
    return with_waitlist_position(Enrolment.objects.filter(pk=enrolment.pk)).get().position


# --- Checking what was given --------------------------------------------------------------------------------


def _child_name(name) -> str:
    name = " ".join(str(name or "").split())
    if not name or len(name) > CHILD_NAME_MAX:
        raise ClubsError("enrol_child_name", field="child_name", max=CHILD_NAME_MAX)
    return name


def _birth_date(born, today: dt.date) -> dt.date:
    if not isinstance(born, dt.date):
        raise ClubsError("enrol_birth_date", field="child_birth_date", **_ages())
    if born > today:
        raise ClubsError("enrol_birth_future", field="child_birth_date")
    # No club takes anyone older than the oldest age a club may be opened for: a year like 1015 or 1915 is a
    # slip of the keyboard, said as such rather than as "this child is 1011".
    if age_on(born, today) > settings.CLUBS_CHILD_AGES[1]:
        raise ClubsError("enrol_birth_date", field="child_birth_date", **_ages())
    return born


def _ages() -> dict:
    low, high = settings.CLUBS_CHILD_AGES
    return {"min": low, "max": high}


def _guardian_name(name) -> str:
    name = " ".join(str(name or "").split())
    if not name or len(name) > GUARDIAN_NAME_MAX:
        raise ClubsError("enrol_guardian_name", field="guardian_name", max=GUARDIAN_NAME_MAX)
    return name


def _phone(phone) -> str:
    try:
        return phone_normalise(str(phone or ""))
    except VolunteerError:
        raise ClubsError("enrol_phone", field="guardian_phone") from None


def _email(email) -> str:
    email = str(email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ClubsError("enrol_email", field="guardian_email") from None
    return email


def _choice(value, allowed, *, field: str) -> str:
    if value not in allowed:
        raise ClubsError("enrol_choices", field=field)
    return value


def _open_refusal(club: Club, today: dt.date) -> ClubsError | None:
    """Why nobody can enrol in `club` now, or None."""
    if club.status == ClubStatus.CANCELLED:
        return ClubsError("enrol_cancelled")
    if club.ends_on < today:
        return ClubsError("enrol_ended")
    if club.status != ClubStatus.OPEN:
        return ClubsError("enrol_closed")
    return None


def enrol_refusal(club: Club, today: dt.date | None = None) -> ClubsError | None:
    """What the club's page says instead of the enrol button (None: enrolment is open)."""
    return _open_refusal(club, today or timezone.localdate())


# --- Writing ------------------------------------------------------------------------------------------------


def _club_locked(club_id: int) -> Club:
    return Club.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=club_id)


@transaction.atomic
def enrolment_create(
    *, club: Club, child_name: str, child_birth_date: dt.date, guardian_name: str, guardian_phone: str,
    relationship: str = Relationship.PARENT, guardian_email: str = "", language: str = "", consent: bool,
    consent_language: str = "", method: str = ConsentMethod.ONLINE, guardian=None, recorded_by=None,
) -> Enrolment:  # fmt: skip
    """Enrol a child in `club`: a place when one is free, else a place on the waitlist. `guardian` is the
    signed-in account that enrolled (None without one); a coordinator who records a guardian's consent given
    in person passes `recorded_by` and `method=ConsentMethod.IN_PERSON`. Raises ClubsError with the field the
    refusal belongs to."""
    today = timezone.localdate()
    if method not in ConsentMethod.values:
        raise ClubsError("enrol_choices", field="consent")
    if method == ConsentMethod.IN_PERSON and (
        recorded_by is None or not clubs_managed_by(recorded_by).filter(pk=club.pk).exists()
    ):
        raise ClubsError("enrol_unknown")
    fields = {
        "child_name": _child_name(child_name),
        "child_birth_date": _birth_date(child_birth_date, today),
        "guardian_name": _guardian_name(guardian_name),
        "relationship": _choice(relationship, Relationship.values, field="relationship"),
        "guardian_phone": _phone(guardian_phone),
        "guardian_email": _email(guardian_email),
        "language": _choice(
            language or consent_language or settings.LANGUAGE_CODE, language_codes(), field="language"
        ),  # fmt: skip
    }
    if consent is not True:
        raise ClubsError("enrol_consent", field="consent")

    club = _club_locked(club.pk)
    refusal = _open_refusal(club, today)
    if refusal is not None:
        raise refusal
    born, start = fields["child_birth_date"], start_day(club, today)
    if not club.accepts_age(born, start):
        raise ClubsError(
            "enrol_age", field="child_birth_date", min=club.min_age, max=club.max_age, age=age_on(born, start)
        )
    key = Enrolment.key_of(fields["child_name"], born)
    active = Enrolment.objects.filter(club=club, status__in=ACTIVE_ENROLMENT)
    if active.filter(child_key=key).exists():
        raise ClubsError("enrol_duplicate", field="child_name")
    same_phone = active.filter(guardian_phone=fields["guardian_phone"]).count()
    if same_phone >= settings.CLUBS_CHILDREN_PER_PHONE:
        raise ClubsError("enrol_phone_limit", field="guardian_phone", count=same_phone)

    if club.waitlist_count and club.enrolled_count < club.capacity:
        waitlist_promote(club)  # a free place goes to whoever waits first, never to the newcomer
    now = timezone.now()
    status = EnrolmentStatus.ENROLLED if club.enrolled_count < club.capacity else EnrolmentStatus.WAITLISTED
    account = guardian if guardian is not None and guardian.is_authenticated else None
    enrolment = Enrolment(
        club=club, child_key=key, guardian=account, status=status,
        enrolled_at=now if status == EnrolmentStatus.ENROLLED else None, consent_version=CONSENT_VERSION,
        consent_language=shown_language(consent_language or None), consent_method=method, consent_at=now,
        recorded_by=recorded_by if method == ConsentMethod.IN_PERSON else None, **fields,
    )  # fmt: skip
    try:
        with transaction.atomic():
            enrolment.save()
    except IntegrityError:
        # The partial unique constraint: the same child enrolled by a path that skipped the lock.
        raise ClubsError("enrol_duplicate", field="child_name") from None
    if status == EnrolmentStatus.ENROLLED:
        club.enrolled_count += 1
    else:
        club.waitlist_count += 1
    club.save(update_fields=["enrolled_count", "waitlist_count"])
    audit_log(
        actor=recorded_by or account, action=f"clubs.enrolment.{status}", enrolment=enrolment.pk,
        club=club.pk, method=method,
    )  # fmt: skip
    _mail_later(enrolment, kind=status)
    return enrolment


def waitlist_promote(club: Club) -> list[Enrolment]:
    """Fill the club's free places from its waitlist, first come first served, and tell each guardian in
    their language. The caller holds the club's row lock (and owns the transaction); the counters are saved
    here. Nobody is promoted into a cancelled club or one that has ended."""
    promoted = []
    if club.status in (ClubStatus.CANCELLED, ClubStatus.DRAFT) or club.ends_on < timezone.localdate():
        return promoted
    free = club.capacity - club.enrolled_count
    if free <= 0:
        return promoted
    waiting = list(
        Enrolment.objects.select_for_update()
        .filter(club=club, status=EnrolmentStatus.WAITLISTED)
        .order_by("created_at", "pk")[:free]
    )
    now = timezone.now()
    for enrolment in waiting:
        enrolment.status = EnrolmentStatus.ENROLLED
        enrolment.enrolled_at = now
        enrolment.save(update_fields=["status", "enrolled_at"])
        audit_log(actor=None, action="clubs.enrolment.promoted", enrolment=enrolment.pk, club=club.pk)
        _mail_later(enrolment, kind="promoted")
        promoted.append(enrolment)
    if promoted:
        club.enrolled_count += len(promoted)
        club.waitlist_count -= len(promoted)
        # The capacity too: a caller that raised it may save the club after promoting, and the database
        # would refuse counters above the capacity it still holds.
        club.save(update_fields=["capacity", "enrolled_count", "waitlist_count"])
    return promoted


def _erase(enrolment: Enrolment) -> list[str]:
    """Blank what names the child and the guardian; the fields written, for save(update_fields=...)."""
    enrolment.child_name = ""
    enrolment.child_key = f"#{enrolment.pk}"  # unique among the club's rows: a name-free key
    enrolment.guardian = None
    enrolment.guardian_name = ""
    enrolment.guardian_phone = ""
    enrolment.guardian_email = ""
    return ["child_name", "child_key", "guardian", "guardian_name", "guardian_phone", "guardian_email"]


def _end(*, enrolment: Enrolment, club: Club, status: str, reason: str = "") -> None:
    """End an active enrolment, free its place and erase its personal data; the caller holds the club's lock
    and promotes from the waitlist after."""
    if enrolment.status == EnrolmentStatus.ENROLLED:
        club.enrolled_count -= 1
    else:
        club.waitlist_count -= 1
    enrolment.status = status
    enrolment.ended_at = timezone.now()
    enrolment.end_reason = reason
    erased = _erase(enrolment)
    enrolment.save(update_fields=["status", "ended_at", "end_reason", *erased])
    club.save(update_fields=["enrolled_count", "waitlist_count"])


def _locked_pair(enrolment: Enrolment) -> tuple[Club, Enrolment]:
    club = _club_locked(enrolment.club_id)
    return club, Enrolment.objects.select_for_update().get(pk=enrolment.pk)


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, by=None) -> Enrolment:
    """The guardian takes the child out of the club or off its waitlist (through the enrolment's link or their
    account). Repeating it changes nothing."""
    club, enrolment = _locked_pair(enrolment)
    if enrolment.status not in ACTIVE_ENROLMENT:
        return enrolment
    was = enrolment.status
    _end(enrolment=enrolment, club=club, status=EnrolmentStatus.WITHDRAWN)
    promoted = waitlist_promote(club)
    audit_log(
        actor=by, action="clubs.enrolment.withdrawn", enrolment=enrolment.pk, club=club.pk, was=was,
        promoted=[item.pk for item in promoted],
    )  # fmt: skip
    return enrolment


@transaction.atomic
def enrolment_remove(*, enrolment: Enrolment, by, reason: str) -> Enrolment:
    """A coordinator of the club's organisation takes a child out of the club or its waitlist, with a reason
    the guardian is told. Repeating it changes nothing."""
    if not enrolments_managed_by(by).filter(pk=enrolment.pk).exists():
        raise ClubsError("enrol_unknown")
    reason = " ".join(str(reason or "").split())
    if not reason or len(reason) > REASON_MAX:
        raise ClubsError("enrol_reason", field="reason", max=REASON_MAX)
    club, enrolment = _locked_pair(enrolment)
    if enrolment.status not in ACTIVE_ENROLMENT:
        return enrolment
    # Told after the commit, from what is erased before it.
    told = {"to": enrolment.guardian_email, "child": enrolment.child_name, "language": enrolment.language}
    was = enrolment.status
    _end(enrolment=enrolment, club=club, status=EnrolmentStatus.REMOVED, reason=reason)
    promoted = waitlist_promote(club)
    audit_log(
        actor=by, action="clubs.enrolment.removed", enrolment=enrolment.pk, club=club.pk, was=was,
        promoted=[item.pk for item in promoted],
    )  # fmt: skip
    if told["to"]:
        enrolment_id = enrolment.pk
        transaction.on_commit(
            lambda: enrolment_mail_deliver(enrolment_id=enrolment_id, kind="removed", **told), robust=True
        )
    return enrolment


def enrolments_erase_ended(*, today: dt.date | None = None) -> int:
    """Erase the names and contacts of the enrolments of every club that has ended (its last day has passed)
    or was cancelled, as the consent promises (within a day): meant to run daily. A second run finds nothing
    to do. Returns how many enrolments were erased."""
    today = today or timezone.localdate()
    ended = Club.objects.filter(Q(ends_on__lt=today) | Q(status=ClubStatus.CANCELLED))
    count = (
        Enrolment.objects.filter(club__in=ended)
        .exclude(child_name="", guardian_name="", guardian_phone="", guardian_email="", guardian=None)
        .update(
            child_name="",
            child_key=Concat(Value("#"), Cast("pk", CharField())),
            guardian=None,
            guardian_name="",
            guardian_phone="",
            guardian_email="",
        )  # fmt: skip
    )
    if count:
        audit_log(actor=None, action="clubs.enrolments.erased", count=count, on=today.isoformat())
    return count


# --- Telling the guardian -----------------------------------------------------------------------------------

# The enrolment's state in which each message still makes sense when it is sent.
STILL_TRUE = {
    EnrolmentStatus.ENROLLED: (EnrolmentStatus.ENROLLED,),
    EnrolmentStatus.WAITLISTED: (EnrolmentStatus.WAITLISTED,),
    "promoted": (EnrolmentStatus.ENROLLED,),
    "removed": (EnrolmentStatus.REMOVED,),
}


def _mail_later(enrolment: Enrolment, *, kind: str) -> None:
    if enrolment.guardian_email:
        enrolment_id = enrolment.pk
        transaction.on_commit(
            lambda: enrolment_mail_deliver(enrolment_id=enrolment_id, kind=str(kind)), robust=True
        )


def status_url(enrolment: Enrolment, language: str) -> str:
    with translation.override(language):
        return settings.WAGTAILADMIN_BASE_URL + reverse("clubs:enrolment_status", args=[enrolment.token])


def enrolment_mail_deliver(*, enrolment_id: int, kind: str, to: str = "", child: str = "",
                           language: str = "") -> bool:  # fmt: skip
    """Send the guardian one message in their language, unless it no longer applies (a place given and
    withdrawn within the minute) or there is no address. A removal is told from what the caller kept, the
    row being erased by then."""

    enrolment = (
        Enrolment.objects.select_related("club__organisation", "club__region").filter(pk=enrolment_id).first()
    )
    if enrolment is None or enrolment.status not in STILL_TRUE[kind]:
        return False
    to = to or enrolment.guardian_email
    language = language or enrolment.language
    if not to:
        return False
    club = enrolment.club
    with translation.override(language):
        context = {
            "enrolment": enrolment,
            "child": child or enrolment.child_name,
            "guardian": enrolment.guardian_name,
            "club": club,
            "title": club.title.in_language(language),
            "organisation": club.organisation.name.in_language(language),
            "schedule": weekly_words(club),
            "place": ", ".join(part for part in (club.address, club.city, str(club.region)) if part),
            "position": waitlist_position(enrolment),
            "url": status_url(enrolment, language),
            "reason": enrolment.end_reason,
        }
        subject = render_to_string(f"clubs/email/enrolment_{kind}_subject.txt", context).strip()
        body = render_to_string(f"clubs/email/enrolment_{kind}_message.txt", context)
    send_mail(subject, body, None, [to])
    return True
