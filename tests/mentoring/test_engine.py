"""The matching engine on plain records (no database): optimality against an exhaustive search, the hard
constraints, stability, the vectorised scores against the scalar ones, Qamqor teams and the edge cases."""

import datetime as dt
import functools
import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from volunteers.mentoring.engine import (
    Edge,
    Mentee,
    Mentor,
    Pair,
    Reasons,
    candidates,
    match,
    match_optimal,
    match_stable,
    reasons,
    score,
    violations,
)

START = dt.date(2026, 9, 1)
LANGUAGES = ["kk", "ru", "en"]
INTERESTS = ["sport", "music", "art", "chess", "it"]
SLOTS = ["mon-morning", "mon-evening", "wed-afternoon", "sat-morning", "sun-evening", "fri-evening"]


def mentee(id, **fields) -> Mentee:
    values = {
        "region": 1, "languages": frozenset({"kk"}), "interests": frozenset(), "availability": frozenset(),
        "district": "", "gender": "female", "age": 12,
    }  # fmt: skip
    return Mentee(id=id, **{**values, **fields})


def mentor(id, **fields) -> Mentor:
    values = {
        "region": 1, "languages": frozenset({"kk"}), "interests": frozenset(), "availability": frozenset(),
        "district": "", "gender": "female", "age": 30, "capacity": 1,
    }  # fmt: skip
    return Mentor(id=id, **{**values, **fields})


def subset(pool, *, min_size=0, max_size=None):
    return st.frozensets(st.sampled_from(pool), min_size=min_size, max_size=max_size)


@st.composite
def instances(draw, *, max_mentees=5, max_mentors=4, capacities=(1, 3), demands=(1, 2), strict=True, least=0):
    """Mentees and mentors with unique ids (drawn, so that their order and ids differ), at least `least`
    of each. `strict`: every hard constraint is broken by some pairs; otherwise most pairs are allowed."""
    # Repeated choices weight the draw: each rule is broken by some pairs, but about a third are allowed.
    regions = st.sampled_from([1] * 9 + [2]) if strict else st.just(1)
    some_languages = [{"kk"}, {"kk", "ru"}, {"kk", "ru"}, {"kk", "ru"}, {"ru"}, {"kk", "en"}, set()]
    languages = st.sampled_from([frozenset(each) for each in some_languages])
    languages = languages if strict else st.just(frozenset({"kk", "ru"}))
    genders = st.sampled_from(["female", "male", ""])
    ages = st.sampled_from([None, *range(7, 26)]) if strict else st.integers(7, 20)
    mentor_ages = st.sampled_from([None, *range(16, 56)]) if strict else st.integers(25, 60)
    rules = st.sampled_from(["any"] * 4 + ["same"]) if strict else st.just("any")
    min_gaps = st.sampled_from([None] * 8 + [0, 5, 10, 15]) if strict else st.none()
    max_gaps = st.sampled_from([None] * 8 + [10, 20, 30]) if strict else st.none()
    offsets = st.sampled_from([None] * 8 + list(range(-2, 3))) if strict else st.none()
    districts = st.sampled_from(["", "Almaly", "Bostandyq"])
    people_ids = st.lists(st.integers(1, 60), min_size=max_mentees + max_mentors, unique=True)
    ids = draw(people_ids)
    mentees = [
        Mentee(
            id=ids.pop(),
            region=draw(regions),
            languages=draw(languages),
            interests=draw(subset(INTERESTS)),
            availability=draw(subset(SLOTS)),
            district=draw(districts),
            gender=draw(genders),
            age=draw(ages),
            demand=draw(st.integers(*demands)),
            gender_rule=draw(rules),
            min_age_gap=draw(min_gaps),
            max_age_gap=draw(max_gaps),
        )
        for _ in range(draw(st.integers(least, max_mentees)))
    ]
    mentors = [
        Mentor(
            id=ids.pop(),
            region=draw(regions),
            languages=draw(languages),
            interests=draw(subset(INTERESTS)),
            availability=draw(subset(SLOTS)),
            district=draw(districts),
            gender=draw(genders),
            age=draw(mentor_ages),
            capacity=draw(st.integers(*capacities)),
            eligible_until=(None if (offset := draw(offsets)) is None else START + dt.timedelta(days=offset)),
        )
        for _ in range(draw(st.integers(least, max_mentors)))
    ]
    return mentees, mentors


