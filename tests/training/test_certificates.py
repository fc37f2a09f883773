"""Certificates as people meet them: the PDF, its download, the public verification page and the volunteer's
"My learning" page. Data is made through the learning services, as a volunteer taking a course makes it."""

import base64
import datetime as dt
import re
import zlib

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation

from tests.training.conftest import course_complete
from training.models import Certificate, Enrolment
from training.pdf import certificate_pdf
from training.services.certificates import certificate_revoke
from training.services.learning import enrolment_create, lesson_mark_read

pytestmark = pytest.mark.django_db

KAZAKH_NAME = ("Әсем", "Нұрғалиқызы")  # ә, ұ, ғ, қ: none of them in Helvetica
COURSE = {
    "kk": "Волонтерлікке кіріспе",
    "ru": "Введение в волонтёрство",
    "en": "Introduction to volunteering",
}


@pytest.fixture
def holder(volunteer_factory):
    user = volunteer_factory(language="kk")
    user.first_name, user.last_name = KAZAKH_NAME
    user.save(update_fields=["first_name", "last_name"])
    return user


def day(value: dt.date, language: str = "en") -> str:
    with translation.override(language):
        return formats.date_format(value, "DATE_FORMAT")


@pytest.fixture
def certificate(holder, programme) -> Certificate:
    return course_complete(holder, programme)


# --- Reading a PDF's text without a PDF library -------------------------------------------------------------
# ReportLab embeds a subset of DejaVu Sans and writes the text as one-byte codes of that subset, so the
# Kazakh letters are not in the file as such. Each subset font carries a ToUnicode map (code → character),
# as PDF readers need for copying and searching; decoding the page's text operators through it gives the text
# a reader would extract. Streams are Flate-compressed (and ASCII85-wrapped): decompressed here.


def _objects(pdf: bytes) -> dict[int, tuple[bytes, bytes]]:
    """{object number: (dictionary, decoded stream or b"")}, reading each stream by its /Length."""
    objects, position = {}, 0
    while match := re.compile(rb"(\d+) 0 obj(.*?)(stream\r?\n|endobj)", re.S).search(pdf, position):
        head, data, position = match.group(2), b"", match.end()
        if match.group(3) != b"endobj":
            length = int(re.search(rb"/Length (\d+)", head).group(1))
            data, position = pdf[position : position + length], position + length
            if b"/ASCII85Decode" in head:
                data = base64.a85decode(data.strip().removeprefix(b"<~").removesuffix(b"~>"))
            if b"/FlateDecode" in head:
                data = zlib.decompress(data)
        objects[int(match.group(1))] = (head, data)
    return objects


def _unescape(literal: bytes) -> bytes:
    escapes = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
    return re.sub(
        rb"\\([0-7]{1,3}|.)",
        lambda m: (
            bytes([int(m.group(1), 8)]) if m.group(1)[:1].isdigit() else escapes.get(m.group(1), m.group(1))
        ),
        literal,
        flags=re.S,
    )


def pdf_text(pdf: bytes) -> str:
    objects = _objects(pdf)
    maps = {}  # font resource name → {code: character}
    for head, _data in objects.values():
        font = re.search(rb"/Name /(\S+)", head)
        to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", head)
        if font and to_unicode:
            cmap = objects[int(to_unicode.group(1))][1]
            maps[font.group(1)] = {
                int(code, 16): bytes.fromhex(text.decode()).decode("utf-16-be")
                for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S)
                for code, text in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block)
            }
    lines = []
    for head, data in objects.values():
        if b"/Type" in head or not data:
            continue  # fonts, images...: only page content has no /Type
        font = None
        for name, literal in re.findall(rb"/(\S+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) Tj", data, re.S):
            if name:
                font = maps.get(name)
            elif font is not None:
                lines.append("".join(font.get(code, "\ufffd") for code in _unescape(literal)))
    return "\n".join(lines)


# --- The PDF ------------------------------------------------------------------------------------------------


def test_the_pdf_is_in_the_language_asked_with_kazakh_letters_intact(certificate):
    for language, platform in (("kk", "Біргеміз"), ("ru", "Біргеміз"), ("en", "Birgemiz")):
        with translation.override("ru"):
            pdf = certificate_pdf(certificate, language)
            assert translation.get_language() == "ru"

        assert pdf.startswith(b"%PDF")
        assert b"DejaVuSans" in pdf
        assert b"/FontFile2" in pdf  # the font program itself is embedded, not only named
        assert b"Helvetica" not in pdf
        text = pdf_text(pdf)
        assert f"{KAZAKH_NAME[0]} {KAZAKH_NAME[1]}" in text
        assert f"«{COURSE[language]}»" in text
        assert platform in text
        assert certificate.code in text
        assert f"/{language}/certificates/{certificate.code}/" in text
        assert "\ufffd" not in text
        for other in {"kk", "ru", "en"} - {language}:
            assert COURSE[other] not in text


