"""iCalendar (RFC 5545) for a volunteer's sign-ups: the .ics file of one sign-up and the personal feed.

Each sign-up is one VEVENT whose UID never changes, so a calendar app that imported it once updates it in
place when the time moves (SEQUENCE follows the event's version) or when it is cancelled. Only what the
volunteer may see about their own shift goes in: no check-in code, no other person's data.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar, vDuration
from icalendar import Event as VEvent

from events.models import Event, Signup, SignupStatus

PRODID = "-//Birgemiz//Volunteer events//EN"
# How often a subscribed calendar app should fetch the feed again (a hint; most apps choose for themselves).
FEED_REFRESH = dt.timedelta(hours=3)


def _site_host() -> str:
    # The site's own address, not the request's: the UID must stay the same however the feed is fetched.
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "birgemiz.localhost"


def signup_uid(signup: Signup) -> str:
    return f"signup-{signup.pk}@{_site_host()}"


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def _is_cancelled(signup: Signup) -> bool:
    shift = signup.shift
    return (
        signup.status == SignupStatus.CANCELLED or shift.cancelled_at is not None or shift.event.is_cancelled
    )


def _location(signup: Signup) -> str:
    event = signup.shift.event
    if event.is_online:
        # The link to join is for people with a place, as in the e-mails.
        if signup.status == SignupStatus.CONFIRMED and event.online_url:
            return f"{gettext('Online')}: {event.online_url}"
        return gettext("Online")
    return ", ".join(part for part in (event.address, event.city) if part)


def _vevent(signup: Signup, *, event_url: str, stamp: dt.datetime) -> VEvent:
    shift = signup.shift
    event = shift.event
    title = str(event.title)
    if signup.status == SignupStatus.WAITLISTED:
        title = gettext("%(title)s (on the waitlist)") % {"title": title}
    task = shift.task.in_language()
    description = "\n\n".join(part for part in (task, event_url) if part)

    vevent = VEvent()
    vevent.add("uid", signup_uid(signup))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", _utc(shift.starts_at))
    vevent.add("dtend", _utc(shift.ends_at))
    vevent.add("summary", title)
    vevent.add("description", description)
    vevent.add("url", event_url)
    location = _location(signup)
    if location:
        vevent.add("location", location)
    if _is_cancelled(signup):
        vevent.add("status", "CANCELLED")
    elif signup.status == SignupStatus.WAITLISTED:
        vevent.add("status", "TENTATIVE")
    else:
        vevent.add("status", "CONFIRMED")
    vevent.add("sequence", event.version)
    vevent.add("last-modified", _utc(event.updated_at))
    vevent.add("transp", "OPAQUE")
    return vevent


def signups_calendar(
    signups: Iterable[Signup], *, event_url: Callable[[Event], str], name: str = ""
) -> bytes:
    """A VCALENDAR of the given sign-ups (with shift and event loaded) in the active language. `event_url`
    gives the public address of an event; `name` makes it a feed that calendar apps subscribe to."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("refresh-interval", FEED_REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(FEED_REFRESH))
    stamp = _utc(timezone.now())
    for signup in signups:
        calendar.add_component(_vevent(signup, event_url=event_url(signup.shift.event), stamp=stamp))
    return calendar.to_ical()
