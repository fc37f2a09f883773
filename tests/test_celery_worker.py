import os
import subprocess
import sys

import pytest
from celery import Celery

from tests.conftest import ROOT


@pytest.fixture
def worker(redis_url, tmp_path):
    """A real Celery worker of the project's app, on a real Redis broker, configured as in production."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_ENV": "development",
        "CELERY_BROKER_URL": redis_url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
    }
    process = subprocess.Popen(
        [
            sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--concurrency=1",
            "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    yield process
    process.terminate()
    process.wait(timeout=20)


def test_a_task_travels_through_redis_to_a_worker_and_back(worker, redis_url):
    client = Celery("client", broker=redis_url, backend=redis_url)
    result = client.send_task("config.ping")
    # This client is not inside a task. Celery's "inside a task" flag is one global of the process, and tests
    # that run inline tasks in several threads at once (the sign-up burst) can leave it set.
    assert result.get(timeout=60, disable_sync_subtasks=False) == "pong"
    assert result.status == "SUCCESS"
    client.close()
