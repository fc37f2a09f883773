"""Bulk import of volunteers from a CSV or XLSX file that a front office keeps.

The whole file is checked first and nothing is written while any row is wrong; the import then runs in one
transaction and registers everyone as volunteer_register_assisted does (consent given in person to the front
office, recorded by the importing user), with bulk inserts instead of a dozen queries per person.
"""

import codecs
import csv
import datetime as dt
import io
import logging
import re
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from volunteers.audit import audit_log
from volunteers.errors import VolunteerError
from volunteers.models import (
    AuditEntry,
    Channel,
    ConsentMethod,
    ConsentText,
    Direction,
    GuardianConsent,
    ImportJob,
    Membership,
    MembershipRole,
    PersonalDataConsent,
    Region,
    User,
    VolunteerProfile,
)
from volunteers.models.imports import FINISHED_STATUSES, ImportStatus
from volunteers.models.profile import SPOKEN_LANGUAGES, local_today
from volunteers.permissions import organisations_managed_by
from volunteers.phones import phone_normalise
from volunteers.services.registration import VolunteerData, birth_date_check, needs_guardian

logger = logging.getLogger(__name__)

MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_ROWS = 50_000
PROGRESS_EVERY = 500
FILE_KINDS = {".csv": "csv", ".xlsx": "xlsx"}

# --- Columns ------------------------------------------------------------------------------------------------

# The header names the template uses in each language; a file may use any of them (or the key itself), in any
# letter case. They are data, not interface text: a translator's change would break files people already have.
TEMPLATE_TITLES = {
    "last_name": {"kk": "Тегі", "ru": "Фамилия", "en": "Last name"},
    "first_name": {"kk": "Аты", "ru": "Имя", "en": "First name"},
    "date_of_birth": {"kk": "Туған күні", "ru": "Дата рождения", "en": "Date of birth"},
    "phone": {"kk": "Телефон", "ru": "Телефон", "en": "Phone"},
    "email": {"kk": "Электрондық пошта", "ru": "Электронная почта", "en": "E-mail"},
    "region": {"kk": "Облыс", "ru": "Регион", "en": "Region"},
    "city": {"kk": "Қала", "ru": "Город", "en": "City"},
    "languages": {"kk": "Тілдер", "ru": "Языки", "en": "Languages"},
    "directions": {"kk": "Бағыттар", "ru": "Направления", "en": "Directions"},
    "guardian_name": {"kk": "Заңды өкіл", "ru": "Законный представитель", "en": "Guardian name"},
    "guardian_phone": {
        "kk": "Заңды өкілдің телефоны",
        "ru": "Телефон законного представителя",
        "en": "Guardian phone",
    },
}
OTHER_HEADER_NAMES = {
    "last_name": ["surname", "family name", "тек"],
    "first_name": ["given name", "есімі", "есім"],
    "date_of_birth": ["birth date", "birthday", "dob", "туылған күні", "туған күн"],
    "phone": ["phone number", "mobile", "telephone", "номер телефона", "мобильный телефон", "телефон нөмірі"],
    "email": ["email", "email address", "эл почта", "почта", "адрес электронной почты", "эл пошта", "пошта"],
    "region": ["область", "өңір", "аймақ"],
    "city": ["city or district", "town", "locality", "населенный пункт", "елді мекен"],
    "languages": ["languages spoken", "тілдері"],
    "directions": ["directions of interest", "бағыттары"],
    "guardian_name": [
        "guardian",
        "guardians name",
        "представитель",
        "фио законного представителя",
        "заңды өкілі",
    ],
    "guardian_phone": ["guardians phone", "телефон представителя", "заңды өкіл телефоны"],
}
COLUMNS = list(TEMPLATE_TITLES)
REQUIRED_COLUMNS = ["last_name", "first_name", "date_of_birth", "phone"]

