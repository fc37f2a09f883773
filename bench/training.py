"""Training benchmark: 100 000 volunteers in the starter programme; its pages, a quiz, certificates and
the coordinators' training status of 10 000 volunteers.

Seeds a throw-away SQLite database under var/ (or the database of DATABASE_URL when set: it must be an empty,
throw-away one): `seed --no-demo-accounts`, then the demo's starter programme (cms.demo_training: four courses
in kk, ru and en, which that seed leaves out with the rest of the demo content); bulk inserts add the
volunteers, each enrolled in one to three of the courses, about 40 % of the enrolments completed with a
certificate, the lessons read and the quiz attempts of each, and an NGO with 10 000 of the volunteers as
members and a coordinator. Then times requests in-process through Django's full middleware stack, in Kazakh:
the programme's index (anonymous, with the page cache as configured and without it, and signed in), a course
and a lesson with a quiz seen by an enrolled volunteer, a quiz submission that completes the course (a fresh
volunteer each time: the certificate, its fact in the volunteer's book and the e-mail with the PDF are made
within the request, tasks running inline), My learning, the public verification of a certificate, and the
coordinator's training status (the first page; filtered by a course and a state, and by a state in any course;
and the CSV of all 10 000, once). Reports the median and p95 server time and the number of queries of one
request.
Usage: `.venv/bin/python bench/training.py [--volunteers 100000] [--members 10000] [--requests 100] [--keep]`.
"""

import argparse
import dataclasses
import datetime as dt
import random
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    Measure,
    connection_keep,
    in_workdir,
    measures_print,
    rows_insert,
    site_prepare,
    volunteers_insert,
)

DOMAIN = "@bench.example.kz"
COMPLETED_SHARE = 0.4
FIRST_NAMES = ["Aida", "Bolat", "Dana", "Erlan", "Gulnar", "Nurlan", "Saule", "Timur", "Zhanna", "Askar"]
LAST_NAMES = ["Seitova", "Akhmetov", "Nurlanova", "Ivanov", "Omarova", "Kim", "Sultanov", "Petrova", "Bekov"]


