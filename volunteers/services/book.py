"""One volunteer's book as they and the documents issued from it show it: totals, by year, by direction and by
month, the entries, and the transcript and stage letter issued with a snapshot of those figures.

The figures are counted by the same rules as the stages (volunteers/services/stages.py): the entries of one
source are tallied together (corrections and revocations applied), and a source goes to the year, month and
direction of the fact it records. So the totals here are the figures the stages are decided on, and the rows
of a table add up to them (except events, counted once in each row an event's shifts fall in)."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from config.errors import DomainError
from config.i18n import language_codes
from volunteers.models import (
    BookDocument,
    BookDocumentKind,
    Direction,
    EntryStatus,
    LedgerEntry,
    StageStanding,
    User,
)
from volunteers.services.privacy import export_section, on_erase
from volunteers.services.stages import (
    ENTRY_FIELDS,
    HOUR_KINDS,
    Figures,
    course_titles,
    entries_counted,
    figures_tally,
    stage_history,
)


class BookError(DomainError):
    messages = {
        "kind_unknown": _("Choose the document to issue: the transcript or the stage certificate."),
        "no_stage": _(
            "The stage certificate comes with your first stage of Volunteer zholy, and you have not reached "
            "one yet. The transcript of your book can be issued at any time."
        ),
    }


# --- Figures ------------------------------------------------------------------------------------------------


@dataclass
class Row:
    """One row of a table of the book: what the sources of a year, a month or a direction add up to."""

    hours: Decimal = Decimal(0)
    events: int = 0
    courses: int = 0
    mentoring_hours: Decimal = Decimal(0)

    @classmethod
    def of(cls, figures: Figures) -> "Row":
        return cls(figures.hours, figures.events, len(figures.courses), figures.mentoring_hours)


@dataclass
class YearRow(Row):
    year: int = 0


@dataclass
class DirectionRow(Row):
    direction: Direction | None = None


@dataclass
class BookSummary:
    figures: Figures
    years: list[YearRow] = field(default_factory=list)  # newest first
    directions: list[DirectionRow] = field(default_factory=list)  # most hours first; None (no direction) last
    months: dict[int, list[Decimal]] = field(default_factory=dict)  # year → hours in each of its 12 months

    @property
    def totals(self) -> Row:
        return Row.of(self.figures)

    def year_months(self, year: int) -> list[Decimal]:
        return self.months.get(year) or [Decimal(0)] * 12


# The stages' own tally (volunteers/services/stages.py) groups rows by their first field, the volunteer: fed
# rows whose first field is a year, a month or a direction instead, it counts each of those by the same rules.
KIND, STATUS, HOURS, DAY, SOURCE = (
    ENTRY_FIELDS.index(name) for name in ("kind", "status", "hours", "occurred_on", "source")
)
TOTAL = ("total",)


def _source_day(rows: list[tuple]) -> dt.date | None:
    """The day of the fact a source records: its first entry that credits hours or states a fact."""
    days = [
        row[DAY]
        for row in rows
        if row[STATUS] == EntryStatus.VERIFIED and (row[HOURS] > 0 or row[KIND] not in HOUR_KINDS)
    ]
    return min(days) if days else None


def book_summary(*, volunteer) -> BookSummary:
    """The volunteer's figures, by year, by direction and by month: two queries however long the book."""
    rows = list(
        entries_counted(volunteer_id=volunteer.pk).order_by("pk").values_list(*ENTRY_FIELDS, "direction_id")
    )
    sources: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        sources[row[SOURCE]].append(row)
    keys = {}
    for name, entries in sources.items():
        day = _source_day(entries)
        direction_id = next((row[-1] for row in entries if row[-1] is not None), None)
        keys[name] = [TOTAL]
        if day is not None:  # nothing was ever credited: it counts nowhere
            keys[name] += [("year", day.year), ("month", day.year, day.month), ("direction", direction_id)]
    # The tally wants each group's rows together, each in the order of the entries.
    groups: dict[tuple, list[tuple]] = defaultdict(list)
    for row in rows:
        for key in keys[row[SOURCE]]:
            groups[key].append((key, *row[1:-1]))
    figures = {
        key: now for key, (now, _height) in figures_tally(chain.from_iterable(groups.values())).items()
    }

    years, directions, months = [], [], {}
    names = Direction.objects.in_bulk([key[1] for key in figures if key[0] == "direction" and key[1]])
    for key, value in figures.items():
        row = Row.of(value)
        if key == TOTAL or not (row.hours or row.events or row.courses):
            continue
        if key[0] == "year":
            years.append(YearRow(**vars(row), year=key[1]))
        elif key[0] == "month":
            months.setdefault(key[1], [Decimal(0)] * 12)[key[2] - 1] = row.hours
        elif key[1] is None or key[1] in names:
            directions.append(DirectionRow(**vars(row), direction=names.get(key[1])))
    return BookSummary(
        figures=figures.get(TOTAL) or Figures(),
        years=sorted(years, key=lambda row: -row.year),
        directions=sorted(
            directions,
            key=lambda row: (
                row.direction is None,
                -row.hours,
                row.direction.sort_order if row.direction else 0,
            ),
        ),
        months=months,
    )


def book_entries(*, volunteer):
    """Every entry of the book, newest first: claims waiting or rejected, corrections and revocations too."""
    return (
        LedgerEntry.objects.filter(volunteer_id=volunteer.pk)
        .select_related("verified_by", "organisation", "direction")
        .order_by("-occurred_on", "-pk")
    )


