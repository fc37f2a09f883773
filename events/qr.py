"""The QR code a volunteer shows at the door: it holds the bare check-in code, nothing else, so that any
scanner (and the check-in page's camera) reads the same text a person would type."""

import qrcode
import qrcode.constants
import qrcode.image.svg
from django.utils.translation import gettext

from events.models import Signup


def signup_qr_svg(signup: Signup, *, size: int = 240) -> str:
    """An SVG document (it also works inline in a page): black on white, so it scans from a phone in dark
    mode, with the standard quiet zone of four modules."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=4,
        image_factory=qrcode.image.svg.SvgPathFillImage,
    )
    code.add_data(signup.code)
    code.make(fit=True)
    image = code.make_image()
    svg = image.get_image()
    svg.set("width", str(size))
    svg.set("height", str(size))
    svg.set("role", "img")
    svg.set("aria-label", gettext("Check-in code %(code)s") % {"code": signup.code_display})
    svg.set("class", "signup-qr")
    for element in svg.iter():
        element.attrib.pop("id", None)  # a page may show several codes: no repeated ids
    return image.to_string(encoding="unicode")
