"""The volunteer's actions on the programme's pages: enrol, renew, mark a lesson read, submit a quiz.

POST only, with CSRF. A page is looked up among the live pages of its type (a lesson also needs its course
live), else 404. A visitor who is not signed in is sent to sign in and back to the page, not to the action.
Domain refusals become a message (or, for a quiz, the lesson again with status 400 and the errors next to
the questions), never a 500."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from training.errors import TrainingError
from training.models import CoursePage, Enrolment, LessonPage
from training.scoring import AnswersInvalid, quiz_questions
from training.services import learning


def _course(course_id: int) -> CoursePage:
    course = CoursePage.objects.live().filter(pk=course_id).first()
    if course is None:
        raise Http404
    return course


def _lesson(lesson_id: int) -> tuple[LessonPage, CoursePage]:
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    course = CoursePage.objects.live().parent_of(lesson).first() if lesson is not None else None
    if course is None:
        raise Http404
    return lesson, course


def _restricted(page, request) -> bool:
    """Wagtail's view restrictions (a password, sign-in, groups) apply to the actions too, since a refused
    submission renders the lesson without going through Wagtail's serve view."""
    return any(not restriction.accept_request(request) for restriction in page.get_view_restrictions())


def _completed_now(*, user, course: CoursePage, since) -> bool:
    return Enrolment.objects.filter(
        user=user, course_key=course.translation_key, completed_at__gte=since
    ).exists()


def _completion_message(request) -> None:
    messages.success(
        request,
        _("You have completed the course. Your certificate is on the course's page and in “My learning”."),
    )


def _course_action(request, course_id: int, service, done: str):
    """Enrol or renew: back to the course's page with the outcome, or the reason it was refused."""
    course = _course(course_id)
    url = course.get_url(request)
    if not request.user.is_authenticated:
        return redirect_to_login(url)
    if _restricted(course, request):
        raise Http404
    try:
        service(user=request.user, course=course)
    except TrainingError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(url)
    messages.success(request, done)
    return HttpResponseRedirect(url)


@require_POST
def enrol(request, course_id: int):
    return _course_action(
        request, course_id, learning.enrolment_create, _("You are enrolled. Start with the first lesson.")
    )


@require_POST
def renew(request, course_id: int):
    return _course_action(
        request,
        course_id,
        learning.enrolment_renew,
        _("A new round has started: pass the quizzes again to renew your certificate."),
    )


@require_POST
def lesson_read(request, lesson_id: int):
    lesson, course = _lesson(lesson_id)
    url = lesson.get_url(request)
    if not request.user.is_authenticated:
        return redirect_to_login(url)
    if _restricted(lesson, request):
        raise Http404
    started = timezone.now()
    try:
        learning.lesson_mark_read(user=request.user, lesson=lesson, course=course)
    except TrainingError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(url)
    if _completed_now(user=request.user, course=course, since=started):
        _completion_message(request)
    else:
        messages.success(request, _("The lesson is marked as read."))
    return HttpResponseRedirect(url)


def _lesson_again(request, lesson: LessonPage, submission: dict):
    """The lesson page with a submission that was not recorded: its errors, the answers kept, status 400."""
    request.training_quiz = submission
    response = lesson.serve(request)
    response.status_code = 400
    return response


@require_POST
def quiz_submit(request, lesson_id: int, quiz_id: str):
    lesson, course = _lesson(lesson_id)
    url = lesson.get_url(request)
    if not request.user.is_authenticated:
        return redirect_to_login(url)
    if _restricted(lesson, request):
        raise Http404
    quiz = dict(lesson.quizzes()).get(quiz_id)
    question_ids = [question_id for question_id, _question, _choices in quiz_questions(quiz)] if quiz else []
    answers = {question_id: request.POST.getlist(question_id) for question_id in question_ids}
    started = timezone.now()
    try:
        learning.quiz_submit(
            user=request.user, lesson=lesson, course=course, quiz_id=quiz_id, answers=answers,
            token=request.POST.get("token", ""),
        )  # fmt: skip
    except AnswersInvalid as error:
        return _lesson_again(
            request,
            lesson,
            {
                "quiz_id": quiz_id,
                "answers": answers,
                "message": error.message,
                "errors": {question_id: e.message for question_id, e in error.errors.items()},
            },
        )
    except TrainingError as error:
        if quiz is None or error.code == "not_enrolled":
            # Not a form on this page the volunteer can fix: say it at the top of the page.
            messages.error(request, error.message)
            return _lesson_again(request, lesson, {})
        return _lesson_again(
            request, lesson, {"quiz_id": quiz_id, "answers": answers, "message": error.message}
        )
    if _completed_now(user=request.user, course=course, since=started):
        _completion_message(request)
    return HttpResponseRedirect(f"{url}#quiz-{quiz_id}", status=303)
