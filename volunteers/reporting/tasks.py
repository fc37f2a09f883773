from celery import shared_task

from volunteers.reporting.services import rollups


@shared_task(acks_late=True, soft_time_limit=9 * 60, time_limit=10 * 60)
def rollups_refresh() -> dict:
    """Every 10 minutes (Celery beat "reporting-rollups-refresh"): add the volunteer book's new entries to the
    figures' rollups. Harmless when repeated or run twice at once (each batch locks the rollups' state);
    a run cut short by the time limit keeps the batches it committed, and the next one goes on from there."""
    return rollups.rollups_refresh()


@shared_task(acks_late=True, soft_time_limit=10 * 60, time_limit=11 * 60)
def report_generate(report_id: int) -> str:
    """Prepare a queued annual report (XLSX and PDF). A repeated delivery finds it no longer queued and does
    nothing; a report cut short by the time limit is marked failed by the service (it catches the soft
    limit's exception), and the reader asks again."""
    from volunteers.reporting.services.reports import report_generate as generate

    return generate(report_id=report_id)


@shared_task(acks_late=True, soft_time_limit=9 * 60, time_limit=10 * 60)
def figures_warm() -> int:
    """Every 10 minutes (Celery beat "reporting-figures-warm", after the rollups' refresh): compute the
    dashboards most readers open first — this year, the country and each region, in the three languages — so
    that no reader waits for them."""
    from volunteers.reporting import figures

    return figures.dashboard_warm(figures.default_queries())
