"""The volunteer card: what its public page may show, the QR code to that page, and the printable PDF."""

import io
from collections.abc import Callable, Iterable
from functools import cache

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A6, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from volunteers.audit import audit_log
from volunteers.errors import VolunteerError
from volunteers.models import VolunteerProfile
from volunteers.models.profile import CARD_PUBLIC_FIELDS

FIELD_CODES = [code for code, _label in CARD_PUBLIC_FIELDS]


UNKNOWN_FIELD = VolunteerError.messages["card_field_unknown"]


def card_number(token: str) -> str:
    """The number printed on the card: the token's first eight characters, enough to find it by hand."""
    return f"{token[:4]} {token[4:8]}"


@transaction.atomic
def card_public_fields_set(*, profile: VolunteerProfile, fields: Iterable[str]) -> VolunteerProfile:
    fields = list(fields)
    unknown = [code for code in fields if code not in FIELD_CODES]
    if unknown:
        raise VolunteerError("card_field_unknown", field="public_fields", value=unknown[0])
    chosen = [code for code in FIELD_CODES if code in fields]  # the canonical order, each once
    previous = list(profile.public_fields or [])
    if chosen == previous:
        return profile  # saving the same choice again changes nothing and logs nothing
    profile.public_fields = chosen
    profile.save(update_fields=["public_fields", "updated_at"])
    audit_log(
        actor=profile.user,
        action="volunteers.card.visibility_changed",
        subject=profile.user,
        before=previous,
        after=chosen,
    )
    return profile


# --- Reads ------------------------------------------------------------------------------------------------


def _full_name(profile: VolunteerProfile) -> str:
    # Never str(user): it falls back to the e-mail address, which the card must not show.
    return profile.user.get_full_name().strip()


def _region(profile: VolunteerProfile) -> str:
    return profile.region.name.in_language() if profile.region else ""


def _directions(profile: VolunteerProfile) -> str:
    return ", ".join(str(direction.name) for direction in profile.directions.all())


def _member_since(profile: VolunteerProfile) -> str:
    return formats.date_format(timezone.localdate(profile.user.date_joined))


_VALUES: dict[str, Callable[[VolunteerProfile], str]] = {
    "photo_name": _full_name,
    "region": _region,
    "directions": _directions,
    "member_since": _member_since,
}


