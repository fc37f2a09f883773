"""The mentor matching engine: pure Python, numpy and OR-Tools (no Django), so pages, tasks, tests and the
benchmark all call the same functions on plain records.

A pair is allowed when it breaks no hard constraint (`violations`): same region, a shared language, the
centre's gender rule, the age-gap bounds (an unknown age or gender cannot satisfy a rule that needs it) and
the mentor's eligibility on the start date. Capacity and demand are constraints of the whole matching.

Score of an allowed pair, an integer 15..100 that `reasons()` explains ingredient by ingredient:
10 for being allowed + 5 per shared language (at most 15) + 6 per shared interest (at most 30)
+ 5 per shared availability slot (at most 25) + 20 for the same known district. The age gap is shown, not
scored: its bounds are hard constraints.

`match_optimal` maximises the total score with a min-cost flow; `match_stable` is mentee-proposing deferred
acceptance (no blocking pair, but usually a lower total). The same engine serves children with mentors,
newcomers with experienced volunteers, and Qamqor teams (a social worker with demand 2, volunteers with
capacity 1).
"""

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from ortools.graph.python import min_cost_flow

BASE = 10
PER_LANGUAGE, LANGUAGES_MAX = 5, 15
PER_INTEREST, INTERESTS_MAX = 6, 30
PER_SLOT, SLOTS_MAX = 5, 25
SAME_DISTRICT = 20
SCORE_MAX = BASE + LANGUAGES_MAX + INTERESTS_MAX + SLOTS_MAX + SAME_DISTRICT
GENDER_RULES = ("any", "same")
MODES = ("optimal", "stable")
# Pairs scored at a time (mentees of one chunk × mentors of their region): about 30 MB of temporaries.
CHUNK_PAIRS = 1 << 21
NO_BOUND = 1 << 30


@dataclass(frozen=True, slots=True)
class Mentor:
    id: int
    region: int
    languages: frozenset[str]
    interests: frozenset[str]
    availability: frozenset[str]
    district: str
    gender: str
    age: int | None
    capacity: int
    eligible_until: date | None = None


@dataclass(frozen=True, slots=True)
class Mentee:
    id: int
    region: int
    languages: frozenset[str]
    interests: frozenset[str]
    availability: frozenset[str]
    district: str
    gender: str
    age: int | None
    demand: int = 1
    gender_rule: str = "any"
    min_age_gap: int | None = None
    max_age_gap: int | None = None


@dataclass(frozen=True, slots=True)
class Reasons:
    languages: frozenset[str]
    interests: frozenset[str]
    same_district: bool
    availability: frozenset[str]
    age_gap: int | None


@dataclass(frozen=True, slots=True)
class Edge:
    mentee: int
    mentor: int
    score: int


@dataclass(frozen=True, slots=True)
class Pair:
    mentee: int
    mentor: int
    score: int


# --- One pair ----------------------------------------------------------------------------------------------


def violations(mentee: Mentee, mentor: Mentor, *, start: date) -> list[str]:
    """The hard constraints the pair breaks, as stable codes; [] when the pair is allowed."""
    if mentee.gender_rule not in GENDER_RULES:
        raise ValueError(f"unknown gender rule {mentee.gender_rule!r}")
    broken = []
    if mentee.region != mentor.region:
        broken.append("region")
    if not mentee.languages & mentor.languages:
        broken.append("language")
    if mentee.gender_rule == "same" and (not mentee.gender or mentor.gender != mentee.gender):
        broken.append("gender")
    gap = _age_gap(mentee, mentor)
    if mentee.min_age_gap is not None and (gap is None or gap < mentee.min_age_gap):
        broken.append("age_gap_min")
    if mentee.max_age_gap is not None and (gap is None or gap > mentee.max_age_gap):
        broken.append("age_gap_max")
    if mentor.eligible_until is not None and mentor.eligible_until < start:
        broken.append("eligibility")
    return broken


