"""The masters' pages: a silver volunteer's own (clubs/masters/mine/...: declare a craft, tell its story, add
photos, withdraw), the public page of a verified master (clubs/masters/<pk>/), and the coordinators' review
(coordinator/clubs/masters/...: verify or decline, approve or reject photos, declare for a volunteer).

A declaration someone may not see is a 404, whatever the reason; refusals of the services are shown next to
the field they concern, or as a message, never as a 500.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from volunteers.clubs.errors import ClubsError
from volunteers.clubs.forms_masters import (
    AssistedDeclareForm,
    ContactForm,
    DecisionForm,
    MasterDeclareForm,
    MasterFilterForm,
    MasterStoryForm,
    PhotoForm,
    PhotoRejectForm,
)
from volunteers.clubs.models import Club, ClubStatus, Master, MasterPhoto, MasterStatus
from volunteers.clubs.permissions import masters_managed_by, masters_of
from volunteers.clubs.services.masters import (
    OPEN_DECLARATION,
    clubs_led,
    crafts_offered,
    declare_blocker,
    declared_by,
    master_decide,
    master_declare,
    master_history,
    master_organisations,
    master_story_update,
    master_volunteer_find,
    master_withdraw,
    masters_listed,
    photo_add,
    photo_approve,
    photo_remove,
    photos_with_renditions,
    public_master,
)
from volunteers.clubs.views import form_error, link, private
from volunteers.models import VolunteerProfile
from volunteers.permissions import organisations_managed_by, staff_required
from volunteers.phones import phone_display

PAGE_SIZE = 25
THUMBNAIL = "max-320x240"
PUBLIC_PHOTO = "max-800x600"
PUBLIC_CLUB = (ClubStatus.OPEN, ClubStatus.CLOSED)  # what the catalogue shows (Club.objects.public())


# --- Helpers ------------------------------------------------------------------------------------------------


def _blocker(code: str, params: dict) -> dict:
    return {"code": code, "text": ClubsError.messages[code] % params if params else ClubsError.messages[code]}


def _photo_limit() -> int:
    return settings.CLUBS_MASTER_PHOTOS_MAX


def _with_club_links(clubs: list[Club]) -> list[Club]:
    for club in clubs:
        club.url = link("clubs:club_detail", club.pk) if club.status in PUBLIC_CLUB else None
    return clubs


# --- The volunteer's side -----------------------------------------------------------------------------------


@never_cache
@login_required
def mine(request):
    """The master's own page: their declarations with their state and photos, and the clubs they lead with
    the hours their book holds for each."""
    masters = list(
        masters_of(request.user)
        .select_related("craft", "organisation", "region")
        .prefetch_related(_photos_prefetch())
        .order_by("-created_at", "-pk")
    )
    for master in masters:
        master.is_open = master.status in OPEN_DECLARATION
        master.photo_room = master.is_open and len(master.photos.all()) < _photo_limit()
    profile = VolunteerProfile.objects.active().filter(user=request.user).first()
    blocked = declare_blocker(profile)
    context = {
        "masters": masters,
        "clubs": _with_club_links(clubs_led(volunteer=request.user)),
        "blocker": _blocker(*blocked) if blocked else None,
        "photos_max": _photo_limit(),
    }
    return render(request, "clubs/masters/mine.html", context)


def _photos_prefetch() -> Prefetch:
    photos = photos_with_renditions(MasterPhoto.objects.order_by("created_at", "pk"), THUMBNAIL)
    return Prefetch("photos", queryset=photos)


@never_cache
@login_required
def declare(request):
    profile = VolunteerProfile.objects.active().select_related("region").filter(user=request.user).first()
    blocked = declare_blocker(profile)
    organisations = master_organisations(region=profile.region if profile else None)
    if blocked or not organisations.exists():
        return render(
            request,
            "clubs/masters/declare.html",
            {"blocker": _blocker(*blocked) if blocked else None, "form": None},
        )
    form = MasterDeclareForm(request.POST or None, crafts=crafts_offered(), organisations=organisations)
    if form.is_bound and form.is_valid():
        try:
            master_declare(volunteer=request.user, **form.cleaned_data)
        except ClubsError as error:
            data = form.cleaned_data
            resent = (
                error.code == "master_duplicate"
                and Master.objects.filter(
                    volunteer=request.user, craft=data["craft"], story=(data["story"] or "").strip()
                ).exists()
            )
            if resent:  # the same form sent twice: the first one counts
                messages.info(request, error.message)
                return redirect("clubs:masters_mine")
            if error.code in ("master_not_silver", "master_no_profile"):
                return render(
                    request, "clubs/masters/declare.html", {"blocker": _blocker(error.code, error.params)}
                )
            form_error(form, error)
        else:
            messages.success(
                request, _("Your craft is declared: a coordinator of the organisation will verify it.")
            )
            return redirect("clubs:masters_mine")
    return render(request, "clubs/masters/declare.html", {"form": form}, status=400 if form.errors else 200)


def _own_open(request, pk: int) -> Master:
    masters = masters_of(request.user).select_related("craft", "organisation")
    return get_object_or_404(masters, pk=pk, status__in=OPEN_DECLARATION)


@never_cache
@login_required
def edit(request, pk: int):
    master = _own_open(request, pk)
    form = MasterStoryForm(request.POST or None, initial={"story": master.story, "years": master.years})
    if form.is_bound and form.is_valid():
        try:
            master_story_update(master=master, by=request.user, **form.cleaned_data)
        except ClubsError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Your story is saved."))
            return redirect("clubs:masters_mine")
    return render(
        request,
        "clubs/masters/edit.html",
        {"form": form, "master": master, "back_url": reverse("clubs:masters_mine")},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def withdraw(request, pk: int):
    master = get_object_or_404(masters_of(request.user), pk=pk)
    try:
        master_withdraw(master=master, by=request.user)
    except ClubsError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your declaration is withdrawn. You can declare the craft again later."))
    return redirect("clubs:masters_mine")


@never_cache
@login_required
def photo_new(request, pk: int):
    master = _own_open(request, pk)
    form = PhotoForm(request.POST or None, request.FILES or None)
    if form.is_bound and form.is_valid():
        try:
            photo_add(master=master, by=request.user, upload=form.cleaned_data["image"],
                      caption=form.cleaned_data["caption"])  # fmt: skip
        except ClubsError as error:
            form_error(form, error)
        else:
            messages.success(request, _("The photo is added: it is shown once a coordinator approves it."))
            return redirect("clubs:masters_mine")
    return render(
        request,
        "clubs/masters/photo_form.html",
        {
            "form": form,
            "master": master,
            "count": master.photos.count(),
            "photos_max": _photo_limit(),
            "action": reverse("clubs:master_photo_add", args=[master.pk]),
            "back_url": reverse("clubs:masters_mine"),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def photo_delete(request, pk: int):
    photo = get_object_or_404(MasterPhoto.objects.filter(master__in=masters_of(request.user)), pk=pk)
    try:
        photo_remove(photo=photo, by=request.user)
    except ClubsError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The photo is removed."))
    return redirect("clubs:masters_mine")


# --- The public page ----------------------------------------------------------------------------------------


def public(request, pk: int):
    master = public_master(pk)
    if master is None:
        raise Http404
    photos = photos_with_renditions(master.photos.filter(approved_at__isnull=False), PUBLIC_PHOTO)
    clubs = Club.objects.public().filter(masters=master).select_related("region").order_by("-starts_on", "pk")
    return render(
        request,
        "clubs/masters/public.html",
        {
            "master": master,
            "photos": list(photos),
            "clubs": _with_club_links(list(clubs)),
            "catalogue_url": link("clubs:catalogue"),
        },
    )


# --- The coordinators' review -------------------------------------------------------------------------------


def _coordinator_links() -> dict:
    return {"manage_url": link("clubs:manage_list")}


@private
@staff_required
def review_list(request):
    form = MasterFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    listed = masters_listed(
        user=request.user, status=filters.get("status", ""), craft=filters.get("craft"),
        search=filters.get("q", ""),
    )  # fmt: skip
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "clubs/masters/review_list.html", {"form": form, "page": page, **_coordinator_links()}
    )


def _managed(request, pk: int) -> Master:
    masters = masters_managed_by(request.user).select_related(
        "volunteer__profile", "craft", "organisation", "region", "decided_by"
    )
    return get_object_or_404(masters, pk=pk)


def _review_page(request, master: Master, *, status=200, **forms):
    photos = list(photos_with_renditions(master.photos.select_related("approved_by"), THUMBNAIL))
    reject = forms.get("reject_form")
    for photo in photos:
        photo.reject_form = (
            reject
            if reject is not None and forms.get("reject_photo") == photo.pk
            else PhotoRejectForm(auto_id=f"id_reject_{photo.pk}_%s")
        )
    profile = getattr(master.volunteer, "profile", None)
    own = master.volunteer_id == request.user.pk
    is_open = master.status in OPEN_DECLARATION
    context = {
        "master": master,
        "profile": profile,
        "age": profile.age() if profile else None,
        "phone": phone_display(profile.phone) if profile else "",
        "photos": photos,
        "photos_max": _photo_limit(),
        "own": own,
        "assisted_self": master.status == MasterStatus.APPLIED and declared_by(master) == request.user.pk,
        "is_open": is_open,
        "decision_form": forms.get("decision_form") or DecisionForm(),
        "photo_form": (forms.get("photo_form") or PhotoForm()) if is_open and not own else None,
        "history": list(master_history(master)[:50]),
        "public_url": reverse("clubs:master_public", args=[master.pk]) if master.is_verified else None,
        "volunteer_url": link("coordinator_volunteer", master.volunteer_id),
        **_coordinator_links(),
    }
    return render(request, "clubs/masters/review.html", context, status=status)


@private
@staff_required
def review(request, pk: int):
    return _review_page(request, _managed(request, pk))


@private
@require_POST
@staff_required
def decide(request, pk: int):
    master = _managed(request, pk)
    decision = request.POST.get("decision")
    form = DecisionForm(request.POST)
    if decision not in ("verify", "decline"):
        form.add_error(None, _("Choose to verify or to decline."))
    if form.is_valid():
        try:
            master_decide(
                master=master,
                by=request.user,
                verify=decision == "verify",
                reason=form.cleaned_data["reason"],
            )
        except ClubsError as error:
            if error.code == "master_unknown":
                raise Http404 from None
            if error.field is None:  # decided already (a double click, a colleague), or their own
                messages.error(request, error.message)
                return redirect("clubs:master_review", pk=master.pk)
            form_error(form, error)
        else:
            messages.success(
                request,
                _("The craft is verified: the master is shown in the public catalogue.")
                if decision == "verify"
                else _("The declaration is declined; the volunteer is told why."),
            )
            return redirect("clubs:master_review", pk=master.pk)
    return _review_page(request, master, decision_form=form, status=400)


@private
@require_POST
@staff_required
def review_photo_new(request, pk: int):
    master = _managed(request, pk)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            photo_add(master=master, by=request.user, upload=form.cleaned_data["image"],
                      caption=form.cleaned_data["caption"])  # fmt: skip
        except ClubsError as error:
            if error.code == "master_unknown":
                raise Http404 from None
            if error.field is None:
                messages.error(request, error.message)
                return redirect("clubs:master_review", pk=master.pk)
            form_error(form, error)
        else:
            messages.success(request, _("The photo is added and approved."))
            return redirect("clubs:master_review", pk=master.pk)
    return _review_page(request, master, photo_form=form, status=400)


@private
@require_POST
@staff_required
def photo_decide(request, pk: int):
    photo = get_object_or_404(MasterPhoto.objects.filter(master__in=masters_managed_by(request.user)), pk=pk)
    master = _managed(request, photo.master_id)
    decision = request.POST.get("decision")
    form = PhotoRejectForm(request.POST, auto_id=f"id_reject_{photo.pk}_%s")
    if decision not in ("approve", "reject"):
        form.add_error(None, _("Choose to approve or to reject the photo."))
    if form.is_valid():
        try:
            if decision == "approve":
                photo_approve(photo=photo, by=request.user)
            else:
                photo_remove(photo=photo, by=request.user, reason=form.cleaned_data["reason"])
        except ClubsError as error:
            if error.code == "master_photo_unknown":  # removed meanwhile (a double click, a colleague)
                messages.info(request, error.message)
            else:
                messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The photo is approved.")
                if decision == "approve"
                else _("The photo is rejected and removed; the master is told."),
            )
        return redirect("clubs:master_review", pk=master.pk)
    return _review_page(request, master, reject_form=form, reject_photo=photo.pk, status=400)


@private
@staff_required
def review_story(request, pk: int):
    master = _managed(request, pk)
    if master.status not in OPEN_DECLARATION:
        messages.error(request, ClubsError.messages["master_closed"])
        return redirect("clubs:master_review", pk=master.pk)
    form = MasterStoryForm(request.POST or None, initial={"story": master.story, "years": master.years})
    if form.is_bound and form.is_valid():
        try:
            master_story_update(master=master, by=request.user, **form.cleaned_data)
        except ClubsError as error:
            if error.code == "master_unknown":
                raise Http404 from None
            form_error(form, error)
        else:
            messages.success(request, _("The story is saved."))
            return redirect("clubs:master_review", pk=master.pk)
    return render(
        request,
        "clubs/masters/edit.html",
        {
            "form": form,
            "master": master,
            "coordinator": True,
            **_coordinator_links(),
            "back_url": reverse("clubs:master_review", args=[master.pk]),
        },
        status=400 if form.errors else 200,
    )


def _person(volunteer) -> dict:
    profile = volunteer.profile
    return {"volunteer": volunteer, "profile": profile, "age": profile.age(), "region": profile.region}


@private
@staff_required
def assisted(request):
    """A coordinator declares a craft for a silver volunteer they coordinate: first find them by phone or
    e-mail, then the declaration itself. The contact is looked up again on each step, through the gate."""
    links = {"register_url": link("coordinator_volunteer_register"), **_coordinator_links()}
    if request.method != "POST":
        return render(request, "clubs/masters/assisted.html", {"find_form": ContactForm(), **links})
    finder = ContactForm(request.POST)
    volunteer = None
    if finder.is_valid():
        try:
            volunteer = master_volunteer_find(by=request.user, contact=finder.cleaned_data["contact"])
        except ClubsError as error:
            form_error(finder, error)
    if volunteer is not None:
        blocked = declare_blocker(volunteer.profile)
        if blocked:
            code = {"master_no_profile": "master_volunteer_no_region"}.get(
                blocked[0], "master_volunteer_not_silver"
            )
            finder.add_error("contact", _blocker(code, blocked[1])["text"])
            volunteer = None
    if volunteer is None:
        return render(request, "clubs/masters/assisted.html", {"find_form": finder, **links}, status=400)
    organisations = master_organisations(region=volunteer.profile.region)
    declaring = request.POST.get("step") == "declare"
    mine = organisations.filter(pk__in=organisations_managed_by(request.user).values("pk")).first()
    form = AssistedDeclareForm(
        request.POST if declaring else None,
        crafts=crafts_offered(),
        organisations=organisations,
        initial={"contact": finder.cleaned_data["contact"], "organisation": mine.pk if mine else None},
    )
    if declaring and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("contact")
        try:
            master = master_declare(volunteer=volunteer, by=request.user, **data)
        except ClubsError as error:
            form_error(form, error)
        else:
            messages.success(
                request,
                _("The craft is declared for the volunteer: another coordinator or an admin verifies it."),
            )
            if masters_managed_by(request.user).filter(pk=master.pk).exists():
                return redirect("clubs:master_review", pk=master.pk)
            return redirect("clubs:masters_review")
    return render(
        request,
        "clubs/masters/assisted.html",
        {
            "form": form,
            "person": _person(volunteer),
            "no_organisations": not organisations.exists(),
            **links,
        },
        status=400 if form.errors else 200,
    )
