"""Mentoring's people: the volunteer's mentoring page and application; the coordinators' mentors (review,
background checks), their centres' rules and their mentees.

Mentees' pages are private twice over: only the centre's staff and admins reach them (`mentees_visible_to`,
404 for anyone else's), every read is audited, and no cache or search engine keeps a copy.
"""

import datetime as dt
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from volunteers.mentoring.display import labels
from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.forms_people import (
    CentreRulesForm,
    CheckForm,
    DecisionForm,
    MenteeFilterForm,
    MenteeForm,
    MentorApplyForm,
    MentorFilterForm,
    MentorOfferForm,
    RevokeForm,
    availability_choices,
)
from volunteers.mentoring.models import (
    BackgroundCheck,
    CentreRules,
    Interest,
    Mentee,
    Mentor,
    Mentorship,
    Need,
    Pool,
)
from volunteers.mentoring.permissions import centres_managed_by, mentees_visible_to, mentors_managed_by
from volunteers.mentoring.services.eligibility import mentor_eligibility
from volunteers.mentoring.services.mentees import (
    centre_rules_save,
    mentee_archive,
    mentee_create,
    mentee_update,
    mentee_viewed,
    mentee_volunteer_find,
    mentees_list_viewed,
    mentees_listed,
)
from volunteers.mentoring.services.mentors import (
    OPEN_APPLICATION,
    check_revoke,
    check_verify,
    mentor_apply,
    mentor_decide,
    mentor_organisations,
    mentor_update,
    mentor_withdraw,
    mentors_listed,
    safeguarding_course_url,
)
from volunteers.models import Stage, VolunteerProfile
from volunteers.models.profile import SPOKEN_LANGUAGES
from volunteers.permissions import staff_required

PAGE_SIZE = 25
# Where another area's page fills in the volunteer's pairs on their mentoring page, when it exists.
MY_PAIRS_TEMPLATE = "mentoring/pairs/_mine.html"


# --- Helpers ------------------------------------------------------------------------------------------------


def _url(name: str, *args) -> str | None:
    """The URL of a page another area provides, or None while it does not exist."""
    try:
        return reverse(name, args=args or None)
    except NoReverseMatch:
        return None


