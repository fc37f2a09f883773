"""The coordinators' club pages: their clubs with the figures, one form for a club and its schedule, the
club's own page (schedule in words, masters, places, sessions), its status, a session cancelled, and
attendance.

Every club is found through clubs_managed_by, so another organisation's club is a 404. The attendance page
names children: no cache or search engine keeps it, and each view of it is audited.
"""

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, Count, F, OuterRef, Q, Subquery, Sum, Value, When
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from volunteers.audit import audit_log
from volunteers.clubs.errors import ClubsError
from volunteers.clubs.forms_clubs import AttendanceForm, ClubForm, DayForm, ReasonForm, SessionCancelForm
from volunteers.clubs.models import Club, ClubSession, ClubStatus, Enrolment, EnrolmentStatus, MasterStatus
from volunteers.clubs.permissions import clubs_managed_by
from volunteers.clubs.schedule import schedule_words
from volunteers.clubs.services import attendance as attendance_services
from volunteers.clubs.services import clubs as club_services
from volunteers.clubs.views import form_error, link, managed_club, private
from volunteers.models import EntryKind, EntryStatus, LedgerEntry
from volunteers.models.profile import SPOKEN_LANGUAGES
from volunteers.permissions import organisations_managed_by, staff_required

PAGE_SIZE = 50
LANGUAGE_NAMES = dict(SPOKEN_LANGUAGES)
SESSION_ID = "id_session_%s"  # the club page has two "day" fields: the session form's ids differ
# The refusals that are about the session's state, not about what was typed: a page of their own.
SESSION_STATE = ("session_future", "session_cancelled", "session_club_draft", "session_unknown")


def _links() -> dict:
    return {"masters_review_url": link("clubs:masters_review")}


# --- The list -----------------------------------------------------------------------------------------------


def _figures(user, clubs, today: dt.date) -> dict:
    """The figures of my clubs: children enrolled now, sessions held and masters' hours this year."""
    year_start, year_end = dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    children = (
        Enrolment.objects.filter(club__in=clubs, status=EnrolmentStatus.ENROLLED)
        .exclude(club__status=ClubStatus.CANCELLED)
        .count()
    )
    sessions = ClubSession.objects.filter(
        club__in=clubs, held_at__isnull=False, cancelled_at__isnull=True, date__range=(year_start, year_end)
    ).count()
    # The book's entries carry the club's organisation: those of my organisations are my clubs' hours.
    hours = LedgerEntry.objects.filter(
        kind=EntryKind.CLUB_HOURS, status=EntryStatus.VERIFIED, subject__startswith="clubs.club:",
        organisation__in=organisations_managed_by(user), occurred_on__range=(year_start, year_end),
    ).aggregate(total=Sum("hours"))["total"]  # fmt: skip
    return {"children": children, "sessions": sessions, "hours": hours or 0, "year": today.year}