COLUMN_LABELS = {
    "last_name": _("Last name"),
    "first_name": _("First name"),
    "date_of_birth": _("Date of birth"),
    "phone": _("Phone"),
    "email": _("E-mail"),
    "region": _("Region"),
    "city": _("City"),
    "languages": _("Languages"),
    "directions": _("Directions"),
    "guardian_name": _("Guardian name"),
    "guardian_phone": _("Guardian phone"),
}
COLUMN_FORMATS = {
    "last_name": _("Text, up to 150 characters."),
    "first_name": _("Text, up to 150 characters."),
    "date_of_birth": _("DD.MM.YYYY or YYYY-MM-DD; in XLSX also a date cell."),
    "phone": _(
        "A Kazakhstan number, for example +7 701 234 56 78 or 8 701 234 56 78; each number only once."
    ),
    "email": _("Optional; each address only once."),
    "region": _(
        "The ISO code (for example KZ-75) or the name in Kazakh, Russian or English. When empty: the "
        "organisation's region."
    ),
    "city": _("Optional, up to 100 characters."),
    "languages": _("Optional; codes or names separated by commas, for example: kk, ru."),
    "directions": _("Optional; codes or names separated by commas (see the list of directions)."),
    "guardian_name": _(
        "Required for volunteers under %(age)s years old: the parent or guardian who gave consent in person."
    ),
    "guardian_phone": _("Optional; the guardian's phone."),
}
MAX_LENGTHS = {"last_name": 150, "first_name": 150, "city": 100, "guardian_name": 150, "email": 254}

MESSAGES = {
    # The file as a whole
    "file_type": _("Upload a CSV or XLSX file."),
    "file_xls": _("Old Excel files (.xls) cannot be read: save the file as .xlsx or CSV."),
    "file_too_large": _("The file is larger than %(max)s MB."),
    "file_unreadable": _("The file could not be read. Save it again as XLSX or as CSV (UTF-8)."),
    "file_encoding": _("The CSV file is not in UTF-8. Save it as “CSV UTF-8”."),
    "file_empty": _("The file has no rows to import."),
    "too_many_rows": _("The file has more than %(max)s rows: split it into several files."),
    "columns_missing": _("Columns are missing: %(columns)s."),
    "column_twice": _("The column “%(title)s” repeats the column “%(other)s”."),
    "failed": _("The import failed and nothing was imported. Try again, or tell an administrator."),
    # One cell
    "required": _("Fill in this cell."),
    "too_long": _("Too long: at most %(max)s characters."),
    "date_invalid": _("Write the date as DD.MM.YYYY or YYYY-MM-DD."),
    "phone_twice": _("The same phone number is in row %(other_row)s."),
    "phone_taken": _("This phone number is already registered."),
    "email_invalid": _("This is not a valid e-mail address."),
    "email_twice": _("The same e-mail address is in row %(other_row)s."),
    "region_unknown": _("Unknown region: write its code (for example KZ-75) or its name."),
    "language_unknown": _("Unknown language: %(value)s."),
    "direction_unknown": _("Unknown direction: %(value)s."),
    "guardian_required": VolunteerError.messages["guardian_in_person_required"],
}


def _header_key(text: str) -> str:
    text = re.sub(r"\(.*?\)", " ", str(text)).casefold().replace("ё", "е").replace("'", "").replace("’", "")
    return " ".join(re.sub(r"[_\-–—./*:]", " ", text).split())


HEADER_NAMES = {
    _header_key(name): column
    for column in COLUMNS
    for name in [column, *TEMPLATE_TITLES[column].values(), *OTHER_HEADER_NAMES[column]]
}


def column_docs() -> list[dict]:
    """What the upload page and the template's help sheet say about each column."""
    return [
        {
            "key": column,
            "label": COLUMN_LABELS[column],
            "required": column in REQUIRED_COLUMNS,
            "names": list(dict.fromkeys([*TEMPLATE_TITLES[column].values(), column])),
            "format": COLUMN_FORMATS[column] % {"age": settings.VOLUNTEERS_GUARDIAN_CONSENT_UNDER},
        }
        for column in COLUMNS
    ]


# --- Errors -------------------------------------------------------------------------------------------------


def _entry(code: str, *, row: int | None = None, column: str = "", **params) -> dict:
    return {"row": row, "column": column, "code": code, "params": params}


