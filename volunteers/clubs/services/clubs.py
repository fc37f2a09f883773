"""Clubs as their coordinators keep them: open a club (craft, masters, place, children's ages, places, weekly
schedule), change it, open and close its enrolment, cancel it.

A club is born a draft. It opens, or stays open or closed for enrolment, only with at least one verified
master of its craft in its region: a master who is not verified, of another craft or of another region is
refused by name. Its sessions follow the schedule (schedule.sessions_sync, under the club's row lock: the days
already held stay as history). More places give the waitlist its turn (enrolments.waitlist_promote); fewer
places than the children enrolled are refused. Cancelling tells every guardian who left an e-mail, in the
language they chose, and cancels the sessions still to come.
"""

import datetime as dt
import logging
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from volunteers.audit import audit_log
from volunteers.clubs.errors import ClubsError
from volunteers.clubs.models import (
    ACTIVE_ENROLMENT,
    Audience,
    Club,
    ClubStatus,
    Craft,
    Master,
    MasterStatus,
)
from volunteers.clubs.permissions import clubs_managed_by
from volunteers.clubs.schedule import sessions_sync
from volunteers.models.profile import SPOKEN_LANGUAGES
from volunteers.permissions import organisations_managed_by

logger = logging.getLogger(__name__)

CAPACITY_MAX = 200
REASON_MAX = 300
PUBLIC_STATUSES = (ClubStatus.OPEN, ClubStatus.CLOSED)
# The roadmap's names of the two clubs (item 26): a proper name, the same in every language.
PROVERBS = {Audience.BOYS: "Ата көрген оқ жонар", Audience.GIRLS: "Ана көрген тон пішер"}
# A club for boys and girls is named after its craft.
CRAFT_TITLES = {"kk": "{craft} үйірмесі", "ru": "Кружок «{craft}»", "en": "{craft} club"}
EDITABLE = (
    "craft", "title", "description", "audience", "region", "city", "address", "min_age", "max_age",
    "capacity", "languages", "starts_on", "ends_on", "weekdays", "start_time", "end_time",
)  # fmt: skip

WEEKDAY_NAMES = [
    _("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday"),
]  # fmt: skip


@dataclass
class ClubData:
    """What a coordinator writes about a club; `club_data_check` says what is wrong with it."""

    craft: Craft | None
    audience: str
    region: object
    city: str
    address: str
    min_age: int
    max_age: int
    capacity: int
    languages: list[str]
    starts_on: dt.date
    ends_on: dt.date
    weekdays: list[int]
    start_time: dt.time
    end_time: dt.time
    masters: list[Master] = field(default_factory=list)
    title: dict = field(default_factory=dict)
    description: dict = field(default_factory=dict)


def title_default(audience: str, craft: Craft) -> dict:
    """The roadmap's name for a club of boys or of girls, with its craft; "<craft> club" for both."""
    names = {code: craft.name.in_language(code) for code in CRAFT_TITLES}
    proverb = PROVERBS.get(audience)
    if proverb:
        return {code: f"{proverb}: {name[:1].lower()}{name[1:]}" for code, name in names.items()}
    return {code: pattern.format(craft=names[code]) for code, pattern in CRAFT_TITLES.items()}


def _texts(value) -> dict:
    return {code: text.strip() for code, text in dict(value or {}).items() if (text or "").strip()}


def _masters_check(masters, *, craft: Craft, region) -> list[Master]:
    """The masters as the database has them now (one declined a moment ago is refused), each verified, of
    the club's craft and of its region."""
    ids = [master.pk for master in masters]
    found = list(Master.objects.select_related("volunteer", "craft", "region").filter(pk__in=ids))
    for master in sorted(found, key=lambda master: ids.index(master.pk)):
        name = str(master.volunteer)
        if master.status != MasterStatus.VERIFIED:
            raise ClubsError("club_master_unverified", field="masters", name=name)
        if master.craft_id != craft.pk:
            raise ClubsError("club_master_craft", field="masters", name=name, craft=master.craft)
        if master.region_id != region.pk:
            raise ClubsError("club_master_region", field="masters", name=name, region=master.region)
    if len(found) != len(set(ids)):
        raise ClubsError("club_master_unverified", field="masters", name="—")
    return found


