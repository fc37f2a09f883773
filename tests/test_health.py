import json
import os
import subprocess
import sys

import pytest

from config.celery import app
from tests.conftest import ROOT, free_port

pytestmark = pytest.mark.django_db

_PROBE = """
import django, json
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


def _healthz_in_a_process(**env) -> dict:
    """/healthz in a fresh process configured only by environment variables, as in production."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", _PROBE],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.base",
            "DJANGO_ENV": "development",
            "ALLOWED_HOSTS": "testserver",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "inline"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_not_under_a_language_prefix(client):
    assert client.get("/kk/healthz", follow=True).status_code == 404


def test_healthz_answers_503_when_the_database_is_down():
    port = free_port()  # nothing listens there
    result = _healthz_in_a_process(DATABASE_URL=f"postgres://nobody@127.0.0.1:{port}/nothing")
    assert result == {"status": 503, "body": {"database": "down", "broker": "inline"}}


def test_healthz_checks_a_real_broker(redis_url, tmp_path):
    database = f"sqlite:///{tmp_path / 'health.sqlite3'}"
    up = _healthz_in_a_process(DATABASE_URL=database, CELERY_BROKER_URL=redis_url)
    assert up == {"status": 200, "body": {"database": "ok", "broker": "ok"}}
    dead = f"redis://127.0.0.1:{free_port()}/0"
    down = _healthz_in_a_process(DATABASE_URL=database, CELERY_BROKER_URL=dead)
    assert down == {"status": 503, "body": {"database": "ok", "broker": "down"}}


def test_without_a_broker_tasks_run_inline():
    assert app.conf.task_always_eager is True
    assert app.tasks["config.ping"].delay().get(timeout=5) == "pong"