class ImportFileError(Exception):
    """The file as a whole cannot be imported (its type, size, header or length)."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(code)

    def entry(self) -> dict:
        return _entry(self.code, **self.params)


class ImportRowsInvalid(Exception):
    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__(f"{len(errors)} errors")


def error_message(entry: dict) -> str:
    """An error entry of a job in the reader's language."""
    params = dict(entry.get("params") or {})
    if "columns" in params:
        params["columns"] = ", ".join(str(COLUMN_LABELS.get(key, key)) for key in params["columns"])
    text = MESSAGES.get(entry["code"]) or VolunteerError.messages.get(entry["code"]) or MESSAGES["failed"]
    return text % params if params else str(text)


# --- Reading the file ---------------------------------------------------------------------------------------


@dataclass
class Sheet:
    columns: dict[str, dict]  # key -> {"title": the file's own header, "letter": "D"}
    ignored: list[str]
    rows: list[tuple[int, dict]]  # (row number as the spreadsheet shows it, {key: raw value})


def file_kind(name: str) -> str:
    suffix = Path(name or "").suffix.lower()
    if suffix == ".xls":
        raise ImportFileError("file_xls")
    if suffix not in FILE_KINDS:
        raise ImportFileError("file_type")
    return FILE_KINDS[suffix]


