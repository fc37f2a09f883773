"""What the platform's PDF documents share: the embedded fonts, the colours, the QR code of a verification
page, text fitted to a width, dates in the document's language and the verification block of a page.

The text is set in DejaVu Sans, embedded in the file: the PDF base fonts (Helvetica...) have no glyphs for
Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і) and would print boxes. Documents are drawn with `invariant=True`,
so the same document in the same language gives the same bytes."""

import io
from functools import cache
from pathlib import Path

import qrcode
from django.conf import settings
from django.utils import formats
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_DIR = Path(
    getattr(
        settings,
        "PDF_FONT_DIR",
        getattr(settings, "TRAINING_PDF_FONT_DIR", "/usr/share/fonts/truetype/dejavu"),
    )
)
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
INK = HexColor("#1f2933")
ACCENT = HexColor("#00628b")
MUTED = HexColor("#52606d")
RULE = HexColor("#cbd2d9")


@cache
def fonts_register() -> None:
    for name in (REGULAR, BOLD):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def qr_image(url: str) -> ImageReader:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=0)
    code.add_data(url)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(out, format="PNG")
    out.seek(0)
    return ImageReader(out)


def fitted(text: str, font: str, size: float, width: float, minimum: float) -> tuple[float, list[str]]:
    """The largest size from `size` down to `minimum` at which `text` fits on one line of `width`; at the
    minimum it is wrapped (a long title or name still prints whole)."""
    while size > minimum and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 1
    return size, simpleSplit(text, font, size, width) or [""]


def date_text(day) -> str:
    """A date in the active language's format (the caller overrides the language)."""
    return formats.date_format(day, "DATE_FORMAT")


def canvas_new(out, *, pagesize, language: str, title: str, subject: str = "", author: str = "") -> Canvas:
    canvas = Canvas(
        out, pagesize=pagesize, invariant=True, pageCompression=1, lang=language, initialFontName=REGULAR
    )
    canvas.setTitle(title)
    if subject:
        canvas.setSubject(subject)
    canvas.setAuthor(author)
    canvas.setCreator(author)
    return canvas


def double_frame(canvas: Canvas, pagesize) -> None:
    width, height = pagesize
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(3)
    canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    canvas.setLineWidth(0.8)
    canvas.rect(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm)


def verification_block(
    canvas: Canvas, *, url: str, code: str, code_label: str, check_label: str, left: float, bottom: float,
    qr_size: float = 32 * mm, link_width: float = 150 * mm,
) -> None:  # fmt: skip
    """The QR code of the verification page at (left, bottom), the code and the address beside it."""
    canvas.drawImage(qr_image(url), left, bottom, qr_size, qr_size)
    text_left = left + qr_size + 6 * mm
    canvas.setFillColor(INK)
    canvas.setFont(REGULAR, 10)
    canvas.drawString(text_left, bottom + qr_size - 4 * mm, code_label)
    canvas.setFont(BOLD, 14)
    canvas.drawString(text_left, bottom + qr_size - 10 * mm, code)
    canvas.setFont(REGULAR, 10)
    canvas.drawString(text_left, bottom + 9 * mm, check_label)
    canvas.setFillColor(ACCENT)
    canvas.drawString(text_left, bottom + 4 * mm, url)
    canvas.linkURL(url, (text_left, bottom + 2 * mm, text_left + link_width, bottom + 8 * mm), relative=0)
