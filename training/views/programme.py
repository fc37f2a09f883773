"""What the programme's pages show: the index's course cards, a course's facts and the volunteer's place
in it, a lesson with its quizzes. Called from the pages' get_context(), so Wagtail still serves, previews and
caches the pages; the learning views (training.views.learning) re-render a lesson with a submission's errors
by setting `request.training_quiz` before serving it.

Progress is looked up by the course's translation key: the same in every language."""

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from training.blocks import QuestionKind
from training.errors import TrainingError
from training.models import Certificate, CoursePage, Enrolment, LessonPage, LessonProgress, Level, QuizAttempt
from training.qualifications import courses_in_active_language, courses_missing
from training.scoring import quiz_questions
from training.services.learning import (
    attempts_left,
    course_requirements,
    enrolment_refusals,
    lessons_complete,
    renewal_due,
)
from volunteers.models import Direction


def duration_text(minutes: int | None) -> str:
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%(minutes)s min") % {"minutes": rest}
    if not rest:
        return _("%(hours)s h") % {"hours": hours}
    return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}


def validity_text(months: int) -> str:
    if not months:
        return _("Does not expire")
    return ngettext("%(count)s month", "%(count)s months", months) % {"count": months}


def _certificates_latest(*, user, course_keys) -> dict:
    """{course key: the volunteer's latest certificate of that course}, in one query."""
    if not course_keys:
        return {}
    latest = {}
    certificates = Certificate.objects.filter(user=user, course_key__in=course_keys).order_by(
        "-issued_on", "-pk"
    )
    for certificate in certificates:
        latest.setdefault(certificate.course_key, certificate)
    return latest


# --- The programme's index --------------------------------------------------------------------------------


def _choice(value: str, allowed: set) -> str:
    """A filter's value from the query string, or "" when it is not one of the choices (ignored, never an
    error: a shared link to a course list that has changed still opens)."""
    value = (value or "").strip()
    return value if value in allowed else ""


def programme_context(request, *, index):
    all_courses = CoursePage.objects.child_of(index).live()
    directions = list(
        Direction.objects.filter(pk__in=all_courses.filter(direction__isnull=False).values("direction"))
    )
    direction = _choice(request.GET.get("direction"), {d.slug for d in directions})
    level = _choice(request.GET.get("level"), set(Level.values))

    courses = all_courses.select_related("direction").order_by("path")
    if direction:
        # A course for every direction belongs to each direction's list too.
        courses = courses.filter(Q(direction__slug=direction) | Q(direction__isnull=True))
    if level:
        courses = courses.filter(level=level)
    courses = list(courses)

    lesson_counts: dict[str, int] = {}
    lesson_paths = (
        LessonPage.objects.live()
        .descendant_of(index)
        .filter(depth=index.depth + 2)
        .values_list("path", flat=True)
    )
    for path in lesson_paths:
        course_path = path[: -index.steplen]
        lesson_counts[course_path] = lesson_counts.get(course_path, 0) + 1

    enrolments, certificates = {}, {}
    user = request.user
    if user.is_authenticated and courses:
        keys = {course.translation_key for course in courses}
        enrolments = {e.course_key: e for e in Enrolment.objects.filter(user=user, course_key__in=keys)}
        completed = {key for key, e in enrolments.items() if e.completed_at is not None}
        certificates = _certificates_latest(user=user, course_keys=completed)

    today = timezone.localdate()
    cards = []
    for course in courses:
        certificate = certificates.get(course.translation_key)
        cards.append(
            {
                "course": course,
                "lessons": lesson_counts.get(course.path, 0),
                "duration": duration_text(course.duration_minutes),
                "enrolment": enrolments.get(course.translation_key),
                "certificate": certificate,
                "certificate_state": certificate.state(today) if certificate else "",
            }
        )
    groups = []
    for value, label in Level.choices:
        group = [card for card in cards if card["course"].level == value]
        if group:
            groups.append({"level": value, "label": label, "cards": group})
    return {
        "groups": groups,
        "course_count": len(cards),
        "filters": {
            "direction": direction,
            "level": level,
            "directions": [(d.slug, str(d.name)) for d in directions],
            "levels": Level.choices,
            "active": bool(direction or level),
        },
    }


# --- A course ---------------------------------------------------------------------------------------------


def _enrolment(user, course) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, course_key=course.translation_key).first()


def course_context(request, *, course):
    user = request.user
    today = timezone.localdate()
    lessons = list(course.lessons())
    enrolment = _enrolment(user, course)
    done = (
        lessons_complete(enrolment=enrolment, requirements=course_requirements(course=course))
        if enrolment
        else set()
    )
    prerequisites = courses_in_active_language(course.prerequisites.all())
    missing = (
        {c.translation_key for c in courses_missing(user=user, courses=prerequisites, on=today)}
        if user.is_authenticated
        else set()
    )
    refusals = [] if enrolment or not user.is_authenticated else enrolment_refusals(user=user, course=course)

    # The latest certificate, also during a renewal's round while the old one still runs.
    certificate = (
        Certificate.objects.filter(enrolment=enrolment).order_by("-issued_on", "-pk").first()
        if enrolment is not None
        else None
    )
    completed = enrolment is not None and enrolment.completed_at is not None
    next_lesson = next((lesson for lesson in lessons if lesson.translation_key not in done), None)
    completions = (
        Certificate.objects.filter(course_key=course.translation_key, revoked_at__isnull=True)
        .order_by()  # DISTINCT over the holder alone, never the model's ordering: a renewal counts once
        .values("user_id")
        .distinct()
        .count()
    )
    return {
        "course": course,
        "duration": duration_text(course.duration_minutes),
        "validity": validity_text(course.validity_months),
        "lesson_rows": [
            {"lesson": lesson, "number": number, "done": lesson.translation_key in done}
            for number, lesson in enumerate(lessons, start=1)
        ],
        "lesson_count": len(lessons),
        "prerequisites": [
            {"course": prerequisite, "held": prerequisite.translation_key not in missing}
            for prerequisite in prerequisites
        ],
        "enrolment": enrolment,
        "completed": completed,
        "refusals": [refusal.message for refusal in refusals],
        "no_profile": any(refusal.code == "no_profile" for refusal in refusals),
        "next_lesson": None if completed else next_lesson,
        "certificate": certificate,
        "certificate_state": certificate.state(today) if certificate else "",
        "renewal_due": bool(completed and renewal_due(enrolment=enrolment, on=today)),
        "completions": completions,
    }