def club_data_check(data: ClubData, *, club: Club | None = None) -> ClubData:
    """The data cleaned (texts stripped, days sorted, the title defaulted), or the first rule it breaks, in
    the order the form shows its fields. A craft no longer offered stays with the clubs that have it."""
    if data.craft is None or not (data.craft.active or (club is not None and club.craft_id == data.craft.pk)):
        raise ClubsError("club_craft", field="craft")
    if data.audience not in Audience.values:
        raise ClubsError("club_audience", field="audience")
    city, address = (data.city or "").strip(), (data.address or "").strip()
    if data.region is None or not city or not address:
        field_name = "region" if data.region is None else "city" if not city else "address"
        raise ClubsError("club_place", field=field_name)
    low, high = settings.CLUBS_CHILD_AGES
    for name in ("min_age", "max_age"):
        value = getattr(data, name)
        if value is None or not low <= value <= high:
            raise ClubsError("club_ages", field=name, min=low, max=high)
    if data.min_age > data.max_age:
        raise ClubsError("club_age_range", field="max_age")
    if data.capacity is None or not 1 <= data.capacity <= CAPACITY_MAX:
        raise ClubsError("club_capacity", field="capacity", max=CAPACITY_MAX)
    spoken = {code for code, _name in SPOKEN_LANGUAGES}
    languages = list(dict.fromkeys(str(code) for code in data.languages or []))
    if not languages or any(code not in spoken for code in languages):
        raise ClubsError("club_languages", field="languages")
    if data.ends_on < data.starts_on:
        raise ClubsError("club_dates", field="ends_on")
    try:
        weekdays = sorted({int(day) for day in data.weekdays or []})
    except (TypeError, ValueError):
        weekdays = []
    if not weekdays or any(not 0 <= day <= 6 for day in weekdays):
        raise ClubsError("club_weekdays", field="weekdays")
    if data.start_time >= data.end_time:
        raise ClubsError("club_times", field="end_time")
    count = sessions_count(data.starts_on, data.ends_on, weekdays)
    if count == 0:
        raise ClubsError("club_no_sessions", field="weekdays")
    if count > settings.CLUBS_SESSIONS_MAX:
        raise ClubsError("club_sessions_max", field="ends_on", count=count, max=settings.CLUBS_SESSIONS_MAX)
    masters = _masters_check(data.masters, craft=data.craft, region=data.region)
    return ClubData(
        craft=data.craft, audience=data.audience, region=data.region, city=city[:100], address=address[:255],
        min_age=data.min_age, max_age=data.max_age, capacity=data.capacity, languages=languages,
        starts_on=data.starts_on, ends_on=data.ends_on, weekdays=weekdays, start_time=data.start_time,
        end_time=data.end_time, masters=masters,
        title=_texts(data.title) or title_default(data.audience, data.craft),
        description=_texts(data.description),
    )  # fmt: skip


def sessions_count(starts_on: dt.date, ends_on: dt.date, weekdays) -> int:
    """How many days of the series there are, counted without listing them (a last day in 9999 is cheap)."""
    weeks, rest = divmod(max((ends_on - starts_on).days + 1, 0), 7)
    tail = (starts_on + dt.timedelta(days=weeks * 7 + offset) for offset in range(rest))
    return weeks * len(set(weekdays)) + sum(1 for day in tail if day.weekday() in set(weekdays))


def _locked(*, club: Club, by) -> Club:
    """The club's row, locked, when `by` coordinates it."""
    row = clubs_managed_by(by).select_for_update().filter(pk=club.pk).first()
    if row is None:
        raise ClubsError("club_unknown")
    return row


def _fill(club: Club, data: ClubData) -> None:
    for name in EDITABLE:
        setattr(club, name, getattr(data, name))


@transaction.atomic
def club_create(*, organisation, data: ClubData, by) -> Club:
    """A new club, as a draft, with its sessions made: the coordinator opens it when it is ready."""
    if organisation is None or not organisations_managed_by(by).filter(pk=organisation.pk).exists():
        raise ClubsError("club_organisation", field="organisation")
    data = club_data_check(data)
    club = Club(organisation=organisation, status=ClubStatus.DRAFT, created_by=by)
    _fill(club, data)
    club.save()
    club.masters.set(data.masters)
    added, _removed = sessions_sync(club)
    audit_log(
        actor=by, action="clubs.club.created", club=club.pk, organisation=organisation.pk, sessions=added
    )
    return club


@transaction.atomic
def club_update(*, club: Club, data: ClubData, by) -> Club:
    """Save the coordinator's changes. A club open or closed for enrolment keeps a verified master; places
    do not drop below the children enrolled, and more places promote the waitlist; the sessions follow the
    new schedule, the days held staying as they were."""
    club = _locked(club=club, by=by)
    if club.status == ClubStatus.CANCELLED:
        raise ClubsError("club_cancelled")
    data = club_data_check(data, club=club)
    if club.status in PUBLIC_STATUSES and not data.masters:
        raise ClubsError("club_no_verified_master", field="masters")
    if data.capacity < club.enrolled_count:
        raise ClubsError("club_capacity_enrolled", field="capacity", count=club.enrolled_count)
    before = {name: getattr(club, name) for name in EDITABLE}
    masters_before = set(club.masters.values_list("pk", flat=True))
    grew = data.capacity > club.capacity
    _fill(club, data)
    club.save()
    club.masters.set(data.masters)
    added, removed = sessions_sync(club)
    promoted = []
    if grew:
        # Another helper's module: imported here so that this one loads without it.
        from volunteers.clubs.services.enrolments import waitlist_promote

        promoted = waitlist_promote(club)
    changed = sorted(name for name, value in before.items() if getattr(club, name) != value)
    if masters_before != {master.pk for master in data.masters}:
        changed.append("masters")
    audit_log(
        actor=by, action="clubs.club.changed", club=club.pk, fields=changed, sessions_added=added,
        sessions_removed=removed, promoted=[enrolment.pk for enrolment in promoted or []],
    )  # fmt: skip
    return club


