"""The certificate e-mails: "issued" with the PDF attached, and the reminder a month before expiry, each in
the volunteer's language and each sent once."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from tests.training.conftest import course_complete
from tests.training.test_certificates import COURSE, pdf_text
from training.models import Certificate
from training.notices import certificate_notice_deliver
from training.services.certificates import certificate_revoke, expiry_reminders_enqueue
from training.services.learning import enrolment_renew

pytestmark = pytest.mark.django_db


def noon(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def _clean(text: str) -> None:
    for leftover in ("{%", "{{", "&amp;", "&#x27;", "&quot;", "None"):
        assert leftover not in text


def test_the_issued_e_mail_is_in_the_volunteers_language_with_the_pdf(volunteer_factory, programme):
    for language in ("kk", "ru", "en"):
        mail.outbox = []
        volunteer = volunteer_factory(language=language)
        certificate = course_complete(volunteer, programme)

        assert certificate_notice_deliver(certificate_id=certificate.pk, kind="issued") is True

        [message] = mail.outbox
        assert message.to == [volunteer.email]
        assert "\n" not in message.subject
        assert COURSE[language] in message.subject
        assert COURSE[language] in message.body
        for other in {"kk", "ru", "en"} - {language}:
            assert COURSE[other] not in message.subject + message.body
        assert certificate.code in message.body
        assert f"/{language}/certificates/{certificate.code}/" in message.body
        assert f"/{language}/training/my/" in message.body
        _clean(message.subject + message.body)
        [(filename, content, mimetype)] = message.attachments
        assert (filename, mimetype) == (f"certificate-{certificate.code}.pdf", "application/pdf")
        assert f"«{COURSE[language]}»" in pdf_text(content)


def test_completing_a_course_sends_the_issued_e_mail_once_committed(
    volunteer_factory, programme, django_capture_on_commit_callbacks
):
    volunteer = volunteer_factory(language="ru")

    with django_capture_on_commit_callbacks(execute=True):
        certificate = course_complete(volunteer, programme)

    [message] = mail.outbox
    assert certificate.code in message.body
    assert message.attachments


def test_no_e_mail_for_a_revoked_certificate(volunteer_factory, programme, user_factory):
    certificate = course_complete(volunteer_factory(), programme)
    certificate_revoke(certificate=certificate, by=user_factory(email="admin@example.kz"), reason="Error")

    assert certificate_notice_deliver(certificate_id=certificate.pk, kind="issued") is False
    assert certificate_notice_deliver(certificate_id=certificate.pk, kind="expiring") is False
    assert mail.outbox == []


# --- The reminder a month before expiry ---------------------------------------------------------------------


@pytest.fixture
def issued(volunteer_factory, programme):
    """A certificate valid for the course's default 24 months, of a volunteer who reads Russian."""
    return course_complete(volunteer_factory(language="ru"), programme)


def _remind_on(day: dt.date, capture) -> int:
    with time_machine.travel(noon(day), tick=False), capture(execute=True):
        return expiry_reminders_enqueue()


def test_the_reminder_goes_out_a_month_before_expiry_not_a_day_earlier(
    issued, django_capture_on_commit_callbacks
):
    month_before = issued.expires_on - dt.timedelta(days=30)

    assert _remind_on(month_before - dt.timedelta(days=1), django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []
    assert _remind_on(month_before, django_capture_on_commit_callbacks) == 1

    [message] = mail.outbox
    assert message.to == [issued.user.email]
    assert COURSE["ru"] in message.subject
    assert COURSE["ru"] in message.body
    assert "/ru/training/my/" in message.body
    assert f"/ru/certificates/{issued.code}/" in message.body
    assert not message.attachments
    _clean(message.subject + message.body)


def test_the_reminder_is_sent_once(issued, django_capture_on_commit_callbacks):
    month_before = issued.expires_on - dt.timedelta(days=30)

    _remind_on(month_before, django_capture_on_commit_callbacks)
    _remind_on(month_before, django_capture_on_commit_callbacks)
    _remind_on(month_before + dt.timedelta(days=10), django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    assert Certificate.objects.get(pk=issued.pk).reminded_at is not None


def test_on_its_last_day_a_certificate_not_reminded_of_yet_still_is(
    issued, django_capture_on_commit_callbacks
):
    assert _remind_on(issued.expires_on, django_capture_on_commit_callbacks) == 1
    assert _remind_on(issued.expires_on + dt.timedelta(days=1), django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 1


def test_no_reminder_for_a_revoked_certificate(issued, user_factory, django_capture_on_commit_callbacks):
    certificate_revoke(certificate=issued, by=user_factory(email="admin@example.kz"), reason="Error")

    assert _remind_on(issued.expires_on - dt.timedelta(days=5), django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_no_reminder_for_a_certificate_a_newer_one_replaces(
    issued, programme, django_capture_on_commit_callbacks
):
    volunteer = issued.user
    renewal_opens = issued.expires_on - dt.timedelta(days=30)
    with time_machine.travel(noon(renewal_opens), tick=False):
        enrolment_renew(user=volunteer, course=programme.course["kk"])
        newer = course_complete(volunteer, programme)
    assert newer.pk != issued.pk
    assert Certificate.objects.get(pk=issued.pk).reminded_at is None

    assert _remind_on(renewal_opens + dt.timedelta(days=1), django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []
