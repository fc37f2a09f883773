import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from volunteers.models import (
    AuditEntry,
    ConsentMethod,
    GuardianConsent,
    ImportJob,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    PersonalDataConsent,
    Region,
    User,
    VolunteerProfile,
)
from volunteers.models.imports import ImportStatus
from volunteers.services import imports
from volunteers.services.reference import consent_text_ensure, front_offices_ensure
from volunteers.services.registration import VolunteerData, volunteer_register_assisted

pytestmark = pytest.mark.django_db

NEW = "/en/coordinator/imports/new/"
HEADER = ["last_name", "first_name", "date_of_birth", "phone", "email", "region", "city", "languages",
          "directions", "guardian_name", "guardian_phone"]  # fmt: skip


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(dt.datetime(2026, 6, 15, 12, tzinfo=ZoneInfo("Asia/Almaty")), tick=False):
        yield


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(seeded, user_factory):
    consent_text_ensure()
    front_offices_ensure()
    almaty = Region.objects.get(iso_code="KZ-75")
    front_office = Organisation.objects.get(kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region=almaty)
    coordinator = user_factory(email="fo@example.kz")
    Membership.objects.create(user=coordinator, organisation=front_office, role=MembershipRole.COORDINATOR)
    other = user_factory(email="other@example.kz")
    Membership.objects.create(user=other, organisation=front_office, role=MembershipRole.COORDINATOR)
    return {"almaty": almaty, "front_office": front_office, "coordinator": coordinator, "other": other}


def row(number: int, **values) -> list:
    base = {
        "last_name": "Seitov",
        "first_name": f"Aibek {number}",
        "date_of_birth": "01.05.1990",
        "phone": f"+7 701 {number // 10000:03d} {number % 10000:04d}",
        "region": "KZ-75",
    }
    base.update(values)
    return [base.get(key, "") for key in HEADER]


def csv_file(rows, *, header=HEADER, delimiter=",", bom=False, name="volunteers.csv") -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode("utf-8-sig" if bom else "utf-8"), "text/csv")


def xlsx_file(rows, *, header=HEADER, name="volunteers.xlsx") -> SimpleUploadedFile:
    workbook = openpyxl.Workbook()
    workbook.active.append(header)
    for values in rows:
        workbook.active.append(values)
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile(name, out.getvalue())


@pytest.fixture
def upload(client, world, django_capture_on_commit_callbacks):
    """Upload as the front office's coordinator; the check runs inline, as in the embedded default."""
    client.force_login(world["coordinator"])

    def send(file, organisation=None):
        organisation = organisation or world["front_office"]
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(NEW, {"organisation": organisation.pk, "file": file})
        assert response.status_code == 302, response.content.decode()[:2000]
        return ImportJob.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))

    return send


@pytest.fixture
def confirm(client, django_capture_on_commit_callbacks):
    def send(job):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/en/coordinator/imports/{job.pk}/confirm/")
        assert response.status_code == 302
        job.refresh_from_db()
        return job

    return send


def page(client, job) -> str:
    response = client.get(f"/en/coordinator/imports/{job.pk}/")
    assert response.status_code == 200
    return response.content.decode()


# --- A clean file -------------------------------------------------------------------------------------------


