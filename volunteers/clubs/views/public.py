"""What parents and everyone see: the club catalogue, a club's page and the enrolment form.

The catalogue lists the clubs open or closed for enrolment that have not ended; a club's page answers for them
and for cancelled ones (saying so), a draft is 404. Enrolling needs no account: the guardian keeps the link of
the enrolment's page (views/enrolments.py); a signed-in user is linked as the guardian.
"""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from volunteers.clubs.consent import TITLE as CONSENT_TITLE
from volunteers.clubs.consent import consent_text
from volunteers.clubs.errors import ClubsError
from volunteers.clubs.filters import ClubFilter
from volunteers.clubs.forms_enrol import EnrolForm
from volunteers.clubs.models import (
    ACTIVE_ENROLMENT,
    Club,
    ClubStatus,
    Enrolment,
    EnrolmentStatus,
    Master,
    MasterStatus,
)
from volunteers.clubs.permissions import enrolments_of_guardian
from volunteers.clubs.schedule import period_words, weekly_words
from volunteers.clubs.services.enrolments import (
    enrol_refusal,
    enrolment_create,
    start_day,
    with_waitlist_position,
)
from volunteers.clubs.views import form_error, link
from volunteers.models import ConsentMethod
from volunteers.phones import phone_display

PAGE_SIZE = 20
NEXT_SESSIONS = 5


def _verified_masters() -> Prefetch:
    masters = Master.objects.filter(status=MasterStatus.VERIFIED).select_related("volunteer").order_by("pk")
    return Prefetch("masters", queryset=masters, to_attr="verified_masters")


def _describe(club: Club) -> Club:
    """What a card and a page show, in words."""
    club.schedule_words = weekly_words(club)
    club.period_words = period_words(club)
    club.language_names = [name for code, name in settings.LANGUAGES if code in (club.languages or [])]
    for master in getattr(club, "verified_masters", []):
        master.public_url = link("clubs:master_public", master.pk)
    return club


def listing_queryset(today=None):
    """Public clubs that have not ended, open ones first, then by their first day: two queries a page (the
    clubs with their craft, region and organisation; their verified masters), whatever its size."""
    today = today or timezone.localdate()
    return (
        Club.objects.public()
        .filter(ends_on__gte=today)
        .select_related("craft", "region", "organisation")
        .prefetch_related(_verified_masters())
        .annotate(
            open_first=Case(
                When(status=ClubStatus.OPEN, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("open_first", "starts_on", "pk")
    )


def catalogue(request):
    clubs = ClubFilter(request.GET or None, queryset=listing_queryset(), request=request)
    page = Paginator(clubs.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for club in page.object_list:
        _describe(club)
    return render(
        request,
        "clubs/public/catalogue.html",
        {"filter": clubs, "page": page, "mine_url": link("clubs:my_enrolments")},
    )


def club_detail(request, pk: int):
    club = get_object_or_404(
        Club.objects.exclude(status=ClubStatus.DRAFT)
        .select_related("craft", "region", "organisation")
        .prefetch_related(_verified_masters()),
        pk=pk,
    )
    _describe(club)
    today = timezone.localdate()
    sessions = list(
        club.sessions.filter(date__gte=today, cancelled_at__isnull=True).order_by("date")[:NEXT_SESSIONS]
    )
    refusal = enrol_refusal(club, today)
    mine = []
    if request.user.is_authenticated:
        mine = list(
            with_waitlist_position(
                enrolments_of_guardian(request.user).filter(club=club, status__in=ACTIVE_ENROLMENT)
            ).order_by("created_at", "pk")
        )
    title, title_language = club.title.resolve()
    context = {
        "club": club,
        "title": title,
        "title_language": title_language,
        "description": club.description.resolve(),
        "sessions": sessions,
        "refusal": refusal.message if refusal else "",
        "start": start_day(club, today),
        "mine": mine,
    }
    return render(request, "clubs/public/club.html", context)


def _guardian_initial(user) -> dict:
    """What a signed-in guardian's account already says: their name and contacts."""
    if not user.is_authenticated:
        return {}
    profile = getattr(user, "profile", None)
    return {
        "guardian_name": user.get_full_name(),
        "guardian_phone": phone_display(profile.phone) if profile is not None else "",
        "guardian_email": user.email or "",
    }


SESSION_KEY = "clubs_enrolments_made"
SESSION_KEEP = 10


def _remember(request, enrolment) -> None:
    """The enrolments made in this browser session: sending the form again finds its own, and only its own."""
    made = request.session.get(SESSION_KEY, [])
    request.session[SESSION_KEY] = [*made, enrolment.token][-SESSION_KEEP:]


def _made_here(request, club: Club, form):
    """The active enrolment of this child in `club` made in this session, if any."""
    tokens = request.session.get(SESSION_KEY, [])
    if not tokens:
        return None
    data = form.cleaned_data
    key = Enrolment.key_of(data["child_name"], data["child_birth_date"])
    return (
        Enrolment.objects.filter(club=club, child_key=key, token__in=tokens, status__in=ACTIVE_ENROLMENT)
        .only("token")
        .first()
    )


@never_cache
def enrol(request, pk: int):
    club = get_object_or_404(
        Club.objects.exclude(status=ClubStatus.DRAFT).select_related("organisation", "craft", "region"), pk=pk
    )
    refusal = enrol_refusal(club)
    if refusal is not None:
        messages.error(request, refusal.message)
        return redirect("clubs:club_detail", pk=club.pk)
    consent = consent_text(club=club)
    initial = {"language": consent.language, **_guardian_initial(request.user)}
    form = EnrolForm(request.POST or None, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            enrolment = enrolment_create(
                club=club, guardian=request.user, method=ConsentMethod.ONLINE,
                consent_language=consent.language, **form.enrolment_data(),
            )  # fmt: skip
        except ClubsError as error:
            sent_twice = _made_here(request, club, form) if error.code == "enrol_duplicate" else None
            if sent_twice is not None:  # a double click, or the form sent again: the first one counts
                return redirect("clubs:enrolment_status", token=sent_twice.token)
            form_error(form, error)
        else:
            _remember(request, enrolment)
            if enrolment.status == EnrolmentStatus.ENROLLED:
                messages.success(request, _("The child is enrolled. Keep the address of this page."))
            else:
                messages.info(
                    request,
                    _("The club is full: the child is on the waitlist. Keep the address of this page."),
                )
            return redirect("clubs:enrolment_status", token=enrolment.token)
    _describe(club)
    return render(
        request,
        "clubs/public/enrol.html",
        {
            "club": club,
            "form": form,
            "consent": consent,
            "consent_title": CONSENT_TITLE,
            "full": club.is_full,
            "start": start_day(club),
        },
        status=400 if form.errors else 200,
    )