def score(mentee: Mentee, mentor: Mentor) -> int:
    """Compatibility of an allowed pair, 15..100 (see the module's docstring)."""
    why = reasons(mentee, mentor)
    return (
        BASE
        + min(PER_LANGUAGE * len(why.languages), LANGUAGES_MAX)
        + min(PER_INTEREST * len(why.interests), INTERESTS_MAX)
        + min(PER_SLOT * len(why.availability), SLOTS_MAX)
        + SAME_DISTRICT * why.same_district
    )


def reasons(mentee: Mentee, mentor: Mentor) -> Reasons:
    return Reasons(
        languages=mentee.languages & mentor.languages,
        interests=mentee.interests & mentor.interests,
        same_district=bool(mentee.district) and mentee.district == mentor.district,
        availability=mentee.availability & mentor.availability,
        age_gap=_age_gap(mentee, mentor),
    )


def _age_gap(mentee: Mentee, mentor: Mentor) -> int | None:
    if mentee.age is None or mentor.age is None:
        return None
    return mentor.age - mentee.age


# --- Candidate pairs, vectorised ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidates:
    """Candidate pairs as parallel arrays of indexes into the mentees' and mentors' sequences."""

    mentee: np.ndarray  # int32
    mentor: np.ndarray  # int32
    score: np.ndarray  # int32
    allowed: int  # allowed pairs before the limit


def _masks(people: Sequence, field: str, bits: dict[str, int], words: int) -> np.ndarray:
    """Each person's set as a row of `words` 64-bit masks (tokens the other side never has are left out)."""
    values = [sum(1 << bits[token] for token in getattr(person, field) if token in bits) for person in people]
    masks = np.empty((len(people), words), dtype=np.uint64)
    for word in range(words):
        shift, full = 64 * word, (1 << 64) - 1
        masks[:, word] = np.fromiter(((v >> shift) & full for v in values), np.uint64, count=len(values))
    return masks


