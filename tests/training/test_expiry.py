"""When certificates end: months counted as the calendar does, the expiry day itself valid, revocation
beating validity, and the reminders a month before."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from tests.training.conftest import programme_create
from tests.training.test_learning import course_complete, moment, quiz_answer
from training.errors import TrainingError
from training.models import Certificate, Enrolment
from training.services.certificates import certificate_revoke, certificates_expiring, months_after
from training.services.learning import enrolment_renew, lesson_mark_read
from volunteers.models import EntryKind, EntryStatus, LedgerEntry


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2025-01-31", 1, "2025-02-28"),
        ("2024-01-31", 1, "2024-02-29"),  # leap year
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2025-03-31", 1, "2025-04-30"),
        ("2025-01-15", 12, "2026-01-15"),
        ("2025-11-30", 3, "2026-02-28"),
        ("2025-12-31", 1, "2026-01-31"),
        ("2025-12-15", 24, "2027-12-15"),
        ("2025-05-20", 0, "2025-05-20"),
        ("2025-05-20", 120, "2035-05-20"),
    ],
)
def test_months_after(day, months, expected):
    assert months_after(dt.date.fromisoformat(day), months) == dt.date.fromisoformat(expected)


def test_a_course_valid_for_zero_months_gives_a_certificate_without_end(seeded, volunteer):
    programme = programme_create(validity_months=0)
    course_complete(volunteer, programme)
    certificate = Certificate.objects.get(user=volunteer)
    assert certificate.expires_on is None
    far = dt.date(2100, 1, 1)
    assert certificate.state(far) == Certificate.State.VALID
    assert list(Certificate.objects.valid_on(far)) == [certificate]


def test_the_expiry_day_is_valid_and_the_next_is_not(seeded, volunteer):
    programme = programme_create(validity_months=1)
    with time_machine.travel(moment("2025-01-31"), tick=False):
        course_complete(volunteer, programme)
    certificate = Certificate.objects.get(user=volunteer)
    assert (certificate.issued_on, certificate.expires_on) == (dt.date(2025, 1, 31), dt.date(2025, 2, 28))
    states = {
        day: certificate.state(dt.date.fromisoformat(day))
        for day in ("2025-01-31", "2025-02-28", "2025-03-01")
    }
    assert states == {"2025-01-31": "valid", "2025-02-28": "valid", "2025-03-01": "expired"}
    valid = Certificate.objects.valid_on
    assert valid(dt.date(2025, 1, 30)).count() == 0  # not issued yet
    assert valid(dt.date(2025, 1, 31)).count() == 1
    assert valid(dt.date(2025, 2, 28)).count() == 1
    assert valid(dt.date(2025, 3, 1)).count() == 0


def test_a_revoked_certificate_is_revoked_whatever_its_dates(programme, volunteer, coordinator):
    course_complete(volunteer, programme)
    certificate = certificate_revoke(
        certificate=Certificate.objects.get(user=volunteer), by=coordinator, reason="Issued in error"
    )
    today = timezone.localdate()
    assert certificate.state(today) == Certificate.State.REVOKED
    assert certificate.state(today + dt.timedelta(days=5000)) == Certificate.State.REVOKED
    assert not Certificate.objects.valid_on(today).exists()
    certificate.refresh_from_db()
    assert (certificate.revoked_by, certificate.revoked_reason) == (coordinator, "Issued in error")


def test_revoking_needs_a_reason(programme, volunteer, coordinator):
    course_complete(volunteer, programme)
    certificate = Certificate.objects.get(user=volunteer)
    for reason in ("", "   \n", None):
        with pytest.raises(TrainingError) as raised:
            certificate_revoke(certificate=certificate, by=coordinator, reason=reason)
        assert (raised.value.code, raised.value.field) == ("reason_required", "reason")
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    assert not LedgerEntry.objects.filter(status=EntryStatus.REVOKED).exists()


def test_revoking_twice_is_refused_and_withdraws_the_fact_once(programme, volunteer, coordinator):
    course_complete(volunteer, programme)
    certificate = Certificate.objects.get(user=volunteer)
    certificate_revoke(certificate=certificate, by=coordinator, reason="Copied the answers")
    with pytest.raises(TrainingError) as raised:
        certificate_revoke(certificate=certificate, by=coordinator, reason="Again")
    assert raised.value.code == "already_revoked"
    completed = LedgerEntry.objects.get(volunteer=volunteer, status=EntryStatus.VERIFIED)
    assert completed.kind == EntryKind.COURSE_COMPLETED
    [withdrawn] = LedgerEntry.objects.filter(volunteer=volunteer, status=EntryStatus.REVOKED)
    assert withdrawn.corrects == completed
    assert (withdrawn.kind, withdrawn.source, withdrawn.note) == (
        EntryKind.COURSE_COMPLETED,
        completed.source,
        "Copied the answers",
    )
    assert withdrawn.verified_by == coordinator
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Copied the answers"


def test_a_revoked_course_can_be_taken_again(programme, volunteer, coordinator):
    course = programme.course["kk"]
    course_complete(volunteer, programme)
    certificate_revoke(certificate=Certificate.objects.get(user=volunteer), by=coordinator, reason="Error")
    enrolment = Enrolment.objects.get(user=volunteer)
    assert enrolment.completed_at is None
    # The lessons stay read; the quiz must be passed again.
    assert (enrolment.lessons_done, enrolment.lessons_total, enrolment.percent) == (2, 3, 67)
    lesson_mark_read(user=volunteer, lesson=programme.lesson(0), course=course)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    quiz_answer(volunteer, programme, programme.quiz.all_right())
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert Certificate.objects.filter(user=volunteer).count() == 2
    assert Certificate.objects.valid_on(timezone.localdate()).filter(user=volunteer).count() == 1
    assert LedgerEntry.objects.filter(volunteer=volunteer, status=EntryStatus.VERIFIED).count() == 2


def test_revoking_a_replaced_certificate_leaves_the_current_one_standing(seeded, volunteer, coordinator):
    programme = programme_create(validity_months=12)
    with time_machine.travel(moment("2025-01-15"), tick=False):
        course_complete(volunteer, programme)
    with time_machine.travel(moment("2025-12-20"), tick=False):
        enrolment_renew(user=volunteer, course=programme.course["kk"])
    with time_machine.travel(moment("2025-12-21"), tick=False):
        quiz_answer(volunteer, programme, programme.quiz.all_right())
    old, current = Certificate.objects.filter(user=volunteer).order_by("pk")
    with time_machine.travel(moment("2025-12-22"), tick=False):
        certificate_revoke(certificate=old, by=coordinator, reason="Issued in error")
    enrolment = Enrolment.objects.get(user=volunteer)
    assert enrolment.completed_at is not None
    assert enrolment.percent == 100
    assert current.state(dt.date(2025, 12, 22)) == Certificate.State.VALID


def _certificate_on(programme, user, day: str) -> Certificate:
    with time_machine.travel(moment(day), tick=False):
        course_complete(user, programme)
    return Certificate.objects.filter(user=user).latest("pk")


def test_certificates_expiring_within_a_month(seeded, volunteer_factory, coordinator):
    programme = programme_create(validity_months=12)
    in_30_days = _certificate_on(programme, volunteer_factory(), "2025-03-01")  # ends 2026-03-01
    in_31_days = _certificate_on(programme, volunteer_factory(), "2025-03-02")
    today_ends = _certificate_on(programme, volunteer_factory(), "2025-01-30")
    ended = _certificate_on(programme, volunteer_factory(), "2025-01-29")
    reminded = _certificate_on(programme, volunteer_factory(), "2025-02-15")
    Certificate.objects.filter(pk=reminded.pk).update(reminded_at=timezone.now())
    revoked = _certificate_on(programme, volunteer_factory(), "2025-02-15")
    certificate_revoke(certificate=revoked, by=coordinator, reason="Error")
    assert list(certificates_expiring(today=dt.date(2026, 1, 30))) == [in_30_days, today_ends]
    assert in_31_days not in certificates_expiring(today=dt.date(2026, 1, 30))
    assert ended not in certificates_expiring(today=dt.date(2026, 1, 30))
    assert list(certificates_expiring(today=dt.date(2026, 1, 31))) == [in_30_days, in_31_days]


def test_a_renewed_certificate_is_not_reminded_of(seeded, volunteer_factory):
    programme = programme_create(validity_months=12)
    renewer, other = volunteer_factory(), volunteer_factory()
    _certificate_on(programme, renewer, "2025-03-01")
    kept = _certificate_on(programme, other, "2025-03-01")
    with time_machine.travel(moment("2026-02-01"), tick=False):
        enrolment_renew(user=renewer, course=programme.course["kk"])
    with time_machine.travel(moment("2026-02-02"), tick=False):
        quiz_answer(renewer, programme, programme.quiz.all_right())
    assert Certificate.objects.filter(user=renewer).count() == 2
    assert list(certificates_expiring(today=dt.date(2026, 2, 5))) == [kept]


def test_a_newer_certificate_that_was_revoked_does_not_replace(seeded, volunteer, coordinator):
    programme = programme_create(validity_months=12)
    first = _certificate_on(programme, volunteer, "2025-03-01")
    with time_machine.travel(moment("2026-02-01"), tick=False):
        enrolment_renew(user=volunteer, course=programme.course["kk"])
    with time_machine.travel(moment("2026-02-02"), tick=False):
        quiz_answer(volunteer, programme, programme.quiz.all_right())
        second = Certificate.objects.filter(user=volunteer).latest("pk")
        certificate_revoke(certificate=second, by=coordinator, reason="Error")
    assert list(certificates_expiring(today=dt.date(2026, 2, 5))) == [first]
