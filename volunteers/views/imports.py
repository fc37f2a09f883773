"""Importing volunteers from a spreadsheet: upload, the job's page (progress, errors, confirmation), the
template file."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from volunteers.forms_import import ImportUploadForm
from volunteers.models import Direction, ImportJob, Region
from volunteers.models.imports import ImportStatus
from volunteers.permissions import organisations_managed_by
from volunteers.services.imports import (
    COLUMN_LABELS,
    column_docs,
    error_message,
    import_job_confirm,
    import_job_create,
    import_job_progress,
    template_csv,
    template_xlsx,
)


def importer_required(view):
    """Admins, and coordinators or managers of an organisation; anonymous visitors go to the login."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not organisations_managed_by(request.user).exists():
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


@importer_required
def import_new(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        job = import_job_create(
            actor=request.user,
            organisation=form.cleaned_data["organisation"],
            upload=form.cleaned_data["file"],
            language=get_language(),
        )
        return redirect("import_job", pk=job.pk)
    jobs = ImportJob.objects.filter(created_by=request.user).select_related("organisation")[:10]
    return render(
        request,
        "volunteers/imports/new.html",
        {
            "form": form,
            "jobs": jobs,
            "columns": column_docs(),
            "regions": Region.objects.order_by("iso_code"),
            "directions": Direction.objects.all(),
        },
    )


def _error_rows(job: ImportJob) -> list[dict]:
    rows = []
    for entry in job.errors:
        column = entry.get("column") or ""
        own = job.columns.get(column, {})
        rows.append(
            {
                "row": entry.get("row"),
                "column": own.get("title") or COLUMN_LABELS.get(column, ""),
                "letter": own.get("letter", ""),
                "message": error_message(entry),
            }
        )
    return rows


@never_cache
@login_required
def import_job(request, pk):
    job = get_object_or_404(ImportJob.objects.visible_to(request.user).select_related("organisation"), pk=pk)
    return render(
        request,
        "volunteers/imports/job.html",
        {
            "job": job,
            "progress": import_job_progress(job),
            "errors": _error_rows(job),
            "may_confirm": job.status == ImportStatus.VALID and job.created_by_id == request.user.pk,
        },
    )


@require_POST
@login_required
def import_confirm(request, pk):
    job = get_object_or_404(ImportJob.objects.visible_to(request.user).select_related("organisation"), pk=pk)
    import_job_confirm(actor=request.user, job=job)
    return redirect("import_job", pk=job.pk)


TEMPLATE_TYPES = {
    "csv": ("text/csv; charset=utf-8", template_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template_xlsx),
}


@importer_required
def import_template(request, kind):
    if kind not in TEMPLATE_TYPES:
        raise Http404
    content_type, build = TEMPLATE_TYPES[kind]
    response = HttpResponse(build(language=get_language()), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="volunteers-import-{get_language()}.{kind}"'
    return response