def _form_error(form, error: MentoringError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _private(view):
    """Mentees' pages: no copy in any cache, no entry in any search engine."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)  # Cache-Control: ..., no-store, private
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped


def _coordinator_links() -> dict:
    return {"dashboard_url": _url("mentoring:dashboard")}


def _describe(mentor_or_mentee) -> dict:
    """Codes as words, for the templates."""
    item = mentor_or_mentee
    return {
        "languages": labels(item.languages, SPOKEN_LANGUAGES),
        "interests": labels(item.interests, Interest.choices),
        "availability": labels(item.availability, availability_choices()),
        "needs": labels(getattr(item, "needs", []), Need.choices),
        "pools": labels(getattr(item, "pools", []), Pool.choices),
    }


def _check_state(check: BackgroundCheck, today: dt.date) -> str:
    if check.revoked_at is not None:
        return "revoked"
    if check.expires_on < today:
        return "expired"
    if check.issued_on > today:
        return "future"
    return "valid"


def _missing_words(missing: list[str], *, stage_name: str | None, course_url: str | None) -> list[dict]:
    """What a mentor still needs for a programme, in words (with a link where one helps)."""
    words = {
        "approval": (_("A coordinator must approve your application."), None),
        "pool": (_("You did not offer to mentor in this programme."), None),
        "check": (
            _(
                "A coordinator must see your certificate of no criminal record and record it: bring the "
                "original, no copy is kept."
            ),
            None,
        ),
        "certificate": (_("Complete the safeguarding course and keep its certificate valid."), course_url),
        "stage": (
            _("Reach the stage “%(stage)s” of the Volunteer's Path.") % {"stage": stage_name}
            if stage_name
            else _("Reach the stage %(position)s of the Volunteer's Path.")
            % {"position": settings.MENTORING_NEWCOMERS_MIN_STAGE},
            _url("stages_path"),
        ),
    }
    return [
        {"code": code, "text": words[code][0], "url": words[code][1]} for code in missing if code in words
    ]


def _eligibility_rows(mentor: Mentor, *, on: dt.date, with_links: bool) -> list[dict]:
    stage = Stage.objects.active().filter(position=settings.MENTORING_NEWCOMERS_MIN_STAGE).first()
    stage_name = stage.name.in_language() if stage else None
    course_url = safeguarding_course_url() if with_links else None
    labels = dict(Pool.choices)
    rows = []
    for pool in mentor.pools:
        if pool not in labels:
            continue
        eligibility = mentor_eligibility(mentor=mentor, pool=pool, on=on)
        rows.append(
            {
                "pool": pool,
                "label": labels[pool],
                "ok": eligibility.ok,
                "until": eligibility.until,
                "missing": _missing_words(eligibility.missing, stage_name=stage_name, course_url=course_url),
            }
        )
    return rows


def _pairs_template() -> str | None:
    try:
        get_template(MY_PAIRS_TEMPLATE)
    except TemplateDoesNotExist:
        return None
    return MY_PAIRS_TEMPLATE


# --- The volunteer's side -----------------------------------------------------------------------------------


def _apply_blocker(profile) -> str | None:
    """Why this volunteer cannot apply (an error code), or None."""
    if profile is None or profile.region_id is None or profile.date_of_birth is None:
        return "mentor_no_profile"
    if profile.age() < settings.VOLUNTEERS_ADULT_AGE:
        return "mentor_minor"
    return None


@never_cache
@login_required
def mine(request):
    """The volunteer's mentoring home: their application, their checks, what they still need, their pairs."""
    mentor = Mentor.objects.select_related("organisation").filter(volunteer=request.user).first()
    today = timezone.localdate()
    context = {"mentor": mentor, "today": today, "pairs_template": _pairs_template()}
    if mentor is not None:
        checks = list(mentor.checks.all())
        for check in checks:
            check.state = _check_state(check, today)
        context.update(
            checks=checks,
            described=_describe(mentor),
            eligibility=_eligibility_rows(mentor, on=today, with_links=True)
            if mentor.status in OPEN_APPLICATION
            else [],
            is_open=mentor.status in OPEN_APPLICATION,
            my_pairs_url=_url("mentoring:my_pairs"),
        )
    else:
        profile = VolunteerProfile.objects.active().filter(user=request.user).first()
        blocker = _apply_blocker(profile)
        context["blocker"] = MentoringError.messages[blocker] if blocker else None
    return render(request, "mentoring/people/mine.html", context)


@never_cache
@login_required
def apply(request):
    mentor = Mentor.objects.filter(volunteer=request.user).first()
    if mentor is not None and mentor.status in OPEN_APPLICATION:
        messages.info(request, MentoringError.messages["mentor_already_applied"])
        return redirect("mentoring:mine")
    profile = VolunteerProfile.objects.active().select_related("region").filter(user=request.user).first()
    blocker = _apply_blocker(profile)
    organisations = mentor_organisations(region=profile.region if profile else None)
    if blocker or not organisations.exists():
        return render(
            request,
            "mentoring/people/apply.html",
            {"blocker": MentoringError.messages[blocker] if blocker else None, "form": None},
        )
    previous = mentor or profile
    initial = {
        "languages": previous.languages,
        "availability": previous.availability,
        "district": mentor.district if mentor else profile.city,
    }
    if mentor is not None:  # applying again: what they offered before
        initial.update(
            organisation=mentor.organisation_id, pools=mentor.pools, capacity=mentor.capacity,
            interests=mentor.interests, motivation=mentor.motivation,
        )  # fmt: skip
    form = MentorApplyForm(request.POST or None, organisations=organisations, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            mentor_apply(volunteer=request.user, **form.cleaned_data)
        except MentoringError as error:
            if error.code == "mentor_already_applied":  # sent twice: the first one counts
                messages.info(request, error.message)
                return redirect("mentoring:mine")
            _form_error(form, error)
        else:
            messages.success(
                request, _("Your application is sent: a coordinator of the organisation will review it.")
            )
            return redirect("mentoring:mine")
    return render(request, "mentoring/people/apply.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@login_required
def mentor_edit(request):
    mentor = get_object_or_404(Mentor, volunteer=request.user, status__in=OPEN_APPLICATION)
    fields = ("capacity", "languages", "interests", "availability", "district")
    form = MentorOfferForm(request.POST or None, initial={name: getattr(mentor, name) for name in fields})
    if form.is_bound and form.is_valid():
        try:
            mentor_update(mentor=mentor, by=request.user, **form.cleaned_data)
        except MentoringError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Your mentoring offer is saved."))
            return redirect("mentoring:mine")
    return render(
        request,
        "mentoring/people/apply.html",
        {"form": form, "editing": True, "mentor": mentor},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def withdraw(request):
    mentor = get_object_or_404(Mentor, volunteer=request.user)
    mentor_withdraw(mentor=mentor, by=request.user)
    messages.success(request, _("Your application to mentor is withdrawn. You can apply again at any time."))
    return redirect("mentoring:mine")


# --- The coordinators' mentors ------------------------------------------------------------------------------


@never_cache
@staff_required
def mentors(request):
    form = MentorFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    listed = mentors_listed(
        user=request.user, status=filters.get("status", ""), pool=filters.get("pool", ""),
        search=filters.get("q", ""),
    )  # fmt: skip
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    for mentor in page.object_list:
        mentor.pool_labels = labels(mentor.pools, Pool.choices)
    return render(
        request,
        "mentoring/people/mentors.html",
        {"form": form, "page": page, **_coordinator_links()},
    )


def _managed_mentor(request, pk: int) -> Mentor:
    mentors = mentors_managed_by(request.user).select_related(
        "volunteer__profile__region", "organisation", "region", "decided_by"
    )
    return get_object_or_404(mentors, pk=pk)


def _mentor_page(request, mentor: Mentor, *, status=200, **forms):
    today = timezone.localdate()
    checks = list(mentor.checks.select_related("verified_by", "revoked_by"))
    revoke = forms.get("revoke_form")
    for check in checks:
        check.state = _check_state(check, today)
        if check.state in ("valid", "future"):
            check.revoke_form = (
                revoke
                if revoke is not None and forms.get("revoke_check") == check.pk
                else RevokeForm(auto_id=f"id_revoke_{check.pk}_%s")
            )
    profile = getattr(mentor.volunteer, "profile", None)
    context = {
        "mentor": mentor,
        "profile": profile,
        "age": profile.age() if profile else None,
        "described": _describe(mentor),
        "eligibility": _eligibility_rows(mentor, on=today, with_links=False),
        "checks": checks,
        "decision_form": forms.get("decision_form") or DecisionForm(),
        "check_form": forms.get("check_form") or CheckForm(),
        "own": mentor.volunteer_id == request.user.pk,
        **_coordinator_links(),
    }
    return render(request, "mentoring/people/mentor.html", context, status=status)


@never_cache
@staff_required
def mentor_detail(request, pk: int):
    return _mentor_page(request, _managed_mentor(request, pk))


@never_cache
@require_POST
@staff_required
def mentor_decision(request, pk: int):
    mentor = _managed_mentor(request, pk)
    decision = request.POST.get("decision")
    form = DecisionForm(request.POST)
    if decision not in ("approve", "decline"):
        form.add_error(None, _("Choose to approve or to decline."))
    if form.is_valid():
        try:
            mentor_decide(
                mentor=mentor, by=request.user, approve=decision == "approve",
                reason=form.cleaned_data["reason"],
            )  # fmt: skip
        except MentoringError as error:
            if error.code == "mentor_unknown":
                raise Http404 from None
            if error.field is None:  # decided already (by a double click or a colleague), or their own
                messages.error(request, error.message)
                return redirect("mentoring:mentor", pk=mentor.pk)
            _form_error(form, error)
        else:
            messages.success(
                request,
                _("The application is approved.")
                if decision == "approve"
                else _("The application is declined; the volunteer is told why."),
            )
            return redirect("mentoring:mentor", pk=mentor.pk)
    return _mentor_page(request, mentor, decision_form=form, status=400)


@never_cache
@require_POST
@staff_required
def mentor_check(request, pk: int):
    mentor = _managed_mentor(request, pk)
    form = CheckForm(request.POST)
    if form.is_valid():
        try:
            check_verify(mentor=mentor, by=request.user, **form.cleaned_data)
        except MentoringError as error:
            if error.code == "mentor_unknown":
                raise Http404 from None
            if error.field is None:
                messages.error(request, error.message)
                return redirect("mentoring:mentor", pk=mentor.pk)
            _form_error(form, error)
        else:
            messages.success(request, _("The background check is recorded."))
            return redirect("mentoring:mentor", pk=mentor.pk)
    return _mentor_page(request, mentor, check_form=form, status=400)


@never_cache
@require_POST
@staff_required
def check_revocation(request, pk: int):
    check = get_object_or_404(
        BackgroundCheck.objects.filter(mentor__in=mentors_managed_by(request.user)), pk=pk
    )
    mentor = _managed_mentor(request, check.mentor_id)
    form = RevokeForm(request.POST, auto_id=f"id_revoke_{check.pk}_%s")
    if form.is_valid():
        try:
            check_revoke(check=check, by=request.user, reason=form.cleaned_data["reason"])
        except MentoringError as error:
            if error.code == "mentor_unknown":
                raise Http404 from None
            if error.field is None:  # revoked already
                messages.error(request, error.message)
                return redirect("mentoring:mentor", pk=mentor.pk)
            _form_error(form, error)
        else:
            messages.success(request, _("The background check is revoked."))
            return redirect("mentoring:mentor", pk=mentor.pk)
    return _mentor_page(request, mentor, revoke_form=form, revoke_check=check.pk, status=400)


# --- Centres' rules -----------------------------------------------------------------------------------------


@never_cache
@staff_required
def centre_rules(request, pk: int):
    organisation = get_object_or_404(centres_managed_by(request.user), pk=pk)
    rules = CentreRules.objects.filter(organisation=organisation).first()
    fields = ("district", "gender_rule", "min_age_gap", "max_age_gap", "reminder_weeks")
    initial = {name: getattr(rules, name) for name in fields} if rules else {}
    form = CentreRulesForm(request.POST or None, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            centre_rules_save(organisation=organisation, by=request.user, **form.cleaned_data)
        except MentoringError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("The centre's rules are saved."))
            return redirect("mentoring:centre_rules", pk=organisation.pk)
    return render(
        request,
        "mentoring/people/centre_rules.html",
        {"form": form, "organisation": organisation, "rules": rules, **_coordinator_links()},
        status=400 if form.errors else 200,
    )


# --- Mentees ------------------------------------------------------------------------------------------------


def _my_centres(user):
    """The centres a user's mentee pages offer: their own; for an admin, those that have mentees."""
    centres = centres_managed_by(user)
    if user.is_superuser:
        centres = centres.filter(pk__in=Mentee.objects.values("organisation_id"))
    return centres.order_by("kind", "slug")


@_private
@staff_required
def mentees(request):
    centres = _my_centres(request.user)
    form = MenteeFilterForm(request.GET or None, centres=centres)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    listed = mentees_listed(
        user=request.user, organisation=filters.get("centre"), pool=filters.get("pool", ""),
        needs_mentor=filters.get("needs_mentor", False), archived=filters.get("archived", False),
    )  # fmt: skip
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    for mentee in page.object_list:
        mentee.age_now = mentee.age(today)
        mentee.language_labels = labels(mentee.languages, SPOKEN_LANGUAGES)
    mentees_list_viewed(by=request.user, mentees=page.object_list)
    return render(
        request,
        "mentoring/people/mentees.html",
        {
            "form": form,
            "page": page,
            "centres": centres if not request.user.is_superuser else [],
            **_coordinator_links(),
        },
    )


def _mentee_data(form) -> dict:
    data = dict(form.cleaned_data)
    data.pop("contact", None)
    return data


@_private
@staff_required
def mentee_new(request):
    pool = request.GET.get("pool", "")
    if pool not in Pool.values:
        return render(request, "mentoring/people/mentee_form.html", {"pools": Pool.choices, "form": None})
    centres = centres_managed_by(request.user).order_by("kind", "slug")
    form = MenteeForm(request.POST or None, pool=pool, centres=centres)
    if form.is_bound and form.is_valid():
        try:
            volunteer = None
            if pool == Pool.NEWCOMERS:
                volunteer = mentee_volunteer_find(by=request.user, contact=form.cleaned_data["contact"])
            mentee = mentee_create(by=request.user, pool=pool, volunteer=volunteer, **_mentee_data(form))
        except MentoringError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("The mentee is registered."))
            return redirect("mentoring:mentee", pk=mentee.pk)
    return render(
        request,
        "mentoring/people/mentee_form.html",
        {"form": form, "pool": pool, "pool_label": Pool(pool).label, **_coordinator_links()},
        status=400 if form.errors else 200,
    )


def _visible_mentee(request, pk: int) -> Mentee:
    mentees = mentees_visible_to(request.user).select_related("organisation", "volunteer", "created_by")
    return get_object_or_404(mentees, pk=pk)


@_private
@staff_required
def mentee_detail(request, pk: int):
    mentee = _visible_mentee(request, pk)
    mentee_viewed(mentee=mentee, by=request.user)
    pairs = list(
        Mentorship.objects.filter(mentee=mentee)
        .select_related("mentor__volunteer")
        .order_by("-proposed_at", "-pk")
    )
    for pair in pairs:
        pair.url = _url("mentoring:pair", pair.pk)
    return render(
        request,
        "mentoring/people/mentee.html",
        {
            "mentee": mentee,
            "age": mentee.age(timezone.localdate()),
            "described": _describe(mentee),
            "pairs": pairs,
            **_coordinator_links(),
        },
    )


@_private
@staff_required
def mentee_edit(request, pk: int):
    mentee = _visible_mentee(request, pk)
    if mentee.archived_at is not None:
        messages.error(request, MentoringError.messages["mentee_archived"])
        return redirect("mentoring:mentee", pk=mentee.pk)
    form = MenteeForm(request.POST or None, pool=mentee.pool, mentee=mentee)
    if form.is_bound and form.is_valid():
        try:
            # A newcomer's languages come from their profile; the stored ones when it names none.
            data = {"languages": mentee.languages, **_mentee_data(form)}
            mentee_update(mentee=mentee, by=request.user, **data)
        except MentoringError as error:
            if error.code == "mentee_unknown":
                raise Http404 from None
            _form_error(form, error)
        else:
            messages.success(request, _("The mentee's details are saved."))
            return redirect("mentoring:mentee", pk=mentee.pk)
    # The form shows the mentee's data: a read like the detail page.
    mentee_viewed(mentee=mentee, by=request.user)
    return render(
        request,
        "mentoring/people/mentee_form.html",
        {"form": form, "mentee": mentee, "pool_label": mentee.get_pool_display(), **_coordinator_links()},
        status=400 if form.errors else 200,
    )


@_private
@require_POST
@staff_required
def mentee_archiving(request, pk: int):
    mentee = _visible_mentee(request, pk)
    try:
        mentee_archive(mentee=mentee, by=request.user)
    except MentoringError as error:
        if error.code == "mentee_unknown":
            raise Http404 from None
        messages.error(request, error.message)
    else:
        messages.success(request, _("The mentee is archived: they are left out of matching."))
    return redirect("mentoring:mentee", pk=mentee.pk)