def claim_decisions(entries) -> dict[int, LedgerEntry]:
    """{claim id: the entry that decided it} for the claims among `entries` (one query)."""
    ids = [entry.pk for entry in entries if entry.status == EntryStatus.PENDING]
    if not ids:
        return {}
    decisions = LedgerEntry.objects.filter(
        corrects_id__in=ids, status__in=(EntryStatus.VERIFIED, EntryStatus.REJECTED)
    ).order_by("pk")
    return {decision.corrects_id: decision for decision in decisions}


# --- Documents ----------------------------------------------------------------------------------------------


def _texts(value) -> dict:
    return {code: (value or {}).get(code, "") for code in language_codes() if (value or {}).get(code)}


def _course_titles_in_languages(keys: list[str]) -> list[dict]:
    if not keys:
        return []
    titles = {}
    for code in language_codes():
        with translation.override(code):
            titles[code] = course_titles()
    return [{code: titles[code].get(str(key), str(key)) for code in language_codes()} for key in keys]


def _stage_snapshot(standing: StageStanding | None) -> dict | None:
    if standing is None or standing.stage is None:
        return None
    stage = standing.stage
    return {
        "slug": stage.slug,
        "position": stage.position,
        "name": _texts(stage.name),
        "rewards": _texts(stage.rewards),
        "reached_at": standing.reached_at.isoformat() if standing.reached_at else None,
        # What it took: the criteria as they stood when the document was issued.
        "criteria": {
            "hours": _amount(stage.min_hours),
            "events": stage.min_events,
            "courses": stage.min_courses,
            "months": stage.min_months,
            "mentoring_hours": _amount(stage.min_mentoring_hours),
            "required_courses": _course_titles_in_languages(list(stage.required_courses or [])),
        },
    }


def _amount(hours) -> str:
    return str(Decimal(hours).quantize(Decimal("0.01")))


def _row_snapshot(row: Row) -> dict:
    return {"hours": _amount(row.hours), "events": row.events, "courses": row.courses}


def book_snapshot(*, volunteer, standing: StageStanding | None) -> dict:
    summary = book_summary(volunteer=volunteer)
    figures = summary.figures
    return {
        "name": volunteer.get_full_name() or volunteer.email or "",
        "totals": {
            **_row_snapshot(summary.totals),
            "mentoring_hours": _amount(figures.mentoring_hours),
            "first_activity_on": figures.first_activity_on.isoformat() if figures.first_activity_on else None,
        },
        "by_year": [{"year": row.year, **_row_snapshot(row)} for row in summary.years],
        "by_direction": [
            {
                "slug": row.direction.slug if row.direction else "",
                "name": _texts(row.direction.name) if row.direction else {},
                **_row_snapshot(row),
            }
            for row in summary.directions
        ],
        "stage": _stage_snapshot(standing),
    }


@transaction.atomic
def book_document_issue(*, volunteer, kind: str, language: str) -> BookDocument:
    """Issue a transcript or a stage letter of the book as it stands, in `language`. Issuing again while
    nothing changed returns the document already issued (a second click makes no second paper)."""
    if kind not in BookDocumentKind.values:
        raise BookError("kind_unknown")
    if language not in language_codes():
        language = settings.LANGUAGE_CODE
    # One issue at a time per volunteer: two clicks at once find the first one's document.
    User.objects.select_for_update().filter(pk=volunteer.pk).values_list("pk", flat=True).first()
    standing = StageStanding.objects.select_related("stage").filter(volunteer_id=volunteer.pk).first()
    stage = standing.stage if standing else None
    if kind == BookDocumentKind.STAGE_LETTER and stage is None:
        raise BookError("no_stage")
    snapshot = book_snapshot(volunteer=volunteer, standing=standing)
    latest = (
        BookDocument.objects.filter(
            volunteer=volunteer, kind=kind, language=language, withdrawn_at__isnull=True
        )
        .order_by("-issued_at", "-pk")
        .first()
    )
    if (
        latest is not None
        and latest.stage_id == (stage.pk if stage else None)
        and latest.snapshot == snapshot
    ):
        return latest
    return BookDocument.objects.create(
        volunteer=volunteer, kind=kind, stage=stage, language=language, snapshot=snapshot
    )


def book_documents(*, volunteer):
    return BookDocument.objects.filter(volunteer_id=volunteer.pk).order_by("-issued_at", "-pk")


# --- Privacy ------------------------------------------------------------------------------------------------


@export_section("volunteer_zholy")
def _stages_export(user):
    standing = StageStanding.objects.select_related("stage").filter(volunteer_id=user.pk).first()
    return {
        "stage": standing.stage.slug if standing and standing.stage else None,
        "reached_at": standing.reached_at.isoformat() if standing and standing.reached_at else None,
        "history": [
            {
                "from": change.stage_from.slug if change.stage_from else None,
                "to": change.stage_to.slug if change.stage_to else None,
                "cause": change.cause,
                "changed_at": change.changed_at.isoformat(),
                "figures": change.figures,
            }
            for change in stage_history(volunteer=user).order_by("changed_at", "pk")
        ],
        "documents": [
            {
                "kind": document.kind,
                "code": document.code,
                "language": document.language,
                "issued_at": document.issued_at.isoformat(),
                "withdrawn_at": document.withdrawn_at.isoformat() if document.withdrawn_at else None,
                "snapshot": document.snapshot,
            }
            for document in book_documents(volunteer=user).order_by("issued_at", "pk")
        ],
    }


@on_erase
def _erase(user):
    # A withdrawn document's page says so, with its date, and no longer names the person or their figures.
    BookDocument.objects.filter(volunteer=user, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
    BookDocument.objects.filter(volunteer=user).update(snapshot={})