def card_facts(*, profile: VolunteerProfile, codes: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(label, value) of the card's fields, in the active language; all of them unless `codes` is given."""
    wanted = set(FIELD_CODES if codes is None else codes)
    return [(label, _VALUES[code](profile)) for code, label in CARD_PUBLIC_FIELDS if code in wanted]


def public_card_facts(*, profile: VolunteerProfile) -> list[tuple[str, str]]:
    """Only what the volunteer chose to show, and only the fields that have a value."""
    return [
        (label, value) for label, value in card_facts(profile=profile, codes=profile.public_fields) if value
    ]


def qr_svg(url: str, *, label: str, size: int = 192) -> str:
    """An inline SVG QR code (white background, so it scans in dark mode too)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathFillImage, border=2)
    svg = image.get_image()
    svg.set("width", str(size))
    svg.set("height", str(size))
    svg.set("role", "img")
    svg.set("aria-label", label)
    svg.set("class", "card-qr")
    return image.to_string(encoding="unicode")


# --- The PDF ----------------------------------------------------------------------------------------------

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
PAGE = landscape(A6)  # 148 × 105 mm: an ID card scaled up so that it prints legibly on any printer
BRAND = HexColor("#00639a")
INK = HexColor("#1b2430")
MUTED = HexColor("#4a5565")


@cache
def _fonts_registered() -> None:
    # ReportLab's built-in Helvetica has no Kazakh letters (ә ғ қ ң ө ұ ү һ і); DejaVu has them all.
    pdfmetrics.registerFont(TTFont(FONT, f"{FONT_DIR}/DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, f"{FONT_DIR}/DejaVuSans-Bold.ttf"))


def _lines(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    lines = simpleSplit(text, font, size, width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and pdfmetrics.stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip(" ,") + "…"
    return lines


def card_pdf(*, profile: VolunteerProfile, language: str, verify_url: str) -> bytes:
    """The card as a one-page PDF in `language`, which need not be the active one (an e-mail reuses it)."""
    _fonts_registered()
    buffer = io.BytesIO()
    with translation.override(language):
        pdf = Canvas(buffer, pagesize=PAGE, pageCompression=1, lang=language, initialFontName=FONT)
        pdf.setTitle(gettext("Volunteer card"))
        pdf.setAuthor(gettext("Birgemiz"))
        pdf.setCreator(gettext("Birgemiz"))
        _draw_card(pdf, profile=profile, verify_url=verify_url)
        pdf.showPage()
        pdf.save()
    return buffer.getvalue()


def _draw_card(pdf: Canvas, *, profile: VolunteerProfile, verify_url: str) -> None:
    width, height = PAGE
    margin = 7 * mm
    band = 20 * mm

    # Header band: the platform and what this document is.
    pdf.setFillColor(BRAND)
    pdf.rect(0, height - band, width, band, stroke=0, fill=1)
    pdf.setFillColor(white)
    pdf.setFont(FONT_BOLD, 16)
    pdf.drawString(margin, height - 10 * mm, gettext("Birgemiz"))
    pdf.setFont(FONT, 8.5)
    pdf.drawString(margin, height - 15.5 * mm, gettext("Volunteer card"))
    pdf.setFont(FONT, 6.5)
    tagline = _lines(gettext("Kazakhstan's national volunteering platform"), FONT, 6.5, 55 * mm, 2)
    for index, line in enumerate(tagline):
        pdf.drawRightString(width - margin, height - 9 * mm - index * 8, line)

    # QR code to the public verification page, on the right.
    qr_size = 36 * mm
    qr_x, qr_y = width - margin - qr_size, height - band - 4 * mm - qr_size
    widget = QrCodeWidget(verify_url, barLevel="M", barBorder=2)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(
        qr_size,
        qr_size,
        transform=[qr_size / (right - left), 0, 0, qr_size / (top - bottom), 0, 0],
        initialFontName=FONT,  # the renderer would otherwise declare Helvetica, unused, in the PDF
    )
    drawing.add(widget)
    renderPDF.draw(drawing, pdf, qr_x, qr_y)
    pdf.setFillColor(MUTED)
    pdf.setFont(FONT, 6)
    caption = _lines(gettext("Scan to check this card"), FONT, 6, qr_size, 2)
    for index, line in enumerate(caption):
        pdf.drawCentredString(qr_x + qr_size / 2, qr_y - 2.5 * mm - index * 7, line)

    # The fields, on the left.
    text_width = qr_x - margin - 5 * mm
    y = height - band - 8 * mm
    for code, label in CARD_PUBLIC_FIELDS:
        value = _VALUES[code](profile) or "—"
        size, max_lines = (13, 2) if code == "photo_name" else (9.5, 4 if code == "directions" else 2)
        while code == "photo_name" and size > 9 and len(simpleSplit(value, FONT_BOLD, size, text_width)) > 2:
            size -= 0.5  # a long name gets smaller rather than cut
        pdf.setFillColor(MUTED)
        pdf.setFont(FONT, 6.5)
        pdf.drawString(margin, y, str(label).upper())
        y -= size + 1.5
        pdf.setFillColor(INK)
        pdf.setFont(FONT_BOLD, size)
        for line in _lines(value, FONT_BOLD, size, text_width, max_lines):
            pdf.drawString(margin, y, line)
            y -= size + 2
        y -= 4

    # Footer: card number and issue date.
    pdf.setStrokeColor(BRAND)
    pdf.setLineWidth(0.6)
    pdf.line(margin, 12 * mm, width - margin, 12 * mm)
    pdf.setFillColor(INK)
    pdf.setFont(FONT, 7.5)
    number = gettext("Card No. %(number)s") % {"number": card_number(profile.card_token)}
    issued = gettext("Issued %(date)s") % {"date": formats.date_format(timezone.localdate())}
    pdf.drawString(margin, 7 * mm, number)
    pdf.drawRightString(width - margin, 7 * mm, issued)