def upload_check(upload) -> None:
    """The cheap checks the upload form makes before anything is stored: type, size, the first bytes."""
    kind = file_kind(upload.name)
    if upload.size > MAX_FILE_SIZE:
        raise ImportFileError("file_too_large", max=MAX_FILE_SIZE // (1024 * 1024))
    if not upload.size:
        raise ImportFileError("file_empty")
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    if kind == "xlsx" and not head.startswith(b"PK\x03\x04"):
        raise ImportFileError("file_unreadable")
    if kind == "csv":
        if b"\x00" in head:
            raise ImportFileError("file_unreadable")
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        except UnicodeDecodeError:
            raise ImportFileError("file_encoding") from None


def _csv_table(handle) -> Iterator[list]:
    raw = handle.read(MAX_FILE_SIZE + 1)
    if len(raw) > MAX_FILE_SIZE:
        raise ImportFileError("file_too_large", max=MAX_FILE_SIZE // (1024 * 1024))
    if b"\x00" in raw:
        raise ImportFileError("file_unreadable")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError("file_encoding") from None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    # Header names never hold a delimiter, so the header line tells which one the spreadsheet used.
    delimiter = max(";,\t", key=first_line.count) if first_line else ","
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error:
        raise ImportFileError("file_unreadable") from None


def _xlsx_table(handle) -> Iterator[tuple]:
    import openpyxl

    # openpyxl raises many types (zip, XML, its own) for a damaged file or a zip that is not a workbook.
    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception:
        logger.info("unreadable xlsx", exc_info=True)
        raise ImportFileError("file_unreadable") from None
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some programs write a wrong size, and read-only mode would trust it
        yield from sheet.iter_rows(values_only=True)
    except ImportFileError:
        raise
    except Exception:
        logger.info("unreadable xlsx sheet", exc_info=True)
        raise ImportFileError("file_unreadable") from None
    finally:
        workbook.close()


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _header_read(cells, *, organisation) -> tuple[dict[int, str], dict[str, dict], list[str]]:
    """Which column holds what: {cell index: key}, the file's own titles, and the titles we do not know."""
    header: dict[int, str] = {}
    columns: dict[str, dict] = {}
    ignored: list[str] = []
    for index, cell in enumerate(cells):
        if _is_blank(cell):
            continue
        title = " ".join(str(cell).split())
        key = HEADER_NAMES.get(_header_key(title))
        if key is None:
            ignored.append(title)
        elif key in columns:
            raise ImportFileError("column_twice", title=title, other=columns[key]["title"])
        else:
            header[index] = key
            columns[key] = {"title": title, "letter": _letter(index)}
    required = [*REQUIRED_COLUMNS]
    if organisation is None or organisation.region_id is None:
        required.append("region")  # otherwise an empty region is the organisation's
    missing = [key for key in required if key not in columns]
    if missing:
        raise ImportFileError("columns_missing", columns=missing)
    return header, columns, ignored


def sheet_read(*, handle, name: str, organisation=None) -> Sheet:
    """The rows of the first sheet (or the CSV) under the first non-empty row, which must be the header."""
    table = _csv_table(handle) if file_kind(name) == "csv" else _xlsx_table(handle)
    header = None
    rows: list[tuple[int, dict]] = []
    for number, cells in enumerate(table, start=1):
        if all(_is_blank(cell) for cell in cells):
            continue
        if header is None:
            header, columns, ignored = _header_read(cells, organisation=organisation)
            continue
        if len(rows) >= MAX_ROWS:
            raise ImportFileError("too_many_rows", max=MAX_ROWS)
        rows.append((number, {key: cells[index] for index, key in header.items() if index < len(cells)}))
    if not rows:
        raise ImportFileError("file_empty")
    return Sheet(columns=columns, ignored=ignored, rows=rows)


# --- Checking the rows --------------------------------------------------------------------------------------


@dataclass
class ImportRow:
    """One valid row, ready to be written."""

    row: int
    data: VolunteerData
    email: str | None = None
    guardian_name: str = ""
    guardian_phone: str = ""
    needs_guardian: bool = False
    language: str = "kk"


def _name_key(text: str) -> str:
    return " ".join(str(text).casefold().replace("ё", "е").split())


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone typed into a number cell
    return " ".join(str(value).split())


DATE_DMY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    try:
        if match := DATE_DMY.fullmatch(text):
            day, month, year = map(int, match.groups())
            return dt.date(year, month, day)
        if match := DATE_ISO.fullmatch(text):
            year, month, day = map(int, match.groups())
            return dt.date(year, month, day)
    except ValueError:
        return None
    return None


def _split_list(text: str) -> list[str]:
    # Direction names hold commas inside their parentheses ("Bilim (digital, financial ... literacy)").
    parts = re.split(r"[,;](?![^(]*\))", text)
    return [part.strip() for part in parts if part.strip()]


class _Lookups:
    """Regions, directions and languages by code or by name in any of the site's languages."""

    def __init__(self):
        languages = [code for code, _name in settings.LANGUAGES]
        self.regions: dict[str, Region] = {}
        for region in Region.objects.all():
            self.regions[_name_key(region.iso_code)] = region
            for code in languages:
                if region.name.get(code):
                    self.regions.setdefault(_name_key(region.name[code]), region)
        self.directions: dict[str, Direction] = {}
        for direction in Direction.objects.all():
            self.directions[_name_key(direction.slug)] = direction
            for code in languages:
                name = (direction.name.get(code) or "").strip()
                if not name:
                    continue
                short = name.split("(")[0].strip()
                for alias in (name, short, short.split(":")[-1].strip()):
                    self.directions.setdefault(_name_key(alias), direction)
        self.languages: dict[str, str] = {}
        for code, name in SPOKEN_LANGUAGES:
            self.languages[code] = code
            for language in languages:
                with translation.override(language):
                    spoken = _name_key(str(name))
                self.languages.setdefault(spoken, code)
                for suffix in (" тілі", " язык", " language"):
                    self.languages.setdefault(spoken.removesuffix(suffix), code)
        self.site_languages = languages


class _RowChecker:
    """Checks one row after another; remembers the phones and e-mail addresses seen so far in the file."""

    def __init__(self, *, organisation, language: str):
        self.organisation = organisation
        self.language = language
        self.lookups = _Lookups()
        self.today = local_today()
        self.phones: dict[str, int] = {}  # phone -> the row it first appeared in
        self.emails: dict[str, int] = {}

    def check(self, number: int, values: dict) -> tuple[ImportRow | None, list[dict]]:
        errors: list[dict] = []

        def fail(column: str, code: str, **params) -> None:
            errors.append(_entry(code, row=number, column=column, **params))

        texts = {key: _text(values.get(key)) for key in COLUMNS if key != "date_of_birth"}
        for key in ("last_name", "first_name"):
            if not texts[key]:
                fail(key, "required")
        for key, limit in MAX_LENGTHS.items():
            if len(texts[key]) > limit:
                fail(key, "too_long", max=limit)
        date_of_birth, age = self._birth(values.get("date_of_birth"), fail)
        phone = self._phone(number, texts["phone"], fail)
        email = self._email(number, texts["email"], fail)
        region = self._region(texts["region"], fail)
        spoken = self._listed(
            texts["languages"], self.lookups.languages, "languages", "language_unknown", fail
        )
        directions = self._listed(
            texts["directions"], self.lookups.directions, "directions", "direction_unknown", fail
        )
        minor = age is not None and needs_guardian(age)
        guardian_phone = ""
        if minor and not texts["guardian_name"]:
            fail("guardian_name", "guardian_required", age=settings.VOLUNTEERS_GUARDIAN_CONSENT_UNDER)
        if minor and texts["guardian_phone"]:
            try:
                guardian_phone = phone_normalise(texts["guardian_phone"])
            except VolunteerError as error:
                fail("guardian_phone", error.code)
        if errors:
            return None, errors
        data = VolunteerData(
            date_of_birth=date_of_birth,
            region=region,
            first_name=texts["first_name"],
            last_name=texts["last_name"],
            city=texts["city"],
            phone=phone,
            languages=spoken,
            directions=directions,
            preferred_channel=Channel.EMAIL if email else Channel.SMS,
        )
        # Messages go in the first language the person speaks that the site has, else the importer's.
        language = next((code for code in spoken if code in self.lookups.site_languages), self.language)
        row = ImportRow(
            row=number,
            data=data,
            email=email,
            guardian_name=texts["guardian_name"] if minor else "",
            guardian_phone=guardian_phone,
            needs_guardian=minor,
            language=language,
        )
        return row, []

    def _birth(self, value, fail) -> tuple[dt.date | None, int | None]:
        if _is_blank(value):
            fail("date_of_birth", "required")
            return None, None
        date_of_birth = _date(value)
        if date_of_birth is None:
            fail("date_of_birth", "date_invalid")
            return None, None
        try:
            return date_of_birth, birth_date_check(
                date_of_birth=date_of_birth, assisted=True, today=self.today
            )
        except VolunteerError as error:
            fail("date_of_birth", error.code, **error.params)
            return None, None

    def _phone(self, number: int, text: str, fail) -> str | None:
        if not text:
            fail("phone", "required")
            return None
        try:
            phone = phone_normalise(text)
        except VolunteerError as error:
            fail("phone", error.code)
            return None
        if phone in self.phones:
            fail("phone", "phone_twice", other_row=self.phones[phone])
            return None
        self.phones[phone] = number
        return phone

    def _email(self, number: int, text: str, fail) -> str | None:
        email = text.lower()
        if not email:
            return None
        try:
            validate_email(email)
        except ValidationError:
            fail("email", "email_invalid")
            return None
        if email in self.emails:
            fail("email", "email_twice", other_row=self.emails[email])
            return None
        self.emails[email] = number
        return email

    def _region(self, text: str, fail) -> Region | None:
        if not text:
            if self.organisation.region_id is None:
                fail("region", "required")
            return self.organisation.region
        region = self.lookups.regions.get(_name_key(text))
        if region is None:
            fail("region", "region_unknown")
        return region

    @staticmethod
    def _listed(text: str, known: dict, column: str, code: str, fail) -> list:
        found = []
        for item in _split_list(text):
            value = known.get(_name_key(item))
            if value is None:
                fail(column, code, value=item)
            elif value not in found:
                found.append(value)
        return found


def rows_validate(
    *,
    organisation,
    rows: Iterable[tuple[int, dict]],
    language: str = "kk",
    progress: Callable[[int], None] | None = None,
) -> tuple[list[ImportRow], list[dict]]:
    """Every problem of every row, and the clean rows. The database is asked once per batch of phones and
    e-mail addresses (phone_available's rule, without a query per row)."""
    checker = _RowChecker(organisation=organisation, language=language)
    clean: list[ImportRow] = []
    errors: list[dict] = []
    for done, (number, values) in enumerate(rows, start=1):
        row, row_errors = checker.check(number, values)
        if row is not None:
            clean.append(row)
        errors.extend(row_errors)
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
    errors.extend(_taken(phones=checker.phones, emails=checker.emails))
    errors.sort(
        key=lambda entry: (entry["row"] or 0, COLUMNS.index(entry["column"]) if entry["column"] else 0)
    )
    return clean, errors


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _taken(*, phones: dict[str, int], emails: dict[str, int]) -> list[dict]:
    from allauth.account.models import EmailAddress

    errors = []
    for chunk in _chunks(list(phones), 900):
        for phone in VolunteerProfile.objects.filter(phone__in=chunk).values_list("phone", flat=True):
            errors.append(_entry("phone_taken", row=phones[phone], column="phone"))
    for chunk in _chunks(list(emails), 900):
        taken = set(User.objects.filter(email__in=chunk).values_list("email", flat=True))
        taken |= {
            address.lower()
            for address in EmailAddress.objects.filter(email__in=chunk).values_list("email", flat=True)
        }
        for email in sorted(taken & set(emails)):
            errors.append(_entry("email_taken", row=emails[email], column="email"))
    return errors


# --- Writing ------------------------------------------------------------------------------------------------


def _unusable_password() -> str:
    # What make_password(None) stores, at a tenth of its cost (it draws 40 characters one by one).
    return UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30)


def _volunteers_create(*, actor, organisation, rows: list[ImportRow], progress=None) -> int:
    """The records volunteer_register_assisted makes, in batches; the caller owns the transaction."""
    from allauth.account.models import EmailAddress

    text = ConsentText.current()
    if text is None:
        raise VolunteerError("consent_required")
    now = timezone.now()
    through = VolunteerProfile.directions.through
    done = 0
    for chunk in _chunks(rows, PROGRESS_EVERY):
        users = User.objects.bulk_create(
            [
                User(
                    email=row.email,
                    first_name=row.data.first_name,
                    last_name=row.data.last_name,
                    password=_unusable_password(),
                )
                for row in chunk
            ]
        )
        pairs = list(zip(chunk, users, strict=True))
        VolunteerProfile.objects.bulk_create(
            [
                VolunteerProfile(
                    user=user,
                    date_of_birth=row.data.date_of_birth,
                    region=row.data.region,
                    city=row.data.city,
                    phone=row.data.phone,
                    languages=row.data.languages,
                    preferred_channel=row.data.preferred_channel,
                    language=row.language,
                    registered_by=actor,
                )
                for row, user in pairs
            ]
        )
        through.objects.bulk_create(
            [
                through(volunteerprofile_id=user.pk, direction_id=direction.pk)
                for row, user in pairs
                for direction in row.data.directions
            ]
        )
        PersonalDataConsent.objects.bulk_create(
            [
                PersonalDataConsent(
                    user=user,
                    text=text,
                    language=row.language,
                    method=ConsentMethod.IN_PERSON,
                    recorded_by=actor,
                )
                for row, user in pairs
            ]
        )
        GuardianConsent.objects.bulk_create(
            [
                GuardianConsent(
                    profile_id=user.pk,
                    guardian_name=row.guardian_name,
                    guardian_phone=row.guardian_phone,
                    language=row.language,
                    method=ConsentMethod.IN_PERSON,
                    recorded_by=actor,
                    confirmed_at=now,
                    confirmed_name=row.guardian_name,
                )
                for row, user in pairs
                if row.needs_guardian
            ]
        )
        Membership.objects.bulk_create(
            [
                Membership(user=user, organisation=organisation, role=MembershipRole.VOLUNTEER)
                for _row, user in pairs
            ]
        )
        # As account_claim does: the address still has to be verified before it can be used to sign in.
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user=user, email=row.email, primary=True, verified=False)
                for row, user in pairs
                if row.email
            ]
        )
        AuditEntry.objects.bulk_create(
            [
                AuditEntry(
                    actor=actor,
                    action="volunteers.profile.created",
                    subject=user,
                    data={"method": "import", "organisation": organisation.pk},
                )
                for _row, user in pairs
            ]
        )
        done += len(chunk)
        if progress is not None:
            progress(done)
    audit_log(actor=actor, action="volunteers.import.done", organisation=organisation.pk, count=done)
    return done