def _shared(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """How many tokens each row of `a` shares with each row of `b`: a (len(a), len(b)) uint8 array."""
    count = np.bitwise_count(a[:, None, 0] & b[None, :, 0])
    for word in range(1, a.shape[1]):
        count += np.bitwise_count(a[:, None, word] & b[None, :, word])
    return count


def _encode(mentees: Sequence[Mentee], mentors: Sequence[Mentor], *, start: date) -> dict[str, np.ndarray]:
    arrays: dict[str, np.ndarray] = {}
    for field in ("languages", "interests", "availability"):
        common = set().union(*(getattr(m, field) for m in mentees)) & set().union(
            *(getattr(m, field) for m in mentors)
        )
        bits = {token: bit for bit, token in enumerate(sorted(common))}
        words = max(1, -(-len(bits) // 64))
        arrays[f"e_{field}"] = _masks(mentees, field, bits, words)
        arrays[f"t_{field}"] = _masks(mentors, field, bits, words)
    districts: dict[str, int] = {}
    # An unknown district (-1 for mentees, -2 for mentors) is never the same as anything.
    arrays["e_district"] = np.array(
        [districts.setdefault(m.district, len(districts)) if m.district else -1 for m in mentees], np.int32
    )
    arrays["t_district"] = np.array(
        [districts.get(m.district, -2) if m.district else -2 for m in mentors], np.int32
    )
    genders = {"": 0}
    arrays["t_gender"] = np.array([genders.setdefault(m.gender, len(genders)) for m in mentors], np.int32)
    for mentee in mentees:
        if mentee.gender_rule not in GENDER_RULES:
            raise ValueError(f"unknown gender rule {mentee.gender_rule!r}")
    # The gender a mentee requires: -2 none; -1 one nobody has (the rule with the mentee's gender unknown).
    arrays["e_gender"] = np.array(
        [-2 if m.gender_rule == "any" else (genders.get(m.gender, -1) if m.gender else -1) for m in mentees],
        np.int32,
    )
    arrays["e_age"] = np.array([-1 if m.age is None else m.age for m in mentees], np.int32)
    arrays["t_age"] = np.array([-1 if m.age is None else m.age for m in mentors], np.int32)
    # A missing bound is one no gap reaches; a bounded mentee needs both ages known.
    arrays["e_gap_min"] = np.array([-NO_BOUND if m.min_age_gap is None else m.min_age_gap for m in mentees])
    arrays["e_gap_max"] = np.array([NO_BOUND if m.max_age_gap is None else m.max_age_gap for m in mentees])
    arrays["e_bounded"] = np.array(
        [m.min_age_gap is not None or m.max_age_gap is not None for m in mentees], bool
    )
    arrays["e_region"] = np.array([m.region for m in mentees], np.int64)
    arrays["t_region"] = np.array([m.region for m in mentors], np.int64)
    arrays["e_id"] = np.array([m.id for m in mentees], np.int64)
    arrays["t_id"] = np.array([m.id for m in mentors], np.int64)
    # A mentor no longer eligible, or with no room, and a mentee who wants nobody, have no candidates.
    arrays["t_usable"] = np.array(
        [m.capacity > 0 and (m.eligible_until is None or m.eligible_until >= start) for m in mentors], bool
    )
    arrays["e_usable"] = np.array([m.demand > 0 for m in mentees], bool)
    return arrays


def _region_candidates(a: dict[str, np.ndarray], rows: np.ndarray, cols: np.ndarray, limit: int):
    """The best `limit` allowed mentors of each mentee of `rows` among the mentors `cols` of the same region
    (sorted by id); yields (mentee indexes, mentor indexes, scores, allowed pairs) chunk by chunk."""
    n = len(cols)
    t_lang, t_int, t_slot = a["t_languages"][cols], a["t_interests"][cols], a["t_availability"][cols]
    t_district, t_gender, t_age = a["t_district"][cols], a["t_gender"][cols], a["t_age"][cols]
    # Ties go to the lower mentor id: the key is score·n + (n − 1 − position in id order).
    tie = np.arange(n - 1, -1, -1, dtype=np.int32)
    key_type = np.int32 if (SCORE_MAX + 1) * n < np.iinfo(np.int32).max else np.int64
    chunk = max(1, CHUNK_PAIRS // max(n, 1))
    for first in range(0, len(rows), chunk):
        part = rows[first : first + chunk]
        languages = _shared(a["e_languages"][part], t_lang)
        allowed = languages > 0
        required = a["e_gender"][part]
        if (required != -2).any():
            allowed &= (required[:, None] == -2) | (required[:, None] == t_gender[None, :])
        bounded = a["e_bounded"][part]
        if bounded.any():
            age, low, high = a["e_age"][part], a["e_gap_min"][part], a["e_gap_max"][part]
            gap = t_age[None, :] - age[:, None]
            known = (age[:, None] >= 0) & (t_age[None, :] >= 0)
            allowed &= ~bounded[:, None] | (known & (gap >= low[:, None]) & (gap <= high[:, None]))
            del gap, known
        score = np.minimum(languages, LANGUAGES_MAX // PER_LANGUAGE)
        score *= PER_LANGUAGE
        del languages
        shared = _shared(a["e_interests"][part], t_int)
        np.minimum(shared, INTERESTS_MAX // PER_INTEREST, out=shared)
        shared *= PER_INTEREST
        score += shared
        shared = _shared(a["e_availability"][part], t_slot)
        np.minimum(shared, SLOTS_MAX // PER_SLOT, out=shared)
        shared *= PER_SLOT
        score += shared
        del shared
        same = a["e_district"][part][:, None] == t_district[None, :]
        score += same.view(np.uint8) * np.uint8(SAME_DISTRICT)
        del same
        score += BASE
        key = score.astype(key_type)
        del score
        key *= n
        key += tie
        key[~allowed] = -1
        count = int(np.count_nonzero(allowed))
        del allowed
        if n > limit:
            best = np.argpartition(key, n - limit, axis=1)[:, n - limit :]
            key = np.take_along_axis(key, best, axis=1)
            position = n - 1 - (key % n)
        else:
            position = np.broadcast_to(np.arange(n), key.shape)
        keep = key >= 0
        mentee = np.broadcast_to(part[:, None], key.shape)[keep]
        yield (
            mentee.astype(np.int32),
            cols[position[keep]].astype(np.int32),
            (key[keep] // n).astype(np.int32),
            count,
        )


def _regions(a: dict[str, np.ndarray]):
    """Per region: the usable mentees' indexes, and the usable mentors' indexes sorted by id."""
    e_region, t_region = a["e_region"], a["t_region"]
    for region in np.intersect1d(e_region[a["e_usable"]], t_region[a["t_usable"]]):
        rows = np.flatnonzero((e_region == region) & a["e_usable"]).astype(np.int64)
        cols = np.flatnonzero((t_region == region) & a["t_usable"]).astype(np.int64)
        cols = cols[np.argsort(a["t_id"][cols], kind="stable")]
        yield region, rows, cols


def _candidate_arrays(
    mentees: Sequence[Mentee], mentors: Sequence[Mentor], *, start: date, limit: int = 50
) -> _Candidates:
    """All regions' candidate pairs as arrays, without an Edge object per pair."""
    parts = list(_candidate_parts(mentees, mentors, start=start, limit=limit))
    if not parts:
        empty = np.zeros(0, np.int32)
        return _Candidates(empty, empty, empty, 0)
    return _Candidates(
        np.concatenate([p.mentee for p in parts]),
        np.concatenate([p.mentor for p in parts]),
        np.concatenate([p.score for p in parts]),
        sum(p.allowed for p in parts),
    )


def _candidate_parts(mentees: Sequence[Mentee], mentors: Sequence[Mentor], *, start: date, limit: int):
    """The candidates of one region at a time (regions never share a pair, so each is its own problem)."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    _unique_ids(mentees, mentors)
    if not mentees or not mentors:
        return
    a = _encode(mentees, mentors, start=start)
    for _region, rows, cols in _regions(a):
        chunks = list(_region_candidates(a, rows, cols, limit))
        yield _Candidates(
            np.concatenate([c[0] for c in chunks]),
            np.concatenate([c[1] for c in chunks]),
            np.concatenate([c[2] for c in chunks]),
            sum(c[3] for c in chunks),
        )


def candidates(
    mentees: Sequence[Mentee], mentors: Sequence[Mentor], *, start: date, limit: int = 50
) -> list[Edge]:
    """Every allowed pair, keeping each mentee's `limit` best by score (ties to the lower mentor id), sorted
    by mentee id, best first. A mentor with no capacity left and a mentee with no demand have none."""
    found = _candidate_arrays(mentees, mentors, start=start, limit=limit)
    e_id = np.array([m.id for m in mentees], np.int64)[found.mentee]
    t_id = np.array([m.id for m in mentors], np.int64)[found.mentor]
    order = np.lexsort((t_id, -found.score, e_id))
    return [
        Edge(mentee, mentor, score)
        for mentee, mentor, score in zip(
            e_id[order].tolist(), t_id[order].tolist(), found.score[order].tolist(), strict=True
        )
    ]


# --- The solvers -------------------------------------------------------------------------------------------


def _unique_ids(mentees: Sequence[Mentee], mentors: Sequence[Mentor]) -> None:
    if len({m.id for m in mentees}) != len(mentees):
        raise ValueError("mentees' ids must be unique")
    if len({m.id for m in mentors}) != len(mentors):
        raise ValueError("mentors' ids must be unique")


def _edge_arrays(edges: Sequence[Edge], mentees: Sequence[Mentee], mentors: Sequence[Mentor]):
    """Edges as index arrays; a repeated pair counts once (with its best score), a pair worth nothing not
    at all."""
    _unique_ids(mentees, mentors)
    e_index = {m.id: i for i, m in enumerate(mentees)}
    t_index = {m.id: i for i, m in enumerate(mentors)}
    try:
        e = np.array([e_index[edge.mentee] for edge in edges], np.int64)
        t = np.array([t_index[edge.mentor] for edge in edges], np.int64)
    except KeyError as error:
        raise ValueError(f"an edge names an unknown mentee or mentor: {error}") from None
    s = np.array([edge.score for edge in edges], np.int64)
    keep = s > 0
    e, t, s = e[keep], t[keep], s[keep]
    order = np.lexsort((-s, t, e))
    e, t, s = e[order], t[order], s[order]
    first = np.ones(len(e), bool)
    first[1:] = (e[1:] != e[:-1]) | (t[1:] != t[:-1])
    return e[first], t[first], s[first]


def _flow(
    e: np.ndarray, t: np.ndarray, s: np.ndarray, demand: np.ndarray, capacity: np.ndarray
) -> np.ndarray:
    """Which of the pairs (e[k], t[k]) worth s[k] a maximum-total matching takes: source → mentee (capacity
    demand) → mentor (capacity 1, cost −score) → sink (capacity capacity), and source → sink for what is
    left unmatched. Returns a boolean mask over the pairs."""
    if len(e) == 0:
        return np.zeros(0, bool)
    mentees, e_node = np.unique(e, return_inverse=True)
    mentors, t_node = np.unique(t, return_inverse=True)
    a, b = len(mentees), len(mentors)
    source, sink = 0, a + b + 1
    wanted = np.maximum(demand[mentees], 0).astype(np.int64)
    total = int(wanted.sum())
    tails = np.concatenate(
        [np.zeros(a, np.int32), 1 + e_node.astype(np.int32), 1 + a + np.arange(b, dtype=np.int32), [source]]
    ).astype(np.int32)
    heads = np.concatenate(
        [
            1 + np.arange(a, dtype=np.int32),
            1 + a + t_node.astype(np.int32),
            np.full(b, sink, np.int32),
            [sink],
        ]
    ).astype(np.int32)
    capacities = np.concatenate(
        [wanted, np.ones(len(e), np.int64), np.maximum(capacity[mentors], 0).astype(np.int64), [total]]
    )
    costs = np.concatenate([np.zeros(a, np.int64), -s.astype(np.int64), np.zeros(b + 1, np.int64)])
    solver = min_cost_flow.SimpleMinCostFlow()
    arcs = solver.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
    solver.set_nodes_supplies(np.array([source, sink], np.int32), np.array([total, -total], np.int64))
    status = solver.solve()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed: {status}")
    return solver.flows(arcs[a : a + len(e)]) > 0


def _deferred_acceptance(
    e: np.ndarray, t: np.ndarray, s: np.ndarray, demand, capacity, e_id: np.ndarray, t_id: np.ndarray
) -> np.ndarray:
    """Mentee-proposing deferred acceptance with capacities and demands; returns a mask over the pairs.

    A mentee prefers a higher score, then the lower mentor id; a mentor a higher score, then the lower
    mentee id. Both orders are strict, so the result (the mentee-optimal stable matching) does not depend on
    who proposes first."""
    if len(e) == 0:
        return np.zeros(0, bool)
    order = np.lexsort((t_id[t], -s, e))
    e_sorted = e[order]
    mentees, starts = np.unique(e_sorted, return_index=True)
    ends = np.append(starts[1:], len(e_sorted)).tolist()
    pointer = starts.tolist()
    wants = [int(demand[i]) for i in mentees.tolist()]
    ids = [int(e_id[i]) for i in mentees.tolist()]
    mentor_of = t[order].tolist()
    score_of = s[order].tolist()
    room = {int(j): int(capacity[j]) for j in np.unique(t).tolist()}
    held = [0] * len(mentees)
    # Each mentor's held proposals: a min-heap whose top is the one it likes least.
    heaps: dict[int, list[tuple[int, int, int, int]]] = {j: [] for j in room}
    free = list(range(len(mentees) - 1, -1, -1))
    while free:
        m = free.pop()
        while held[m] < wants[m] and pointer[m] < ends[m]:
            k = pointer[m]
            pointer[m] += 1
            j = mentor_of[k]
            if room[j] <= 0:
                continue
            heap, proposal = heaps[j], (score_of[k], -ids[m], m, k)
            if len(heap) < room[j]:
                heapq.heappush(heap, proposal)
                held[m] += 1
            elif proposal > heap[0]:
                dropped = heapq.heapreplace(heap, proposal)[2]
                held[m] += 1
                held[dropped] -= 1
                free.append(dropped)
    taken = np.zeros(len(e), bool)
    for heap in heaps.values():
        for _score, _id, _m, k in heap:
            taken[order[k]] = True
    return taken


def _pairs(e, t, s, taken, e_id, t_id) -> list[Pair]:
    mentee, mentor, value = e_id[e[taken]], t_id[t[taken]], s[taken]
    order = np.lexsort((mentor, mentee))
    return [
        Pair(a, b, c)
        for a, b, c in zip(mentee[order].tolist(), mentor[order].tolist(), value[order].tolist(), strict=True)
    ]


class _People:
    """The mentees' and mentors' ids, demands and capacities as arrays, built once per call."""

    def __init__(self, mentees: Sequence[Mentee], mentors: Sequence[Mentor]):
        self.e_id = np.array([m.id for m in mentees], np.int64)
        self.t_id = np.array([m.id for m in mentors], np.int64)
        self.demand = np.array([m.demand for m in mentees], np.int64)
        self.capacity = np.array([m.capacity for m in mentors], np.int64)

    def solve(self, e: np.ndarray, t: np.ndarray, s: np.ndarray, *, mode: str) -> list[Pair]:
        if mode == "optimal":
            taken = _flow(e, t, s, self.demand, self.capacity)
        else:
            taken = _deferred_acceptance(e, t, s, self.demand, self.capacity, self.e_id, self.t_id)
        return _pairs(e, t, s, taken, self.e_id, self.t_id)


def match_optimal(
    edges: Sequence[Edge], *, mentees: Sequence[Mentee], mentors: Sequence[Mentor]
) -> list[Pair]:
    """The pairs of maximum total score with each mentee given at most `demand` mentors and each mentor at
    most `capacity` mentees (a min-cost flow), sorted by mentee and mentor."""
    e, t, s = _edge_arrays(edges, mentees, mentors)
    return _People(mentees, mentors).solve(e, t, s, mode="optimal")


def match_stable(
    edges: Sequence[Edge], *, mentees: Sequence[Mentee], mentors: Sequence[Mentor]
) -> list[Pair]:
    """A stable matching (mentee-proposing deferred acceptance, preferences from the score, ties to the
    lower id): no mentee and mentor both prefer each other to a partner or an empty place they have."""
    e, t, s = _edge_arrays(edges, mentees, mentors)
    return _People(mentees, mentors).solve(e, t, s, mode="stable")


def match(
    mentees: Sequence[Mentee],
    mentors: Sequence[Mentor],
    *,
    start: date,
    mode: str = "optimal",
    limit: int = 50,
) -> list[Pair]:
    """Candidates, then the chosen solver, region by region (regions share no pair, so solving them apart
    gives the same total and keeps the solver's graph small)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    people = _People(mentees, mentors)
    pairs: list[Pair] = []
    for part in _candidate_parts(mentees, mentors, start=start, limit=limit):
        pairs += people.solve(part.mentee, part.mentor, part.score, mode=mode)
    pairs.sort(key=lambda pair: (pair.mentee, pair.mentor))
    return pairs
