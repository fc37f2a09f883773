"""What the training programme holds about a volunteer, in their data export; erased with them."""

from training.models import Certificate, Enrolment
from volunteers.services.privacy import export_section, on_erase


@export_section("training")
def _training(user):
    enrolments = Enrolment.objects.filter(user=user).prefetch_related("attempts").order_by("enrolled_at")
    return {
        "enrolments": [
            {
                "course": str(enrolment.course_key),
                "enrolled_at": enrolment.enrolled_at.isoformat(),
                "completed_at": enrolment.completed_at.isoformat() if enrolment.completed_at else None,
                "quiz_attempts": [
                    {
                        "quiz": attempt.quiz_id,
                        "score": attempt.score,
                        "passed": attempt.passed,
                        "submitted_at": attempt.submitted_at.isoformat(),
                    }
                    for attempt in enrolment.attempts.all()
                ],  # fmt: skip
            }
            for enrolment in enrolments
        ],
        "certificates": [
            {
                "code": certificate.code,
                "course": dict(certificate.course_title),
                "issued_on": certificate.issued_on.isoformat(),
                "expires_on": certificate.expires_on.isoformat() if certificate.expires_on else None,
                "revoked": certificate.revoked_at is not None,
            }
            for certificate in Certificate.objects.filter(user=user).order_by("issued_on", "pk")
        ],
    }


@on_erase
def _erase(user):
    # The verification page of an erased volunteer's certificate answers 404, like a code that never existed.
    Certificate.objects.filter(user=user).delete()
    Enrolment.objects.filter(user=user).delete()