@never_cache
@staff_required
def manage_list(request):
    """Current clubs first (by their first day), then the ended and cancelled ones (latest first), each with
    its next session in the same query: one query a page, however many clubs."""
    today = timezone.localdate()
    clubs = clubs_managed_by(request.user)
    following = ClubSession.objects.filter(
        club=OuterRef("pk"), date__gte=today, cancelled_at__isnull=True
    ).order_by("date")
    listed = (
        clubs.select_related("organisation", "craft")
        .annotate(
            next_session=Subquery(following.values("date")[:1]),
            is_past=Case(
                When(Q(status=ClubStatus.CANCELLED) | Q(ends_on__lt=today), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .order_by(
            "is_past",
            Case(When(is_past=False, then=F("starts_on"))).asc(nulls_last=True),
            F("ends_on").desc(),
            "pk",
        )
    )
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    for club in page.object_list:
        club.children_url = link("clubs:club_enrolments", club.pk)
    return render(
        request,
        "clubs/manage/list.html",
        {
            "page": page,
            "several_organisations": organisations_managed_by(request.user)[:2].count() > 1,
            "figures": _figures(request.user, clubs, today),
            **_links(),
        },
    )


# --- The club's form ----------------------------------------------------------------------------------------


@never_cache
@staff_required
def club_new(request):
    return _club_form_page(request, club=None)


@never_cache
@staff_required
def club_edit(request, pk: int):
    club = managed_club(request, pk)
    if club.status == ClubStatus.CANCELLED:
        messages.error(request, ClubsError.messages["club_cancelled"])
        return redirect("clubs:club_manage", pk=club.pk)
    return _club_form_page(request, club=club)


def _club_form_page(request, *, club: Club | None):
    form = ClubForm(request.POST or None, user=request.user, club=club)
    if form.is_bound and form.is_valid():
        try:
            if club is None:
                organisation = form.organisation or form.cleaned_data["organisation"]
                saved = club_services.club_create(
                    organisation=organisation, data=form.club_data(), by=request.user
                )
            else:
                saved = club_services.club_update(club=club, data=form.club_data(), by=request.user)
        except ClubsError as error:
            if error.code == "club_unknown":
                raise Http404 from None
            form_error(form, error)
        else:
            if club is None:
                messages.success(
                    request, _("The club is saved as a draft. Open it for enrolment when it is ready.")
                )
            else:
                messages.success(request, _("The changes are saved."))
            return redirect("clubs:club_manage", pk=saved.pk)
    return render(
        request,
        "clubs/manage/form.html",
        {"form": form, "club": club, **_links()},
        status=400 if form.errors else 200,
    )


# --- The club's page ----------------------------------------------------------------------------------------


def _session_state(session: ClubSession, now: dt.datetime) -> str:
    if session.cancelled_at is not None:
        return "cancelled"
    if session.held_at is not None:
        return "held"
    if session.starts_at <= now:
        return "waiting"
    return "upcoming"


def _session_label(session: ClubSession) -> str:
    return "{date}, {start}–{end}".format(
        date=formats.date_format(session.date, "DATE_FORMAT"),
        start=formats.time_format(timezone.localtime(session.starts_at), "H:i"),
        end=formats.time_format(timezone.localtime(session.ends_at), "H:i"),
    )


def _club_page(request, club: Club, *, status=200, day_form=None, cancel_form=None, session_form=None):
    now = timezone.now()
    masters = list(club.masters.select_related("volunteer", "craft", "region").order_by("pk"))
    for master in masters:
        master.fits = (
            master.status == MasterStatus.VERIFIED
            and master.craft_id == club.craft_id
            and master.region_id == club.region_id
        )
    sessions = list(
        club.sessions.annotate(
            present=Count("attendance", filter=Q(attendance__present=True)), marked=Count("attendance")
        )
        .prefetch_related("masters__volunteer")
        .order_by("date")
    )
    cancellable = []
    for session in sessions:
        session.state = _session_state(session, now)
        session.label = _session_label(session)
        if session.state in ("waiting", "held"):
            session.attendance_url = reverse(
                "clubs:session_attendance", args=[club.pk, session.date.isoformat()]
            )
        if session.state in ("waiting", "upcoming"):
            cancellable.append(session)
    if club.status != ClubStatus.CANCELLED and session_form is None:
        session_form = SessionCancelForm(
            sessions=cancellable, initial={"day": request.GET.get("cancel")}, auto_id=SESSION_ID
        )
    counts = {
        state: sum(1 for s in sessions if s.state == state) for state in ("held", "waiting", "upcoming")
    }
    counts["cancelled"] = sum(1 for s in sessions if s.state == "cancelled")
    context = {
        "club": club,
        "schedule": schedule_words(club),
        "club_languages": [str(LANGUAGE_NAMES.get(code, code)) for code in club.languages],
        "masters": masters,
        "has_fitting_master": any(master.fits for master in masters),
        "sessions": sessions,
        "waiting": [session for session in sessions if session.state == "waiting"],
        "counts": counts,
        "cancellable": cancellable,
        "day_form": day_form or DayForm(initial={"day": timezone.localdate()}),
        "cancel_form": cancel_form or ReasonForm(auto_id="id_cancel_%s"),
        "cancel_open": cancel_form is not None,
        "session_form": session_form,
        "cancel_reason": club.cancel_reason if club.status == ClubStatus.CANCELLED else "",
        "children_url": link("clubs:club_enrolments", club.pk),
        "public_url": link("clubs:club_detail", club.pk)
        if club.status in club_services.PUBLIC_STATUSES
        else None,
        **_links(),
    }
    return render(request, "clubs/manage/club.html", context, status=status)


@never_cache
@staff_required
def club_manage(request, pk: int):
    """The club's page. With `?day=`: the "take attendance for a date" form, which goes to that session's
    attendance or says, next to the field, why it cannot."""
    club = managed_club(request, pk)
    if "day" not in request.GET:
        return _club_page(request, club)
    form = DayForm(request.GET)
    if form.is_valid():
        day = form.cleaned_data["day"]
        session = club.sessions.filter(date=day).first()
        if session is None:
            form.add_error("day", ClubsError("session_outside_series", date=formats.date_format(day)).message)
        else:
            session.club = club
            refusal = attendance_services.attendance_refusal(session)
            if refusal is None:
                return redirect("clubs:session_attendance", pk=club.pk, day=day.isoformat())
            form.add_error("day", refusal.message)
    return _club_page(request, club, day_form=form, status=400)


@never_cache
@require_POST
@staff_required
def club_status(request, pk: int):
    club = managed_club(request, pk)
    action = request.POST.get("action")
    try:
        if action == "open":
            first = club.status == ClubStatus.DRAFT
            club_services.club_open(club=club, by=request.user)
            messages.success(
                request,
                _("The club is open: parents can enrol their children.")
                if first
                else _("Enrolment is open again."),
            )
        elif action == "close":
            club_services.club_close(club=club, by=request.user)
            messages.success(request, _("Enrolment is closed. The club goes on with the children enrolled."))
        elif action == "cancel":
            form = ReasonForm(request.POST, auto_id="id_cancel_%s")
            if not form.is_valid():
                return _club_page(request, club, cancel_form=form, status=400)
            club_services.club_cancel(club=club, by=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("The club is cancelled. The parents who left an e-mail are told."))
        else:
            messages.error(request, _("Choose what to do with the club."))
    except ClubsError as error:
        if error.code == "club_unknown":
            raise Http404 from None
        if action == "cancel" and error.field == "reason":
            form.add_error("reason", error.message)
            return _club_page(request, club, cancel_form=form, status=400)
        messages.error(request, error.message)
    return redirect("clubs:club_manage", pk=club.pk)


@never_cache
@require_POST
@staff_required
def session_cancel(request, pk: int):
    club = managed_club(request, pk)
    now = timezone.now()
    cancellable = [
        session
        for session in club.sessions.filter(held_at__isnull=True, cancelled_at__isnull=True).order_by("date")
        if _session_state(session, now) in ("waiting", "upcoming")
    ]
    for session in cancellable:
        session.label = _session_label(session)
    form = SessionCancelForm(request.POST, sessions=cancellable, auto_id=SESSION_ID)
    if form.is_valid():
        session = next(s for s in cancellable if s.date.isoformat() == form.cleaned_data["day"])
        try:
            attendance_services.session_cancel(
                session=session, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ClubsError as error:
            if error.code == "session_unknown":
                raise Http404 from None
            form_error(form, error)
        else:
            messages.success(
                request,
                _("The session on %(date)s is cancelled.") % {"date": formats.date_format(session.date)},
            )
            return redirect("clubs:club_manage", pk=club.pk)
    return _club_page(request, club, session_form=form, status=400)


# --- Attendance ---------------------------------------------------------------------------------------------


def _refusal(request, club: Club, error: ClubsError, *, status: int):
    return render(
        request, "clubs/manage/refusal.html", {"club": club, "message": error.message}, status=status
    )


@private
@staff_required
def session_attendance(request, pk: int, day: str):
    club = managed_club(request, pk)
    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        raise Http404 from None
    session = club.sessions.filter(date=date).first()
    if session is None:
        error = ClubsError("session_outside_series", date=formats.date_format(date))
        return _refusal(request, club, error, status=404)
    session.club = club
    refusal = attendance_services.attendance_refusal(session)
    if refusal is not None:
        return _refusal(request, club, refusal, status=409)
    children = list(
        Enrolment.objects.filter(club=club, status=EnrolmentStatus.ENROLLED).order_by("child_name", "pk")
    )
    for child in children:
        age = child.age(session.date)
        child.label = ngettext("%(name)s, %(age)d year old", "%(name)s, %(age)d years old", age) % {
            "name": child.child_name,
            "age": age,
        }
    led = list(session.masters.select_related("volunteer"))
    masters = {master.pk: master for master in club.masters.select_related("volunteer").order_by("pk")}
    masters.update({master.pk: master for master in led if master.pk not in masters})
    if session.held_at is not None:
        present = list(session.attendance.filter(present=True).values_list("enrolment_id", flat=True))
        initial = {"present": present, "masters": [master.pk for master in led]}
    else:
        initial = {"present": [], "masters": list(masters)}
    form = AttendanceForm(request.POST or None, initial=initial, children=children, masters=masters.values())
    if form.is_bound and form.is_valid():
        try:
            attendance_services.attendance_record(
                session=session, by=request.user, present=form.cleaned_data["present"],
                masters=form.cleaned_data["masters"],
            )  # fmt: skip
        except ClubsError as error:
            if error.code in SESSION_STATE:
                return _refusal(request, club, error, status=409)
            form_error(form, error)
        else:
            count = len(form.cleaned_data["present"])
            messages.success(
                request,
                ngettext(
                    "Attendance is saved: %(count)d child present of %(total)d.",
                    "Attendance is saved: %(count)d children present of %(total)d.",
                    count,
                )
                % {"count": count, "total": len(children)},
            )
            return redirect("clubs:club_manage", pk=club.pk)
    if not form.is_bound:
        audit_log(
            actor=request.user, action="clubs.attendance.viewed", club=club.pk, session=session.pk,
            enrolments=[child.pk for child in children],
        )  # fmt: skip
    return render(
        request,
        "clubs/manage/attendance.html",
        {
            "club": club,
            "session": session,
            "label": _session_label(session),
            "hours": attendance_services.session_hours(session),
            "form": form,
            "children": children,
        },
        status=400 if form.errors else 200,
    )
