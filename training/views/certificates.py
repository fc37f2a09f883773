"""Certificates as their holder and the public see them: the volunteer's learning page, the PDF, and the
public verification page that a certificate's QR code opens."""

import re

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from training.models import Certificate, CoursePage, Enrolment
from training.pdf import certificate_pdf as pdf_render
from training.selectors import certificates_standing, courses_by_key
from training.services.learning import RENEW_BEFORE

# Codes are upper-case letters and digits; people type them in lower case, with spaces or dashes.
CODE_RE = re.compile(r"^[A-Z0-9]{4,16}$")
CODE_SEPARATORS = re.compile(r"[\s\-]+")


def code_normalised(code: str) -> str | None:
    """The code as stored, or None when it cannot be one (then there is nothing to look up)."""
    code = CODE_SEPARATORS.sub("", code or "").upper()
    return code if CODE_RE.match(code) else None


def _certificate_or_404(queryset, code: str) -> Certificate:
    code = code_normalised(code)
    certificate = queryset.filter(code=code).first() if code else None
    if certificate is None:
        raise Http404
    return certificate


@require_safe
@never_cache  # the state must be current: a revocation shows at once
def certificate_verify(request, code: str):
    """Public: the holder's name, the course, the dates and the state. Nothing else reaches the template, and
    an unknown or malformed code gets the site's ordinary 404."""
    certificate = _certificate_or_404(Certificate.objects.all(), code)
    today = timezone.localdate()
    title, title_language = certificate.course_title.resolve()
    context = {
        "verified": {
            "code": certificate.code,
            "holder_name": certificate.holder_name,
            "course": title,
            "course_language": title_language,
            "issued_on": certificate.issued_on,
            "expires_on": certificate.expires_on,
            "state": certificate.state(today),
            "revoked_on": timezone.localdate(certificate.revoked_at) if certificate.revoked_at else None,
        }
    }
    response = render(request, "training/certificate_verify.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
@never_cache
@login_required
def certificate_pdf(request, code: str):
    """The holder's own certificate in the current language. Someone else's code, an unknown one and a
    revoked certificate are all 404: a revoked certificate is not a document to hand out any more."""
    certificate = _certificate_or_404(
        Certificate.objects.filter(user=request.user, revoked_at__isnull=True), code
    )
    return HttpResponse(
        pdf_render(certificate, get_language()),
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="certificate-{certificate.code}.pdf"'},
    )


def _title(certificate: Certificate | None, course: CoursePage | None) -> dict:
    """A course's title to show, in the visitor's language when there is one, and the language it is in."""
    if course is not None:
        return {"text": course.title, "lang": course.locale.language_code}
    if certificate is not None:
        text, language = certificate.course_title.resolve()
        return {"text": text, "lang": language or ""}
    return {"text": "", "lang": ""}


@never_cache
@login_required
def my_learning(request):
    """The volunteer's courses: progress of those under way, the certificate of those completed, and every
    certificate held. The same few queries however many courses."""
    today = timezone.localdate()
    enrolments = list(Enrolment.objects.filter(user=request.user).order_by("-enrolled_at", "-pk"))
    certificates = list(Certificate.objects.filter(user=request.user).order_by("-issued_on", "-pk"))
    courses = courses_by_key(enrolment.course_key for enrolment in enrolments)
    for certificate in certificates:
        certificate.current_state = certificate.state(today)
    latest, current = certificates_standing(certificates, key=lambda c: c.enrolment_id, today=today)

    under_way, completed = [], []
    for enrolment in enrolments:
        course = courses.get(enrolment.course_key)
        certificate = current.get(enrolment.pk) or latest.get(enrolment.pk)
        row = {
            "enrolment": enrolment,
            "course": course,
            "url": course.get_url(request) if course is not None else "",
            "title": _title(certificate, course),
            "certificate": certificate,
            "expiring": _expiring(certificate, today),
        }
        if enrolment.completed_at is None:
            under_way.append(row)
        else:
            completed.append(row)
    for certificate in certificates:
        course = courses.get(certificate.course_key)
        certificate.title = _title(certificate, course)
    return render(
        request,
        "training/my_learning.html",
        {
            "under_way": under_way,
            "completed": completed,
            "certificates": certificates,
            "today": today,
            "renew_days": RENEW_BEFORE.days,
        },
    )


def _expiring(certificate: Certificate | None, today) -> bool:
    """A valid certificate that ends within the renewal month (renewing is open from then on)."""
    return (
        certificate is not None
        and certificate.current_state == Certificate.State.VALID
        and certificate.expires_on is not None
        and certificate.expires_on - RENEW_BEFORE <= today
    )