def total(pairs) -> int:
    return sum(pair.score for pair in pairs)


def brute_force(edges, mentees, mentors) -> int:
    """The best total over every set of edges within the demands and capacities, by exhaustive search (each
    mentee in turn takes any subset of its edges that fits; memoised on the capacities left)."""
    by_mentee = [[edge for edge in edges if edge.mentee == person.id] for person in mentees]
    position = {person.id: index for index, person in enumerate(mentors)}

    @functools.cache
    def best(index: int, left: tuple[int, ...]) -> int:
        if index == len(mentees):
            return 0
        found = best(index + 1, left)
        options = by_mentee[index]
        for size in range(1, mentees[index].demand + 1):
            for chosen in itertools.combinations(options, size):
                spare = list(left)
                for edge in chosen:
                    spare[position[edge.mentor]] -= 1
                if min(spare, default=0) >= 0:
                    found = max(found, sum(edge.score for edge in chosen) + best(index + 1, tuple(spare)))
        return found

    return best(0, tuple(person.capacity for person in mentors))


def assert_feasible(pairs, mentees, mentors, *, edges=None):
    demand = {person.id: person.demand for person in mentees}
    capacity = {person.id: person.capacity for person in mentors}
    assert len({(pair.mentee, pair.mentor) for pair in pairs}) == len(pairs)
    for person, wanted in demand.items():
        assert sum(pair.mentee == person for pair in pairs) <= wanted
    for person, room in capacity.items():
        assert sum(pair.mentor == person for pair in pairs) <= room
    if edges is not None:
        scores = {(edge.mentee, edge.mentor): edge.score for edge in edges}
        assert all(scores[pair.mentee, pair.mentor] == pair.score for pair in pairs)


def blocking_pairs(pairs, edges, mentees, mentors) -> list[Edge]:
    """The edges not taken whose mentee and mentor would both rather have each other (score first, then the
    lower id) than one of their partners or an empty place."""
    demand = {person.id: person.demand for person in mentees}
    capacity = {person.id: person.capacity for person in mentors}
    partners_of_mentee: dict[int, list[tuple[int, int]]] = {}
    partners_of_mentor: dict[int, list[tuple[int, int]]] = {}
    for pair in pairs:
        partners_of_mentee.setdefault(pair.mentee, []).append((pair.score, -pair.mentor))
        partners_of_mentor.setdefault(pair.mentor, []).append((pair.score, -pair.mentee))
    taken = {(pair.mentee, pair.mentor) for pair in pairs}
    found = []
    for edge in edges:
        if (edge.mentee, edge.mentor) in taken or capacity[edge.mentor] <= 0 or demand[edge.mentee] <= 0:
            continue
        held = partners_of_mentee.get(edge.mentee, [])
        mentee_wants = len(held) < demand[edge.mentee] or min(held) < (edge.score, -edge.mentor)
        held = partners_of_mentor.get(edge.mentor, [])
        mentor_wants = len(held) < capacity[edge.mentor] or min(held) < (edge.score, -edge.mentee)
        if mentee_wants and mentor_wants:
            found.append(edge)
    return found


# --- 1. Optimality -----------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(instances(strict=False))
def test_optimal_equals_the_brute_force_optimum(instance):
    mentees, mentors = instance
    edges = candidates(mentees, mentors, start=START)
    pairs = match_optimal(edges, mentees=mentees, mentors=mentors)
    assert total(pairs) == brute_force(edges, mentees, mentors)
    assert_feasible(pairs, mentees, mentors, edges=edges)


@settings(max_examples=150, deadline=None)
@given(instances(strict=False), st.data())
def test_optimal_equals_the_brute_force_optimum_for_any_scores(instance, data):
    """The solver on arbitrary edges (any subset of the pairs, scores 1..100, ties included)."""
    mentees, mentors = instance
    pairs = [(a.id, b.id) for a in mentees for b in mentors]
    chosen = data.draw(st.lists(st.sampled_from(pairs), unique=True) if pairs else st.just([]))
    edges = [Edge(a, b, data.draw(st.integers(1, 100))) for a, b in chosen]
    found = match_optimal(edges, mentees=mentees, mentors=mentors)
    assert total(found) == brute_force(edges, mentees, mentors)
    assert_feasible(found, mentees, mentors, edges=edges)


