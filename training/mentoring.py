"""Tells mentoring (in volunteers) who holds a valid safeguarding certificate: the gate of Sabaqtastyq
mentors."""

from training.models import Certificate, Qualification
from training.qualifications import qualification_course_keys
from volunteers.mentoring.services.eligibility import safeguarding_source


@safeguarding_source
def _safeguarding_certificates(ids, day) -> dict:
    found: dict = {}
    certificates = Certificate.objects.valid_on(day).filter(
        user_id__in=list(ids), course_key__in=qualification_course_keys(Qualification.SAFEGUARDING)
    )
    for user_id, expires_on in certificates.values_list("user_id", "expires_on"):
        held = found.get(user_id, expires_on)
        found[user_id] = None if expires_on is None or held is None else max(expires_on, held)
    return found
