"""Volunteer zholy: a volunteer's figures come from the book alone, and their stage from the figures.

A stage reached is kept unless the figures now miss it and the book has lost something the stage was
reached with: among the criteria the stage sets, fewer hours, events or mentoring hours than the history's
figures of that moment, a course completed then and revoked since, or the first activity withdrawn. A stage
an editor makes harder later is kept by whoever reached it. (A standing with no history to compare with, made
outside these services, falls back on the book at its height: each source at the most it was ever worth,
revoked facts still counted.)

Evaluation is idempotent (the same book gives the same standing and writes nothing), runs for one volunteer
when a fact lands (on commit, through Celery) and for everyone at night in chunks of volunteers' ids, each
chunk one transaction that locks its standings before it reads the book, so the two never write one change
twice. A chunk costs the same few queries whatever its size, and holds only its own entries in memory.
"""

import datetime as dt
import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import CharField, F, IntegerField, Max, Min
from django.db.models.functions import Cast, Round
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.dates import months_after
from volunteers.models import EntryKind, EntryStatus, LedgerEntry, Stage, StageChange, StageStanding
from volunteers.models.stages import StageChangeCause

HOUR_KINDS = (EntryKind.SHIFT_HOURS, EntryKind.MENTORING_HOURS, EntryKind.CLUB_HOURS, EntryKind.CLAIMED_HOURS)
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


@functools.lru_cache(maxsize=4096)
def course_key(value) -> str:
    """A course key as the book writes it (a UUID's canonical text), whatever form an editor's list holds."""
    try:
        return str(uuid.UUID(str(value).strip()))
    except ValueError:
        return str(value).strip()


def course_subject(key) -> str:
    return f"{COURSE_SUBJECT}{course_key(key)}"


def event_subject(event_id) -> str:
    return f"{EVENT_SUBJECT}{event_id}"


# --- Figures ------------------------------------------------------------------------------------------------


def months_between(first: dt.date, today: dt.date) -> int:
    """Full calendar months from `first` to `today`. A month after the 31st is the last day of a shorter
    month (31 January: 28 February, or the 29th in a leap year), as certificates' validity counts it."""
    months = (today.year - first.year) * 12 + today.month - first.month
    if months > 0 and months_after(first, months) > today:
        months -= 1
    return max(0, months)


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


EMPTY = Figures()
_SHIFT, _MENTORING = EntryKind.SHIFT_HOURS.value, EntryKind.MENTORING_HOURS.value
_COURSE = EntryKind.COURSE_COMPLETED.value
_HOURS = frozenset(kind.value for kind in HOUR_KINDS)
_REVOKED = EntryStatus.REVOKED.value
# The fields of an entry the figures are counted from, the first one the key rows are grouped by.
ENTRY_FIELDS = ("volunteer_id", "kind", "status", "hours", "occurred_on", "source", "subject")
# A source (a sign-up, a claim, a certificate) as a list, for speed: its kind and subject, the sum of its
# entries now and the most that sum ever was (in hundredths of an hour), the day of its first entry that
# credited something, and whether it was revoked.
_KIND, _SUBJECT, _NET, _PEAK, _FIRST, _REVOKED_ = range(6)


def _day(value) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _book_figures(sources, *, height: bool) -> Figures:
    hours = mentoring = 0
    events, courses = set(), set()
    first = None
    for kind, subject, net, peak, first_on, revoked in sources:
        if kind in _HOURS:
            worth = peak if height else (0 if revoked else net)
            if worth <= 0:
                continue
            hours += worth
            if kind == _SHIFT:
                events.add(subject)
            elif kind == _MENTORING:
                mentoring += worth
        elif first_on is None or (revoked and not height):
            continue
        elif kind == _COURSE:
            courses.add(subject.removeprefix(COURSE_SUBJECT))
        if first is None or first_on < first:
            first = first_on
    return Figures(
        hours=Decimal(hours).scaleb(-2),
        events=len(events),
        courses=frozenset(courses),
        mentoring_hours=Decimal(mentoring).scaleb(-2),
        first_activity_on=_day(first) if first is not None else None,
    )