# --- 2. Hard constraints -----------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    instances(max_mentees=8, max_mentors=6, capacities=(0, 3), demands=(0, 2), least=1),
    st.sampled_from(["optimal", "stable"]),
    st.integers(1, 6),
)
def test_hard_constraints_are_never_broken(instance, mode, limit):
    mentees, mentors = instance
    pairs = match(mentees, mentors, start=START, mode=mode, limit=limit)
    by_id = {person.id: person for person in [*mentees, *mentors]}
    for pair in pairs:
        assert violations(by_id[pair.mentee], by_id[pair.mentor], start=START) == []
        assert pair.score == score(by_id[pair.mentee], by_id[pair.mentor])
    assert_feasible(pairs, mentees, mentors)
    assert pairs == sorted(pairs, key=lambda pair: (pair.mentee, pair.mentor))


@pytest.mark.parametrize(
    ("change_mentee", "change_mentor", "codes"),
    [
        ({}, {}, []),
        ({"region": 2}, {}, ["region"]),
        ({"languages": frozenset({"ru"})}, {"languages": frozenset({"kk", "en"})}, ["language"]),
        ({"gender_rule": "same"}, {"gender": "male"}, ["gender"]),
        ({"gender_rule": "same", "gender": ""}, {"gender": ""}, ["gender"]),
        ({"gender_rule": "same"}, {}, []),
        ({"min_age_gap": 20}, {"age": 31}, ["age_gap_min"]),
        ({"min_age_gap": 19}, {"age": 31}, []),
        ({"max_age_gap": 18}, {"age": 31}, ["age_gap_max"]),
        ({"max_age_gap": 19}, {"age": 31}, []),
        ({"min_age_gap": 5, "max_age_gap": 40}, {"age": None}, ["age_gap_min", "age_gap_max"]),
        ({}, {"eligible_until": START - dt.timedelta(days=1)}, ["eligibility"]),
        ({}, {"eligible_until": START}, []),
        ({"region": 3, "languages": frozenset()}, {"eligible_until": dt.date(2020, 1, 1)},
         ["region", "language", "eligibility"]),
    ],
)  # fmt: skip
def test_violations_name_each_broken_rule(change_mentee, change_mentor, codes):
    assert violations(mentee(1, **change_mentee), mentor(2, **change_mentor), start=START) == codes


def test_a_mentee_with_no_known_age_cannot_meet_an_age_rule():
    assert violations(mentee(1, age=None, min_age_gap=5), mentor(2), start=START) == ["age_gap_min"]
    assert violations(mentee(1, age=None), mentor(2), start=START) == []


# --- 3. Stability ------------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(instances(max_mentees=8, max_mentors=6, capacities=(0, 3), demands=(0, 2), least=1), st.integers(1, 6))
def test_stable_leaves_no_blocking_pair(instance, limit):
    mentees, mentors = instance
    edges = candidates(mentees, mentors, start=START, limit=limit)
    pairs = match_stable(edges, mentees=mentees, mentors=mentors)
    assert blocking_pairs(pairs, edges, mentees, mentors) == []
    assert_feasible(pairs, mentees, mentors, edges=edges)
    assert pairs == match(mentees, mentors, start=START, mode="stable", limit=limit)


@settings(max_examples=150, deadline=None)
@given(instances(max_mentees=6, max_mentors=5, capacities=(0, 3), demands=(0, 3), least=1), st.data())
def test_stable_leaves_no_blocking_pair_for_any_scores(instance, data):
    mentees, mentors = instance
    pairs = [(a.id, b.id) for a in mentees for b in mentors]
    chosen = data.draw(st.lists(st.sampled_from(pairs), unique=True) if pairs else st.just([]))
    edges = [Edge(a, b, data.draw(st.integers(1, 5))) for a, b in chosen]  # many ties
    found = match_stable(edges, mentees=mentees, mentors=mentors)
    assert blocking_pairs(found, edges, mentees, mentors) == []
    assert_feasible(found, mentees, mentors, edges=edges)


