"""Certificates: issued when a course is completed, revoked by an administrator with a reason, reminded of a
month before they expire. Each is also a fact in the volunteer's book, through volunteers' ledger service."""

import datetime as dt

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from config.dates import months_after
from config.i18n import language_codes
from training.errors import TrainingError
from training.models import Certificate, CoursePage, Enrolment
from volunteers.models import EntryKind
from volunteers.services.ledger import ledger_fact_record, ledger_fact_revoke
from volunteers.services.stages import course_subject

REMIND_BEFORE = dt.timedelta(days=30)


def course_titles(course: CoursePage) -> dict:
    """The course's title in each language it is published in (aliases of the source are left out)."""
    pages = CoursePage.objects.filter(translation_key=course.translation_key, alias_of__isnull=True).live()
    titles = {page.locale.language_code: page.title for page in pages.select_related("locale")}
    return {code: titles[code] for code in language_codes() if code in titles} or {"kk": course.title}


def ledger_source(certificate: Certificate) -> str:
    return f"training.certificate:{certificate.pk}"


def certificate_issue(*, enrolment: Enrolment, course: CoursePage) -> Certificate:
    """Issue the certificate of a completed round (the caller holds the enrolment's lock)."""
    from training.notices import certificate_notice_enqueue

    today = timezone.localdate()
    user = enrolment.user
    certificate = Certificate.objects.create(
        user=user,
        enrolment=enrolment,
        course_key=enrolment.course_key,
        holder_name=user.get_full_name() or user.email,
        course_title=course_titles(course),
        issued_on=today,
        expires_on=months_after(today, course.validity_months) if course.validity_months else None,
    )
    ledger_fact_record(
        volunteer=user,
        kind=EntryKind.COURSE_COMPLETED,
        occurred_on=today,
        source=ledger_source(certificate),
        subject=course_subject(enrolment.course_key),
        title=dict(certificate.course_title),
        direction=course.direction,
    )
    certificate_notice_enqueue(certificate=certificate, kind="issued")
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    """Revoke a certificate (issued in error, obtained dishonestly); the book's fact is withdrawn with it.
    The enrolment is locked first, as learning locks it, so a completion cannot slip in between."""
    enrolment = Enrolment.objects.select_for_update().get(pk=certificate.enrolment_id)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise TrainingError("already_revoked")
    reason = (reason or "").strip()
    if not reason:
        raise TrainingError("reason_required", field="reason")
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revoked_reason = reason[:500]
    certificate.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
    ledger_fact_revoke(source=ledger_source(certificate), by=by, reason=reason)
    later = enrolment.certificates.filter(revoked_at__isnull=True, pk__gt=certificate.pk)
    if not later.exists():  # a certificate a renewal has replaced leaves the current round completed
        _round_restart(enrolment=enrolment)
    return certificate


def _round_restart(*, enrolment: Enrolment) -> None:
    """The course is no longer completed: the volunteer may take it again, passing its quizzes anew. The
    lessons stay read, and the count of lessons complete says so at once. The caller holds the lock."""
    from training.services.learning import course_requirements, lessons_complete

    enrolment.completed_at = None
    enrolment.round_started_at = timezone.now()
    fields = ["completed_at", "round_started_at"]
    course = CoursePage.objects.live().filter(translation_key=enrolment.course_key).first()
    if course is not None:
        requirements = course_requirements(course=course)
        enrolment.lessons_done = len(lessons_complete(enrolment=enrolment, requirements=requirements))
        enrolment.lessons_total = len(requirements)
        fields += ["lessons_done", "lessons_total"]
    enrolment.save(update_fields=fields)


def certificates_expiring(*, today: dt.date | None = None):
    """Certificates that end within a month, not reminded of yet, that no later certificate of the same
    course replaces."""
    today = today or timezone.localdate()
    newer = Certificate.objects.filter(
        user_id=OuterRef("user_id"),
        course_key=OuterRef("course_key"),
        revoked_at__isnull=True,
        pk__gt=OuterRef("pk"),
    )
    return (
        Certificate.objects.filter(
            revoked_at__isnull=True,
            reminded_at__isnull=True,
            expires_on__gte=today,
            expires_on__lte=today + REMIND_BEFORE,
        )
        .filter(~Exists(newer))
        .order_by("pk")
    )


def expiry_reminders_enqueue(*, today: dt.date | None = None) -> int:
    """Queue the month-before reminders that are due; each is sent once (see training.notices)."""
    from training.notices import certificate_notice_enqueue

    due = list(certificates_expiring(today=today))
    with transaction.atomic():
        for certificate in due:
            certificate_notice_enqueue(certificate=certificate, kind="expiring")
    return len(due)