def test_the_pdf_says_until_when_it_is_valid_and_is_the_same_each_time(certificate):
    until = f"Valid until {day(certificate.expires_on)}"

    pdf = certificate_pdf(certificate, "en")

    assert until in pdf_text(pdf)
    assert certificate_pdf(certificate, "en") == pdf


def test_a_certificate_without_expiry_says_so(holder, programme_factory):
    programme = programme_factory(validity_months=0)
    certificate = course_complete(holder, programme)
    assert certificate.expires_on is None

    assert "Does not expire" in pdf_text(certificate_pdf(certificate, "en"))


def test_the_qr_code_is_an_image_of_the_verification_address(certificate):
    pdf = certificate_pdf(certificate, "kk")

    assert b"/Subtype /Image" in pdf
    assert f"/URI (http://127.0.0.1:8000/kk/certificates/{certificate.code}/)".encode() in pdf


# --- Downloading it -----------------------------------------------------------------------------------------


def test_the_holder_downloads_the_pdf_in_the_page_language(client, certificate, holder):
    client.force_login(holder)

    for language in ("kk", "ru", "en"):
        response = client.get(f"/{language}/training/my/certificates/{certificate.code}.pdf")

        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == f'attachment; filename="certificate-{certificate.code}.pdf"'
        assert f"«{COURSE[language]}»" in pdf_text(response.content)


def test_the_code_in_the_address_is_read_whatever_its_case(client, certificate, holder):
    client.force_login(holder)

    response = client.get(f"/en/training/my/certificates/{certificate.code.lower()}.pdf")

    assert response.status_code == 200


def test_no_one_else_gets_the_pdf(client, certificate, volunteer_factory):
    client.force_login(volunteer_factory())

    assert client.get(f"/en/training/my/certificates/{certificate.code}.pdf").status_code == 404
    assert client.get("/en/training/my/certificates/ZZZZZZZZZZ.pdf").status_code == 404


def test_a_visitor_is_asked_to_sign_in_for_the_pdf(client, certificate):
    response = client.get(f"/en/training/my/certificates/{certificate.code}.pdf")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_a_revoked_certificate_is_no_longer_handed_out(client, certificate, holder, user_factory):
    certificate_revoke(certificate=certificate, by=user_factory(email="admin@example.kz"), reason="Error")
    client.force_login(holder)

    assert client.get(f"/en/training/my/certificates/{certificate.code}.pdf").status_code == 404


# --- The public verification page ---------------------------------------------------------------------------


def test_anyone_can_check_a_valid_certificate_in_their_language(client, certificate):
    for language in ("kk", "ru", "en"):
        response = client.get(f"/{language}/certificates/{certificate.code}/")

        assert response.status_code == 200
        html = response.content.decode()
        verified = response.context["verified"]
        assert verified["state"] == "valid"
        assert verified["course"] == COURSE[language]
        assert f"{KAZAKH_NAME[0]} {KAZAKH_NAME[1]}" in html
        assert COURSE[language] in html
        assert '<meta name="robots" content="noindex">' in html
        assert response["X-Robots-Tag"] == "noindex"
        assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_page_shows_nothing_beyond_name_course_dates_and_state(client, certificate, holder, user_factory):
    certificate_revoke(
        certificate=certificate, by=user_factory(email="admin@example.kz"), reason="Copied the answers"
    )

    response = client.get(f"/en/certificates/{certificate.code}/")

    html = response.content.decode()
    assert set(response.context["verified"]) == {
        "code", "holder_name", "course", "course_language", "issued_on", "expires_on", "state", "revoked_on",
    }  # fmt: skip
    assert "certificate" not in response.context  # the model object never reaches the template
    assert holder.email not in html
    assert "Copied the answers" not in html
    assert "admin@example.kz" not in html


def test_an_expired_certificate_says_so(client, certificate):
    after = timezone.make_aware(
        dt.datetime.combine(certificate.expires_on + dt.timedelta(days=1), dt.time(12))
    )
    with time_machine.travel(after, tick=False):
        response = client.get(f"/en/certificates/{certificate.code}/")

    assert response.context["verified"]["state"] == "expired"
    assert "This certificate has expired." in response.content.decode()


def test_a_revoked_certificate_says_when_not_why(client, certificate, user_factory):
    certificate_revoke(certificate=certificate, by=user_factory(email="admin@example.kz"), reason="Fraud")

    response = client.get(f"/en/certificates/{certificate.code}/")

    verified = response.context["verified"]
    assert verified["state"] == "revoked"
    assert verified["revoked_on"] == timezone.localdate()
    assert "was revoked on" in response.content.decode()
    assert "Fraud" not in response.content.decode()