def _rows_write(*, actor, organisation, rows: list[ImportRow], progress=None) -> int:
    """Inside the caller's transaction: the database may have changed since the rows were checked, so the
    phones and addresses are checked again right before the writes (the unique indexes are the backstop)."""
    taken = _taken(
        phones={row.data.phone: row.row for row in rows},
        emails={row.email: row.row for row in rows if row.email},
    )
    if taken:
        raise ImportRowsInvalid(taken)
    return _volunteers_create(actor=actor, organisation=organisation, rows=rows, progress=progress)


def volunteers_import(
    *, actor, organisation, rows: Iterable[tuple[int, dict]], language: str = "kk", progress=None
) -> int:
    """Check `rows` ((row number, {column: value})) and register everyone, or no one: ImportRowsInvalid
    carries every problem found. Only the writes hold the transaction (on SQLite, the write lock)."""
    clean, errors = rows_validate(organisation=organisation, rows=rows, language=language)
    if errors:
        raise ImportRowsInvalid(errors)
    with transaction.atomic():
        return _rows_write(actor=actor, organisation=organisation, rows=clean, progress=progress)


# --- The job: upload, check, confirm, import ----------------------------------------------------------------


def _may_import(actor, organisation) -> bool:
    return organisations_managed_by(actor).filter(pk=organisation.pk).exists()


