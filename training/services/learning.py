"""Enrolling, reading lessons, taking quizzes, completing a course. Each entry point owns its transaction and
locks the enrolment row first, so a double click, two tabs or a retried request write one result."""

import datetime as dt
import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import formats, timezone

from training.errors import TrainingError
from training.models import Certificate, CoursePage, Enrolment, LessonPage, LessonProgress, QuizAttempt
from training.qualifications import courses_missing
from training.scoring import quiz_score
from volunteers.models.profile import age_on

RENEW_BEFORE = dt.timedelta(
    days=30
)  # a certificate may be renewed, and is reminded of, a month before it ends


def enrolment_refusals(*, user, course: CoursePage, on: dt.date | None = None) -> list[TrainingError]:
    if not user.is_authenticated:
        return [TrainingError("sign_in")]
    day = on or timezone.localdate()
    refusals = []
    if not course.minors_allowed:
        profile = getattr(user, "profile", None)
        if profile is None or profile.erased_at is not None or profile.date_of_birth is None:
            return [TrainingError("no_profile")]
        if age_on(profile.date_of_birth, day) < settings.VOLUNTEERS_ADULT_AGE:
            refusals.append(TrainingError("adults_only"))
    prerequisites = list(course.prerequisites.all())
    for missing in courses_missing(user=user, courses=prerequisites, on=day):
        refusals.append(TrainingError("prerequisite_missing", course=missing.localized.title))
    return refusals


@transaction.atomic
def enrolment_create(*, user, course: CoursePage) -> Enrolment:
    """Enrol once; enrolling again returns the enrolment there is."""
    if not user.is_authenticated:  # an anonymous user cannot even be looked up
        raise TrainingError("sign_in")
    existing = Enrolment.objects.filter(user=user, course_key=course.translation_key).first()
    if existing is not None:
        return existing
    refusals = enrolment_refusals(user=user, course=course)
    if refusals:
        raise refusals[0]
    enrolment, _created = Enrolment.objects.get_or_create(
        user=user,
        course_key=course.translation_key,
        defaults={"round_started_at": timezone.now(), "lessons_total": course.lessons().count()},
    )
    return enrolment


def _enrolment_locked(*, user, course: CoursePage) -> Enrolment:
    if not user.is_authenticated:
        raise TrainingError("sign_in")
    enrolment = (
        Enrolment.objects.select_for_update().filter(user=user, course_key=course.translation_key).first()
    )
    if enrolment is None:
        raise TrainingError("not_enrolled")
    return enrolment


@transaction.atomic
def lesson_mark_read(*, user, lesson: LessonPage, course: CoursePage) -> Enrolment:
    enrolment = _enrolment_locked(user=user, course=course)
    LessonProgress.objects.get_or_create(enrolment=enrolment, lesson_key=lesson.translation_key)
    progress_update(enrolment=enrolment, course=course)
    return enrolment


def attempts_left(*, enrolment: Enrolment, course: CoursePage, lesson_key, quiz_id: str, now=None):
    """(attempts left before a pause or None when unlimited, the moment the pause ends or None).

    A rolling window: at most `attempts_limit` failed attempts in any `cooldown_hours`; passing needs no
    pause, and a passed quiz may be taken again for practice within the same limit."""
    if not course.attempts_limit:
        return None, None
    now = now or timezone.now()
    window = dt.timedelta(hours=course.cooldown_hours)
    failed = list(
        QuizAttempt.objects.filter(
            enrolment=enrolment,
            lesson_key=lesson_key,
            quiz_id=quiz_id,
            passed=False,
            submitted_at__gt=now - window,
        )
        .order_by("-submitted_at")
        .values_list("submitted_at", flat=True)[: course.attempts_limit]
    )
    if len(failed) < course.attempts_limit:
        return course.attempts_limit - len(failed), None
    return 0, failed[-1] + window