def test_a_clean_csv_is_checked_then_imported_with_consents_and_memberships(client, world, upload, confirm):
    rows = [
        row(1, email="Dana@Example.kz", languages="ru, Kazakh", directions="bilim, Медиаволонтёрство"),
        row(2, date_of_birth="2014-03-10", guardian_name="Seitova Aigul", guardian_phone="8 701 555 11 22"),
        row(3, region="Алматы", city="Almaty"),
    ]
    job = upload(csv_file(rows))

    assert job.status == ImportStatus.VALID
    assert job.total_rows == 3
    assert not VolunteerProfile.objects.exists()  # checked, not imported yet
    assert "Import the volunteers" in page(client, job)

    job = confirm(job)
    assert job.status == ImportStatus.DONE
    assert job.imported_count == 3
    assert not job.file  # the personal data in the file is not kept once imported
    coordinator, front_office = world["coordinator"], world["front_office"]
    profiles = VolunteerProfile.objects.select_related("user").order_by("user__first_name")
    assert [p.user.first_name for p in profiles] == ["Aibek 1", "Aibek 2", "Aibek 3"]
    for profile in profiles:
        assert profile.registered_by == coordinator
        assert profile.region == world["almaty"]
        consent = PersonalDataConsent.objects.get(user=profile.user)
        assert consent.method == ConsentMethod.IN_PERSON
        assert consent.recorded_by == coordinator
        assert Membership.objects.get(user=profile.user).organisation == front_office
        assert not profile.user.has_usable_password()
    first, minor, third = profiles
    assert first.user.email == "dana@example.kz"
    assert EmailAddress.objects.get(user=first.user).verified is False
    assert first.languages == ["ru", "kk"]
    assert first.language == "ru"
    assert sorted(first.directions.values_list("slug", flat=True)) == ["bilim", "media"]
    assert minor.user.email is None
    guardian = GuardianConsent.objects.get(profile=minor)
    assert guardian.method == ConsentMethod.IN_PERSON
    assert guardian.confirmed_at is not None
    assert guardian.guardian_name == "Seitova Aigul"
    assert guardian.guardian_phone == "+77015551122"
    assert not GuardianConsent.objects.filter(profile__in=[first, third]).exists()
    assert AuditEntry.objects.filter(action="volunteers.profile.created", actor=coordinator).count() == 3
    assert "Volunteers imported: 3." in page(client, job)


def test_an_xlsx_with_date_cells_and_phone_numbers_as_numbers_imports(client, world, upload, confirm):
    date_cell = dt.date(1995, 2, 28)  # openpyxl writes it as a date cell and reads it back as a datetime
    rows = [
        ["Omarova", "Aruzhan", date_cell, 77012345678, "", "Almaty", "", "kk", "", "", ""],
        ["Ivanov", "Pavel", "1988-11-30", "87012345679", "pavel@example.kz", "KZ-75", "", "", "", "", ""],
    ]
    job = confirm(upload(xlsx_file(rows)))
    assert job.status == ImportStatus.DONE
    assert set(VolunteerProfile.objects.values_list("phone", flat=True)) == {"+77012345678", "+77012345679"}
    assert VolunteerProfile.objects.get(phone="+77012345678").date_of_birth == dt.date(1995, 2, 28)


@pytest.mark.parametrize(
    "header, delimiter, bom",
    [
        (
            [
                "Тегі",
                "Аты",
                "Туған күні",
                "Телефон",
                "Электрондық пошта",
                "Облыс",
                "Қала",
                "Тілдер",
                "Бағыттар",
                "Заңды өкіл",
                "Заңды өкілдің телефоны",
            ],
            ";",
            True,
        ),  # fmt: skip
        (
            [
                "ФАМИЛИЯ",
                "Имя",
                "Дата рождения",
                "Телефон",
                "Эл. почта",
                "Регион",
                "Город",
                "Языки",
                "Направления",
                "Законный представитель",
                "Телефон законного представителя",
            ],
            ";",
            False,
        ),  # fmt: skip
        (
            [
                "Last name",
                "First name",
                "Date of birth",
                "Phone",
                "E-mail",
                "Region",
                "City",
                "Languages",
                "Directions",
                "Guardian name",
                "Guardian phone",
            ],
            ",",
            True,
        ),  # fmt: skip
    ],
    ids=["kk", "ru", "en"],
)
def test_header_names_in_kazakh_russian_or_english(client, world, upload, confirm, header, delimiter, bom):
    rows = [row(1, city="Алматы; Медеу"), row(2, directions="Біргеміз: Білім; taza-alem")]
    job = upload(csv_file(rows, header=header, delimiter=delimiter, bom=bom))
    assert job.status == ImportStatus.VALID, job.errors
    assert confirm(job).imported_count == 2


