"""An annual report made by a real Celery worker, fed through a real Redis, on the test's PostgreSQL database
(a worker in another process cannot see SQLite's in-memory test database): as production does it."""

import datetime as dt
import io
import os
import subprocess
import sys
import time
from decimal import Decimal

import openpyxl
import pytest
from celery import Celery
from django.db import connection

from tests.conftest import ROOT
from volunteers.models import (
    EntryKind,
    EntryStatus,
    LedgerEntry,
    Organisation,
    OrganisationKind,
    Region,
    User,
)
from volunteers.reporting.models import AnnualReport, ReportStatus

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a worker process needs a database it can "
                       "reach: PostgreSQL (.ci/run runs it)"),
]  # fmt: skip


@pytest.fixture
def worker(redis_url):
    settings = connection.settings_dict
    url = (
        f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_ENV": "development",
        "CELERY_BROKER_URL": redis_url,
        "DATABASE_URL": url,
    }
    process = subprocess.Popen(
        [
            sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--concurrency=1",
            "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=WARNING",
        ],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    yield process
    process.terminate()
    process.wait(timeout=30)
    connection.close()  # and the worker's are gone with it: the test database can be dropped


def test_a_worker_prepares_the_report_with_the_books_hours(worker, redis_url, seeded):
    almaty = Region.objects.get(iso_code="KZ-75")
    office = Organisation.objects.get(kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region=almaty)
    volunteer = User.objects.create_user(email="worker-report@example.kz", password=None)
    LedgerEntry.objects.create(
        volunteer=volunteer, kind=EntryKind.SHIFT_HOURS, status=EntryStatus.VERIFIED, hours=Decimal("7.5"),
        occurred_on=dt.date(2025, 4, 12), source="test.worker:1", organisation=office, region=almaty,
    )  # fmt: skip
    report = AnnualReport.objects.create(year=2025, region=almaty, language="ru")
    client = Celery("client", broker=redis_url)
    client.send_task("volunteers.reporting.tasks.report_generate", args=[report.pk])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.status in (ReportStatus.READY, ReportStatus.FAILED):
            break
        time.sleep(0.5)
    client.close()
    assert report.status == ReportStatus.READY, report.error
    assert bytes(report.pdf).startswith(b"%PDF") and bytes(report.xlsx).startswith(b"PK")
    workbook = openpyxl.load_workbook(io.BytesIO(bytes(report.xlsx)), read_only=True)
    cells = [value for sheet in workbook for row in sheet.iter_rows(values_only=True) for value in row]
    assert 7.5 in cells  # the worker refreshed the rollups itself: the entry is in the report