@transaction.atomic
def import_job_create(*, actor, organisation, upload, language: str) -> ImportJob:
    if not _may_import(actor, organisation):
        raise PermissionDenied
    upload_check(upload)
    job = ImportJob(
        organisation=organisation, created_by=actor, file_name=upload.name[:255], language=language
    )
    job.file.save(upload.name, upload, save=False)
    job.save()
    audit_log(actor=actor, action="volunteers.import.uploaded", organisation=organisation.pk, job=job.pk)
    from volunteers import tasks_import

    transaction.on_commit(lambda: tasks_import.import_job_validate.delay(job.pk))
    return job


def _progress_key(job_id: int) -> str:
    return f"volunteers:import:{job_id}:progress"


def import_job_progress(job: ImportJob) -> int:
    """Rows done so far. While importing, the count is written inside the import's transaction, which no one
    else sees before the end, so it is also kept in the cache (shared by web and worker with CACHE_URL)."""
    if job.status == ImportStatus.IMPORTING:
        return max(job.processed_rows, cache.get(_progress_key(job.pk)) or 0)
    return job.processed_rows


def _job_finish(job: ImportJob, status: str, errors: list[dict] | None = None) -> ImportJob:
    job.status = status
    fields = ["status", "processed_rows", "imported_count", "finished_at"]
    if errors is not None:
        job.errors = errors[: ImportJob.ERRORS_KEPT]
        job.error_count = len(errors)
        fields += ["errors", "error_count"]
    if status in FINISHED_STATUSES:
        job.finished_at = timezone.now()
        if job.file:
            job.file.delete(save=False)
            fields.append("file")
    job.save(update_fields=fields)
    cache.delete(_progress_key(job.pk))
    return job