@transaction.atomic
def quiz_submit(
    *, user, lesson: LessonPage, course: CoursePage, quiz_id: str, answers: dict, token: str
) -> QuizAttempt:
    """Score the answers on the server and record the attempt. The same form (token) submitted again returns
    the attempt it made. Bad answers raise TrainingError with `field` set to the question's id."""
    enrolment = _enrolment_locked(user=user, course=course)
    token = str(token)[:64]
    repeated = QuizAttempt.objects.filter(enrolment=enrolment, token=token).first()
    if repeated is not None:
        return repeated
    quizzes = dict(lesson.quizzes())
    if quiz_id not in quizzes:
        raise TrainingError("quiz_unknown")
    # A paused volunteer is told so first, rather than asked to correct answers that cannot be taken.
    left, until = attempts_left(
        enrolment=enrolment, course=course, lesson_key=lesson.translation_key, quiz_id=quiz_id
    )
    if left == 0:
        raise TrainingError(
            "cooldown", when=formats.date_format(timezone.localtime(until), "DATETIME_FORMAT")
        )
    result = quiz_score(quizzes[quiz_id], answers)  # raises on an unanswered or tampered question
    score = result.percent
    attempt = QuizAttempt.objects.create(
        enrolment=enrolment,
        lesson_key=lesson.translation_key,
        quiz_id=quiz_id,
        token=token or uuid.uuid4().hex,
        answers=result.answers,
        results=result.results,
        correct=result.correct,
        total=result.total,
        score=score,
        passed=score >= course.pass_mark,
    )
    if attempt.passed:
        LessonProgress.objects.get_or_create(enrolment=enrolment, lesson_key=lesson.translation_key)
    progress_update(enrolment=enrolment, course=course)
    return attempt


def course_requirements(*, course: CoursePage) -> dict:
    """{lesson key: {quiz ids}} of the course's live lessons. Lessons are the same in every language (a
    translation or an alias of each), so one language's tree is the course's."""
    return {
        lesson.translation_key: {quiz_id for quiz_id, _quiz in lesson.quizzes()}
        for lesson in course.lessons()
    }


def lessons_complete(*, enrolment: Enrolment, requirements: dict) -> set:
    """The lessons complete in the enrolment's round: read, and every quiz passed since the round began."""
    read = set(enrolment.lessons_read.values_list("lesson_key", flat=True))
    passed = set(
        enrolment.attempts.filter(passed=True, submitted_at__gte=enrolment.round_started_at).values_list(
            "lesson_key", "quiz_id"
        )
    )
    return {
        key
        for key, quiz_ids in requirements.items()
        if key in read and all((key, quiz_id) in passed for quiz_id in quiz_ids)
    }


def progress_update(*, enrolment: Enrolment, course: CoursePage) -> Enrolment:
    """Count the lessons complete; when all are, the course is completed and its certificate issued. The
    caller holds the enrolment's lock."""
    from training.services.certificates import certificate_issue

    requirements = course_requirements(course=course)
    done = lessons_complete(enrolment=enrolment, requirements=requirements)
    enrolment.lessons_done, enrolment.lessons_total = len(done), len(requirements)
    fields = ["lessons_done", "lessons_total"]
    if requirements and len(done) == len(requirements) and enrolment.completed_at is None:
        enrolment.completed_at = timezone.now()
        fields.append("completed_at")
        enrolment.save(update_fields=fields)
        certificate_issue(enrolment=enrolment, course=course)
    else:
        enrolment.save(update_fields=fields)
    return enrolment


def renewal_due(*, enrolment: Enrolment, on: dt.date | None = None) -> bool:
    """A completed course may be taken again once its certificate has lapsed, or in the month before."""
    if enrolment.completed_at is None:
        return False
    day = on or timezone.localdate()
    current = (
        Certificate.objects.filter(enrolment=enrolment)
        .valid_on(day)
        .order_by(F("expires_on").desc(nulls_first=True))  # one that never ends outlasts any other
        .first()
    )
    if current is None:
        return True
    return current.expires_on is not None and current.expires_on - RENEW_BEFORE <= day


@transaction.atomic
def enrolment_renew(*, user, course: CoursePage) -> Enrolment:
    """Start a new round: the quizzes are taken again, and passing them issues a new certificate."""
    enrolment = _enrolment_locked(user=user, course=course)
    if enrolment.completed_at is None:
        return enrolment
    if not renewal_due(enrolment=enrolment):
        raise TrainingError("renewal_not_due")
    enrolment.round_started_at = timezone.now()
    enrolment.completed_at = None
    enrolment.save(update_fields=["round_started_at", "completed_at"])
    return progress_update(enrolment=enrolment, course=course)
