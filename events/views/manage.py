"""The coordinators' pages for their organisations' events: the list, one form for the event and its shifts,
the event's own page, publishing and cancelling. Every event is found through events_managed_by, so another
organisation's event id is a 404."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import BooleanField, Case, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from config.errors import DomainError
from events.forms import CancelForm, EventForm, ShiftFormSet, shift_initial
from events.models import Event, Shift
from events.permissions import events_managed_by, events_manager_required
from events.services import events as event_services
from events.services.signups import weekly_limit_overruns
from volunteers.permissions import organisations_managed_by

PAGE_SIZE = 50
TRANSLATED_FIELDS = ("title", "description", "accessibility")


def _event_for(request, pk: int) -> Event:
    events = events_managed_by(request.user).select_related(
        "organisation", "direction", "region", "day_of_action", "cover"
    )
    return get_object_or_404(events, pk=pk)


@never_cache
@events_manager_required
def event_list(request):
    """Upcoming events soonest first, then past ones latest first, with their places summed over the shifts
    in the same query: one query a page, however many events."""
    now = timezone.now()
    open_shifts = Q(shifts__cancelled_at__isnull=True)
    events = (
        events_managed_by(request.user)
        .select_related("organisation")
        .annotate(
            is_past=Case(
                When(ends_at__lte=now, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
            places=Coalesce(Sum("shifts__capacity", filter=open_shifts), 0),
            confirmed=Coalesce(Sum("shifts__confirmed_count", filter=open_shifts), 0),
            waitlisted=Coalesce(Sum("shifts__waitlist_count", filter=open_shifts), 0),
        )
        .order_by(
            "is_past",
            Case(When(ends_at__gt=now, then=F("starts_at"))).asc(nulls_last=True),
            F("starts_at").desc(),
            "pk",
        )
    )
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    several = organisations_managed_by(request.user)[:2].count() > 1
    return render(request, "events/manage/list.html", {"page": page, "several_organisations": several})


@never_cache
@events_manager_required
def weekly_limit(request):
    """The burnout guard, seen by coordinators: who among the people signed up for their shifts in the next
    four weeks has more than the weekly limit of hours within 7 days (sign-ups elsewhere included)."""
    rows = weekly_limit_overruns(shifts=Shift.objects.filter(event__in=events_managed_by(request.user)))
    return render(
        request,
        "events/manage/weekly_limit.html",
        {"rows": rows, "weekly_limit": settings.VOLUNTEERS_WEEKLY_HOURS_LIMIT},
    )


@never_cache
@events_manager_required
def event_create(request):
    return _event_form_page(request, event=None)


@never_cache
@events_manager_required
def event_edit(request, pk: int):
    event = _event_for(request, pk)
    if event.is_cancelled:
        messages.error(request, _("A cancelled event cannot be changed."))
        return redirect("events_manage:detail", pk=event.pk)
    return _event_form_page(request, event=event)


def _event_form_page(request, *, event: Event | None):
    initial = shift_initial(event) if event is not None else []
    if request.method == "POST":
        form = EventForm(request.POST, request.FILES, user=request.user, event=event)
        shifts = ShiftFormSet(request.POST, initial=initial, prefix="shifts")
        if form.is_valid() and shifts.is_valid():
            saved = _event_save(request, form=form, shifts=shifts, event=event)
            if saved is not None:
                return redirect("events_manage:detail", pk=saved.pk)
    else:
        form = EventForm(user=request.user, event=event)
        shifts = ShiftFormSet(initial=initial, prefix="shifts")
    return render(request, "events/manage/form.html", {"form": form, "shifts": shifts, "event": event})


def _event_save(request, *, form: EventForm, shifts, event: Event | None) -> Event | None:
    """Save through the service; a rule it refuses becomes a message next to the field it names, and nothing
    is kept, the uploaded cover included."""
    items, rows = shifts.shifts_data()
    new_cover = None
    try:
        # The cover image and the event are one change: a refused event leaves no image behind.
        with transaction.atomic():
            cover = form.cover_save(user=request.user)
            if form.cleaned_data.get("cover"):
                new_cover = cover
            data = form.event_data(cover=cover)
            if event is None:
                organisation = form.organisation or form.cleaned_data["organisation"]
                created = event_services.event_create(
                    organisation=organisation,
                    data=data,
                    shifts=items,
                    actor=request.user,
                    repeat=form.cleaned_data["repeat"],
                )
                saved = created[0]
            else:
                saved = event_services.event_update(event=event, data=data, shifts=items, actor=request.user)
    except DomainError as error:
        if new_cover is not None:
            new_cover.file.delete(save=False)  # its row is rolled back; the stored file is not
        _error_show(error, form=form, shifts=shifts, rows=rows)
        return None
    if event is not None:
        messages.success(request, _("The changes are saved."))
    elif len(created) > 1:
        repeats = len(created) - 1
        messages.success(
            request,
            ngettext(
                "The draft is saved with %(count)d weekly repeat.",
                "The draft is saved with %(count)d weekly repeats.",
                repeats,
            )
            % {"count": repeats},
        )
    else:
        messages.success(request, _("The draft is saved. Publish it when it is ready."))
    return saved


def _error_show(error: DomainError, *, form: EventForm, shifts, rows: list[int]) -> None:
    index = error.params.get("index")
    if index is not None and 0 <= index < len(rows):
        row = shifts.forms[rows[index]]
        row.add_error(error.field if error.field in row.fields else None, error.message)
    elif error.code == "no_shifts":
        shifts.non_form_errors().append(error.message)
    else:
        form.add_error(error.field if error.field in form.fields else None, error.message)


def _translations_missing(event: Event) -> list[tuple[str, list[str]]]:
    """The texts written in some languages but not all, with the languages they still lack."""
    names = dict(settings.LANGUAGES)
    missing = []
    for name in TRANSLATED_FIELDS:
        languages = getattr(event, name).missing()
        if languages and len(languages) < len(names):
            label = Event._meta.get_field(name).verbose_name
            missing.append((label, [names[code] for code in languages]))
    return missing


@never_cache
@events_manager_required
def event_detail(request, pk: int):
    event = _event_for(request, pk)
    shifts = list(event.shifts.filter(cancelled_at__isnull=True).order_by("starts_at", "pk"))
    confirm_cancel = request.GET.get("confirm") == "cancel" and not event.is_cancelled
    return render(
        request,
        "events/manage/detail.html",
        {
            "event": event,
            "shifts": shifts,
            "translations_missing": _translations_missing(event),
            "required_courses": list(event.required_courses.all()),
            "series_size": event.series.events.count() if event.series_id else 0,
            "confirm_cancel": confirm_cancel,
            "cancel_form": CancelForm() if confirm_cancel else None,
            "signed_up": sum(shift.confirmed_count + shift.waitlist_count for shift in shifts),
        },
    )


@never_cache
@require_POST
@events_manager_required
def event_publish(request, pk: int):
    event = _event_for(request, pk)
    try:
        event_services.event_publish(event=event, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The event is published: volunteers can now sign up."))
    return redirect("events_manage:detail", pk=event.pk)


@never_cache
@require_POST
@events_manager_required
def event_cancel(request, pk: int):
    event = _event_for(request, pk)
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["reason"][0])
        return redirect(f"{reverse('events_manage:detail', kwargs={'pk': event.pk})}?confirm=cancel")
    try:
        event_services.event_cancel(event=event, actor=request.user, reason=form.cleaned_data["reason"])
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The event is cancelled. Everyone signed up is told."))
    return redirect("events_manage:detail", pk=event.pk)
