"""Volunteer zholy: a volunteer's figures come from the book alone, and their stage from the figures.

The figures are computed twice from the same entries: as they stand now (corrections and revocations
applied) and gross (every verified fact as first credited). A stage reached is kept unless the figures now
miss it while the gross ones would still reach it: then it is the entries behind it that were withdrawn, and
the stage goes with them. A stage an editor makes harder later is kept by whoever reached it.

Evaluation is idempotent (the same book gives the same standing and writes nothing), runs for one volunteer
when a fact lands (on commit, through Celery) and for everyone at night in chunks of volunteers' ids, each
chunk one transaction that locks its standings first, so the two never write one change twice.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from volunteers.models import EntryKind, EntryStatus, LedgerEntry, Stage, StageChange, StageStanding
from volunteers.models.stages import StageChangeCause

HOUR_KINDS = (EntryKind.SHIFT_HOURS, EntryKind.MENTORING_HOURS, EntryKind.CLAIMED_HOURS)
COURSE_SUBJECT = "training.course:"
EVENT_SUBJECT = "events.event:"
CHUNK = 2000

# --- Courses named by key: training tells which exist (volunteers does not import training) -----------------

COURSE_CATALOGUES: list[Callable[[], list[tuple[str, str]]]] = []


def course_catalogue(function):
    """Register a function returning [(course key, title in the active language)] for the stages' forms and
    progress; training registers its courses."""
    COURSE_CATALOGUES.append(function)
    return function


def course_titles() -> dict[str, str]:
    return {key: title for function in COURSE_CATALOGUES for key, title in function()}


def course_subject(key) -> str:
    return f"{COURSE_SUBJECT}{key}"


def event_subject(event_id) -> str:
    return f"{EVENT_SUBJECT}{event_id}"


# --- Figures ------------------------------------------------------------------------------------------------


def months_between(first: dt.date, today: dt.date) -> int:
    """Full months from `first` to `today` (31 January to 28 February is not yet a month)."""
    months = (today.year - first.year) * 12 + today.month - first.month
    return max(0, months - (today.day < first.day))


@dataclass
class Figures:
    hours: Decimal = Decimal(0)
    events: int = 0
    courses: frozenset = frozenset()
    mentoring_hours: Decimal = Decimal(0)
    first_activity_on: dt.date | None = None

    def months(self, today: dt.date) -> int:
        return months_between(self.first_activity_on, today) if self.first_activity_on else 0

    def as_json(self) -> dict:
        return {
            "hours": str(self.hours),
            "events": self.events,
            "courses": sorted(self.courses),
            "mentoring_hours": str(self.mentoring_hours),
            "first_activity_on": self.first_activity_on.isoformat() if self.first_activity_on else None,
        }


@dataclass
class _Source:
    kind: str
    subject: str
    net: Decimal = Decimal(0)
    gross: Decimal = Decimal(0)
    fact: bool = False
    revoked: bool = False
    first_on: dt.date | None = None
    first_standing_on: dt.date | None = None  # of the entries that still count


@dataclass
class _Book:
    sources: dict = field(default_factory=dict)

    def add(self, kind, status, hours, occurred_on, source, subject):
        entry = self.sources.get(source)
        if entry is None:
            entry = self.sources[source] = _Source(kind=kind, subject=subject or source)
        if status == EntryStatus.REVOKED:
            entry.revoked = True
            return
        entry.net += hours
        if hours > 0:
            entry.gross += hours
        if hours > 0 or kind not in HOUR_KINDS:
            entry.fact = True
            entry.first_on = occurred_on if entry.first_on is None else min(entry.first_on, occurred_on)

    def figures(self, *, gross: bool) -> Figures:
        hours = mentoring = Decimal(0)
        events, courses, firsts = set(), set(), []
        for source in self.sources.values():
            if source.kind in HOUR_KINDS:
                worth = source.gross if gross else source.net
                if worth <= 0:
                    continue
                hours += worth
                if source.kind == EntryKind.MENTORING_HOURS:
                    mentoring += worth
                if source.kind == EntryKind.SHIFT_HOURS:
                    events.add(source.subject)
            elif source.fact and (gross or not source.revoked):
                if source.kind == EntryKind.COURSE_COMPLETED:
                    courses.add(source.subject.removeprefix(COURSE_SUBJECT))
            else:
                continue
            if source.first_on:
                firsts.append(source.first_on)
        return Figures(
            hours=hours,
            events=len(events),
            courses=frozenset(courses),
            mentoring_hours=mentoring,
            first_activity_on=min(firsts) if firsts else None,
        )


ENTRY_FIELDS = ("volunteer_id", "kind", "status", "hours", "occurred_on", "source", "subject")


def _books(entries: Iterable[tuple]) -> dict[int, _Book]:
    books: dict[int, _Book] = defaultdict(_Book)
    for volunteer_id, *rest in entries:
        books[volunteer_id].add(*rest)
    return books


def _entries(**filters):
    return (
        LedgerEntry.objects.filter(status__in=(EntryStatus.VERIFIED, EntryStatus.REVOKED), **filters)
        .order_by()
        .values_list(*ENTRY_FIELDS)
    )


def book_figures(*, volunteer) -> Figures:
    """The volunteer's figures as they stand now."""
    return _books(_entries(volunteer_id=volunteer.pk))[volunteer.pk].figures(gross=False)


