"""Volunteer zholy in public: the path of stages, and the incentives partners offer; the coordinators' pages
for their organisations' incentives."""

from decimal import Decimal

from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import floatformat
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from volunteers.forms_path import IncentiveFilterForm, IncentiveForm
from volunteers.models import Stage, StageStanding
from volunteers.permissions import staff_required
from volunteers.services.incentives import (
    EligibilityJudge,
    IncentiveData,
    IncentiveError,
    incentive_create,
    incentive_unlist,
    incentive_update,
    incentives_listed,
    incentives_managed_by,
)
from volunteers.services.stages import course_titles, stage_progress

PAGE_SIZE = 20
HOLDERS_CACHE = "volunteers:path:holders"
HOLDERS_SECONDS = 300

# --- Criteria in words --------------------------------------------------------------------------------------


def _plural(value) -> int:
    """The number that chooses the plural form. A fraction takes the form of 2: "1.5 hours", "1,5 часа"."""
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else 2


def _hours(value) -> str:
    return floatformat(value, "-2")


def stage_criteria_words(stage: Stage, titles: dict | None = None) -> list[str]:
    """Each criterion the editors set on `stage`, as a phrase ("at least 20 verified hours")."""
    words = []
    if stage.min_hours > 0:
        words.append(
            ngettext(
                "at least %(hours)s verified hour",
                "at least %(hours)s verified hours",
                _plural(stage.min_hours),
            )
            % {"hours": _hours(stage.min_hours)}
        )
    if stage.min_events > 0:
        words.append(
            ngettext("%(count)s event attended", "%(count)s events attended", stage.min_events)
            % {"count": stage.min_events}
        )
    if stage.min_courses > 0:
        words.append(
            ngettext(
                "%(count)s course of your choice completed",
                "%(count)s courses of your choice completed",
                stage.min_courses,
            )
            % {"count": stage.min_courses}
        )
    if stage.required_courses:
        titles = course_titles() if titles is None else titles
        for key in stage.required_courses:
            title = titles.get(str(key))
            words.append(
                _("the course «%(title)s»") % {"title": title}
                if title
                else _("a course that is no longer in the programme")
            )
    if stage.min_months > 0:
        words.append(
            ngettext(
                "%(count)s month since the first activity",
                "%(count)s months since the first activity",
                stage.min_months,
            )
            % {"count": stage.min_months}
        )
    if stage.min_mentoring_hours > 0:
        words.append(
            ngettext(
                "%(hours)s hour of mentoring",
                "%(hours)s hours of mentoring",
                _plural(stage.min_mentoring_hours),
            )
            % {"hours": _hours(stage.min_mentoring_hours)}
        )
    return words


def stage_thresholds_summary(stage: Stage) -> str:
    """The criteria on one line (the stages' listing in the admin)."""
    return "; ".join(stage_criteria_words(stage))


def _book_url() -> str | None:
    try:
        return reverse("volunteer_book")
    except NoReverseMatch:  # the book's pages are not mounted
        return None


# --- The path -----------------------------------------------------------------------------------------------


def _holders() -> dict[int, int]:
    """How many volunteers hold each stage: one grouped count, kept a few minutes (it reads every
    standing)."""
    holders = cache.get(HOLDERS_CACHE)
    if holders is None:
        rows = (
            StageStanding.objects.filter(stage__isnull=False)
            .order_by()
            .values_list("stage_id")
            .annotate(count=Count("pk"))
        )
        holders = dict(rows)
        cache.set(HOLDERS_CACHE, holders, HOLDERS_SECONDS)
    return holders


def stages_path(request):
    stages = list(Stage.objects.active())
    titles = course_titles() if any(stage.required_courses for stage in stages) else {}
    holders = _holders()
    progress = stage_progress(volunteer=request.user) if request.user.is_authenticated else None
    mine = progress.stage.pk if progress and progress.stage else None
    rows = [
        {
            "stage": stage,
            "criteria": stage_criteria_words(stage, titles),
            "holders": holders.get(stage.pk, 0),
            "mine": stage.pk == mine,
        }
        for stage in stages
    ]
    return render(
        request,
        "volunteers/path.html",
        {
            "rows": rows,
            "default_thresholds": any(stage.default_thresholds for stage in stages),
            "progress": progress,
            "book_url": _book_url() if progress else None,
        },
    )