def test_the_template_files_list_the_columns_and_come_back_clean(client, world, upload, confirm):
    client.force_login(world["coordinator"])
    response = client.get("/ru/coordinator/imports/template.csv")
    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").startswith("Фамилия;Имя;Дата рождения;Телефон")
    response = client.get("/kk/coordinator/imports/template.xlsx")
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert [cell.value for cell in workbook.worksheets[0][1]][:2] == ["Тегі", "Аты"]
    assert len(workbook.worksheets) == 4  # the columns explained, the regions, the directions
    workbook.worksheets[0].append(["Seitov", "Aibek", "01.05.1990", "+7 701 000 0001", "", "KZ-75"])
    out = io.BytesIO()
    workbook.save(out)
    assert confirm(upload(SimpleUploadedFile("filled.xlsx", out.getvalue()))).imported_count == 1


# --- Mistakes: nothing is imported --------------------------------------------------------------------------


def test_one_bad_row_among_many_imports_nothing_and_names_the_row_and_column(client, world, upload, confirm):
    rows = [row(number) for number in range(1, 1201)]
    rows[799] = row(800, date_of_birth="31.02.1990")  # file row 801: the header is row 1
    header = ["Фамилия", "Имя", "Дата рождения", *HEADER[3:]]
    job = upload(csv_file(rows, header=header))

    assert job.status == ImportStatus.INVALID
    assert job.total_rows == 1200
    assert job.processed_rows == 1200
    assert job.errors == [
        {"row": 801, "column": "date_of_birth", "code": "date_invalid", "params": {}},
    ]
    html = page(client, job)
    assert "Nothing was imported" in html
    assert "<td>801</td>" in html
    assert "Дата рождения (C)" in html
    assert "Write the date as DD.MM.YYYY or YYYY-MM-DD." in html
    assert "Import the volunteers" not in html
    assert confirm(job).status == ImportStatus.INVALID  # a confirmation of an invalid file does nothing
    assert not User.objects.filter(profile__isnull=False).exists()


def test_every_rule_of_a_row_is_reported(client, world, upload):
    rows = [
        row(1, first_name="", date_of_birth="2030-01-01"),
        row(2, phone="12345", email="not an address"),
        row(3, date_of_birth="10.10.2015"),  # a child without the guardian's name
        row(4, languages="kk, Klingon", directions="bilim, knitting"),
        row(5, date_of_birth="01.01.1850", city="x" * 101),
    ]
    job = upload(csv_file(rows))
    found = {(e["row"], e["column"], e["code"]) for e in job.errors}
    assert found == {
        (2, "first_name", "required"),
        (2, "date_of_birth", "birth_date_future"),
        (3, "phone", "phone_invalid"),
        (3, "email", "email_invalid"),
        (4, "guardian_name", "guardian_required"),
        (5, "languages", "language_unknown"),
        (5, "directions", "direction_unknown"),
        (6, "date_of_birth", "birth_date_too_old"),
        (6, "city", "too_long"),
    }
    html = page(client, job)
    assert "Unknown language: Klingon." in html
    assert "Check the date of birth: the age comes out above 120 years." in html


def test_a_phone_twice_in_the_file_names_both_rows(client, world, upload):
    rows = [
        row(1),
        row(2),
        row(3, phone="8 (701) 000-00-01"),
        row(4, email="a@example.kz"),
        row(5, email="A@example.kz"),
    ]
    job = upload(csv_file(rows))
    assert job.status == ImportStatus.INVALID
    assert [(e["row"], e["column"], e["code"], e["params"]) for e in job.errors] == [
        (4, "phone", "phone_twice", {"other_row": 2}),
        (6, "email", "email_twice", {"other_row": 5}),
    ]
    assert "The same phone number is in row 2." in page(client, job)


def test_phones_and_addresses_already_registered_are_refused(client, world, upload, user_factory):
    user_factory(email="taken@example.kz")
    volunteer_register_assisted(
        coordinator=world["coordinator"],
        organisation=world["front_office"],
        data=VolunteerData(date_of_birth=dt.date(1990, 1, 1), region=world["almaty"], phone="+77010000002"),
        language="kk",
    )
    job = upload(csv_file([row(1, email="TAKEN@example.kz"), row(2)]))
    assert [(e["row"], e["code"]) for e in job.errors] == [(2, "email_taken"), (3, "phone_taken")]


