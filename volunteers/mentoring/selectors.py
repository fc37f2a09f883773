"""Reads of the mentorship lifecycle: which pairs are at risk (no meeting for the centre's number of weeks)
and the coordinator's dashboard. Each is a fixed number of queries however many pairs there are."""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Case, Count, F, IntegerField, Max, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce

from volunteers.mentoring.models import (
    HELD_STATUSES,
    CentreRules,
    Meeting,
    Mentor,
    MentorshipStatus,
    MentorStatus,
    Pool,
)
from volunteers.mentoring.permissions import (
    centres_managed_by,
    mentees_visible_to,
    mentorships_managed_by,
)

CHECK_EXPIRY_DAYS = 30
DASHBOARD_ROWS = 20
# The programmes whose mentors need a background check (see services.eligibility).
CHECKED_POOLS = (Pool.CHILDREN, Pool.HOME_VISITS)


def default_reminder_weeks() -> int:
    return max(1, settings.MENTORING_REMINDER_WEEKS)


def with_risk(queryset: QuerySet) -> QuerySet:
    """Annotate each pair with `since` (its last meeting, or its start when it has none) and `reminder_weeks`
    (its centre's, or the platform's; a centre's 0 counts as unset, so that no pair goes unwatched)."""
    return queryset.annotate(
        since=Coalesce("last_meeting_on", "started_on"),
        reminder_weeks=Case(
            When(
                organisation__mentoring_rules__reminder_weeks__gt=0,
                then=F("organisation__mentoring_rules__reminder_weeks"),
            ),
            default=Value(default_reminder_weeks()),
            output_field=IntegerField(),
        ),
    )


def _weeks_in_use() -> set[int]:
    """Every number of weeks some pair may be measured by: the centres' own and the default. A handful of
    values, whatever the number of centres and pairs."""
    weeks = set(
        CentreRules.objects.filter(reminder_weeks__gt=0)
        .order_by()
        .values_list("reminder_weeks", flat=True)
        .distinct()
    )
    return weeks | {default_reminder_weeks()}


def _per_weeks(today: dt.date, condition) -> Q:
    """OR over the weeks in use of (reminder_weeks == w AND condition(threshold day of w))."""
    scope = Q(pk__in=[])
    for weeks in sorted(_weeks_in_use()):
        scope |= Q(reminder_weeks=weeks) & condition(today - dt.timedelta(weeks=weeks))
    return scope


def at_risk(queryset: QuerySet, *, today: dt.date) -> QuerySet:
    """The active pairs of `queryset` with no meeting (nor a start) for their centre's number of weeks."""
    return (
        with_risk(queryset)
        .filter(status=MentorshipStatus.ACTIVE)
        .filter(_per_weeks(today, lambda threshold: Q(since__lte=threshold)))
    )


def reminders_due(queryset: QuerySet, *, today: dt.date) -> QuerySet:
    """The pairs at risk whose mentor was not reminded within the same number of weeks: one reminder a
    period without meetings."""
    return at_risk(queryset, today=today).filter(
        _per_weeks(
            today,
            lambda threshold: Q(reminded_at__isnull=True) | Q(reminded_at__date__lte=threshold),
        )
    )


def weeks_since(day: dt.date | None, today: dt.date) -> int | None:
    return (today - day).days // 7 if day else None


def is_at_risk(pair, today: dt.date) -> bool:
    """For a pair annotated by `with_risk`: the same test as `at_risk`, in Python."""
    return (
        pair.status == MentorshipStatus.ACTIVE
        and pair.since is not None
        and pair.since <= today - dt.timedelta(weeks=pair.reminder_weeks)
    )


# --- The coordinator's dashboard ----------------------------------------------------------------------------


@dataclass
class Dashboard:
    active: int = 0
    paused: int = 0
    proposed: int = 0
    at_risk_count: int = 0
    at_risk: list = field(default_factory=list)
    to_acknowledge_count: int = 0
    to_acknowledge: list = field(default_factory=list)
    hours_month: float = 0
    hours_year: float = 0
    checks_expiring: list = field(default_factory=list)
    mentees_waiting: int = 0


def _hours(minutes) -> float:
    return round((minutes or 0) / 60, 2)


def checks_expiring(user, *, today: dt.date, days: int = CHECK_EXPIRY_DAYS, limit: int = DASHBOARD_ROWS):
    """Approved mentors who need a background check — those of the user's pairs and those who applied to
    the user's centres — whose check ends within `days` days or no longer holds (`check_until` None)."""
    pairs = mentorships_managed_by(user).filter(status__in=HELD_STATUSES)
    mentors = (
        Mentor.objects.filter(status=MentorStatus.APPROVED)
        .filter(Q(pk__in=pairs.values("mentor_id")) | Q(organisation__in=centres_managed_by(user)))
        .annotate(
            check_until=Max(
                "checks__expires_on",
                filter=Q(
                    checks__revoked_at__isnull=True,
                    checks__issued_on__lte=today,
                    checks__expires_on__gte=today,
                ),
            )
        )
        .filter(Q(check_until__isnull=True) | Q(check_until__lte=today + dt.timedelta(days=days)))
        .select_related("volunteer")
        .order_by(F("check_until").asc(nulls_first=True), "pk")
    )
    # The pools are a JSON list (no portable "contains" lookup): filtered here, on the few rows that lapse.
    found = []
    for mentor in mentors.iterator(chunk_size=200):
        if set(mentor.pools) & set(CHECKED_POOLS):
            found.append(mentor)
            if len(found) == limit:
                break
    return found


def dashboard(user, *, today: dt.date) -> Dashboard:
    pairs = mentorships_managed_by(user)
    counts = pairs.aggregate(
        active=Count("pk", filter=Q(status=MentorshipStatus.ACTIVE)),
        paused=Count("pk", filter=Q(status=MentorshipStatus.PAUSED)),
        proposed=Count("pk", filter=Q(status=MentorshipStatus.PROPOSED)),
    )
    risky = at_risk(pairs, today=today).select_related("mentee", "mentor__volunteer", "organisation")
    at_risk_rows = list(risky.order_by("since", "pk")[:DASHBOARD_ROWS])
    for pair in at_risk_rows:
        pair.weeks = weeks_since(pair.since, today)
    waiting = Meeting.objects.filter(mentorship__in=pairs, acknowledged_at__isnull=True)
    to_acknowledge = list(
        waiting.select_related(
            "mentorship__mentee", "mentorship__mentor__volunteer", "mentorship__organisation"
        ).order_by("occurred_on", "pk")[:DASHBOARD_ROWS]
    )
    month, year = today.replace(day=1), today.replace(month=1, day=1)
    minutes = Meeting.objects.filter(
        mentorship__in=pairs, acknowledged_at__isnull=False, occurred_on__gte=year, occurred_on__lte=today
    ).aggregate(
        year=Sum("minutes"),
        month=Sum("minutes", filter=Q(occurred_on__gte=month)),
    )
    held = pairs.model.objects.filter(status__in=HELD_STATUSES).values("mentee_id")
    waiting_mentees = mentees_visible_to(user).filter(archived_at__isnull=True).exclude(pk__in=held).count()
    return Dashboard(
        active=counts["active"],
        paused=counts["paused"],
        proposed=counts["proposed"],
        at_risk_count=risky.count(),
        at_risk=at_risk_rows,
        to_acknowledge_count=waiting.count(),
        to_acknowledge=to_acknowledge,
        hours_month=_hours(minutes["month"]),
        hours_year=_hours(minutes["year"]),
        checks_expiring=checks_expiring(user, today=today),
        mentees_waiting=waiting_mentees,
    )