def _has_verified_master(club: Club) -> bool:
    return club.masters.filter(
        status=MasterStatus.VERIFIED, craft_id=club.craft_id, region_id=club.region_id
    ).exists()


@transaction.atomic
def club_open(*, club: Club, by) -> Club:
    """Open enrolment: a draft is published, a closed club opens again. Repeating it changes nothing."""
    club = _locked(club=club, by=by)
    if club.status == ClubStatus.OPEN:
        return club
    if club.status not in (ClubStatus.DRAFT, ClubStatus.CLOSED):
        raise ClubsError("club_open_state")
    if club.ends_on < timezone.localdate():
        raise ClubsError("club_over")
    if not _has_verified_master(club):
        raise ClubsError("club_no_verified_master", field="masters")
    first = club.published_at is None
    club.status = ClubStatus.OPEN
    club.published_at = club.published_at or timezone.now()
    club.save(update_fields=["status", "published_at", "updated_at"])
    audit_log(actor=by, action="clubs.club.opened", club=club.pk, first=first)
    return club


@transaction.atomic
def club_close(*, club: Club, by) -> Club:
    """Close enrolment: the club goes on with the children it has; guardians can no longer enrol."""
    club = _locked(club=club, by=by)
    if club.status == ClubStatus.CLOSED:
        return club
    if club.status != ClubStatus.OPEN:
        raise ClubsError("club_close_state")
    club.status = ClubStatus.CLOSED
    club.save(update_fields=["status", "updated_at"])
    audit_log(actor=by, action="clubs.club.closed", club=club.pk)
    return club


@transaction.atomic
def club_cancel(*, club: Club, by, reason: str) -> Club:
    """Cancel the club, with a reason the guardians are told (those who left an e-mail, in their language);
    the sessions still to come are cancelled with it. Repeating it changes nothing and tells no one twice."""
    club = _locked(club=club, by=by)
    if club.status == ClubStatus.CANCELLED:
        return club
    reason = " ".join((reason or "").split())[:REASON_MAX]
    if not reason:
        raise ClubsError("club_cancel_reason", field="reason")
    now = timezone.now()
    club.status = ClubStatus.CANCELLED
    club.cancelled_at, club.cancel_reason = now, reason
    club.save(update_fields=["status", "cancelled_at", "cancel_reason", "updated_at"])
    sessions = club.sessions.filter(held_at__isnull=True, cancelled_at__isnull=True, starts_at__gt=now)
    cancelled = sessions.update(cancelled_at=now, cancel_reason=reason)
    audit_log(actor=by, action="clubs.club.cancelled", club=club.pk, reason=reason, sessions=cancelled)
    club_id = club.pk
    transaction.on_commit(lambda: club_cancelled_notify(club_id=club_id, reason=reason), robust=True)
    return club


# --- Messages to guardians ----------------------------------------------------------------------------------


def _url(name: str, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL + reverse(name, args=args or None)


def guardians_tell(*, enrolments, template: str, context: dict) -> int:
    """E-mail each guardian who left an address, in the language they chose; one failed address does not
    stop the others. `template` names clubs/email/<template>_subject.txt and _message.txt. Returns how
    many were sent."""
    sent = 0
    for enrolment in enrolments:
        if not enrolment.guardian_email:
            continue
        with translation.override(enrolment.language or settings.LANGUAGE_CODE):
            values = {
                **context,
                "enrolment": enrolment,
                "status_url": _url("clubs:enrolment_status", enrolment.token),
                "catalogue_url": _url("clubs:catalogue"),
            }
            subject = render_to_string(f"clubs/email/{template}_subject.txt", values).strip()
            body = render_to_string(f"clubs/email/{template}_message.txt", values)
        try:
            send_mail(subject, body, None, [enrolment.guardian_email])
        except (smtplib.SMTPException, OSError):
            logger.exception("clubs: the message %s to enrolment %s was not sent", template, enrolment.pk)
            continue
        sent += 1
    return sent


def club_cancelled_notify(*, club_id: int, reason: str) -> int:
    """After the commit: a failed send does not undo the cancellation."""
    club = Club.objects.select_related("organisation").filter(pk=club_id).first()
    if club is None or club.status != ClubStatus.CANCELLED:
        return 0
    enrolments = club.enrolments.filter(status__in=ACTIVE_ENROLMENT).exclude(guardian_email="")
    return guardians_tell(
        enrolments=enrolments.order_by("pk"),
        template="club_cancelled",
        context={"club": club, "reason": reason},
    )