# --- Criteria -----------------------------------------------------------------------------------------------


@dataclass
class Criterion:
    code: str
    label: str
    have: object
    need: object
    met: bool

    @property
    def missing(self):
        if self.met or not isinstance(self.need, int | Decimal):
            return 0
        return self.need - self.have

    @property
    def percent(self) -> int:
        if self.met:
            return 100
        if isinstance(self.need, int | Decimal) and self.need:
            return max(0, min(99, int(Decimal(self.have) * 100 / Decimal(self.need))))
        return 0


def stage_criteria(
    stage: Stage, figures: Figures, today: dt.date, titles: dict | None = None
) -> list[Criterion]:
    """The criteria an editor set on `stage` (those above zero), each with what the volunteer has."""
    criteria = []
    if stage.min_hours > 0:
        criteria.append(
            Criterion(
                "hours", _("Verified hours"), figures.hours, stage.min_hours, figures.hours >= stage.min_hours
            )
        )
    if stage.min_events > 0:
        criteria.append(
            Criterion("events", _("Events attended"), figures.events, stage.min_events,
                      figures.events >= stage.min_events)
        )  # fmt: skip
    if stage.min_courses > 0:
        count = len(figures.courses)
        criteria.append(
            Criterion("courses", _("Courses completed"), count, stage.min_courses, count >= stage.min_courses)
        )
    if stage.required_courses:
        titles = course_titles() if titles is None else titles
        for key in stage.required_courses:
            done = str(key) in figures.courses
            criteria.append(Criterion(f"course:{key}", titles.get(str(key), str(key)), done, True, done))
    if stage.min_months > 0:
        months = figures.months(today)
        criteria.append(
            Criterion("months", _("Months since your first activity"), months, stage.min_months,
                      months >= stage.min_months)
        )  # fmt: skip
    if stage.min_mentoring_hours > 0:
        criteria.append(
            Criterion("mentoring_hours", _("Hours of mentoring"), figures.mentoring_hours,
                      stage.min_mentoring_hours, figures.mentoring_hours >= stage.min_mentoring_hours)
        )  # fmt: skip
    return criteria


def stage_met(stage: Stage, figures: Figures, today: dt.date) -> bool:
    return (
        figures.hours >= stage.min_hours
        and figures.events >= stage.min_events
        and len(figures.courses) >= stage.min_courses
        and figures.mentoring_hours >= stage.min_mentoring_hours
        and all(str(key) in figures.courses for key in stage.required_courses)
        and figures.months(today) >= stage.min_months
    )


