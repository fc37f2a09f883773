"""Enrolments after the form: the guardian's page of an enrolment (reached by its link, no account needed),
withdrawing, a signed-in guardian's children's clubs; and the coordinators' children's lists, where a child is
removed or enrolled for a guardian who came or called.

Every page here shows a child's data: no copy in any cache or search engine, no Referer with the link's
token, and each coordinator's list shown is audited with the enrolments it named.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from volunteers.audit import audit_log
from volunteers.clubs.consent import TITLE as CONSENT_TITLE
from volunteers.clubs.consent import consent_text
from volunteers.clubs.errors import ClubsError
from volunteers.clubs.forms_enrol import EnrolInPersonForm, RemoveForm, relationship_label
from volunteers.clubs.models import ACTIVE_ENROLMENT, ClubStatus, Enrolment, EnrolmentStatus
from volunteers.clubs.permissions import enrolments_managed_by, enrolments_of_guardian
from volunteers.clubs.schedule import period_words, weekly_words
from volunteers.clubs.services.enrolments import (
    enrol_refusal,
    enrolment_create,
    enrolment_remove,
    enrolment_withdraw,
    start_day,
    status_url,
    with_waitlist_position,
)
from volunteers.clubs.views import form_error, link, managed_club, private
from volunteers.models import ConsentMethod
from volunteers.permissions import staff_required
from volunteers.phones import phone_display

PAGE_SIZE = 100
NEXT_SESSIONS = 5


# --- The guardian's side ------------------------------------------------------------------------------------


def _enrolment_by_token(token: str) -> Enrolment:
    enrolments = Enrolment.objects.select_related("club__organisation", "club__region", "club__craft")
    return get_object_or_404(with_waitlist_position(enrolments), token=token)


def _club_note(club, today) -> str:
    """What the guardian needs to know about the club itself: cancelled, or over."""
    if club.status == ClubStatus.CANCELLED:
        return str(ClubsError.messages["enrol_cancelled"])
    if club.ends_on < today:
        return str(ClubsError.messages["enrol_ended"])
    return ""


@private
def enrolment_status(request, token: str):
    enrolment = _enrolment_by_token(token)
    club = enrolment.club
    today = timezone.localdate()
    active = enrolment.status in ACTIVE_ENROLMENT
    sessions = []
    if active and club.status != ClubStatus.CANCELLED:
        sessions = list(
            club.sessions.filter(date__gte=today, cancelled_at__isnull=True).order_by("date")[:NEXT_SESSIONS]
        )
    enrolment.phone_shown = phone_display(enrolment.guardian_phone)
    context = {
        "enrolment": enrolment,
        "club": club,
        "active": active,
        "schedule": weekly_words(club),
        "period": period_words(club),
        "sessions": sessions,
        "club_note": _club_note(club, today),
        "link": request.build_absolute_uri(),
    }
    return render(request, "clubs/enrolments/status.html", context)


@private
def enrolment_withdraw_view(request, token: str):
    """A confirmation page, then the withdrawal (a POST): a link forwarded or opened by a mail scanner
    withdraws nothing."""
    enrolment = _enrolment_by_token(token)
    if enrolment.status not in ACTIVE_ENROLMENT:
        return redirect("clubs:enrolment_status", token=enrolment.token)
    if request.method == "POST":
        enrolment_withdraw(enrolment=enrolment, by=request.user)
        messages.success(
            request, _("The child is withdrawn from the club. The child's name and your contacts are erased.")
        )
        return redirect("clubs:enrolment_status", token=enrolment.token)
    return render(request, "clubs/enrolments/withdraw.html", {"enrolment": enrolment, "club": enrolment.club})


@private
@login_required
def my_enrolments(request):
    """The signed-in guardian's children in clubs and on waitlists. An enrolment that ended is not here: its
    link to the account is erased with the rest."""
    enrolments = with_waitlist_position(
        enrolments_of_guardian(request.user)
        .filter(status__in=ACTIVE_ENROLMENT)
        .select_related("club__region", "club__organisation")
    ).order_by("created_at", "pk")
    active = list(enrolments)
    for enrolment in active:
        enrolment.schedule = weekly_words(enrolment.club)
    return render(request, "clubs/enrolments/mine.html", {"active": active})


# --- The coordinators' side ---------------------------------------------------------------------------------


def _children_page(request, club, *, remove_form=None, remove_pk=None, status=200):
    enrolments = with_waitlist_position(
        enrolments_managed_by(request.user)
        .filter(club=club, status__in=ACTIVE_ENROLMENT)
        .select_related("recorded_by")
    ).order_by("status", "created_at", "pk")  # "enrolled" sorts before "waitlisted"
    page = Paginator(enrolments, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    languages = dict(settings.LANGUAGES)
    for enrolment in page.object_list:
        enrolment.age_now = enrolment.age(today)
        enrolment.phone_shown = phone_display(enrolment.guardian_phone)
        enrolment.language_name = languages.get(enrolment.language, enrolment.language)
        enrolment.relationship_shown = relationship_label(enrolment.relationship)
        enrolment.remove_form = (
            remove_form
            if remove_form is not None and remove_pk == enrolment.pk
            else RemoveForm(auto_id=f"id_remove_{enrolment.pk}_%s")
        )
    ids = [enrolment.pk for enrolment in page.object_list]
    audit_log(actor=request.user, action="clubs.enrolments.listed", club=club.pk, enrolments=ids)
    context = {
        "club": club,
        "page": page,
        "schedule": weekly_words(club),
        "period": period_words(club),
        "start": start_day(club, today),
        "manage_url": link("clubs:club_manage", club.pk),
    }
    return render(request, "clubs/enrolments/children.html", context, status=status)


@private
@staff_required
def club_enrolments(request, pk: int):
    return _children_page(request, managed_club(request, pk))


@private
@require_POST
@staff_required
def enrolment_removal(request, pk: int, enrolment_pk: int):
    club = managed_club(request, pk)
    enrolment = get_object_or_404(enrolments_managed_by(request.user).filter(club=club), pk=enrolment_pk)
    form = RemoveForm(request.POST, auto_id=f"id_remove_{enrolment.pk}_%s")
    if form.is_valid():
        try:
            enrolment_remove(enrolment=enrolment, by=request.user, reason=form.cleaned_data["reason"])
        except ClubsError as error:
            if error.code == "enrol_unknown":
                raise Http404 from None
            form_error(form, error)
        else:
            messages.success(request, _("The child is removed from the club; the parent is told why."))
            return redirect("clubs:club_enrolments", pk=club.pk)
    return _children_page(request, club, remove_form=form, remove_pk=enrolment.pk, status=400)


@private
@staff_required
def enrolment_new(request, pk: int):
    club = managed_club(request, pk)
    refusal = enrol_refusal(club)
    consent = consent_text(club=club)
    form = None
    if refusal is None:
        form = EnrolInPersonForm(request.POST or None, initial={"language": consent.language})
        if form.is_bound and form.is_valid():
            try:
                enrolment = enrolment_create(
                    club=club, method=ConsentMethod.IN_PERSON, recorded_by=request.user,
                    consent_language=consent.language, **form.enrolment_data(),
                )  # fmt: skip
            except ClubsError as error:
                if error.code == "enrol_unknown":
                    raise Http404 from None
                form_error(form, error)
            else:
                link = status_url(enrolment, enrolment.language)
                if enrolment.status == EnrolmentStatus.ENROLLED:
                    text = _("The child is enrolled. Give the parent the link of the enrolment: %(link)s")
                else:
                    text = _(
                        "The club is full: the child is on the waitlist. Give the parent the link of the "
                        "enrolment: %(link)s"
                    )
                messages.success(request, text % {"link": link})
                return redirect("clubs:club_enrolments", pk=club.pk)
    return render(
        request,
        "clubs/enrolments/new.html",
        {
            "club": club,
            "form": form,
            "refusal": refusal.message if refusal else "",
            "consent": consent,
            "consent_title": CONSENT_TITLE,
            "full": club.is_full,
            "start": start_day(club),
        },
        status=400 if form is not None and form.errors else 200,
    )