# --- A lesson ---------------------------------------------------------------------------------------------


@dataclass
class QuizState:
    """What one quiz block's template needs. Which choices are right is only here once the quiz is passed."""

    id: str
    title: str
    questions: list = field(default_factory=list)
    enrolled: bool = False
    action: str = ""
    token: str = ""
    attempt: QuizAttempt | None = None  # the last one of the current round, shown as the result
    passed: bool = False
    attempts_left: int | None = None
    pause_until: dt.datetime | None = None
    pause_message: str = ""
    error: str = ""  # the summary of a submission that was not recorded
    show_form: bool = False


def _quiz_state(*, lesson, course, enrolment, quiz_id, quiz, attempts, submission) -> QuizState:
    state = QuizState(id=quiz_id, title=quiz["title"], enrolled=enrolment is not None)
    posted = submission if submission and submission.get("quiz_id") == quiz_id else None
    round_attempts = [a for a in attempts if a.quiz_id == quiz_id]
    state.passed = any(a.passed for a in round_attempts)
    state.attempt = None if posted else (round_attempts[0] if round_attempts else None)
    if enrolment is not None:
        state.attempts_left, state.pause_until = attempts_left(
            enrolment=enrolment, course=course, lesson_key=lesson.translation_key, quiz_id=quiz_id
        )
        if state.attempts_left == 0:
            when = timezone.localtime(state.pause_until)
            state.pause_message = TrainingError("cooldown", when=_date_time(when)).message
        state.show_form = state.attempts_left != 0
        state.action = reverse("training:quiz_submit", kwargs={"lesson_id": lesson.pk, "quiz_id": quiz_id})
        state.token = uuid.uuid4().hex
    if posted:
        state.error = posted.get("message", "")
        if state.error == state.pause_message:  # the refusal of a submission during the pause says it
            state.pause_message = ""
    given = (posted or {}).get("answers", {})
    errors = (posted or {}).get("errors", {})
    attempt = state.attempt
    for question_id, question, rights in quiz_questions(quiz):
        chosen = set(attempt.answers.get(question_id, [])) if attempt else set()
        choices = []
        for choice in question["choices"].bound_blocks:
            choices.append(
                {
                    "id": choice.id,
                    "text": choice.value["text"],
                    "checked": choice.id in given.get(question_id, []),
                    "chosen": choice.id in chosen,
                    # Only once passed: before that, a failed attempt must not hand out the answers.
                    "right": state.passed and rights.get(choice.id, False),
                }
            )
        state.questions.append(
            {
                "id": question_id,
                "text": question["text"],
                "multiple": question["kind"] == QuestionKind.MULTIPLE,
                "choices": choices,
                "error": errors.get(question_id, ""),
                "result": attempt.results.get(question_id) if attempt else None,
                "explanation": question["explanation"] if attempt else "",
            }
        )
    return state


def _date_time(moment) -> str:
    return formats.date_format(moment, "DATETIME_FORMAT")


def lesson_context(request, *, lesson, course):
    if course is None:  # a preview: the lesson is not served, so its course was not looked up
        course = CoursePage.objects.parent_of(lesson).first() if lesson.pk else None
    if course is None:
        return {"lesson_blocks": [{"block": block, "quiz": None} for block in lesson.body]}
    user = request.user
    lessons = list(course.lessons())
    keys = [item.translation_key for item in lessons]
    position = keys.index(lesson.translation_key) if lesson.translation_key in keys else None
    enrolment = _enrolment(user, course)

    read = done = False
    attempts = []
    if enrolment is not None:
        read = LessonProgress.objects.filter(enrolment=enrolment, lesson_key=lesson.translation_key).exists()
        requirements = {lesson.translation_key: {quiz_id for quiz_id, _quiz in lesson.quizzes()}}
        done = bool(lessons_complete(enrolment=enrolment, requirements=requirements))
        attempts = list(
            QuizAttempt.objects.filter(
                enrolment=enrolment,
                lesson_key=lesson.translation_key,
                submitted_at__gte=enrolment.round_started_at,
            ).order_by("-submitted_at", "-pk")
        )
    submission = getattr(request, "training_quiz", None)
    blocks = []
    for block in lesson.body:
        quiz = None
        if block.block_type == "quiz":
            quiz = _quiz_state(
                lesson=lesson, course=course, enrolment=enrolment, quiz_id=block.id,
                quiz=block.value, attempts=attempts, submission=submission,
            )  # fmt: skip
        blocks.append({"block": block, "quiz": quiz})
    return {
        "course": course,
        "lesson_blocks": blocks,
        "lesson_number": position + 1 if position is not None else None,
        "lesson_count": len(lessons),
        "previous_lesson": lessons[position - 1] if position else None,
        "next_lesson": lessons[position + 1]
        if position is not None and position + 1 < len(lessons)
        else None,
        "enrolment": enrolment,
        "read": read,
        "done": done,
        "has_quiz": any(item["quiz"] for item in blocks),
        "duration": duration_text(lesson.duration_minutes),
    }