def _job_sheet(job: ImportJob) -> Sheet:
    with job.file.open("rb") as handle:
        return sheet_read(handle=handle, name=job.file_name, organisation=job.organisation)


def import_job_validate(*, job: ImportJob) -> ImportJob:
    """Check every row of the uploaded file and keep the problems. Checking writes nothing but the job, so a
    delivery repeated after a worker died half-way simply checks again; one after the end changes nothing."""
    unfinished = (ImportStatus.PENDING, ImportStatus.VALIDATING)
    if not ImportJob.objects.filter(pk=job.pk, status__in=unfinished).update(status=ImportStatus.VALIDATING):
        job.refresh_from_db()
        return job
    job.status = ImportStatus.VALIDATING
    try:
        sheet = _job_sheet(job)
        job.columns, job.ignored_columns, job.total_rows = sheet.columns, sheet.ignored, len(sheet.rows)
        job.save(update_fields=["columns", "ignored_columns", "total_rows"])

        def progress(done: int) -> None:
            job.processed_rows = done
            job.save(update_fields=["processed_rows"])

        _clean, errors = rows_validate(
            organisation=job.organisation, rows=sheet.rows, language=job.language, progress=progress
        )
    except ImportFileError as error:
        return _job_finish(job, ImportStatus.INVALID, [error.entry()])
    except Exception:
        logger.exception("volunteer import %s: checking failed", job.pk)
        return _job_finish(job, ImportStatus.FAILED, [_entry("failed")])
    job.processed_rows = job.total_rows
    return _job_finish(job, ImportStatus.INVALID if errors else ImportStatus.VALID, errors)


