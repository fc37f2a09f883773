"""The coordinators' side of the programme: the training status of the volunteers they may see (a page and a
spreadsheet), and revoking a certificate for those allowed to."""

import dataclasses
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from config.exports import csv_response, xlsx_response
from training.errors import TrainingError
from training.forms import CertificateRevokeForm, CourseState, StatusFilterForm
from training.models import Certificate, CoursePage, Enrolment
from training.selectors import certificates_standing
from training.services.certificates import certificate_revoke
from training.views.certificates import code_normalised
from volunteers.audit import audit_log
from volunteers.permissions import profiles_visible_to, staff_required

PAGE_SIZE = 25
EXPORT_CHUNK = 1000
REVOKE_PERMISSION = "training.change_certificate"


# --- What the table shows ---------------------------------------------------------------------------------


def programme_courses() -> list[CoursePage]:
    """The programme's live courses, one page per course: in the visitor's language when the course is
    published in it, else in the language it is (the source's, usually). In the tree's order. One query."""
    active = Locale.get_active().pk
    chosen: dict = {}
    for page in CoursePage.objects.live().select_related("locale").order_by("path"):
        if page.translation_key not in chosen or page.locale_id == active:
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: (page.locale_id != active, page.path))


@dataclasses.dataclass
class Cell:
    state: str
    label: str
    enrolment: Enrolment | None = None
    certificate: Certificate | None = None


def _date(day) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def _cell(enrolment: Enrolment | None, latest: Certificate | None, valid: Certificate | None) -> Cell:
    """One volunteer in one course. The same order of precedence as state_filter()."""
    if valid is not None:
        if valid.expires_on is None:
            label = _("Valid, does not expire")
        else:
            label = _("Valid until %(date)s") % {"date": _date(valid.expires_on)}
        return Cell(CourseState.VALID, label, enrolment, valid)
    if latest is not None and latest.revoked_at is not None:
        label = _("Revoked on %(date)s") % {"date": _date(timezone.localdate(latest.revoked_at))}
        return Cell(CourseState.REVOKED, label, enrolment, latest)
    if latest is not None:
        label = _("Expired on %(date)s") % {"date": _date(latest.expires_on)}
        return Cell(CourseState.EXPIRED, label, enrolment, latest)
    if enrolment is not None:
        label = _("In progress: %(percent)s%%") % {"percent": enrolment.percent}
        return Cell(CourseState.IN_PROGRESS, label, enrolment)
    return Cell(CourseState.NOT_ENROLLED, _("Not enrolled"))


def status_cells(*, user_ids: list, course_keys: list, today) -> dict:
    """{(user id, course key): Cell} for every pair. Two queries, whatever the number of volunteers."""
    enrolments = {
        (enrolment.user_id, enrolment.course_key): enrolment
        for enrolment in Enrolment.objects.filter(user_id__in=user_ids, course_key__in=course_keys).only(
            "user_id", "course_key", "completed_at", "lessons_done", "lessons_total"
        )
    }
    certificates = Certificate.objects.filter(user_id__in=user_ids, course_key__in=course_keys).order_by(
        "-issued_on", "-pk"
    )
    latest, valid = certificates_standing(
        certificates, key=lambda certificate: (certificate.user_id, certificate.course_key), today=today
    )
    return {
        (user_id, course_key): _cell(
            enrolments.get((user_id, course_key)),
            latest.get((user_id, course_key)),
            valid.get((user_id, course_key)),
        )
        for user_id in user_ids
        for course_key in course_keys
    }


def state_filter(*, state: str, course_keys: list, today) -> Q:
    """Profiles in `state` in at least one of `course_keys`: the rules of _cell() in SQL."""

    def certificates(key):
        return Certificate.objects.filter(user_id=OuterRef("pk"), course_key=key)

    newer = Certificate.objects.filter(user_id=OuterRef("user_id"), course_key=OuterRef("course_key")).filter(
        Q(issued_on__gt=OuterRef("issued_on")) | Q(issued_on=OuterRef("issued_on"), pk__gt=OuterRef("pk"))
    )
    condition = Q(pk__in=[])
    for key in course_keys:
        latest = certificates(key).filter(~Exists(newer))
        valid = Exists(certificates(key).valid_on(today))
        enrolled = Exists(Enrolment.objects.filter(user_id=OuterRef("pk"), course_key=key))
        condition |= {
            CourseState.NOT_ENROLLED: Q(~enrolled),
            CourseState.IN_PROGRESS: Q(enrolled) & ~Q(Exists(certificates(key))),
            CourseState.VALID: Q(valid),
            CourseState.EXPIRED: ~Q(valid) & Q(Exists(latest.filter(revoked_at__isnull=True))),
            CourseState.REVOKED: ~Q(valid) & Q(Exists(latest.filter(revoked_at__isnull=False))),
        }[state]
    return condition