def _names(number: int) -> dict:
    return {
        "first_name": FIRST_NAMES[number % len(FIRST_NAMES)],
        "last_name": LAST_NAMES[number // len(FIRST_NAMES) % len(LAST_NAMES)],
    }


@dataclasses.dataclass
class Lesson:
    page: object  # the Kazakh LessonPage
    key: uuid.UUID
    quizzes: list  # [(quiz id, {question id: [right choice ids]}, {question id: [a wrong choice id]})]


@dataclasses.dataclass
class Course:
    page: object  # the Kazakh CoursePage
    key: uuid.UUID
    titles: dict
    lessons: list[Lesson]

    @property
    def quiz_lesson(self) -> Lesson:
        return next(lesson for lesson in self.lessons if lesson.quizzes)


def programme() -> list[Course]:
    """The demo's courses as the records see them, from the Kazakh (source) pages, in the tree's order."""
    from wagtail.models import Locale

    from training.models import CoursePage
    from training.scoring import quiz_questions
    from training.services.certificates import course_titles

    courses = []
    kazakh = Locale.objects.get(language_code="kk")
    for page in CoursePage.objects.live().filter(locale=kazakh).order_by("path"):
        lessons = []
        for lesson in page.lessons():
            quizzes = []
            for quiz_id, quiz in lesson.quizzes():
                right, wrong = {}, {}
                for question_id, _question, choices in quiz_questions(quiz):
                    right[question_id] = sorted(choice for choice, correct in choices.items() if correct)
                    wrong[question_id] = [next(choice for choice, correct in choices.items() if not correct)]
                quizzes.append((quiz_id, right, wrong))
            lessons.append(Lesson(lesson, lesson.translation_key, quizzes))
        courses.append(Course(page, page.translation_key, course_titles(page), lessons))
    return courses


class Planner:
    """An enrolment with its lessons read, its quiz attempts and its certificate, as rows to insert once the
    enrolment has an id."""

    def __init__(self, *, rng: random.Random, now: dt.datetime):
        from training.models.records import CODE_ALPHABET, CODE_LENGTH

        self.rng, self.now = rng, now
        self.codes: set = set()
        self.alphabet, self.code_length = CODE_ALPHABET, CODE_LENGTH
        self.plans: list[dict] = []

    def _code(self) -> str:
        while True:
            code = "".join(self.rng.choices(self.alphabet, k=self.code_length))
            if code not in self.codes:
                self.codes.add(code)
                return code

    def _attempt(self, *, course: Course, lesson: Lesson, quiz, at: dt.datetime, passed: bool) -> dict:
        quiz_id, right, wrong = quiz
        total = len(right)
        pass_mark = course.page.pass_mark
        wrong_count = (
            0 if passed else next(n for n in range(1, total + 1) if 100 * (total - n) // total < pass_mark)
        )
        answers, results = {}, {}
        for number, question_id in enumerate(right):
            is_right = number >= wrong_count
            answers[question_id] = right[question_id] if is_right else wrong[question_id]
            results[question_id] = is_right
        correct = total - wrong_count
        return {
            "lesson_key": lesson.key,
            "quiz_id": quiz_id,
            "token": f"{self.rng.getrandbits(64):016x}",
            "answers": answers,
            "results": results,
            "correct": correct,
            "total": total,
            "score": 100 * correct // total,
            "passed": passed,
            "submitted_at": at,
        }

    def add(self, *, user_id: int, name: str, course: Course, state: str) -> None:
        """state: "completed"; "in_progress" (some lessons read, quizzes failed or not taken); "ready" (every
        lesson read but those with a quiz: passing the quiz completes the course); "failed" (every lesson
        read, each quiz failed once)."""
        from django.utils import timezone

        from training.services.certificates import months_after

        rng, now, lessons = self.rng, self.now, course.lessons
        read, attempts, certificate = [], [], None
        completed_at = None
        if state == "completed":
            enrolled_at = now - dt.timedelta(days=rng.randint(20, 900), seconds=rng.randint(0, 86_399))
            step = dt.timedelta(hours=rng.randint(1, 72))
            for number, lesson in enumerate(lessons):
                read.append((lesson, enrolled_at + number * step))
                for quiz in lesson.quizzes:
                    at = enrolled_at + number * step + dt.timedelta(minutes=10)
                    if rng.random() < 0.25:
                        attempts.append(
                            self._attempt(course=course, lesson=lesson, quiz=quiz, at=at, passed=False)
                        )
                        at += dt.timedelta(minutes=20)
                    attempts.append(
                        self._attempt(course=course, lesson=lesson, quiz=quiz, at=at, passed=True)
                    )
            completed_at = enrolled_at + len(lessons) * step
            issued_on = timezone.localdate(completed_at)
            months = course.page.validity_months
            certificate = {
                "user_id": user_id,
                "course_key": course.key,
                "code": self._code(),
                "holder_name": name,
                "course_title": course.titles,
                "issued_on": issued_on,
                "expires_on": months_after(issued_on, months) if months else None,
            }
            done = len(lessons)
        else:
            enrolled_at = now - dt.timedelta(days=rng.randint(2, 400), seconds=rng.randint(0, 86_399))
            if state == "in_progress":
                count = rng.randint(0, len(lessons))
                chosen = lessons[:count]
            elif state == "ready":
                chosen = [lesson for lesson in lessons if not lesson.quizzes]
            else:
                chosen = lessons
            done = 0
            for number, lesson in enumerate(chosen):
                at = enrolled_at + dt.timedelta(hours=number)
                read.append((lesson, at))
                done += not lesson.quizzes
                for quiz in lesson.quizzes:
                    failures = 1 if state == "failed" else rng.choice([0, 0, 1, 2])
                    for failure in range(failures):
                        attempts.append(
                            self._attempt(
                                course=course,
                                lesson=lesson,
                                quiz=quiz,
                                at=at + dt.timedelta(minutes=10 + 20 * failure),
                                passed=False,
                            )
                        )
        self.plans.append(
            {
                "enrolment": {
                    "user_id": user_id,
                    "course_key": course.key,
                    "enrolled_at": enrolled_at,
                    "round_started_at": enrolled_at,
                    "completed_at": completed_at,
                    "lessons_done": done,
                    "lessons_total": len(lessons),
                },
                "read": read,
                "attempts": attempts,
                "certificate": certificate,
            }
        )

    def insert(self) -> dict:
        """The rows, the enrolments first; how many of each."""
        from training.models import Certificate, Enrolment, LessonProgress, QuizAttempt

        rows_insert(Enrolment, [plan["enrolment"] for plan in self.plans])
        ids = {
            (user_id, course_key): pk
            for pk, user_id, course_key in Enrolment.objects.values_list("pk", "user_id", "course_key")
        }
        progress, attempts, certificates = [], [], []
        for plan in self.plans:
            enrolment_id = ids[(plan["enrolment"]["user_id"], plan["enrolment"]["course_key"])]
            progress += [
                {"enrolment_id": enrolment_id, "lesson_key": lesson.key, "read_at": at}
                for lesson, at in plan["read"]
            ]
            attempts += [{"enrolment_id": enrolment_id, **attempt} for attempt in plan["attempts"]]
            if plan["certificate"] is not None:
                certificates.append({"enrolment_id": enrolment_id, **plan["certificate"]})
        rows_insert(LessonProgress, progress)
        rows_insert(QuizAttempt, attempts)
        rows_insert(Certificate, certificates)
        return {
            "enrolments": len(self.plans),
            "lessons read": len(progress),
            "quiz attempts": len(attempts),
            "certificates": len(certificates),
        }


def seed(*, volunteers: int, members: int, reserve: int, courses: list[Course], rng: random.Random) -> dict:
    """The volunteers and their learning records; `reserve` of them are enrolled in the first course, ready
    to complete it with its quiz; one (the reader) is enrolled in three courses, two of them completed. An
    NGO has `members` of the others as members and a coordinator."""
    from django.db import transaction
    from django.utils import timezone

    from volunteers.models import Membership, MembershipRole, Organisation, OrganisationKind, User

    regions = list(
        Organisation.objects.filter(kind=OrganisationKind.REGIONAL_FRONT_OFFICE).values_list(
            "region_id", flat=True
        )
    )
    with transaction.atomic():
        people = volunteers_insert(count=volunteers, rng=rng, region_ids=regions, domain=DOMAIN, names=_names)
        names = {person: " ".join(_names(number).values()) for number, person in enumerate(people)}
        reader, fresh, others = people[0], people[1 : 1 + reserve], people[1 + reserve :]

        planner = Planner(rng=rng, now=timezone.now())
        for person in others:
            for course in rng.sample(courses, rng.randint(1, 3)):
                state = "completed" if rng.random() < COMPLETED_SHARE else "in_progress"
                planner.add(user_id=person, name=names[person], course=course, state=state)
        for person in fresh:
            planner.add(user_id=person, name=names[person], course=courses[0], state="ready")
        for course, state in zip(courses[:3], ["completed", "completed", "failed"], strict=True):
            planner.add(user_id=reader, name=names[reader], course=course, state=state)
        counts = planner.insert()

        organisation = Organisation.objects.create(
            name={"kk": "Бенчмарк қоры", "ru": "Фонд бенчмарка", "en": "Benchmark Foundation"},
            slug="bench-foundation",
            kind=OrganisationKind.NGO,
            region_id=regions[0],
        )
        coordinator = User.objects.create(email=f"coordinator{DOMAIN}", first_name="Coordinator")
        chosen = rng.sample(others, min(members, len(others)))
        rows_insert(
            Membership,
            [
                {
                    "user_id": person,
                    "organisation_id": organisation.pk,
                    "role": MembershipRole.VOLUNTEER.value,
                }
                for person in chosen
            ]
            + [
                {
                    "user_id": coordinator.pk,
                    "organisation_id": organisation.pk,
                    "role": MembershipRole.COORDINATOR.value,
                }
            ],
        )
    return {
        "people": len(people),
        "reader": reader,
        "fresh": fresh,
        "coordinator": coordinator.pk,
        "members": len(chosen),
        **counts,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--volunteers", type=int, default=100_000)
    parser.add_argument("--members", type=int, default=10_000, help="volunteers the coordinator sees")
    parser.add_argument("--requests", type=int, default=100, help="requests per measured page")
    parser.add_argument("--keep", action="store_true", help="keep the throw-away folder and database")
    args = parser.parse_args()
    in_workdir(prefix="bench-training-", keep=args.keep, run=lambda workdir: run(args))


def run(args) -> None:
    site_prepare()
    from django.conf import settings
    from django.urls import reverse
    from django.utils.translation import override

    from cms.demo_training import training_demo_ensure
    from training.forms import CourseState
    from training.models import Certificate
    from volunteers.models import User

    started = time.perf_counter()
    made = training_demo_ensure()  # `seed --no-demo-accounts` stops before the demo content
    print(
        f"starter programme: {time.perf_counter() - started:.1f} s: {made['pages']} pages, "
        f"{made['translations']} translations"
    )
    rng = random.Random(20261128)  # noqa: S311 - test data, not secrets
    started = time.perf_counter()
    courses = programme()
    reserve = args.requests + 2  # one to warm up, one to count the queries
    seeded = seed(volunteers=args.volunteers, members=args.members, reserve=reserve, courses=courses, rng=rng)
    print(
        f"bulk seed: {time.perf_counter() - started:.1f} s: {seeded['people']} volunteers, "
        + ", ".join(
            f"{seeded[name]} {name}"
            for name in ("enrolments", "lessons read", "quiz attempts", "certificates")
        )
        + f"; the coordinator sees {seeded['members']}"
    )
    connection_keep()

    reading, submitting = courses[2], courses[0]
    quiz_lesson = submitting.quiz_lesson
    quiz_id, right, _wrong = quiz_lesson.quizzes[0]
    codes = list(Certificate.objects.values_list("code", flat=True))
    with override("kk"):
        index_url = courses[0].page.get_parent().get_url()
        course_url = reading.page.get_url()
        lesson_url = reading.quiz_lesson.page.get_url()
        quiz_url = reverse(
            "training:quiz_submit", kwargs={"lesson_id": quiz_lesson.page.pk, "quiz_id": quiz_id}
        )
        quiz_done_url = f"{quiz_lesson.page.get_url()}#quiz-{quiz_id}"
        my_url = reverse("training:my_learning")
        status_url = reverse("training_coordinator:status")
        export_url = reverse("training_coordinator:status_export", kwargs={"fmt": "csv"})
    filtered = f"?course={courses[1].key}&state={CourseState.VALID}"

    def get(url_of):
        return lambda client, number: client.get(url_of(number)).status_code == 200

    def quiz_submit(client, number):
        response = client.post(quiz_url, {"token": uuid.uuid4().hex, **right})
        # Recorded: sent back to the quiz on the lesson's page (see other), not the lesson again with errors.
        return response.status_code == 303 and response["Location"] == quiz_done_url

    def export(client, number):
        response = client.get(export_url)
        rows = response.content.count(b"\n")
        return (
            response.status_code == 200
            and response["Content-Type"].startswith("text/csv")
            and rows == (seeded["members"] + 1)
        )

    def sign_in(pk):
        return lambda client: client.force_login(User.objects.get(pk=pk))

    fresh = iter(seeded["fresh"])

    def sign_in_fresh(client):
        client.force_login(User.objects.get(pk=next(fresh)))

    def page_cache(seconds):
        def configure(client):
            settings.CMS_PAGE_CACHE_SECONDS = seconds

        return configure

    cache_seconds = settings.CMS_PAGE_CACHE_SECONDS
    reader, coordinator = sign_in(seeded["reader"]), sign_in(seeded["coordinator"])
    measures = [
        Measure(
            f"index, anonymous, page cache {cache_seconds} s",
            get(lambda n: index_url),
            once=page_cache(cache_seconds),
        ),
        Measure("index, anonymous, page cache off", get(lambda n: index_url), once=page_cache(0)),
        Measure("index, signed in", get(lambda n: index_url), once=reader),
        Measure("course page, signed in, enrolled", get(lambda n: course_url), once=reader),
        Measure("lesson with a quiz, signed in", get(lambda n: lesson_url), once=reader),
        Measure("quiz submission, completes the course", quiz_submit, each=sign_in_fresh),
        Measure("my learning, 3 courses, 2 certificates", get(lambda n: my_url), once=reader),
        Measure(
            "certificate verification",
            get(lambda n: reverse("training:certificate_verify", args=[rng.choice(codes)])),
        ),
        Measure("status, page 1", get(lambda n: status_url), once=coordinator),
        Measure("status, course + state filter", get(lambda n: status_url + filtered), once=coordinator),
        Measure(
            "status, state filter, every course",
            get(lambda n: f"{status_url}?state={CourseState.IN_PROGRESS}"),
            once=coordinator,
        ),
        Measure("status, CSV export (once)", export, once=coordinator, requests=1),
    ]
    measures_print(measures, requests=args.requests, language="kk")
    settings.CMS_PAGE_CACHE_SECONDS = cache_seconds

    completed = Certificate.objects.filter(user_id__in=seeded["fresh"]).count()
    print(f"quiz submissions: {completed} of {reserve} volunteers completed the course with a certificate")


if __name__ == "__main__":
    main()