def figures_tally(rows) -> dict:
    """The figures now and at their height of each key (the first field of rows of ENTRY_FIELDS, as
    `entries_counted` gives them: a volunteer, or a year or a direction for the book's tables), the rows of a
    key together and in the order of the entries. Hours as Decimals, days as dates."""
    return _tally((key, kind, status, int(hours.scaleb(2)), day, source, subject)
                  for key, kind, status, hours, day, source, subject in rows)  # fmt: skip


def _tally(rows) -> dict:
    """Each key's figures now and at their height (the same object when nothing of its was ever corrected
    down or revoked), from rows (key, kind, status, hundredths of an hour, day, source, subject) with the
    rows of a key together and in the order of the entries (a source's corrections after what they
    correct)."""
    figures: dict[int, tuple[Figures, Figures]] = {}
    sources: dict[str, list] = {}
    volunteer, withdrawn = None, False

    def close():
        now = _book_figures(sources.values(), height=False)
        figures[volunteer] = (now, _book_figures(sources.values(), height=True) if withdrawn else now)

    for volunteer_id, kind, status, cents, occurred_on, name, subject in rows:
        if volunteer_id != volunteer:
            if volunteer is not None:
                close()
            sources, volunteer, withdrawn = {}, volunteer_id, False
        source = sources.get(name)
        if source is None:
            source = sources[name] = [kind, subject or name, 0, 0, None, False]
        if status == _REVOKED:
            source[_REVOKED_] = withdrawn = True
            continue
        if cents:
            net = source[_NET] = source[_NET] + cents
            if cents < 0:
                withdrawn = True
                continue
            if net > source[_PEAK]:
                source[_PEAK] = net
        elif kind in _HOURS:
            continue
        first = source[_FIRST]
        if first is None or occurred_on < first:
            source[_FIRST] = occurred_on
    if volunteer is not None:
        close()
    return figures


def entries_counted(**filters):
    """The entries that count (verified facts and the revocations of some), as rows of ENTRY_FIELDS in the
    order figures_tally needs."""
    return (
        LedgerEntry.objects.filter(status__in=(EntryStatus.VERIFIED, EntryStatus.REVOKED), **filters)
        .order_by("volunteer_id", "pk")
        .values_list(*ENTRY_FIELDS)
    )


def _entry_rows(**filters):
    """The same entries as rows for _tally, read with a plain cursor in batches, without the ORM's
    conversion of each value, which would cost more than the evaluation itself: hours come as integer
    hundredths, days as the database gives them (dates; on SQLite ISO text, compared as such, rather than
    parsed row by row)."""
    day = Cast("occurred_on", CharField()) if connection.vendor == "sqlite" else F("occurred_on")
    queryset = (
        entries_counted(**filters)
        .annotate(cents=Cast(Round(F("hours") * 100), IntegerField()), day=day)
        .values_list("volunteer_id", "kind", "status", "cents", "day", "source", "subject")
    )
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(5000):
            yield from rows


def book_figures(*, volunteer) -> Figures:
    """The volunteer's figures as they stand now."""
    return _tally(_entry_rows(volunteer_id=volunteer.pk)).get(volunteer.pk, (EMPTY,))[0]


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
        for key in dict.fromkeys(course_key(key) for key in stage.required_courses):
            done = key in figures.courses
            criteria.append(Criterion(f"course:{key}", titles.get(key, key), done, True, done))
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
        and all(course_key(key) in figures.courses for key in stage.required_courses)
        and (stage.min_months <= 0 or figures.months(today) >= stage.min_months)
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


def _fell(stage: Stage, now: Figures, then: Figures) -> bool:
    """Whether the book lost, since `then`, something that counts toward `stage`."""
    return (
        (stage.min_hours > 0 and now.hours < then.hours)
        or (stage.min_events > 0 and now.events < then.events)
        or ((stage.min_courses > 0 or bool(stage.required_courses)) and not then.courses <= now.courses)
        or (stage.min_mentoring_hours > 0 and now.mentoring_hours < then.mentoring_hours)
        or (
            stage.min_months > 0
            and then.first_activity_on is not None
            and (now.first_activity_on is None or now.first_activity_on > then.first_activity_on)
        )
    )


