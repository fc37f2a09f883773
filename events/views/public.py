"""What volunteers see: the listing, an event's page, signing up, and their own sign-ups."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from config.errors import DomainError
from events.eligibility import person_refusals, shift_closed_reasons
from events.filters import EventFilter
from events.models import ACTIVE_STATUSES, Event, Shift, Signup, SignupStatus
from events.services import signups as signup_services
from training.qualifications import courses_in_active_language

PAGE_SIZE = 20
COVER_PAGE = "fill-960x400"


def listing_queryset(*, silver_first: bool = False):
    """Published events that have not ended, soonest first, with what a card shows: one query per page,
    whatever its size. With `silver_first`, the events suited to silver volunteers come before the others."""
    order = ("-silver_friendly", "starts_at", "pk") if silver_first else ("starts_at", "pk")
    return Event.objects.published().upcoming().for_cards().order_by(*order)


def _silver_first(request) -> bool:
    """A signed-in silver volunteer (50+ or retired: roadmap item 25) sees the events suited to them first."""
    if not request.user.is_authenticated:
        return False
    profile = getattr(request.user, "profile", None)
    return profile is not None and profile.is_silver


def event_list(request):
    silver_first = _silver_first(request)
    events = EventFilter(
        request.GET or None, queryset=listing_queryset(silver_first=silver_first), request=request
    )
    page = Paginator(events.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "events/list.html", {"filter": events, "page": page, "silver_first": silver_first})


def _visible_events(request):
    return Event.objects.visible_to(request.user).select_related(
        "organisation", "region", "direction", "day_of_action", "series"
    )


def _event_page(request, event: Event, *, shift_errors=None, status=200):
    shifts = list(event.shifts.filter(cancelled_at__isnull=True).order_by("starts_at", "pk"))
    mine = {}
    if request.user.is_authenticated:
        signups = Signup.objects.of(request.user).filter(shift__event=event, status__in=ACTIVE_STATUSES)
        mine = {signup.shift_id: signup for signup in signups.with_waitlist_position()}
    courses = courses_in_active_language(event.required_courses.all())
    refusals = (
        person_refusals(user=request.user, event=event, courses=courses)
        if request.user.is_authenticated
        else []
    )
    now = timezone.now()
    rows = []
    for shift in shifts:
        shift.event = event
        closed = shift_closed_reasons(shift=shift, now=now)
        rows.append(
            {
                "shift": shift,
                "mine": mine.get(shift.pk),
                "closed": closed[0].message if closed else "",
                "error": (shift_errors or {}).get(shift.pk, ""),
            }
        )
    title, title_language = event.title.resolve()
    context = {
        "event": event,
        "title": title,
        "title_language": title_language,
        "description": event.description.in_language(),
        "accessibility": event.accessibility.in_language(),
        "rows": rows,
        "courses": courses,
        "refusals": [refusal.message for refusal in refusals],
        "no_profile": any(refusal.code == "no_profile" for refusal in refusals),
        "cover_spec": COVER_PAGE,
    }
    return render(request, "events/detail.html", context, status=status)


def event_detail(request, pk: int):
    event = get_object_or_404(_visible_events(request).with_covers(COVER_PAGE), pk=pk)
    return _event_page(request, event)


@login_required
def signup_create(request, shift_id: int):
    shift = get_object_or_404(
        Shift.objects.select_related("event").filter(event__in=Event.objects.visible_to(request.user)),
        pk=shift_id,
    )
    if request.method != "POST":
        # Back from the login page that a visitor was sent to: the sign-up button is on the event's page.
        return redirect("events:detail", pk=shift.event_id)
    try:
        signup = signup_services.signup_create(volunteer=request.user, shift=shift)
    except DomainError as error:
        event = get_object_or_404(_visible_events(request).with_covers(COVER_PAGE), pk=shift.event_id)
        return _event_page(request, event, shift_errors={shift.pk: error.message}, status=409)
    if signup.status == SignupStatus.CONFIRMED:
        messages.success(request, _("You are signed up. Your check-in code is on this page."))
    else:
        messages.info(
            request,
            _(
                "The shift is full: you are number %(position)s on the waitlist. We will write to you if a "
                "place frees up."
            )
            % {"position": signup_services.waitlist_position(signup)},
        )
    return redirect("events:my_signup", pk=signup.pk)


def _my_signups(request):
    return Signup.objects.of(request.user).select_related(
        "shift__event__organisation", "shift__event__region", "shift__event__direction"
    )


@never_cache
@login_required
def my_events(request):
    now = timezone.now()
    signups = _my_signups(request)
    upcoming = list(
        signups.filter(shift__ends_at__gt=now, status__in=ACTIVE_STATUSES).order_by("shift__starts_at", "pk")
    )
    past = list(signups.exclude(pk__in=[s.pk for s in upcoming]).order_by("-shift__starts_at", "-pk")[:100])
    return render(request, "events/my_events.html", {"upcoming": upcoming, "past": past, "now": now})


@never_cache
@login_required
def my_signup(request, pk: int):
    signup = get_object_or_404(_my_signups(request), pk=pk)
    shift = signup.shift
    now = timezone.now()
    context = {
        "signup": signup,
        "shift": shift,
        "event": shift.event,
        "position": signup_services.waitlist_position(signup),
        "can_cancel": signup.is_active
        and (signup.status == SignupStatus.WAITLISTED or now <= shift.cancel_deadline())
        and shift.ends_at > now,
        "deadline": shift.cancel_deadline(),
        "upcoming": shift.ends_at > now,
    }
    return render(request, "events/my_signup.html", context)


@require_POST
@login_required
def my_signup_cancel(request, pk: int):
    signup = get_object_or_404(_my_signups(request), pk=pk)
    try:
        signup_services.signup_cancel(signup=signup, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("events:my_signup", pk=signup.pk)
    messages.success(request, _("Your sign-up is cancelled. Thank you for letting the organisers know."))
    return redirect("events:my")


@never_cache
@login_required
def my_signup_qr(request, pk: int):
    from events.qr import signup_qr_svg

    signup = get_object_or_404(_my_signups(request), pk=pk, status=SignupStatus.CONFIRMED)
    response = HttpResponse(signup_qr_svg(signup), content_type="image/svg+xml")
    response["Cache-Control"] = "private, no-store"
    return response
