"""A certificate as a one-page PDF (A4 landscape) in the holder's language, with a QR code of its public
verification page.

The text is set in DejaVu Sans, embedded in the file: the PDF base fonts (Helvetica...) have no glyphs for
Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і) and would print boxes. The output is invariant: the same
certificate in the same language gives the same bytes."""

import io
from functools import cache
from pathlib import Path

import qrcode
from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from config.i18n import TranslatedText
from training.models import Certificate

FONT_DIR = Path(getattr(settings, "TRAINING_PDF_FONT_DIR", "/usr/share/fonts/truetype/dejavu"))
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
INK = HexColor("#1f2933")
ACCENT = HexColor("#00628b")
MUTED = HexColor("#52606d")
PAGE = landscape(A4)


@cache
def _fonts_register() -> None:
    for name in (REGULAR, BOLD):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))


def verification_url(certificate: Certificate) -> str:
    """The absolute address of the certificate's public page, in the active language."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "training:certificate_verify", args=[certificate.code]
    )


def _qr_png(url: str) -> ImageReader:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=0)
    code.add_data(url)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(out, format="PNG")
    out.seek(0)
    return ImageReader(out)


def _fitted(text: str, font: str, size: float, width: float, minimum: float) -> tuple[float, list[str]]:
    """The largest size from `size` down to `minimum` at which `text` fits on one line of `width`; at the
    minimum it is wrapped (a long course title or name still prints whole)."""
    while size > minimum and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 1
    return size, simpleSplit(text, font, size, width) or [""]


def _centred(canvas: Canvas, lines: list[str], font: str, size: float, y: float, leading: float) -> float:
    """Draw `lines` centred on the page from `y` down; the `y` below them."""
    canvas.setFont(font, size)
    for line in lines:
        canvas.drawCentredString(PAGE[0] / 2, y, line)
        y -= leading
    return y


def _date(day) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def certificate_pdf(certificate: Certificate, language: str) -> bytes:
    _fonts_register()
    with translation.override(language):
        return _render(certificate, language)


def _render(certificate: Certificate, language: str) -> bytes:
    out = io.BytesIO()
    width, height = PAGE
    url = verification_url(certificate)
    course = TranslatedText(certificate.course_title or {}).in_language(language)
    canvas = Canvas(
        out, pagesize=PAGE, invariant=True, pageCompression=1, lang=language, initialFontName=REGULAR
    )
    canvas.setTitle(f"{_('Certificate')} {certificate.code}")
    canvas.setSubject(course)
    canvas.setAuthor(_("Birgemiz"))
    canvas.setCreator(_("Birgemiz"))

    # A double frame.
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(3)
    canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    canvas.setLineWidth(0.8)
    canvas.rect(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm)

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
    size, lines = _fitted(certificate.holder_name, BOLD, 26, text_width, 14)
    y = _centred(canvas, lines[:2], BOLD, size, y, size * 1.25) - 3 * mm
    canvas.setFillColor(MUTED)
    y = _centred(
        canvas, [_("has completed the course of the unified training programme")], REGULAR, 13, y, 9 * mm
    )
    canvas.setFillColor(ACCENT)
    size, lines = _fitted(f"«{course}»", BOLD, 20, text_width, 12)
    y = _centred(canvas, lines[:3], BOLD, size, y, size * 1.3) - 2 * mm

    canvas.setFillColor(INK)
    issued = _("Issued on %(date)s") % {"date": _date(certificate.issued_on)}
    if certificate.expires_on is not None:
        validity = _("Valid until %(date)s") % {"date": _date(certificate.expires_on)}
    else:
        validity = _("Does not expire")
    _centred(canvas, [f"{issued}   ·   {validity}"], REGULAR, 12, y, 7 * mm)

    # The verification block: the QR code in the lower left corner, the code and the address beside it.
    qr_size = 32 * mm
    left, bottom = 24 * mm, 22 * mm
    canvas.drawImage(_qr_png(url), left, bottom, qr_size, qr_size)
    text_left = left + qr_size + 6 * mm
    canvas.setFillColor(INK)
    canvas.setFont(REGULAR, 10)
    canvas.drawString(text_left, bottom + qr_size - 4 * mm, _("Certificate code:"))
    canvas.setFont(BOLD, 14)
    canvas.drawString(text_left, bottom + qr_size - 10 * mm, certificate.code)
    canvas.setFont(REGULAR, 10)
    canvas.drawString(text_left, bottom + 9 * mm, _("Check that it is valid at:"))
    canvas.setFillColor(ACCENT)
    canvas.drawString(text_left, bottom + 4 * mm, url)
    canvas.linkURL(url, (text_left, bottom + 2 * mm, text_left + 150 * mm, bottom + 8 * mm), relative=0)

    canvas.showPage()
    canvas.save()
    return out.getvalue()
