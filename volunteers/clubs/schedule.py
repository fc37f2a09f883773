"""A club's schedule as a weekly series: the days it meets, and the sessions those days are.

Sessions are rows, made for every day of the series (`sessions_sync`), so attendance has something to hang on
and a day outside the series has no session to record. Changing the schedule adds the new days and removes
the days that are no longer in it, unless attendance was recorded for them (those stay, as history)."""

import datetime as dt

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from volunteers.clubs.models import Club, ClubSession

WEEKDAYS = range(7)  # 0 = Monday, as date.weekday()


def series_dates(starts_on: dt.date, ends_on: dt.date, weekdays) -> list[dt.date]:
    days = set(weekdays)
    count = (ends_on - starts_on).days + 1
    dates = (starts_on + dt.timedelta(days=offset) for offset in range(max(count, 0)))
    return [day for day in dates if day.weekday() in days]


def in_series(club: Club, day: dt.date) -> bool:
    return club.starts_on <= day <= club.ends_on and day.weekday() in set(club.weekdays)


def session_bounds(club: Club, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    zone = timezone.get_current_timezone()
    return (
        dt.datetime.combine(day, club.start_time, tzinfo=zone),
        dt.datetime.combine(day, club.end_time, tzinfo=zone),
    )


def sessions_sync(club: Club) -> tuple[int, int]:
    """Makes the club's sessions match its schedule: adds the missing days, moves the times of the days not
    held yet, deletes the days no longer in the series that were not held. Returns (added, removed). The
    caller holds the club's row lock."""
    wanted = set(series_dates(club.starts_on, club.ends_on, club.weekdays)[: settings.CLUBS_SESSIONS_MAX])
    existing = {session.date: session for session in club.sessions.all()}
    stale = [s.pk for day, s in existing.items() if day not in wanted and s.held_at is None]
    ClubSession.objects.filter(pk__in=stale).delete()
    moved = []
    for day, session in existing.items():
        if day in wanted and session.held_at is None:
            starts_at, ends_at = session_bounds(club, day)
            if (session.starts_at, session.ends_at) != (starts_at, ends_at):
                session.starts_at, session.ends_at = starts_at, ends_at
                moved.append(session)
    ClubSession.objects.bulk_update(moved, ["starts_at", "ends_at"])
    added = [
        ClubSession(club=club, date=day, starts_at=bounds[0], ends_at=bounds[1])
        for day in sorted(wanted - existing.keys())
        for bounds in [session_bounds(club, day)]
    ]
    ClubSession.objects.bulk_create(added)
    return len(added), len(stale)


# --- In words: the pages, the coordinators' pages and the e-mails say a schedule the same way ---------------

# "Saturdays, 10:00–12:00": the days a weekly series meets.
WEEKDAY_PLURALS = [
    gettext_lazy("Mondays"), gettext_lazy("Tuesdays"), gettext_lazy("Wednesdays"), gettext_lazy("Thursdays"),
    gettext_lazy("Fridays"), gettext_lazy("Saturdays"), gettext_lazy("Sundays"),
]  # fmt: skip


def weekly_words(club: Club) -> str:
    """The days and hours in the active language: "Saturdays, 10:00–12:00"."""
    days = ", ".join(str(WEEKDAY_PLURALS[day]) for day in sorted(set(club.weekdays)) if 0 <= day <= 6)
    return _("%(days)s, %(start)s–%(end)s") % {
        "days": days,
        "start": formats.time_format(club.start_time, "H:i"),
        "end": formats.time_format(club.end_time, "H:i"),
    }


def period_words(club: Club) -> str:
    """ "from 7 March 2026 to 25 April 2026" in the active language."""
    return _("from %(first)s to %(last)s") % {
        "first": formats.date_format(club.starts_on, "DATE_FORMAT"),
        "last": formats.date_format(club.ends_on, "DATE_FORMAT"),
    }


def schedule_words(club: Club) -> str:
    """The whole schedule: "Saturdays, 10:00–12:00, from 7 March 2026 to 25 April 2026"."""
    return f"{weekly_words(club)}, {period_words(club)}"