def stage_decide(
    *,
    current: Stage | None,
    stages: list[Stage],
    now: Figures,
    gross: Figures,
    today: dt.date,
    reached_with: Figures | None = None,
) -> tuple[Stage | None, str | None]:
    """The standing after an evaluation and why it changed (None: it did not). `reached_with`: the figures
    the current stage was reached with (from the history); without them, `gross`: the figures at their
    height (nothing corrected down, nothing revoked)."""
    reached = stage_reached(stages, now, today)
    if _position(reached) > _position(current):
        return reached, StageChangeCause.REACHED
    if _position(reached) == _position(current):
        return current, None
    if reached_with is not None:
        withdrawn = _fell(current, now, reached_with)
    else:
        withdrawn = gross is not now and _position(stage_reached(stages, gross, today)) >= _position(current)
    return (reached, StageChangeCause.REVOKED) if withdrawn else (current, None)


def figures_from_json(data: dict) -> Figures:
    """Figures as the history keeps them (StageChange.figures)."""
    first = data.get("first_activity_on")
    return Figures(
        hours=Decimal(data.get("hours") or 0),
        events=int(data.get("events") or 0),
        courses=frozenset(data.get("courses") or ()),
        mentoring_hours=Decimal(data.get("mentoring_hours") or 0),
        first_activity_on=dt.date.fromisoformat(first) if first else None,
    )


def _reached_with(falling: dict[int, int]) -> dict[int, Figures]:
    """For volunteers about to fall from a stage ({volunteer id: stage id}), the figures of the last change
    that brought them to it."""
    found: dict[int, Figures] = {}
    changes = (
        StageChange.objects.filter(volunteer_id__in=list(falling))
        .order_by("volunteer_id", "-pk")
        .values_list("volunteer_id", "stage_to_id", "figures")
    )
    for volunteer_id, stage_id, figures in changes:
        if volunteer_id not in found and stage_id == falling[volunteer_id]:
            found[volunteer_id] = figures_from_json(figures)
    return found


# --- Evaluation ---------------------------------------------------------------------------------------------

STANDING_FIGURES = ("hours", "events", "courses", "mentoring_hours", "first_activity_on")
STANDING_FIELDS = ["stage", "reached_at", *STANDING_FIGURES]


def _standing_values(figures: Figures) -> tuple:
    return (
        figures.hours,
        figures.events,
        len(figures.courses),
        figures.mentoring_hours,
        figures.first_activity_on,
    )