def test_a_region_that_does_not_exist(client, world, upload, user_factory):
    job = upload(csv_file([row(1, region="KZ-99"), row(2, region="Narnia"), row(3, region="Алматы облысы")]))
    assert [(e["row"], e["column"], e["code"]) for e in job.errors] == [
        (2, "region", "region_unknown"),
        (3, "region", "region_unknown"),
    ]
    assert "Unknown region" in page(client, job)


def test_an_empty_region_is_the_organisations_and_required_for_the_republican_office(client, world, upload):
    republican = Organisation.objects.get(kind=OrganisationKind.REPUBLICAN_FRONT_OFFICE)
    Membership.objects.create(user=world["coordinator"], organisation=republican, role=MembershipRole.MANAGER)
    assert upload(csv_file([row(1, region="")])).status == ImportStatus.VALID
    job = upload(csv_file([row(1, region="")]), organisation=republican)
    assert [(e["row"], e["code"]) for e in job.errors] == [(2, "required")]
    no_region_column = csv_file([row(1)[:4]], header=HEADER[:4])
    job = upload(no_region_column, organisation=republican)
    assert job.errors == [
        {"row": None, "column": "", "code": "columns_missing", "params": {"columns": ["region"]}}
    ]
    assert "Columns are missing: Region." in page(client, job)


@pytest.mark.parametrize(
    "file, message",
    [
        (SimpleUploadedFile("list.pdf", b"%PDF-1.4 ..."), "Upload a CSV or XLSX file."),
        (SimpleUploadedFile("list.xls", b"\xd0\xcf\x11\xe0"), "Old Excel files (.xls) cannot be read"),
        (SimpleUploadedFile("list.xlsx", b"last_name,first_name\n"), "The file could not be read."),
        (SimpleUploadedFile("list.csv", b"\x89PNG\r\n\x1a\n\x00\x00"), "The file could not be read."),
        (SimpleUploadedFile("list.csv", "Фамилия;Имя".encode("cp1251")), "The CSV file is not in UTF-8."),
        (SimpleUploadedFile("list.csv", b""), "The submitted file is empty."),
    ],
    ids=["pdf", "xls", "fake-xlsx", "binary-csv", "cp1251", "empty"],
)
def test_a_file_that_is_neither_csv_nor_xlsx_is_refused_next_to_the_field(client, world, file, message):
    client.force_login(world["coordinator"])
    response = client.post(NEW, {"organisation": world["front_office"].pk, "file": file})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_large_file_is_refused(client, world, monkeypatch):
    monkeypatch.setattr(imports, "MAX_FILE_SIZE", 100)
    client.force_login(world["coordinator"])
    response = client.post(
        NEW, {"organisation": world["front_office"].pk, "file": csv_file([row(n) for n in range(9)])}
    )
    assert "The file is larger than 0 MB." in response.content.decode()
    assert not ImportJob.objects.exists()


def test_too_many_rows_and_a_broken_xlsx_end_as_a_clear_message(client, world, upload, monkeypatch):
    monkeypatch.setattr(imports, "MAX_ROWS", 3)
    job = upload(csv_file([row(n) for n in range(1, 5)]))
    assert job.status == ImportStatus.INVALID
    assert "The file has more than 3 rows: split it into several files." in page(client, job)
    broken = SimpleUploadedFile("broken.xlsx", b"PK\x03\x04" + b"\x00" * 100)
    job = upload(broken)
    assert job.status == ImportStatus.INVALID
    assert "The file could not be read." in page(client, job)
    assert not job.file


def test_a_file_with_a_header_only_or_a_column_twice(client, world, upload):
    assert upload(csv_file([])).errors[0]["code"] == "file_empty"
    job = upload(csv_file([row(1) + ["x"]], header=[*HEADER, "Телефон"]))
    assert job.errors[0]["code"] == "column_twice"
    assert "The column “Телефон” repeats the column “phone”." in page(client, job)


def test_unknown_columns_are_left_out_and_shown(client, world, upload):
    job = upload(csv_file([row(1) + ["7"]], header=[*HEADER, "№"]))
    assert job.status == ImportStatus.VALID
    assert job.ignored_columns == ["№"]
    assert "Columns left out: №" in page(client, job)


