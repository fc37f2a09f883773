"""A volunteer's sign-ups in their calendar app: an .ics file per sign-up, and a personal feed whose secret
address they can replace when it has got out."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from events.ical import signups_calendar
from events.models import CalendarFeed, Signup
from events.services.feeds import calendar_feed_ensure, calendar_feed_revoke

# The feed keeps recent shifts a while so that the calendar still shows where one was last week.
FEED_PAST = dt.timedelta(days=30)
ICS_TYPE = "text/calendar; charset=utf-8"


def _event_url(request):
    return lambda event: request.build_absolute_uri(reverse("events:detail", args=[event.pk]))


def _feed_url(request, feed: CalendarFeed) -> str:
    return request.build_absolute_uri(reverse("events:feed", kwargs={"token": feed.token}))


@never_cache
@login_required
def signup_ics(request, pk: int):
    signup = get_object_or_404(Signup.objects.of(request.user).select_related("shift__event"), pk=pk)
    body = signups_calendar([signup], event_url=_event_url(request))
    return HttpResponse(
        body,
        content_type=ICS_TYPE,
        headers={"Content-Disposition": f'attachment; filename="birgemiz-signup-{signup.pk}.ics"'},
    )


@never_cache
@login_required
def feed_manage(request):
    feed = calendar_feed_ensure(user=request.user)
    url = _feed_url(request, feed)
    return render(
        request,
        "events/calendar/feed.html",
        {"feed_url": url, "webcal_url": "webcal://" + url.split("://", 1)[1]},
    )


@require_POST
@login_required
def feed_revoke(request):
    calendar_feed_revoke(user=request.user)
    messages.success(
        request,
        gettext(
            "Your calendar has a new address, and the old one no longer works. Subscribe again with the new "
            "address in your calendar app."
        ),
    )
    return redirect("events:calendar")


@never_cache
def feed(request, token: str):
    """Public by its secret token. Only the owner's own active sign-ups, and nothing about them beyond the
    shift: no account details, no check-in code."""
    feed = CalendarFeed.objects.filter(token=token, user__is_active=True).first()
    if feed is None:
        raise Http404
    signups = (
        Signup.objects.active()
        .filter(volunteer_id=feed.user_id, shift__ends_at__gte=timezone.now() - FEED_PAST)
        .select_related("shift__event")
        .order_by("shift__starts_at", "pk")
    )
    body = signups_calendar(signups, event_url=_event_url(request), name=gettext("Birgemiz: my shifts"))
    response = HttpResponse(
        body, content_type=ICS_TYPE, headers={"Content-Disposition": 'inline; filename="birgemiz.ics"'}
    )
    response["X-Robots-Tag"] = "noindex"
    return response
