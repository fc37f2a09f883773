"""The learning records in a volunteer's data export, and gone with them when they are erased."""

from django.urls import reverse
from django.utils import translation

from tests.training.test_learning import course_complete, quiz_answer
from training.models import Certificate, Enrolment, LessonProgress, QuizAttempt
from training.services.learning import enrolment_create
from volunteers.models import EntryKind, LedgerEntry
from volunteers.services.privacy import volunteer_data_export, volunteer_erase


def test_the_export_holds_the_volunteers_learning_records_only(programme, volunteer_factory):
    mine, other = volunteer_factory(), volunteer_factory()
    enrolment_create(user=mine, course=programme.course["ru"])
    quiz_answer(mine, programme, programme.quiz.half_right(), language="ru")
    course_complete(mine, programme)
    course_complete(other, programme)
    exported = volunteer_data_export(user=mine)["training"]
    [enrolment] = exported["enrolments"]
    assert enrolment["course"] == str(programme.course["kk"].translation_key)
    assert enrolment["completed_at"] is not None
    assert sorted((attempt["score"], attempt["passed"]) for attempt in enrolment["quiz_attempts"]) == [
        (50, False),
        (100, True),
    ]
    [certificate] = exported["certificates"]
    assert certificate["code"] == Certificate.objects.get(user=mine).code
    assert certificate["course"]["ru"] == "Введение в волонтёрство"
    assert certificate["revoked"] is False
    assert certificate["expires_on"] is not None


def test_the_export_of_someone_who_never_studied_has_an_empty_section(seeded, volunteer):
    assert volunteer_data_export(user=volunteer)["training"] == {"enrolments": [], "certificates": []}


def test_erasing_a_volunteer_deletes_their_learning_records(client, programme, volunteer_factory):
    leaving, staying = volunteer_factory(), volunteer_factory()
    course_complete(leaving, programme)
    course_complete(staying, programme)
    code = Certificate.objects.get(user=leaving).code

    volunteer_erase(user=leaving, actor=leaving, reason="consent_withdrawn")

    assert not Certificate.objects.filter(user=leaving).exists()
    assert not Certificate.objects.filter(code=code).exists()
    assert not Enrolment.objects.filter(user=leaving).exists()
    assert not QuizAttempt.objects.filter(enrolment__user=leaving).exists()
    assert not LessonProgress.objects.filter(enrolment__user=leaving).exists()
    assert QuizAttempt.objects.filter(enrolment__user=staying).count() == 1
    assert Certificate.objects.filter(user=staying).count() == 1
    # The book keeps the anonymous fact for the figures; the account it belongs to has no name any more.
    assert LedgerEntry.objects.filter(volunteer=leaving, kind=EntryKind.COURSE_COMPLETED).count() == 1
    assert volunteer_data_export(user=leaving)["training"] == {"enrolments": [], "certificates": []}
    for language in ("kk", "ru", "en"):
        with translation.override(language):
            url = reverse("training:certificate_verify", args=[code])
            assert client.get(url).status_code == 404
