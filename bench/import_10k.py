"""Volunteer import benchmark: 10 000 valid rows through the same path a front office takes.

Upload (CSV) → the check task → confirmation → the import task, all inline as in the embedded default, on a
throw-away seeded SQLite database (or DATABASE_URL when set). Also times reading the same rows from an XLSX
file, and registering a few hundred people one by one with volunteer_register_assisted for comparison.
Usage: `.venv/bin/python bench/import_10k.py [--rows 10000] [--one-by-one 200]`. Not part of the test suite.
"""

import argparse
import csv
import datetime as dt
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REGION_NAMES = ["KZ-75", "KZ-71", "Алматы", "Astana", "Абай облысы", "Акмолинская область", "kz-79"]
LANGUAGES = ["kk", "ru", "kk, ru", "ru, en", "Kazakh, English", ""]
DIRECTIONS = ["bilim", "saulyq, qamqor", "media", "Біргеміз: Таза әлем", "events; auto", ""]


def rows(count: int, *, today: dt.date, first_phone: int = 0) -> list[list[str]]:
    rng = random.Random(20261128)  # noqa: S311 - test data, not secrets
    out = []
    for number in range(count):
        minor = number % 10 == 0
        born = today.replace(year=today.year - (12 if minor else rng.randint(18, 80)), day=1)
        out.append(
            [
                f"Seitov{number}",
                f"Aibek{number}",
                born.strftime("%d.%m.%Y") if number % 2 else born.isoformat(),
                f"+7 701 {(first_phone + number) // 10000:03d} {(first_phone + number) % 10000:04d}",
                f"volunteer{number}@example.kz" if number % 3 == 0 else "",
                rng.choice(REGION_NAMES),
                "Almaty",
                rng.choice(LANGUAGES),
                rng.choice(DIRECTIONS),
                "Seitova Aigul" if minor else "",
                "8 701 555 11 22" if minor else "",
            ]
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument(
        "--one-by-one", type=int, default=200, help="rows registered one by one, for comparison"
    )
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="bench-import-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["MEDIA_ROOT"] = f"{workdir}/media"
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from volunteers.models import Membership, MembershipRole, Organisation, User, VolunteerProfile
    from volunteers.models.imports import ImportStatus
    from volunteers.models.profile import local_today
    from volunteers.services import imports
    from volunteers.services.registration import volunteer_register_assisted

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed", "--no-demo-accounts", stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"migrate + seed: {time.perf_counter() - started:.1f} s ({connection.vendor})")

    coordinator = User.objects.create_user(email="bench-coordinator@example.kz", password=None)
    organisation = Organisation.objects.get(slug="front-office-kz-75")
    Membership.objects.create(user=coordinator, organisation=organisation, role=MembershipRole.COORDINATOR)
    data = rows(args.rows, today=local_today())
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(imports.TEMPLATE_TITLES[key]["ru"] for key in imports.COLUMNS)
    writer.writerows(data)
    payload = out.getvalue().encode("utf-8-sig")
    print(f"rows: {args.rows}, CSV {len(payload) / 1024 / 1024:.1f} MB")

    def timed(label, action):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            result = action()
        elapsed = time.perf_counter() - start
        print(f"{label:<50}{elapsed:>8.2f} s{len(queries):>8} queries{args.rows / elapsed:>9.0f} rows/s")
        return result

    upload = SimpleUploadedFile("volunteers.csv", payload, "text/csv")
    job = timed(
        "upload + check (task inline)",
        lambda: imports.import_job_create(
            actor=coordinator, organisation=organisation, upload=upload, language="ru"
        ),
    )
    job.refresh_from_db()
    if job.status != ImportStatus.VALID:
        raise SystemExit(f"check: {job.status} {job.errors[:5]}")
    job = timed(
        "confirm + import (task inline)", lambda: imports.import_job_confirm(actor=coordinator, job=job)
    )
    if job.status != ImportStatus.DONE or VolunteerProfile.objects.count() != args.rows:
        raise SystemExit(f"import: {job.status} {job.errors[:5]}")

    # The parts on their own, on a second set of phones (the first set is now taken).
    data = rows(args.rows, today=local_today(), first_phone=args.rows)
    for line in data:
        line[4] = line[4].replace("@", "+2@")
    handle = io.StringIO()
    csv.writer(handle).writerows([imports.COLUMNS, *data])
    sheet = timed(
        "read CSV",
        lambda: imports.sheet_read(handle=io.BytesIO(handle.getvalue().encode()), name="x.csv"),
    )
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    worksheet = workbook.create_sheet()
    worksheet.append(imports.COLUMNS)
    for line in data:
        worksheet.append(line)
    xlsx = io.BytesIO()
    workbook.save(xlsx)
    print(f"XLSX {len(xlsx.getvalue()) / 1024 / 1024:.1f} MB")
    timed(
        "read XLSX (read-only mode)",
        lambda: imports.sheet_read(handle=io.BytesIO(xlsx.getvalue()), name="x.xlsx"),
    )
    clean, _errors = timed(
        "check rows", lambda: imports.rows_validate(organisation=organisation, rows=sheet.rows)
    )

    def write():
        with transaction.atomic():
            return imports._rows_write(actor=coordinator, organisation=organisation, rows=clean)

    timed("write, one transaction (SQLite: the write lock)", write)

    # One by one through the assisted-registration service: a transaction, a claim code hashed with the
    # production password hasher and a dozen queries per person.
    clean, _errors = imports.rows_validate(
        organisation=organisation,
        rows=rows_as_sheet(rows(args.one_by_one, today=local_today(), first_phone=9**6)),
    )
    start = time.perf_counter()
    for row in clean:
        volunteer_register_assisted(
            coordinator=coordinator, organisation=organisation, data=row.data, language="ru",
            guardian_name=row.guardian_name, guardian_phone=row.guardian_phone,
        )  # fmt: skip
    elapsed = time.perf_counter() - start
    print(
        f"volunteer_register_assisted x{len(clean)}: {elapsed:.2f} s, {len(clean) / elapsed:.0f} rows/s "
        f"(10 000 rows: ~{elapsed / len(clean) * 10_000 / 60:.0f} min)"
    )


def rows_as_sheet(data: list[list[str]]) -> list[tuple[int, dict]]:
    from volunteers.services.imports import COLUMNS

    return [(number, dict(zip(COLUMNS, line, strict=True))) for number, line in enumerate(data, start=2)]


if __name__ == "__main__":
    main()