def _evaluate(*, volunteer_ids, scope: dict, today: dt.date | None = None) -> list[StageChange]:
    """Evaluate the volunteers in `scope` (filters on volunteer_id) who have a standing, making one for each
    of `volunteer_ids` first; the caller owns the transaction. Standings are locked (in the order of their
    ids, as every evaluation locks them) before the book is read, so a concurrent evaluation of the same
    volunteer waits and then sees what this one wrote."""
    today = today or timezone.localdate()
    standings = StageStanding.objects.filter(**scope).order_by("pk").select_for_update(of=("self",))
    columns = ("volunteer_id", "stage_id", *STANDING_FIGURES)
    locked = {row[0]: row for row in standings.values_list(*columns)}
    missing = [pk for pk in volunteer_ids if pk not in locked]
    if missing:
        _standings_create(missing)
        locked.update(
            (row[0], row) for row in standings.filter(volunteer_id__in=missing).values_list(*columns)
        )
    if not locked:
        return []
    every = {stage.pk: stage for stage in Stage.objects.all()}
    stages = [stage for stage in every.values() if stage.active]
    books = _tally(_entry_rows(**scope))
    now = timezone.now()
    falling = {}
    for volunteer_id, stage_id, *_values in locked.values():
        current = every.get(stage_id)
        if current is not None:
            reached = stage_reached(stages, books.get(volunteer_id, (EMPTY,))[0], today)
            if _position(reached) < current.position:
                falling[volunteer_id] = stage_id
    reached_with = _reached_with(falling) if falling else {}
    changes, figures_only, with_stage = [], [], []
    for volunteer_id, stage_id, *values in locked.values():
        figures, height = books.get(volunteer_id, (EMPTY, EMPTY))
        current = every.get(stage_id)
        stage, cause = stage_decide(
            current=current, stages=stages, now=figures, gross=height, today=today,
            reached_with=reached_with.get(volunteer_id),
        )  # fmt: skip
        new_values = _standing_values(figures)
        if cause is None:
            if tuple(values) != new_values:
                figures_only.append((volunteer_id, new_values))
            continue
        with_stage.append((volunteer_id, new_values, stage))
        changes.append(
            StageChange(
                volunteer_id=volunteer_id,
                stage_from=current,
                stage_to=stage,
                cause=cause,
                figures=figures.as_json(),
            )
        )
    _standings_update(figures_only, with_stage, now=now)
    if changes:
        changes = StageChange.objects.bulk_create(changes, batch_size=1000)
        _congratulations_enqueue([change for change in changes if change.cause == StageChangeCause.REACHED])
    return changes


WRITE_BATCH = 500


def _standings_create(volunteer_ids: list[int]) -> None:
    """Empty standings for these volunteers, unless one exists already (made by a concurrent evaluation,
    whose transaction this one then waits for): multi-row INSERTs, the figures' defaults written out."""
    meta, quote = StageStanding._meta, connection.ops.quote_name
    fields = [meta.get_field(name) for name in STANDING_FIGURES if name != "first_activity_on"]
    columns = ", ".join(quote(field.column) for field in [meta.pk, *fields])
    zeros = ", 0" * len(fields)  # every figure starts at 0
    conflict = f"ON CONFLICT ({quote(meta.pk.column)}) DO NOTHING"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"INSERT INTO {quote(meta.db_table)} ({columns}) "  # noqa: S608
                f"SELECT id{zeros} FROM unnest(%s::integer[]) AS id ORDER BY id {conflict}",
                [volunteer_ids],
            )
            return
        for first in range(0, len(volunteer_ids), WRITE_BATCH):
            batch = volunteer_ids[first : first + WRITE_BATCH]
            cursor.execute(
                f"INSERT INTO {quote(meta.db_table)} ({columns}) "  # noqa: S608
                f"VALUES {', '.join([f'(%s{zeros})'] * len(batch))} {conflict}",
                batch,
            )


def _standings_update(figures_only: list, with_stage: list, *, now: dt.datetime) -> None:
    """The standings whose figures changed, and those whose stage did, written with plain UPDATEs (Django's
    bulk_update builds a CASE expression per row and field: seconds of Python for a few thousand rows)."""
    ops = connection.ops
    evaluated_at = ops.adapt_datetimefield_value(now)

    def figures(values):
        hours, events, courses, mentoring, first = values
        return hours, events, courses, mentoring, ops.adapt_datefield_value(first), evaluated_at

    names = [*STANDING_FIGURES, "evaluated_at"]
    if figures_only:
        _rows_update(names, [(pk, *figures(values)) for pk, values in figures_only])
    if with_stage:
        _rows_update(
            [*names, "stage", "reached_at"],
            [
                (pk, *figures(values), stage.pk if stage else None, evaluated_at if stage else None)
                for pk, values, stage in with_stage
            ],
        )