def stage_reached(stages: list[Stage], figures: Figures, today: dt.date) -> Stage | None:
    """The last stage of the path such that it and every stage before it are met."""
    reached = None
    for stage in stages:
        if not stage_met(stage, figures, today):
            break
        reached = stage
    return reached


def _position(stage: Stage | None) -> int:
    return stage.position if stage is not None else 0


def stage_decide(
    *, current: Stage | None, stages: list[Stage], now: Figures, gross: Figures, today: dt.date
) -> tuple[Stage | None, str | None]:
    """The standing after an evaluation and why it changed (None: it did not)."""
    reached = stage_reached(stages, now, today)
    if _position(reached) > _position(current):
        return reached, StageChangeCause.REACHED
    withdrawn = _position(stage_reached(stages, gross, today)) >= _position(current)
    if _position(reached) < _position(current) and withdrawn:
        return reached, StageChangeCause.REVOKED
    return current, None


# --- Evaluation ---------------------------------------------------------------------------------------------


def _standing_figures(standing: StageStanding, figures: Figures) -> list[str]:
    """Copy the figures onto the standing; returns the fields that changed."""
    values = {
        "hours": figures.hours,
        "events": figures.events,
        "courses": len(figures.courses),
        "mentoring_hours": figures.mentoring_hours,
        "first_activity_on": figures.first_activity_on,
    }
    changed = [name for name, value in values.items() if getattr(standing, name) != value]
    for name in changed:
        setattr(standing, name, values[name])
    return changed


STANDING_FIELDS = [
    "stage",
    "reached_at",
    "hours",
    "events",
    "courses",
    "mentoring_hours",
    "first_activity_on",
]


def _evaluate(*, volunteer_ids: list[int], today: dt.date | None = None) -> list[StageChange]:
    """Evaluate these volunteers; the caller owns the transaction."""
    if not volunteer_ids:
        return []
    today = today or timezone.localdate()
    StageStanding.objects.bulk_create(
        [StageStanding(volunteer_id=pk) for pk in volunteer_ids], ignore_conflicts=True
    )
    standings = {
        standing.volunteer_id: standing
        for standing in StageStanding.objects.select_for_update()
        .filter(volunteer_id__in=volunteer_ids)
        .select_related("stage")
        .order_by("pk")
    }
    stages = list(Stage.objects.active())
    books = _books(_entries(volunteer_id__in=volunteer_ids))
    now = timezone.now()
    changes, changed = [], []
    for volunteer_id, standing in standings.items():
        book = books.get(volunteer_id) or _Book()
        figures = book.figures(gross=False)
        fields = _standing_figures(standing, figures)
        stage, cause = stage_decide(
            current=standing.stage, stages=stages, now=figures, gross=book.figures(gross=True), today=today
        )
        if cause is not None:
            changes.append(
                StageChange(
                    volunteer_id=volunteer_id,
                    stage_from=standing.stage,
                    stage_to=stage,
                    cause=cause,
                    figures=figures.as_json(),
                )  # fmt: skip
            )
            standing.stage, standing.reached_at = stage, now if stage is not None else None
            fields += ["stage", "reached_at"]
        if fields:
            standing.evaluated_at = now
            changed.append(standing)
    if changed:
        StageStanding.objects.bulk_update(changed, [*STANDING_FIELDS, "evaluated_at"], batch_size=500)
    if changes:
        changes = StageChange.objects.bulk_create(changes, batch_size=500)
        _congratulations_enqueue([change for change in changes if change.cause == StageChangeCause.REACHED])
    return changes


def _congratulations_enqueue(changes: list[StageChange]) -> None:
    from volunteers.tasks import stage_congratulate

    ids = [change.pk for change in changes if change.stage_to_id is not None and change.pk is not None]
    for change_id in ids:
        transaction.on_commit(lambda change_id=change_id: stage_congratulate.delay(change_id), robust=True)