def test_optimal_and_stable_differ_on_a_small_example():
    """Aruzhan (1) and Bekzat (2) both like Dana (10) best; Dana prefers Aruzhan. Stable: Aruzhan gets Dana
    and Bekzat is left with Yerlan (20), whom he fits badly. Optimal: Aruzhan takes Yerlan, nearly as good for
    her, and Bekzat Dana, for 35 more points in all, but Aruzhan and Dana would rather be together."""
    mentees, mentors = [mentee(1), mentee(2)], [mentor(10), mentor(20)]
    edges = [Edge(1, 10, 90), Edge(1, 20, 80), Edge(2, 10, 85), Edge(2, 20, 30)]

    stable = match_stable(edges, mentees=mentees, mentors=mentors)
    optimal = match_optimal(edges, mentees=mentees, mentors=mentors)

    assert stable == [Pair(1, 10, 90), Pair(2, 20, 30)]
    assert optimal == [Pair(1, 20, 80), Pair(2, 10, 85)]
    assert (total(stable), total(optimal)) == (120, 165)
    assert blocking_pairs(optimal, edges, mentees, mentors) == [Edge(1, 10, 90)]
    assert blocking_pairs(stable, edges, mentees, mentors) == []


# --- 4. Candidates and scores ------------------------------------------------------------------------------


def random_people(rng: random.Random, count_mentees: int, count_mentors: int, *, interests: list[str]):
    def some(pool, most):
        return frozenset(rng.sample(pool, rng.randint(0, min(most, len(pool)))))

    mentees = [
        Mentee(
            id=rng.randrange(10**9) * 2,
            region=rng.randint(1, 3),
            languages=some(LANGUAGES, 2),
            interests=some(interests, 8),
            availability=some(SLOTS, 4),
            district=rng.choice(["", "Almaly", "Bostandyq", "Medeu"]),
            gender=rng.choice(["female", "male", ""]),
            age=rng.choice([None, *range(7, 26)]),
            demand=rng.randint(0, 2),
            gender_rule=rng.choice(["any", "same"]),
            min_age_gap=rng.choice([None, 0, 5, 10]),
            max_age_gap=rng.choice([None, 20, 40]),
        )
        for _ in range(count_mentees)
    ]
    mentors = [
        Mentor(
            id=rng.randrange(10**9) * 2 + 1,
            region=rng.randint(1, 3),
            languages=some(LANGUAGES, 3),
            interests=some(interests, 8),
            availability=some(SLOTS, 5),
            district=rng.choice(["", "Almaly", "Bostandyq", "Turksib"]),
            gender=rng.choice(["female", "male", ""]),
            age=rng.choice([None, *range(16, 71)]),
            capacity=rng.randint(0, 3),
            eligible_until=rng.choice([None, START, START - dt.timedelta(days=1), dt.date(2030, 1, 1)]),
        )
        for _ in range(count_mentors)
    ]
    return mentees, mentors


def expected_candidates(mentees, mentors, limit):
    """The scalar definition: each mentee's allowed pairs, best score first, then the lower mentor id."""
    edges = []
    for person in sorted(mentees, key=lambda person: person.id):
        if person.demand <= 0:
            continue
        allowed = [
            Edge(person.id, other.id, score(person, other))
            for other in mentors
            if other.capacity > 0 and violations(person, other, start=START) == []
        ]
        edges += sorted(allowed, key=lambda edge: (-edge.score, edge.mentor))[:limit]
    return edges


@pytest.mark.parametrize("interest_codes", [12, 150])  # 150: the masks take three 64-bit words
@pytest.mark.parametrize("seed", [1, 2])
def test_vectorised_candidates_equal_the_scalar_scores(seed, interest_codes):
    rng = random.Random(seed)
    mentees, mentors = random_people(
        rng, 150, 120, interests=[f"interest-{k}" for k in range(interest_codes)]
    )
    for limit in (1000, 7, 1):
        assert candidates(mentees, mentors, start=START, limit=limit) == expected_candidates(
            mentees, mentors, limit
        )


@settings(max_examples=100, deadline=None)
@given(instances(max_mentees=6, max_mentors=8, capacities=(0, 3), demands=(0, 2)), st.integers(1, 4))
def test_candidates_keep_the_best_by_score_then_mentor_id(instance, limit):
    mentees, mentors = instance
    assert candidates(mentees, mentors, start=START, limit=limit) == expected_candidates(
        mentees, mentors, limit
    )