def _rows_update(names: list[str], rows: list[tuple]) -> None:
    """Set these fields of standings from rows (volunteer id, *values): on PostgreSQL one UPDATE from
    arrays, a parameter a column (executemany would send a statement a row, and thousands of placeholders
    cost more to bind than the update); elsewhere one statement executed for each row (SQLite runs them
    in-process)."""
    meta, quote = StageStanding._meta, connection.ops.quote_name
    fields = [meta.get_field(name) for name in names]
    table, key = quote(meta.db_table), quote(meta.pk.column)
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
            sql = f"UPDATE {table} SET {assignments} WHERE {key} = %s"  # noqa: S608
            cursor.executemany(sql, [(*values, pk) for pk, *values in rows])
            return
        types = [meta.pk.cast_db_type(connection), *(field.cast_db_type(connection) for field in fields)]
        arrays = ", ".join(f"%s::{kind}[]" for kind in types)
        assignments = ", ".join(
            f"{quote(field.column)} = v.c{number}" for number, field in enumerate(fields, 1)
        )
        names_ = ", ".join(f"c{number}" for number in range(len(types)))
        cursor.execute(
            f"UPDATE {table} SET {assignments} FROM unnest({arrays}) AS v({names_}) "  # noqa: S608
            f"WHERE {table}.{key} = v.c0",
            [list(column) for column in zip(*rows, strict=True)],
        )


CONGRATULATIONS_BATCH = 500


def _congratulations_enqueue(changes: list[StageChange]) -> None:
    """Congratulate on the stages reached once the transaction commits: one task for one change, one task
    per batch for a chunk's."""
    from volunteers.tasks import stage_congratulate, stages_congratulate

    ids = [change.pk for change in changes if change.stage_to_id is not None and change.pk is not None]
    if len(ids) == 1:
        transaction.on_commit(lambda: stage_congratulate.delay(ids[0]), robust=True)
        return
    for first in range(0, len(ids), CONGRATULATIONS_BATCH):
        batch = ids[first : first + CONGRATULATIONS_BATCH]
        transaction.on_commit(lambda batch=batch: stages_congratulate.delay(batch), robust=True)


@transaction.atomic
def stage_evaluate(*, volunteer, today: dt.date | None = None) -> StageStanding:
    """Evaluate one volunteer now; returns their standing."""
    _evaluate(volunteer_ids=[volunteer.pk], scope={"volunteer_id": volunteer.pk}, today=today)
    return StageStanding.objects.select_related("stage").get(volunteer_id=volunteer.pk)


@transaction.atomic
def stages_evaluate_range(*, first_id: int, last_id: int, today: dt.date | None = None) -> int:
    """Evaluate every volunteer whose id is in [first_id, last_id] and who has a verified fact in the book or
    a standing; returns how many stage changes were written."""
    scope = {"volunteer_id__gte": first_id, "volunteer_id__lte": last_id}
    with_book = (
        LedgerEntry.objects.filter(status__in=(EntryStatus.VERIFIED, EntryStatus.REVOKED), **scope)
        .order_by("volunteer_id")
        .values_list("volunteer_id", flat=True)
        .distinct()
    )
    return len(_evaluate(volunteer_ids=list(with_book), scope=scope, today=today))


def volunteer_id_ranges(chunk: int | None = None) -> list[tuple[int, int]]:
    """The ranges of ids the nightly run goes through, `chunk` ids each (CHUNK by default; ids, not rows:
    ranges are cheap to find, and the ids deleted accounts leave make a chunk only lighter)."""
    chunk = max(1, int(chunk or CHUNK))
    books = LedgerEntry.objects.aggregate(first=Min("volunteer_id"), last=Max("volunteer_id"))
    standings = StageStanding.objects.aggregate(first=Min("volunteer_id"), last=Max("volunteer_id"))
    firsts = [value for value in (books["first"], standings["first"]) if value is not None]
    if not firsts:
        return []
    first, last = min(firsts), max(books["last"] or 0, standings["last"] or 0)
    return [(start, min(start + chunk - 1, last)) for start in range(first, last + 1, chunk)]


def stages_evaluate_all(*, chunk: int | None = None, today: dt.date | None = None, progress=None) -> int:
    """Evaluate everyone, one transaction per chunk (the command and the benchmark; Celery fans the chunks
    out to workers instead). `progress(last_id, written)` is called after each chunk. Returns how many stage
    changes were written."""
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