# --- The catalogue ------------------------------------------------------------------------------------------


def _requirement_words(incentive) -> list[str]:
    words = []
    if incentive.hours_required > 0:
        words.append(
            ngettext(
                "at least %(hours)s verified hour",
                "at least %(hours)s verified hours",
                _plural(incentive.hours_required),
            )
            % {"hours": _hours(incentive.hours_required)}
        )
    if incentive.stage_required is not None:
        words.append(_("the stage “%(stage)s”") % {"stage": incentive.stage_required})
    return words


def _eligibility_words(eligibility) -> list[str]:
    words = []
    if eligibility.hours_missing:
        words.append(
            ngettext(
                "%(hours)s more verified hour needed",
                "%(hours)s more verified hours needed",
                _plural(eligibility.hours_missing),
            )
            % {"hours": _hours(eligibility.hours_missing)}
        )
    if eligibility.stage_missing is not None:
        words.append(_("reach the stage “%(stage)s”") % {"stage": eligibility.stage_missing})
    return words


def incentives(request):
    """Listed incentives, national ones and those of the region chosen; for a signed-in volunteer, what they
    lack for each. A fixed number of queries a page, whatever its size."""
    form = IncentiveFilterForm(request.GET or None)
    region = form.cleaned_data.get("region") if form.is_bound and form.is_valid() else None
    page = Paginator(incentives_listed(region=region), PAGE_SIZE).get_page(request.GET.get("page"))
    judge = EligibilityJudge(request.user) if request.user.is_authenticated else None
    for incentive in page.object_list:
        incentive.requirements = _requirement_words(incentive)
        incentive.eligibility = judge(incentive) if judge else None
        incentive.missing = _eligibility_words(incentive.eligibility) if judge else []
    return render(request, "volunteers/incentives.html", {"form": form, "page": page, "region": region})


# --- The coordinators' incentives ---------------------------------------------------------------------------


def _managed(request, pk: int):
    incentive = incentives_managed_by(request.user).filter(pk=pk).first()
    if incentive is None:
        raise Http404
    return incentive


@never_cache
@staff_required
def coordinator_incentives(request):
    incentives = incentives_managed_by(request.user).select_related(
        "organisation", "stage_required", "region"
    )
    page = Paginator(incentives.order_by("-active", "organisation_id", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for incentive in page.object_list:
        incentive.requirements = _requirement_words(incentive)
    return render(request, "volunteers/coordinator/incentives.html", {"page": page})


def _incentive_form_page(request, incentive=None):
    form = IncentiveForm(request.POST or None, user=request.user, incentive=incentive)
    if form.is_bound and form.is_valid():
        data = IncentiveData(**form.cleaned_data)
        try:
            if incentive is None:
                incentive_create(actor=request.user, data=data)
            else:
                incentive_update(actor=request.user, incentive_id=incentive.pk, data=data)
        except IncentiveError as error:
            if error.code == "unknown":
                raise Http404 from None
            form.add_error(error.field, error.message)
        else:
            messages.success(
                request,
                _("The incentive is saved.") if incentive else _("The incentive is listed in the catalogue."),
            )
            return redirect("coordinator_incentives")
    return render(
        request,
        "volunteers/coordinator/incentive_form.html",
        {"form": form, "incentive": incentive},
        status=400 if form.errors else 200,
    )


@never_cache
@staff_required
def coordinator_incentive_new(request):
    return _incentive_form_page(request)


@never_cache
@staff_required
def coordinator_incentive_edit(request, pk: int):
    return _incentive_form_page(request, _managed(request, pk))


@require_POST
@staff_required
def coordinator_incentive_unlist(request, pk: int, listed: bool = False):
    incentive = _managed(request, pk)
    try:
        incentive_unlist(actor=request.user, incentive_id=incentive.pk, listed=listed)
    except IncentiveError:
        raise Http404 from None
    messages.success(
        request,
        _("The incentive is back in the catalogue.")
        if listed
        else _("The incentive is taken out of the catalogue; you can list it again."),
    )
    return redirect("coordinator_incentives")
