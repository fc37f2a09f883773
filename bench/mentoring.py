"""Mentor matching benchmark: one `match()` of 100 000 mentees and 50 000 mentors over the 20 regions.

No database: the engine (volunteers/mentoring/engine.py) is pure Python, numpy and OR-Tools, so the people are
generated in memory: regions of uneven size (weighted by population); languages mostly Kazakh and Russian
(the south more Kazakh, the north more Russian), some English and a few others; 1–4 of 12 interests; a few of
the 21 weekly availability slots; about 30 districts per region, a few unknown; genders; mentee ages 7–25 and
mentor ages 18–70, a few unknown; capacities 1–4; one mentor in ten no longer eligible on the start date;
a third of the mentees in centres with the "same gender" rule; age-gap bounds for most.

Every allowed pair is scored (thousands per mentee), and each mentee keeps its `--limit` best (50): the
report shows the allowed pairs per mentee before the limit and the edges after.

Each mode is measured in a forked child, so that one mode's peak memory is not the other's:
- the candidates alone (`_candidate_arrays`), then the solver alone on them, region by region,
- one whole `match()` (the figure the target is about: under 60 s and under 2 GB on 2 cores),
- the same `match()` again under tracemalloc (slower, so only its peak is reported).
ru_maxrss is the process's peak resident memory, the generated people included (shown after generation).

Usage: `.venv/bin/python bench/mentoring.py [--mentees 100000] [--mentors 50000] [--regions 20] [--seed 1]
[--limit 50] [--mode optimal|stable|both] [--small]` (`--small`: 10 000 mentees and 5 000 mentors).
"""

import argparse
import datetime as dt
import multiprocessing
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from volunteers.mentoring.engine import (  # noqa: E402
    Mentee,
    Mentor,
    _candidate_parts,
    _People,
    match,
)

START = dt.date(2026, 9, 1)
# Population (thousands) of Kazakhstan's 17 regions and 3 cities of republican significance, and how Kazakh
# (rather than Russian) speaking each is: the weights of the generated people.
REGIONS = [
    (2230, 0.55), (1420, 0.7), (1220, 0.9), (2110, 0.95), (1520, 0.85), (700, 0.75), (610, 0.7),
    (790, 0.5), (930, 0.75), (700, 0.9), (720, 0.45), (1220, 0.85), (690, 0.7), (1130, 0.45),
    (830, 0.4), (830, 0.95), (780, 0.9), (760, 0.4), (530, 0.35), (220, 0.7),
]  # fmt: skip
OTHER_LANGUAGES = ["uz", "ug", "de", "ko", "tr"]
INTERESTS = [
    "sport", "music", "art", "reading", "science", "it", "languages", "nature", "cooking", "crafts",
    "chess", "theatre",
]  # fmt: skip
SLOTS = [f"{day}-{part}" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
         for part in ("morning", "afternoon", "evening")]  # fmt: skip
DISTRICTS = 30


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _regions(count: int) -> tuple[np.ndarray, np.ndarray]:
    weights = np.array([REGIONS[i % len(REGIONS)][0] for i in range(count)], float)
    kazakh = np.array([REGIONS[i % len(REGIONS)][1] for i in range(count)])
    return weights / weights.sum(), kazakh


def _common(rng: np.random.Generator, count: int, regions: int, *, slots: tuple[int, int]):
    """What mentees and mentors have alike: region, languages, interests, availability, district, gender."""
    share, kazakh = _regions(regions)
    region = rng.choice(regions, size=count, p=share)
    speaks_kk = rng.random(count) < kazakh[region] + 0.15
    speaks_ru = ~speaks_kk | (rng.random(count) < 1.15 - kazakh[region])
    english = rng.random(count) < 0.15
    other = rng.random(count) < 0.04
    other_choice = rng.integers(0, len(OTHER_LANGUAGES), count)
    interests = rng.integers(1, 5, count)
    slot_count = rng.integers(slots[0], slots[1] + 1, count)
    district_weights = 1 / np.arange(1, DISTRICTS + 1)  # a few big districts, many small ones
    district = rng.choice(DISTRICTS, size=count, p=district_weights / district_weights.sum())
    unknown_district = rng.random(count) < 0.05
    gender = rng.choice(["female", "male", ""], size=count, p=[0.49, 0.47, 0.04])
    rows = []
    for i in range(count):
        languages = {"kk"} if speaks_kk[i] else set()
        if speaks_ru[i]:
            languages.add("ru")
        if english[i]:
            languages.add("en")
        if other[i]:
            languages.add(OTHER_LANGUAGES[other_choice[i]])
        rows.append(
            (
                int(region[i]) + 1,
                frozenset(languages),
                frozenset(INTERESTS[k] for k in rng.choice(len(INTERESTS), interests[i], replace=False)),
                frozenset(SLOTS[k] for k in rng.choice(len(SLOTS), slot_count[i], replace=False)),
                "" if unknown_district[i] else f"{region[i] + 1}-district-{district[i] + 1}",
                str(gender[i]),
            )
        )
    return rows


