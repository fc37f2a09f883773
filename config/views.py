import logging

from django.conf import settings
from django.db import connections
from django.http import JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("healthz: the database does not answer")
        return False


def _broker_state() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "inline"
    from config.celery import app

    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, timeout=settings.HEALTHZ_BROKER_TIMEOUT)
    except Exception:
        logger.exception("healthz: the broker does not answer")
        return "down"
    return "ok"


@never_cache
@require_GET
def healthz(request):
    database = "ok" if _database_ok() else "down"
    broker = _broker_state()
    healthy = database == "ok" and broker != "down"
    return JsonResponse({"database": database, "broker": broker}, status=200 if healthy else 503)


def favicon(request):
    return redirect(static("img/favicon.svg"), permanent=True)