def test_a_typed_code_is_found_in_any_case(client, certificate):
    for typed in (certificate.code.lower(), f"{certificate.code[:5]}-{certificate.code[5:]}"):
        response = client.get(f"/en/certificates/{typed}/")

        assert response.status_code == 200
        assert response.context["verified"]["code"] == certificate.code


def test_unknown_and_malformed_codes_get_the_same_ordinary_404(client, certificate):
    unknown = client.get("/en/certificates/ZZZZZZZZZZ/")
    malformed = client.get("/en/certificates/%3Cscript%3E'%22/")
    too_long = client.get(f"/en/certificates/{'A' * 300}/")

    for response in (unknown, malformed, too_long):
        assert response.status_code == 404
        assert response.templates[0].name == "404.html"
        assert "verified" not in response.context


def test_the_verification_page_is_read_only(client, certificate):
    assert client.post(f"/en/certificates/{certificate.code}/").status_code == 405


# --- My learning ------------------------------------------------------------------------------------------


def test_my_learning_needs_a_sign_in(client, seeded):
    response = client.get("/en/training/my/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_a_course_under_way_shows_its_progress_and_where_to_continue(client, holder, programme):
    course = programme.course["kk"]
    enrolment_create(user=holder, course=course)
    lesson_mark_read(user=holder, lesson=programme.lesson(0), course=course)
    client.force_login(holder)

    response = client.get("/ru/training/my/")

    html = response.content.decode()
    [row] = response.context["under_way"]
    assert row["title"]["text"] == COURSE["ru"]
    assert row["url"] == programme.course["ru"].url
    assert '<progress id="progress-' in html and 'value="33"' in html
    assert "1 of 3" in html or "1 из 3" in html or "1 / 3" in html
    assert f'href="{programme.course["ru"].url}"' in html
    assert response.context["completed"] == []


def test_a_completed_course_shows_its_certificate_and_links(client, holder, certificate, programme):
    client.force_login(holder)

    response = client.get("/en/training/my/")

    html = response.content.decode()
    [row] = response.context["completed"]
    assert row["certificate"] == certificate
    assert row["title"]["text"] == COURSE["en"]
    assert f'href="/en/training/my/certificates/{certificate.code}.pdf"' in html
    assert f'href="/en/certificates/{certificate.code}/"' in html
    assert f"Valid until {day(certificate.expires_on)}" in html
    assert not row["expiring"]
    assert "You can renew it now" not in html


def test_a_month_before_expiry_the_page_says_to_renew(client, holder, certificate, programme):
    month_before = certificate.expires_on - dt.timedelta(days=30)

    def page_on(day: dt.date):
        with time_machine.travel(timezone.make_aware(dt.datetime.combine(day, dt.time(12))), tick=False):
            client.force_login(holder)  # two years on, the first session has long expired
            return client.get("/en/training/my/")

    calm, due = page_on(month_before - dt.timedelta(days=1)), page_on(month_before)

    assert not calm.context["completed"][0]["expiring"]
    assert "You can renew it now" not in calm.content.decode()
    assert due.context["completed"][0]["expiring"]
    assert "You can renew it now" in due.content.decode()
    assert f'href="{programme.course["en"].url}"' in due.content.decode()


def test_a_revoked_certificate_shows_as_revoked_without_a_pdf(client, holder, certificate, user_factory):
    certificate_revoke(certificate=certificate, by=user_factory(email="admin@example.kz"), reason="Error")
    client.force_login(holder)

    response = client.get("/en/training/my/")

    html = response.content.decode()
    [row] = response.context["under_way"]  # revoking reopens the course
    assert row["certificate"].current_state == "revoked"
    assert ".pdf" not in html
    assert f"Revoked on {day(timezone.localdate())}" in html


def test_a_course_no_longer_published_keeps_its_certificate_title(client, holder, certificate, programme):
    for page in programme.course.values():
        page.unpublish()
    client.force_login(holder)

    response = client.get("/ru/training/my/")

    [row] = response.context["completed"]
    assert row["url"] == ""
    assert row["title"]["text"] == COURSE["ru"]


def test_my_learning_costs_the_same_queries_for_one_course_or_five(client, holder, programme_factory):
    programmes = [programme_factory() for _i in range(5)]
    client.force_login(holder)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/ru/training/my/").status_code == 200
        return len(captured)

    course_complete(holder, programmes[0])
    queries()  # the first request fills the site's caches (navigation, site root paths)
    one = queries()
    for programme in programmes[1:]:
        course_complete(holder, programme)
    five = queries()

    assert Enrolment.objects.filter(user=holder).count() == 5
    assert five == one