def people_generate(*, mentees: int, mentors: int, regions: int, seed: int) -> tuple[list, list]:
    rng = np.random.default_rng(seed)
    mentee_age = rng.integers(7, 26, mentees)
    mentee_age_unknown = rng.random(mentees) < 0.02
    same_gender = rng.random(mentees) < 0.33
    min_gap = rng.choice([-1, 3, 5], size=mentees, p=[0.3, 0.3, 0.4])
    max_gap = rng.choice([-1, 35, 45], size=mentees, p=[0.4, 0.3, 0.3])
    generated_mentees = [
        Mentee(
            id=i + 1,
            region=region,
            languages=languages,
            interests=interests,
            availability=availability,
            district=district,
            gender=gender,
            age=None if mentee_age_unknown[i] else int(mentee_age[i]),
            gender_rule="same" if same_gender[i] else "any",
            min_age_gap=None if min_gap[i] < 0 else int(min_gap[i]),
            max_age_gap=None if max_gap[i] < 0 else int(max_gap[i]),
        )
        for i, (region, languages, interests, availability, district, gender) in enumerate(
            _common(rng, mentees, regions, slots=(2, 6))
        )
    ]
    mentor_age = np.clip(rng.gamma(4.0, 7.0, mentors) + 18, 18, 70).astype(int)  # mostly young volunteers
    mentor_age_unknown = rng.random(mentors) < 0.02
    capacity = rng.choice([1, 2, 3, 4], size=mentors, p=[0.4, 0.3, 0.2, 0.1])
    lapsed = rng.random(mentors) < 0.1
    until = rng.integers(1, 720, mentors)
    generated_mentors = [
        Mentor(
            id=1_000_000 + i,
            region=region,
            languages=languages,
            interests=interests,
            availability=availability,
            district=district,
            gender=gender,
            age=None if mentor_age_unknown[i] else int(mentor_age[i]),
            capacity=int(capacity[i]),
            eligible_until=(
                START - dt.timedelta(days=int(until[i]))
                if lapsed[i]
                else (None if until[i] % 3 else START + dt.timedelta(days=int(until[i])))
            ),
        )
        for i, (region, languages, interests, availability, district, gender) in enumerate(
            _common(rng, mentors, regions, slots=(2, 8))
        )
    ]
    return generated_mentees, generated_mentors


def measure(mentees: list, mentors: list, mode: str, limit: int, results) -> None:
    """One mode, in a forked child: the stages apart, one whole match(), then its tracemalloc peak."""
    started = time.perf_counter()
    parts = list(_candidate_parts(mentees, mentors, start=START, limit=limit))
    candidates_seconds = time.perf_counter() - started
    started = time.perf_counter()
    people = _People(mentees, mentors)
    for part in parts:
        people.solve(part.mentee, part.mentor, part.score, mode=mode)
    solve_seconds = time.perf_counter() - started
    edges = sum(len(part.mentee) for part in parts)
    allowed = sum(part.allowed for part in parts)
    del parts, people

    started = time.perf_counter()
    pairs = match(mentees, mentors, start=START, mode=mode, limit=limit)
    match_seconds = time.perf_counter() - started
    rss = _rss_mb()

    tracemalloc.start()
    match(mentees, mentors, start=START, mode=mode, limit=limit)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    total = sum(pair.score for pair in pairs)
    results.put(
        {
            "mode": mode,
            "candidates s": candidates_seconds,
            "solve s": solve_seconds,
            "match() s": match_seconds,
            "allowed/mentee": allowed / len(mentees),
            "edges": edges,
            "edges/mentee": edges / len(mentees),
            "pairs": len(pairs),
            "total score": total,
            "mean score": total / max(len(pairs), 1),
            "matched": len({pair.mentee for pair in pairs}) / len(mentees),
            "mentors used": len({pair.mentor for pair in pairs}) / len(mentors),
            "tracemalloc MB": peak / 1024 / 1024,
            "ru_maxrss MB": rss,
        }
    )


FORMATS = {
    "candidates s": "{:.1f}", "solve s": "{:.1f}", "match() s": "{:.1f}", "allowed/mentee": "{:,.0f}",
    "edges": "{:,}", "edges/mentee": "{:.1f}", "pairs": "{:,}", "total score": "{:,}",
    "mean score": "{:.1f}", "matched": "{:.1%}", "mentors used": "{:.1%}", "tracemalloc MB": "{:,.0f}",
    "ru_maxrss MB": "{:,.0f}",
}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentees", type=int, default=100_000)
    parser.add_argument("--mentors", type=int, default=50_000)
    parser.add_argument("--regions", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--mode", choices=["optimal", "stable", "both"], default="both")
    parser.add_argument("--small", action="store_true", help="10 000 mentees and 5 000 mentors")
    args = parser.parse_args()
    if args.small:
        args.mentees, args.mentors = 10_000, 5_000

    started = time.perf_counter()
    mentees, mentors = people_generate(
        mentees=args.mentees, mentors=args.mentors, regions=args.regions, seed=args.seed
    )
    print(
        f"generated {len(mentees):,} mentees and {len(mentors):,} mentors over {args.regions} regions in "
        f"{time.perf_counter() - started:.1f} s; ru_maxrss after generation {_rss_mb():,.0f} MB"
    )
    modes = ["optimal", "stable"] if args.mode == "both" else [args.mode]
    context = multiprocessing.get_context("fork")
    rows = []
    for mode in modes:
        results = context.Queue()
        child = context.Process(target=measure, args=(mentees, mentors, mode, args.limit, results))
        child.start()
        rows.append(results.get())
        child.join()
        if child.exitcode:
            raise SystemExit(f"the {mode} measure failed ({child.exitcode})")

    print(f"{'':<16}" + "".join(f"{row['mode']:>14}" for row in rows))
    for name, form in FORMATS.items():
        print(f"{name:<16}" + "".join(f"{form.format(row[name]):>14}" for row in rows))
    slow = [row["mode"] for row in rows if row["match() s"] > 60 or row["ru_maxrss MB"] > 2048]
    print("targets (one match() under 60 s and 2 GB): " + (f"missed by {', '.join(slow)}" if slow else "met"))


if __name__ == "__main__":
    main()