# --- The job: confirmation, repetition, the database changing in between ---------------------------------


def test_a_phone_registered_between_the_check_and_the_import_imports_nothing(client, world, upload, confirm):
    job = upload(csv_file([row(1), row(2)]))
    assert job.status == ImportStatus.VALID
    volunteer_register_assisted(
        coordinator=world["other"],
        organisation=world["front_office"],
        data=VolunteerData(date_of_birth=dt.date(1990, 1, 1), region=world["almaty"], phone="+77010000002"),
        language="kk",
    )
    job = confirm(job)
    assert job.status == ImportStatus.INVALID
    assert [(e["row"], e["code"]) for e in job.errors] == [(3, "phone_taken")]
    assert VolunteerProfile.objects.count() == 1


def test_confirming_twice_imports_once(client, world, upload, confirm):
    job = upload(csv_file([row(1)]))
    confirm(job)
    assert confirm(job).status == ImportStatus.DONE
    assert VolunteerProfile.objects.count() == 1
    assert imports.import_job_run(job=job).status == ImportStatus.DONE  # a repeated task delivery
    assert VolunteerProfile.objects.count() == 1


def test_a_failure_during_the_import_leaves_nothing_behind(client, world, upload, confirm, monkeypatch):
    job = upload(csv_file([row(1), row(2)]))

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports.AuditEntry.objects, "bulk_create", broken)
    job = confirm(job)
    assert job.status == ImportStatus.FAILED
    assert not User.objects.filter(first_name__startswith="Aibek").exists()
    assert "The import failed and nothing was imported." in page(client, job)


def test_a_running_job_refreshes_itself_and_shows_its_progress(client, world):
    job = ImportJob.objects.create(
        organisation=world["front_office"],
        created_by=world["coordinator"],
        file_name="big.csv",
        status=ImportStatus.VALIDATING,
        total_rows=10000,
        processed_rows=3500,
    )
    client.force_login(world["coordinator"])
    html = page(client, job)
    assert '<meta http-equiv="refresh" content="2">' in html
    assert '<progress id="import-progress" max="10000" value="3500">' in html
    assert "Rows checked: 3500 of 10000" in html
    job.status = ImportStatus.VALID
    job.save()
    assert "http-equiv" not in page(client, job)


# --- Who may import and see a job ------------------------------------------------------------------------


def test_someone_elses_job_is_404_but_an_admin_sees_it(client, world, upload, user_factory):
    job = upload(csv_file([row(1)]))
    client.force_login(world["other"])  # a coordinator of the same organisation
    assert client.get(f"/en/coordinator/imports/{job.pk}/").status_code == 404
    assert client.post(f"/en/coordinator/imports/{job.pk}/confirm/").status_code == 404
    job.refresh_from_db()
    assert job.status == ImportStatus.VALID
    admin = user_factory(email="admin@example.kz", is_superuser=True, is_staff=True)
    client.force_login(admin)
    html = page(client, job)
    assert "volunteers.csv" in html
    assert "Import the volunteers" not in html  # only the uploader confirms


def test_a_volunteer_cannot_open_the_upload_page(client, world, user_factory):
    volunteer = user_factory(email="vol@example.kz")
    client.force_login(volunteer)
    assert client.get(NEW).status_code == 403
    assert client.get("/en/coordinator/imports/template.xlsx").status_code == 403
    assert client.post(NEW, {"file": csv_file([row(1)])}).status_code == 403
    client.logout()
    response = client.get(NEW)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_coordinator_imports_only_into_their_own_organisations(client, world):
    elsewhere = Organisation.objects.get(
        kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region__iso_code="KZ-71"
    )
    client.force_login(world["coordinator"])
    html = client.get(NEW).content.decode()
    assert str(world["front_office"]) in html
    assert str(elsewhere) not in html
    response = client.post(NEW, {"organisation": elsewhere.pk, "file": csv_file([row(1)])})
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not ImportJob.objects.exists()
    assert not default_storage.exists("imports")
