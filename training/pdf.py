"""A certificate as a one-page PDF (A4 landscape) in the holder's language, with a QR code of its public
verification page. Fonts, QR code and page furniture are shared with the other documents (config/pdf.py):
DejaVu Sans is embedded so that Kazakh letters print, and the same certificate in the same language gives the
same bytes."""

import io

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from config.i18n import TranslatedText
from config.pdf import (
    ACCENT,
    BOLD,
    INK,
    MUTED,
    REGULAR,
    absolute_url,
    canvas_new,
    date_text,
    double_frame,
    fitted,
    fonts_register,
    verification_block,
)
from training.models import Certificate

PAGE = landscape(A4)


def verification_url(certificate: Certificate) -> str:
    """The absolute address of the certificate's public page, in the active language."""
    return absolute_url(reverse("training:certificate_verify", args=[certificate.code]))


def _centred(canvas: Canvas, lines: list[str], font: str, size: float, y: float, leading: float) -> float:
    """Draw `lines` centred on the page from `y` down; the `y` below them."""
    canvas.setFont(font, size)
    for line in lines:
        canvas.drawCentredString(PAGE[0] / 2, y, line)
        y -= leading
    return y


def certificate_pdf(certificate: Certificate, language: str) -> bytes:
    fonts_register()
    with translation.override(language):
        return _render(certificate, language)


def _render(certificate: Certificate, language: str) -> bytes:
    out = io.BytesIO()
    width, height = PAGE
    url = verification_url(certificate)
    course = TranslatedText(certificate.course_title or {}).in_language(language)
    canvas = canvas_new(
        out, pagesize=PAGE, language=language, title=f"{_('Certificate')} {certificate.code}", subject=course,
        author=_("Birgemiz"),
    )  # fmt: skip
    double_frame(canvas, PAGE)

    text_width = width - 70 * mm
    canvas.setFillColor(ACCENT)
    y = _centred(canvas, [_("Birgemiz")], BOLD, 20, height - 34 * mm, 8 * mm)
    canvas.setFillColor(MUTED)
    y = _centred(canvas, [_("Kazakhstan's national volunteering platform")], REGULAR, 11, y, 16 * mm)

    canvas.setFillColor(INK)
    y = _centred(canvas, [_("Certificate").upper()], BOLD, 34, y, 14 * mm)
    canvas.setFillColor(MUTED)
    y = _centred(canvas, [_("This certifies that")], REGULAR, 13, y, 11 * mm)

    canvas.setFillColor(INK)
    size, lines = fitted(certificate.holder_name, BOLD, 26, text_width, 14)
    y = _centred(canvas, lines[:2], BOLD, size, y, size * 1.25) - 3 * mm
    canvas.setFillColor(MUTED)
    y = _centred(
        canvas, [_("has completed the course of the unified training programme")], REGULAR, 13, y, 9 * mm
    )
    canvas.setFillColor(ACCENT)
    size, lines = fitted(f"«{course}»", BOLD, 20, text_width, 12)
    y = _centred(canvas, lines[:3], BOLD, size, y, size * 1.3) - 2 * mm

    canvas.setFillColor(INK)
    issued = _("Issued on %(date)s") % {"date": date_text(certificate.issued_on)}
    if certificate.expires_on is not None:
        validity = _("Valid until %(date)s") % {"date": date_text(certificate.expires_on)}
    else:
        validity = _("Does not expire")
    _centred(canvas, [f"{issued}   ·   {validity}"], REGULAR, 12, y, 7 * mm)

    # The verification block: the QR code in the lower left corner, the code and the address beside it.
    verification_block(
        canvas, url=url, code=certificate.code, code_label=_("Certificate code:"),
        check_label=_("Check that it is valid at:"), left=24 * mm, bottom=22 * mm,
    )  # fmt: skip

    canvas.showPage()
    canvas.save()
    return out.getvalue()
