"""The import's two steps run here, off the request: with no broker they run inline, in the request."""

from celery import shared_task

# A 50 000-row file takes well under the project's 14-minute soft limit; the services mark the job failed on
# any error, so nothing is retried (a retry after a partial run could not know what happened).


@shared_task(acks_late=True)
def import_job_validate(job_id: int) -> str:
    from volunteers.models import ImportJob
    from volunteers.services.imports import import_job_validate as validate

    job = ImportJob.objects.filter(pk=job_id).first()
    return validate(job=job).status if job else "missing"


@shared_task(acks_late=True)
def import_job_run(job_id: int) -> str:
    from volunteers.models import ImportJob
    from volunteers.services.imports import import_job_run as run

    job = ImportJob.objects.filter(pk=job_id).select_related("organisation", "created_by").first()
    return run(job=job).status if job else "missing"
