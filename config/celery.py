import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="config.ping", acks_late=True)
def ping() -> str:
    """The smallest real round trip through the broker; used by the health checks and tests."""
    return "pong"