def test_reasons_are_the_ingredients_of_the_score():
    child = mentee(
        1, languages=frozenset({"kk", "ru"}), interests=frozenset({"chess", "music", "sport"}),
        availability=frozenset({"sat-morning", "sun-evening"}), district="Almaly", age=11,
    )  # fmt: skip
    volunteer = mentor(
        2, languages=frozenset({"kk", "ru", "en"}), interests=frozenset({"chess", "sport", "it"}),
        availability=frozenset({"sat-morning", "mon-evening"}), district="Almaly", age=29,
    )  # fmt: skip
    why = reasons(child, volunteer)
    assert why == Reasons(
        languages=frozenset({"kk", "ru"}),
        interests=frozenset({"chess", "sport"}),
        same_district=True,
        availability=frozenset({"sat-morning"}),
        age_gap=18,
    )
    assert score(child, volunteer) == 10 + 2 * 5 + 2 * 6 + 20 + 1 * 5
    # An unknown district is never "the same", and the least an allowed pair scores is 15.
    assert reasons(mentee(1), mentor(2)).same_district is False
    assert score(mentee(1), mentor(2)) == 15


def test_scores_are_capped_at_100():
    everything = {
        "languages": frozenset(LANGUAGES), "interests": frozenset(INTERESTS),
        "availability": frozenset(SLOTS), "district": "Medeu",
    }  # fmt: skip
    assert score(mentee(1, **everything), mentor(2, **everything)) == 100


# --- 5. Qamqor teams ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["optimal", "stable"])
def test_a_social_worker_is_teamed_with_two_different_volunteers(mode):
    worker = mentee(1, demand=2, age=40, languages=frozenset({"ru", "kk"}))
    volunteers = [
        mentor(10, age=22, languages=frozenset({"ru"})),
        mentor(11, age=35, languages=frozenset({"kk"}), district="Almaly"),
        mentor(12, age=28, languages=frozenset({"en"})),  # no shared language
    ]
    pairs = match([worker], volunteers, start=START, mode=mode)
    assert [(pair.mentee, pair.mentor) for pair in pairs] == [(1, 10), (1, 11)]


def test_two_social_workers_share_out_four_volunteers():
    workers = [mentee(1, demand=2, district="Almaly"), mentee(2, demand=2, district="Medeu")]
    volunteers = [mentor(10 + k, district="Almaly" if k < 2 else "Medeu") for k in range(4)]
    pairs = match(workers, volunteers, start=START)
    assert [(pair.mentee, pair.mentor) for pair in pairs] == [(1, 10), (1, 11), (2, 12), (2, 13)]


# --- 6. Edge cases -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["optimal", "stable"])
def test_nobody_to_match(mode):
    assert match([], [mentor(2)], start=START, mode=mode) == []
    assert match([mentee(1)], [], start=START, mode=mode) == []
    assert match([], [], start=START, mode=mode) == []
    nobody_allowed = [mentor(2, region=2), mentor(3, languages=frozenset({"ru"}))]
    assert match([mentee(1)], nobody_allowed, start=START, mode=mode) == []
    assert candidates([mentee(1)], nobody_allowed, start=START) == []
    assert match_optimal([], mentees=[mentee(1)], mentors=[mentor(2)]) == []
    assert match_stable([], mentees=[mentee(1)], mentors=[mentor(2)]) == []


@pytest.mark.parametrize("mode", ["optimal", "stable"])
def test_the_same_input_gives_the_same_output(mode):
    mentees, mentors = random_people(random.Random(7), 300, 150, interests=INTERESTS)
    first = match(mentees, mentors, start=START, mode=mode, limit=5)
    assert first
    for _ in range(3):
        assert match(mentees, mentors, start=START, mode=mode, limit=5) == first


def test_repeated_edges_count_once():
    mentees, mentors = [mentee(1, demand=2)], [mentor(10, capacity=2)]
    edges = [Edge(1, 10, 40), Edge(1, 10, 60)]
    assert match_optimal(edges, mentees=mentees, mentors=mentors) == [Pair(1, 10, 60)]
    assert match_stable(edges, mentees=mentees, mentors=mentors) == [Pair(1, 10, 60)]


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="mode"):
        match([mentee(1)], [mentor(2)], start=START, mode="greedy")
    with pytest.raises(ValueError, match="gender rule"):
        violations(mentee(1, gender_rule="opposite"), mentor(2), start=START)
    with pytest.raises(ValueError, match="unique"):
        match([mentee(1), mentee(1)], [mentor(2)], start=START)
    with pytest.raises(ValueError, match="unknown"):
        match_optimal([Edge(1, 3, 50)], mentees=[mentee(1)], mentors=[mentor(2)])
