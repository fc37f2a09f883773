"""The figures of silver volunteering and the craft clubs (roadmap items 25-26), for the yearly report and the
programme page. Plain functions of one or two aggregate queries each, whatever the size of the tables.

Every function takes the same optional filters: `region` and `organisation` (an instance or its pk), and a
period, either `start` and `end` dates (each may be left open) or a `year`. How the period applies is said
with each figure.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from volunteers.clubs.models import (
    Attendance,
    Audience,
    Club,
    ClubSession,
    ClubStatus,
    Enrolment,
    EnrolmentStatus,
    Master,
    MasterStatus,
)
from volunteers.filters import born_on_or_before_for_age
from volunteers.models import EntryKind, EntryStatus, LedgerEntry, Region, VolunteerProfile
from volunteers.reporting import selectors
from volunteers.reporting.figures import FigureQuery, Headline, Section, Table, Unit, figures_provider
from volunteers.reporting.people import day_start

PROGRAMME_FIGURES_KEY = "clubs:programme-figures"
PROGRAMME_FIGURES_SECONDS = 300
RUNNING = (ClubStatus.OPEN, ClubStatus.CLOSED)


@dataclass(frozen=True)
class Period:
    start: dt.date | None = None
    end: dt.date | None = None


def period_of(*, start: dt.date | None = None, end: dt.date | None = None, year: int | None = None) -> Period:
    if year is not None:
        if start is not None or end is not None:
            raise ValueError("Give a year or start/end dates, not both.")
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if start is not None and end is not None and end < start:
        raise ValueError("The period ends before it starts.")
    return Period(start, end)


def _until(day: dt.date) -> dt.datetime:
    """The first moment after `day`: a timestamp on or before `day` is below it."""
    return day_start(day + dt.timedelta(days=1))


def _pk(value):
    return getattr(value, "pk", value)


def _where(prefix: str, *, region=None, organisation=None) -> Q:
    where = Q()
    if region is not None:
        where &= Q(**{f"{prefix}region_id": _pk(region)})
    if organisation is not None:
        where &= Q(**{f"{prefix}organisation_id": _pk(organisation)})
    return where


def silver_volunteers_by_region(*, region=None, organisation=None, **period) -> dict[str | None, int]:
    """Silver volunteers (retired, or of VOLUNTEERS_SILVER_AGE or more) with an active profile, by their
    region's ISO code (None: no region given). Their age is counted on the period's last day (today when it
    is open), and only those registered by then count. `organisation`: its active members."""
    span = period_of(**period)
    on = min(span.end or timezone.localdate(), timezone.localdate())
    profiles = VolunteerProfile.objects.active().filter(
        Q(is_retired=True)
        | Q(date_of_birth__lte=born_on_or_before_for_age(settings.VOLUNTEERS_SILVER_AGE, on))
    )
    if span.end is not None:
        profiles = profiles.filter(created_at__lt=_until(span.end))
    if region is not None:
        profiles = profiles.filter(region_id=_pk(region))
    if organisation is not None:
        # One membership per person and organisation: the join counts nobody twice.
        profiles = profiles.filter(
            user__memberships__organisation_id=_pk(organisation), user__memberships__active=True
        )
    rows = profiles.order_by().values("region__iso_code").annotate(count=Count("pk"))
    return {row["region__iso_code"]: row["count"] for row in rows}


def silver_volunteers(**filters) -> int:
    return sum(silver_volunteers_by_region(**filters).values())


def clubs_figures(*, region=None, organisation=None, **period) -> dict:
    """Clubs: `by_status` counts every club (drafts and cancelled ones too); `running` (open or closed for
    enrolment, so meeting), `by_audience` and `by_region` count the running ones. With a period, the clubs
    whose schedule overlaps it."""
    span = period_of(**period)
    clubs = Club.objects.filter(_where("", region=region, organisation=organisation))
    if span.end is not None:
        clubs = clubs.filter(starts_on__lte=span.end)
    if span.start is not None:
        clubs = clubs.filter(ends_on__gte=span.start)
    rows = clubs.order_by().values("status", "audience", "region__iso_code").annotate(count=Count("pk"))
    figures = {
        "by_status": dict.fromkeys(ClubStatus.values, 0),
        "running": 0,
        "by_audience": dict.fromkeys(Audience.values, 0),
        "by_region": {},
    }
    for row in rows:
        figures["by_status"][row["status"]] += row["count"]
        if row["status"] in RUNNING:
            figures["running"] += row["count"]
            figures["by_audience"][row["audience"]] += row["count"]
            code = row["region__iso_code"]
            figures["by_region"][code] = figures["by_region"].get(code, 0) + row["count"]
    return figures


def children_enrolled(*, region=None, organisation=None, **period) -> dict[str, int]:
    """Children in the clubs. Now: `enrolled` (places taken), `children` (the distinct children among them:
    one child in two clubs counts once), `waitlisted`. Over the period (all time when open): `ever_enrolled`,
    the enrolments that held a place at some time in it."""
    span = period_of(**period)
    had_place = Q(enrolled_at__isnull=False)
    if span.end is not None:
        had_place &= Q(enrolled_at__lt=_until(span.end))
    if span.start is not None:
        had_place &= Q(ended_at__isnull=True) | Q(ended_at__gte=day_start(span.start))
    enrolled = Q(status=EnrolmentStatus.ENROLLED)
    return Enrolment.objects.filter(_where("club__", region=region, organisation=organisation)).aggregate(
        enrolled=Count("pk", filter=enrolled),
        children=Count("child_key", filter=enrolled, distinct=True),
        waitlisted=Count("pk", filter=Q(status=EnrolmentStatus.WAITLISTED)),
        ever_enrolled=Count("pk", filter=had_place),
    )


def sessions_held(*, region=None, organisation=None, **period) -> dict[str, int]:
    """Sessions held (attendance recorded, not cancelled) on a day of the period, and `visits`: the children
    marked present at them. Two queries."""
    span = period_of(**period)
    sessions = ClubSession.objects.filter(
        _where("club__", region=region, organisation=organisation),
        held_at__isnull=False,
        cancelled_at__isnull=True,
    )
    if span.start is not None:
        sessions = sessions.filter(date__gte=span.start)
    if span.end is not None:
        sessions = sessions.filter(date__lte=span.end)
    # Two plain counts: one aggregate over the sessions joined to their marks needs a DISTINCT over them all.
    visits = Attendance.objects.filter(session__in=sessions, present=True)
    return {"sessions": sessions.count(), "visits": visits.count()}


def masters_verified(*, region=None, organisation=None, **period) -> dict:
    """Verified masters: `masters` (people: a master of two crafts counts once) and `by_craft` (declarations,
    by the craft's slug). With a period, those verified by its last day."""
    span = period_of(**period)
    masters = Master.objects.filter(
        _where("", region=region, organisation=organisation), status=MasterStatus.VERIFIED
    )
    if span.end is not None:
        masters = masters.filter(decided_at__lt=_until(span.end))
    rows = masters.order_by().values("craft__slug").annotate(count=Count("pk"))
    return {
        "masters": masters.aggregate(people=Count("volunteer", distinct=True))["people"],
        "by_craft": {row["craft__slug"]: row["count"] for row in rows},
    }


def masters_hours(*, region=None, organisation=None, **period) -> Decimal:
    """The hours the masters' volunteer books hold for leading club sessions held in the period (corrections
    included: a source's verified entries sum to what it is worth now)."""
    span = period_of(**period)
    entries = LedgerEntry.objects.filter(
        _where("", region=region, organisation=organisation),
        kind=EntryKind.CLUB_HOURS,
        status=EntryStatus.VERIFIED,
    )
    if span.start is not None:
        entries = entries.filter(occurred_on__gte=span.start)
    if span.end is not None:
        entries = entries.filter(occurred_on__lte=span.end)
    return entries.aggregate(total=Sum("hours"))["total"] or Decimal(0)


def _programme_count() -> dict[str, int]:
    return {
        "silver_volunteers": silver_volunteers(),
        "clubs": clubs_figures()["running"],
        "children": children_enrolled()["enrolled"],
        "sessions": sessions_held()["sessions"],
        "masters": masters_verified()["masters"],
        "hours": int(masters_hours()),
    }


def programme_figures() -> dict[str, int]:
    """The programme page's figures, all time: counted over whole tables, so kept a few minutes."""
    return cache.get_or_set(PROGRAMME_FIGURES_KEY, _programme_count, PROGRAMME_FIGURES_SECONDS)


# --- The section of the dashboards and the annual reports (volunteers.reporting.figures) --------------------


@figures_provider(order=70)
def clubs_section(query: FigureQuery) -> Section:
    """The craft clubs of the area in the period (roadmap item 26), from the functions above; the masters'
    hours from the rollups of the volunteer book (club hours given with the area's organisations or in its
    region), not from the book's rows."""
    area, period = query.area_filters(), {"start": query.start, "end": query.end}
    clubs = clubs_figures(**area, **period)
    headlines = (
        Headline(
            "clubs_running",
            _("Clubs running"),
            clubs["running"],
            Unit.COUNT,
            note=_("Clubs open or closed for enrolment whose schedule falls in the period."),
        ),
        Headline(
            "clubs_children",
            _("Children enrolled"),
            children_enrolled(**area, **period)["ever_enrolled"],
            Unit.PEOPLE,
            note=_("Places children held at some time in the period: a child in two clubs counts twice."),
        ),
        Headline(
            "clubs_sessions", _("Club sessions held"), sessions_held(**area, **period)["sessions"], Unit.COUNT
        ),
        Headline(
            "clubs_masters",
            _("Verified masters"),
            masters_verified(**area, **period)["masters"],
            Unit.PEOPLE,
            note=_("Silver volunteers whose craft a coordinator verified, by the end of the period."),
        ),
        Headline(
            "clubs_masters_hours",
            _("Masters' hours"),
            selectors.hours_total(kind=EntryKind.CLUB_HOURS, **query.rollup_filters()),
            Unit.HOURS,
            note=_("Verified hours of leading club sessions, from the volunteer book."),
        ),
    )
    tables = [
        Table(
            key="clubs_by_audience",
            title=_("Clubs running by audience"),
            columns=(_("For whom"), _("Clubs")),
            rows=tuple((str(label), clubs["by_audience"][value]) for value, label in Audience.choices),
        )
    ]
    if query.national:
        tables.append(
            Table(
                key="clubs_by_region",
                title=_("Clubs running by region"),
                columns=(_("Region"), _("Clubs")),
                rows=tuple(
                    (str(region), clubs["by_region"].get(region.iso_code, 0))
                    for region in Region.objects.all()
                ),
            )
        )
    return Section(key="clubs", title=_("Craft clubs"), order=70, headlines=headlines, tables=tuple(tables))