def _status(request):
    """The filter form, the columns and the filtered, ordered profiles."""
    courses = programme_courses()
    form = StatusFilterForm(request.GET or None, courses=courses)
    chosen = form.cleaned_data if form.is_valid() else {}
    if chosen.get("course"):
        courses = [course for course in courses if str(course.translation_key) == chosen["course"]]
    profiles = profiles_visible_to(request.user).select_related("user")
    if chosen.get("state") and courses:
        profiles = profiles.filter(
            state_filter(
                state=chosen["state"],
                course_keys=[course.translation_key for course in courses],
                today=timezone.localdate(),
            )
        )
    return form, courses, profiles.order_by("user__last_name", "user__first_name", "pk")


def _rows(profiles, courses) -> list[dict]:
    profiles = list(profiles)
    keys = [course.translation_key for course in courses]
    cells = status_cells(
        user_ids=[profile.pk for profile in profiles], course_keys=keys, today=timezone.localdate()
    )
    return [{"profile": profile, "cells": [cells[(profile.pk, key)] for key in keys]} for profile in profiles]


def _name(profile) -> str:
    return profile.user.get_full_name() or profile.user.email


@never_cache  # personal data: no copy in any cache
@require_safe
@staff_required
def training_status(request):
    form, courses, profiles = _status(request)
    page = Paginator(profiles, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "training/coordinator_status.html",
        {
            "form": form,
            "courses": courses,
            "page": page,
            "rows": _rows(page.object_list, courses),
            "can_revoke": request.user.has_perm(REVOKE_PERMISSION),
        },
    )


@never_cache
@require_safe
@staff_required
def training_status_export(request, fmt: str):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, courses, profiles = _status(request)

    def rows():
        # In chunks: the volunteers of a front office can be many; each chunk costs the same few queries. The
        # order is read once, as ids, so that no chunk sorts the whole list again (as an OFFSET would).
        ids = list(profiles.values_list("pk", flat=True))
        for start in range(0, len(ids), EXPORT_CHUNK):
            chunk_ids = ids[start : start + EXPORT_CHUNK]
            found = {profile.pk: profile for profile in profiles.filter(pk__in=chunk_ids).order_by()}
            chunk = [found[pk] for pk in chunk_ids if pk in found]
            for row in _rows(chunk, courses):
                yield [_name(row["profile"]), row["profile"].user.email or ""] + [
                    cell.label for cell in row["cells"]
                ]

    audit_log(actor=request.user, action="training.status.exported", format=fmt, courses=len(courses))
    header = [_("Name"), _("E-mail"), *[course.title for course in courses]]
    filename = f"training-status-{timezone.localdate():%Y%m%d}.{fmt}"
    if fmt == "csv":
        return csv_response(filename, header, rows())
    return xlsx_response(filename, header, rows(), sheet_title=_("Training status"))


# --- Revoking a certificate -------------------------------------------------------------------------------


def revoker_required(view):
    """Revoking is for administrators (the permission to change certificates): anonymous visitors go to the
    login, everyone else gets 403, as on the other staff pages."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(REVOKE_PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


@never_cache
@revoker_required
def certificate_revoke_view(request, code: str):
    code = code_normalised(code)
    certificate = Certificate.objects.select_related("user").filter(code=code).first() if code else None
    if certificate is None:
        raise Http404
    form = CertificateRevokeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                certificate_revoke(
                    certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
                )
                audit_log(
                    actor=request.user,
                    action="training.certificate.revoked",
                    subject=certificate.user,
                    certificate=certificate.code,
                )
        except TrainingError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The certificate has been revoked."))
            return redirect("training:certificate_verify", code=certificate.code)
    title, title_language = certificate.course_title.resolve()
    status = 400 if form.errors else 200
    return render(
        request,
        "training/certificate_revoke.html",
        {
            "certificate": certificate,
            "state": certificate.state(timezone.localdate()),
            "title": title,
            "title_language": title_language,
            "form": form,
        },
        status=status,
    )
