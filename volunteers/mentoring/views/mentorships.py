"""Pairs after approval. The mentor's pages (mentoring/pairs/...): their pairs, the mentee's details, the
meeting form. The coordinators' (coordinator/mentoring/...): the dashboard, the pairs with filters, one pair
with its meetings and history, and the POSTs that pause, resume, end and acknowledge.

Every page that shows a mentee's details writes "mentoring.mentee.viewed" and is never cached. Someone else's
pair or meeting in a URL is a 404."""

import datetime as dt
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from volunteers.mentoring.display import labels
from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.forms_lifecycle import EndForm, MeetingForm, PairFilterForm, PauseForm
from volunteers.mentoring.models import (
    HELD_STATUSES,
    EndReason,
    Interest,
    Meeting,
    Mentorship,
    MentorshipStatus,
    Need,
)
from volunteers.mentoring.permissions import mentorships_managed_by, mentorships_of_mentor
from volunteers.mentoring.selectors import at_risk, is_at_risk, weeks_since, with_risk
from volunteers.mentoring.selectors import dashboard as dashboard_figures
from volunteers.mentoring.services import lifecycle
from volunteers.mentoring.services.lifecycle import (
    meeting_acknowledge_many,
    meeting_hours,
    meeting_log,
    meeting_withdraw,
    mentorship_end,
    mentorship_pause,
    mentorship_resume,
)
from volunteers.models import AuditEntry
from volunteers.models.profile import SPOKEN_LANGUAGES
from volunteers.permissions import staff_required

PAGE_SIZE = 30
HISTORY_ROWS = 50
NONCE_SECONDS = 24 * 3600
# What a mentor sees: a proposal is not final until the centre approves it, so its child stays hidden.
MENTOR_STATUSES = (MentorshipStatus.ACTIVE, MentorshipStatus.PAUSED, MentorshipStatus.ENDED)
STATUS_ORDER = Case(
    When(status=MentorshipStatus.ACTIVE, then=Value(0)),
    When(status=MentorshipStatus.PAUSED, then=Value(1)),
    When(status=MentorshipStatus.PROPOSED, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)
HISTORY_LABELS = {
    "mentoring.proposal.created": gettext_lazy("Proposed"),
    "mentoring.proposal.swapped": gettext_lazy("Replaced by another proposal"),
    "mentoring.proposal.approved": gettext_lazy("Approved"),
    "mentoring.proposal.rejected": gettext_lazy("Rejected"),
    "mentoring.mentorship.paused": gettext_lazy("Paused"),
    "mentoring.mentorship.resumed": gettext_lazy("Resumed"),
    "mentoring.mentorship.ended": gettext_lazy("Ended"),
    "mentoring.meeting.logged": gettext_lazy("Meeting logged"),
    "mentoring.meeting.withdrawn": gettext_lazy("Meeting withdrawn"),
    "mentoring.meeting.acknowledged": gettext_lazy("Meeting acknowledged"),
}


# --- Shared -------------------------------------------------------------------------------------------------


def _mentee_details(mentee, today: dt.date) -> dict:
    return {
        "age": mentee.age(today),
        "languages": labels(mentee.languages, SPOKEN_LANGUAGES),
        "interests": labels(mentee.interests, Interest.choices),
        "needs": labels(mentee.needs, Need.choices),
    }


def _mentees_viewed(request, pairs, page: str) -> None:
    """Every view of a mentee's details is audited: one entry per mentee shown, in one query."""
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                actor=request.user,
                action="mentoring.mentee.viewed",
                subject_id=pair.mentee.volunteer_id,
                data={
                    "mentee": pair.mentee_id,
                    "organisation": pair.mentee.organisation_id,
                    "mentorship": pair.pk,
                    "page": page,
                },
            )
            for pair in pairs
        ]
    )


def _meetings_prefetch():
    return Prefetch("meetings", queryset=Meeting.objects.order_by("-occurred_on", "-pk"))


