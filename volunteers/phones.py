import phonenumbers

from volunteers.errors import VolunteerError


def phone_normalise(raw: str) -> str:
    """A Kazakhstan number in any usual writing (+7 701 234 56 78, 8 (701) 234-56-78) as E.164."""
    text = (raw or "").strip()
    if not text or len(text) > 32:
        raise VolunteerError("phone_invalid", field="phone")
    digits = "".join(ch for ch in text if ch.isdigit())
    if text.startswith("8") and len(digits) == 11:
        text = "+7" + digits[1:]  # the domestic trunk prefix 8 stands for +7
    try:
        number = phonenumbers.parse(text, "KZ")
    except phonenumbers.NumberParseException:
        raise VolunteerError("phone_invalid", field="phone") from None
    if not phonenumbers.is_valid_number(number) or phonenumbers.region_code_for_number(number) != "KZ":
        raise VolunteerError("phone_invalid", field="phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_display(e164: str | None) -> str:
    if not e164:
        return ""
    return phonenumbers.format_number(phonenumbers.parse(e164), phonenumbers.PhoneNumberFormat.INTERNATIONAL)