@transaction.atomic
def stage_evaluate(*, volunteer, today: dt.date | None = None) -> StageStanding:
    """Evaluate one volunteer now; returns their standing."""
    _evaluate(volunteer_ids=[volunteer.pk], today=today)
    return StageStanding.objects.select_related("stage").get(volunteer_id=volunteer.pk)


@transaction.atomic
def stages_evaluate_range(*, first_id: int, last_id: int, today: dt.date | None = None) -> int:
    """Evaluate every volunteer whose id is in [first_id, last_id] and who has a book or a standing; returns
    how many stage changes were written."""
    in_range = {"volunteer_id__gte": first_id, "volunteer_id__lte": last_id}
    ids = set(
        LedgerEntry.objects.filter(**in_range).order_by().values_list("volunteer_id", flat=True).distinct()
    )
    ids.update(StageStanding.objects.filter(**in_range).values_list("volunteer_id", flat=True))
    return len(_evaluate(volunteer_ids=sorted(ids), today=today))


def volunteer_id_ranges(chunk: int = CHUNK) -> list[tuple[int, int]]:
    """The ranges of ids the nightly run goes through, `chunk` ids each (ids, not rows: ranges are cheap to
    find, and the ids deleted accounts leave make a chunk only lighter)."""
    last = LedgerEntry.objects.aggregate(last=Max("volunteer_id"))["last"] or 0
    last = max(last, StageStanding.objects.aggregate(last=Max("volunteer_id"))["last"] or 0)
    return [(first, min(first + chunk - 1, last)) for first in range(1, last + 1, chunk)]


def stages_evaluate_all(*, chunk: int = CHUNK, today: dt.date | None = None, progress=None) -> int:
    """Evaluate everyone, one transaction per chunk (the command and the benchmark; Celery fans the chunks
    out to workers instead). Returns how many stage changes were written."""
    written = 0
    for first_id, last_id in volunteer_id_ranges(chunk):
        written += stages_evaluate_range(first_id=first_id, last_id=last_id, today=today)
        if progress:
            progress(last_id, written)
    return written


def stage_evaluate_enqueue(*, volunteer_id: int) -> None:
    """A fact landed in the book: evaluate the volunteer once the transaction commits."""
    from volunteers.tasks import stage_evaluate_volunteer

    transaction.on_commit(lambda: stage_evaluate_volunteer.delay(volunteer_id), robust=True)


# --- What the volunteer sees --------------------------------------------------------------------------------


@dataclass
class Progress:
    stage: Stage | None
    reached_at: dt.datetime | None
    next_stage: Stage | None
    criteria: list[Criterion]
    figures: Figures
    stages: list[Stage]

    @property
    def percent(self) -> int:
        if not self.criteria:
            return 100
        return sum(criterion.percent for criterion in self.criteria) // len(self.criteria)


def stage_progress(*, volunteer, today: dt.date | None = None) -> Progress:
    """The volunteer's stage, the next one and each of its criteria with what is missing, from the book as
    it is now (the standing may wait for its task a moment)."""
    today = today or timezone.localdate()
    stages = list(Stage.objects.active())
    standing = StageStanding.objects.select_related("stage").filter(volunteer_id=volunteer.pk).first()
    figures = book_figures(volunteer=volunteer)
    current = standing.stage if standing else None
    later = [stage for stage in stages if stage.position > _position(current)]
    next_stage = later[0] if later else None
    criteria = stage_criteria(next_stage, figures, today) if next_stage else []
    return Progress(
        stage=current,
        reached_at=standing.reached_at if standing else None,
        next_stage=next_stage,
        criteria=criteria,
        figures=figures,
        stages=stages,
    )


def stage_history(*, volunteer):
    return StageChange.objects.filter(volunteer=volunteer).select_related("stage_from", "stage_to")