def _decorate_meetings(meetings) -> list:
    for meeting in meetings:
        meeting.hours = meeting_hours(meeting.minutes)
    return meetings


def _refusal(request, form, error: MentoringError) -> None:
    """A refusal about a field goes next to it; one about the pair's state (the form may no longer be shown,
    e.g. a stale pause of a pair paused meanwhile) becomes a message at the top of the page."""
    if error.field and error.field in form.fields:
        form.add_error(error.field, error.message)
    else:
        messages.error(request, error.message)


def _transition(request, pair, *, form, change, done: str, success_url: str, page, form_name: str):
    """A pause or an end posted by the mentor or a coordinator: the change, then its message and a redirect;
    or the page again with the form's errors or the refusal."""
    if form.is_valid():
        try:
            change(**form.cleaned_data)
        except MentoringError as error:
            _refusal(request, form, error)
        else:
            messages.success(request, done)
            return redirect(success_url)
    return page(request, pair, **{form_name: form}, status=400)


def _back(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# --- The mentor's pages -------------------------------------------------------------------------------------


def _my_pairs(user):
    return mentorships_of_mentor(user).filter(status__in=MENTOR_STATUSES)


def _my_pair(request, pk: int) -> Mentorship:
    return get_object_or_404(_my_pairs(request.user).select_related("mentee", "organisation"), pk=pk)


@never_cache
@login_required
def my_pairs(request):
    today = timezone.localdate()
    pairs = list(
        _my_pairs(request.user)
        .select_related("mentee", "organisation")
        .prefetch_related(_meetings_prefetch())
        .order_by(STATUS_ORDER, "-started_on", "-pk")
    )
    shown = []
    for pair in pairs:
        pair.meeting_list = _decorate_meetings(list(pair.meetings.all()))
        # The details of a child are for the time the pair lasts: an ended pair shows the name only.
        if pair.status in HELD_STATUSES:
            pair.details = _mentee_details(pair.mentee, today)
            shown.append(pair)
        if pair.status == MentorshipStatus.ACTIVE:
            pair.meeting_form = MeetingForm(auto_id=f"pair{pair.pk}_%s", started_on=pair.started_on)
            pair.log_heading = f"log-{pair.pk}"
    _mentees_viewed(request, shown, "my_pairs")
    return render(request, "mentoring/pairs/my_pairs.html", {"pairs": pairs, "today": today})


def _my_pair_page(request, pair, *, meeting_form=None, pause_form=None, end_form=None, status=200):
    today = timezone.localdate()
    held = pair.status in HELD_STATUSES
    if held:
        _mentees_viewed(request, [pair], "my_pair")
    context = {
        "pair": pair,
        "details": _mentee_details(pair.mentee, today) if held else None,
        "meetings": _decorate_meetings(list(pair.meetings.order_by("-occurred_on", "-pk"))),
        "meeting_form": meeting_form or MeetingForm(started_on=pair.started_on),
        "pause_form": pause_form or PauseForm(prefix="pause"),
        "end_form": end_form or EndForm(prefix="end", mentor=True),
        "today": today,
    }
    return render(request, "mentoring/pairs/my_pair.html", context, status=status)


@never_cache
@login_required
def my_pair(request, pk: int):
    return _my_pair_page(request, _my_pair(request, pk))


@never_cache
@require_POST
@login_required
def my_pair_meeting(request, pk: int):
    pair = _my_pair(request, pk)
    form = MeetingForm(request.POST, started_on=pair.started_on)
    if form.is_valid():
        data = form.cleaned_data
        key = f"mentoring:meeting:{request.user.pk}:{data['nonce']}" if data["nonce"] else None
        if key and cache.get(key):
            messages.success(request, _("This meeting is already logged."))
            return redirect("mentoring:my_pair", pk=pair.pk)
        try:
            meeting_log(
                mentorship=pair, by=request.user, occurred_on=data["occurred_on"], minutes=data["minutes"],
                topic=data["topic"], note=data["note"],
            )  # fmt: skip
        except MentoringError as error:
            _refusal(request, form, error)
        else:
            if key:
                cache.set(key, True, NONCE_SECONDS)
            messages.success(
                request,
                _(
                    "The meeting is logged. Once the centre's coordinator acknowledges it, its hours reach "
                    "your volunteer book."
                ),
            )
            return redirect("mentoring:my_pair", pk=pair.pk)
    return _my_pair_page(request, pair, meeting_form=form, status=400)


@never_cache
@require_POST
@login_required
def my_pair_meeting_withdraw(request, pk: int, meeting_pk: int):
    pair = _my_pair(request, pk)
    meeting = pair.meetings.filter(pk=meeting_pk).first()
    if meeting is not None:  # gone already: a repeated click
        try:
            meeting_withdraw(meeting=meeting, by=request.user)
        except MentoringError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The meeting is withdrawn."))
    return redirect("mentoring:my_pair", pk=pair.pk)


@never_cache
@require_POST
@login_required
def my_pair_pause(request, pk: int):
    pair = _my_pair(request, pk)
    return _transition(
        request, pair, form=PauseForm(request.POST, prefix="pause"),
        change=partial(mentorship_pause, mentorship=pair, by=request.user),
        done=_("The mentorship is paused. The centre's coordinator can resume it."),
        success_url=reverse("mentoring:my_pair", args=[pair.pk]), page=_my_pair_page, form_name="pause_form",
    )  # fmt: skip


@never_cache
@require_POST
@login_required
def my_pair_end(request, pk: int):
    pair = _my_pair(request, pk)
    return _transition(
        request, pair, form=EndForm(request.POST, prefix="end", mentor=True),
        change=partial(mentorship_end, mentorship=pair, by=request.user),
        done=_("The mentorship is ended. The centre sees your reason."),
        success_url=reverse("mentoring:my_pairs"), page=_my_pair_page, form_name="end_form",
    )  # fmt: skip


# --- The coordinators' pages --------------------------------------------------------------------------------


def _pairs_related(queryset):
    return queryset.select_related("mentee", "mentor__volunteer", "organisation")


@never_cache
@staff_required
def dashboard(request):
    today = timezone.localdate()
    figures = dashboard_figures(request.user, today=today)
    for meeting in figures.to_acknowledge:
        meeting.hours = meeting_hours(meeting.minutes)
    return render(
        request,
        "mentoring/pairs/dashboard.html",
        {"figures": figures, "today": today, "next": request.get_full_path()},
    )


@never_cache
@staff_required
def pairs(request):
    today = timezone.localdate()
    form = PairFilterForm(request.GET or None, user=request.user)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    managed = mentorships_managed_by(request.user)
    queryset = at_risk(managed, today=today) if data.get("at_risk") else with_risk(managed)
    if data.get("status"):
        queryset = queryset.filter(status=data["status"])
    if data.get("centre"):
        queryset = queryset.filter(organisation=data["centre"])
    ordered = _pairs_related(queryset).order_by(STATUS_ORDER, "since", "pk")
    page = Paginator(ordered, PAGE_SIZE).get_page(request.GET.get("page"))
    for pair in page.object_list:
        pair.at_risk = is_at_risk(pair, today)
        pair.weeks = weeks_since(pair.since, today)
    return render(request, "mentoring/pairs/pairs.html", {"form": form, "page": page, "today": today})


def _managed_pair(request, pk: int) -> Mentorship:
    return get_object_or_404(
        _pairs_related(with_risk(mentorships_managed_by(request.user))).select_related(
            "organisation__region"
        ),
        pk=pk,
    )


def _history(pair) -> list[dict]:
    entries = (
        AuditEntry.objects.filter(action__startswith="mentoring.", data__mentorship=pair.pk)
        .exclude(action="mentoring.mentee.viewed")
        .select_related("actor")
        .order_by("-at", "-pk")[:HISTORY_ROWS]
    )
    reasons = dict(EndReason.choices)
    return [
        {
            "entry": entry,
            "label": HISTORY_LABELS.get(entry.action, entry.action),
            "reason": reasons.get(entry.data.get("reason", "")),
            "note": entry.data.get("note", ""),
        }
        for entry in entries
    ]


def _pair_page(request, pair, *, pause_form=None, end_form=None, status=200):
    today = timezone.localdate()
    _mentees_viewed(request, [pair], "pair")
    pair.at_risk = is_at_risk(pair, today)
    pair.weeks = weeks_since(pair.since, today)
    context = {
        "pair": pair,
        "details": _mentee_details(pair.mentee, today),
        "mentor_languages": labels(pair.mentor.languages, SPOKEN_LANGUAGES),
        "mentor_interests": labels(pair.mentor.interests, Interest.choices),
        "meetings": _decorate_meetings(
            list(pair.meetings.select_related("acknowledged_by").order_by("-occurred_on", "-pk"))
        ),
        "history": _history(pair),
        "pause_form": pause_form or PauseForm(prefix="pause"),
        "end_form": end_form or EndForm(prefix="end"),
        "today": today,
        "next": reverse("mentoring:pair", args=[pair.pk]),
    }
    return render(request, "mentoring/pairs/pair.html", context, status=status)


@never_cache
@staff_required
def pair(request, pk: int):
    return _pair_page(request, _managed_pair(request, pk))


@never_cache
@require_POST
@staff_required
def pair_pause(request, pk: int):
    pair = _managed_pair(request, pk)
    return _transition(
        request, pair, form=PauseForm(request.POST, prefix="pause"),
        change=partial(mentorship_pause, mentorship=pair, by=request.user),
        done=_("The mentorship is paused."), success_url=reverse("mentoring:pair", args=[pair.pk]),
        page=_pair_page, form_name="pause_form",
    )  # fmt: skip


@never_cache
@require_POST
@staff_required
def pair_resume(request, pk: int):
    pair = _managed_pair(request, pk)
    try:
        mentorship_resume(mentorship=pair, by=request.user)
    except MentoringError as error:
        messages.error(request, error.message)
        return _pair_page(request, pair, status=400)
    messages.success(request, _("The mentorship is active again."))
    return redirect("mentoring:pair", pk=pair.pk)


@never_cache
@require_POST
@staff_required
def pair_end(request, pk: int):
    pair = _managed_pair(request, pk)
    return _transition(
        request, pair, form=EndForm(request.POST, prefix="end"),
        change=partial(mentorship_end, mentorship=pair, by=request.user),
        done=_("The mentorship is ended."), success_url=reverse("mentoring:pair", args=[pair.pk]),
        page=_pair_page, form_name="end_form",
    )  # fmt: skip


@never_cache
@require_POST
@staff_required
def meeting_acknowledge(request, pk: int):
    meeting = get_object_or_404(
        Meeting.objects.filter(mentorship__in=mentorships_managed_by(request.user)), pk=pk
    )
    try:
        lifecycle.meeting_acknowledge(meeting=meeting, by=request.user)
    except MentoringError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The meeting is acknowledged; its hours are in the mentor's volunteer book.")
        )
    return redirect(_back(request, reverse("mentoring:dashboard")))


@never_cache
@require_POST
@staff_required
def meetings_acknowledge(request):
    ids = [value for value in request.POST.getlist("meeting") if value.isdigit()]
    count = meeting_acknowledge_many(meetings=ids, by=request.user) if ids else 0
    if count:
        messages.success(
            request,
            ngettext(
                "%(count)s meeting acknowledged; its hours are in the mentor's volunteer book.",
                "%(count)s meetings acknowledged; their hours are in the mentors' volunteer books.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.error(request, _("No meeting was waiting to be acknowledged."))
    return redirect(_back(request, reverse("mentoring:dashboard")))