def import_job_confirm(*, actor, job: ImportJob) -> ImportJob:
    """The uploader confirms a checked file; a second click finds the job already importing."""
    if job.created_by_id != actor.pk or not _may_import(actor, job.organisation):
        raise PermissionDenied
    with transaction.atomic():
        started = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.VALID).update(
            status=ImportStatus.IMPORTING, processed_rows=0
        )
        if started:
            from volunteers import tasks_import

            transaction.on_commit(lambda: tasks_import.import_job_run.delay(job.pk))
    job.refresh_from_db()
    return job


def import_job_run(*, job: ImportJob) -> ImportJob:
    """Check the file again (the database may have changed since) and import it in one transaction; the job's
    new status is committed with the volunteers, so a repeated delivery finds it done."""
    job.refresh_from_db()
    if job.status != ImportStatus.IMPORTING:
        return job

    def progress(done: int) -> None:
        job.processed_rows = done
        job.save(update_fields=["processed_rows"])
        cache.set(_progress_key(job.pk), done, 3600)

    try:
        sheet = _job_sheet(job)
        clean, errors = rows_validate(organisation=job.organisation, rows=sheet.rows, language=job.language)
        if errors:
            raise ImportRowsInvalid(errors)
        with transaction.atomic():
            if not ImportJob.objects.select_for_update().filter(pk=job.pk, status=ImportStatus.IMPORTING):
                job.refresh_from_db()
                return job
            job.imported_count = _rows_write(
                actor=job.created_by, organisation=job.organisation, rows=clean, progress=progress
            )
            job.processed_rows = job.total_rows
            _job_finish(job, ImportStatus.DONE, [])
    except ImportRowsInvalid as invalid:
        job.processed_rows = 0
        return _job_finish(job, ImportStatus.INVALID, invalid.errors)
    except ImportFileError as error:
        return _job_finish(job, ImportStatus.INVALID, [error.entry()])
    except Exception:
        # IntegrityError too: someone took a phone or an address between the re-check and the write.
        logger.exception("volunteer import %s failed", job.pk)
        job.processed_rows = 0
        job.imported_count = 0
        return _job_finish(job, ImportStatus.FAILED, [_entry("failed")])
    return job


# --- The template file --------------------------------------------------------------------------------------


def template_csv(*, language: str) -> bytes:
    """The header row in the given language; with a BOM and semicolons, as Excel in Kazakhstan expects."""
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerow([TEMPLATE_TITLES[key][language] for key in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(*, language: str) -> bytes:
    """The header row on the first sheet; the columns, regions and directions explained on the next ones."""
    import openpyxl
    from openpyxl.styles import Font

    bold = Font(bold=True)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = str(_("Volunteers"))[:31]
    sheet.append([TEMPLATE_TITLES[key][language] for key in COLUMNS])
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    for index, key in enumerate(COLUMNS):
        sheet.column_dimensions[_letter(index)].width = max(14, len(TEMPLATE_TITLES[key][language]) + 4)
        if key in ("date_of_birth", "phone", "guardian_phone"):
            # Text cells keep a leading + or 0 and stop Excel from turning numbers into dates.
            for row in range(2, 1002):
                sheet.cell(row=row, column=index + 1).number_format = "@"

    help_sheet = workbook.create_sheet(str(_("Columns"))[:31])
    help_sheet.append(
        [str(_("Column")), str(_("Required")), str(_("Header names accepted")), str(_("Format"))]
    )
    for doc in column_docs():
        help_sheet.append(
            [
                str(doc["label"]),
                str(_("yes") if doc["required"] else _("no")),
                ", ".join(doc["names"]),
                doc["format"],
            ]
        )
    regions = workbook.create_sheet(str(_("Regions"))[:31])
    regions.append([str(_("Code")), str(_("Region"))])
    for region in Region.objects.order_by("iso_code"):
        regions.append([region.iso_code, region.name.in_language(language)])
    directions = workbook.create_sheet(str(_("Directions"))[:31])
    directions.append([str(_("Code")), str(_("Direction"))])
    for direction in Direction.objects.all():
        directions.append([direction.slug, direction.name.in_language(language)])
    for extra in (help_sheet, regions, directions):
        for cell in extra[1]:
            cell.font = bold
        extra.column_dimensions["A"].width = 22
        extra.column_dimensions["B"].width = 60
    help_sheet.column_dimensions["C"].width = 60
    help_sheet.column_dimensions["D"].width = 80
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
