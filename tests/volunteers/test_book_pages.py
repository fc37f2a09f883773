"""The volunteer book page, its documents' download and their public verification page, through HTTP. The
book of every test is written through the ledger's services (attendance credits and their corrections,
claims verified and rejected, courses completed and revoked), and the figures expected are counted by hand."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from volunteers.models import BookDocument, Direction, EntryKind
from volunteers.services.claims import claim_create, claim_reject, claim_verify
from volunteers.services.ledger import ledger_fact_record, ledger_fact_revoke, ledger_hours_credit
from volunteers.services.privacy import volunteer_data_export, volunteer_erase
from volunteers.services.stages import book_figures, course_subject, event_subject, stage_evaluate

pytestmark = pytest.mark.django_db

TITLE = {"kk": "Саябақты тазалау", "ru": "Уборка парка", "en": "Park clean-up"}


def url(name, language="en", *args):
    with translation.override(language):
        return reverse(name, args=args)


def credit(
    volunteer, coordinator, number, hours, day, *, event=None, direction=None, kind=EntryKind.SHIFT_HOURS
):
    """Attendance (or mentoring) hours for one source of this volunteer's, as check-in credits them."""
    return ledger_hours_credit(
        volunteer=volunteer, hours=Decimal(hours), occurred_on=day, source=f"test.{volunteer.pk}.{number}",
        verified_by=coordinator, kind=kind, title=TITLE, direction=direction,
        subject=event_subject(event) if event else "",
    )  # fmt: skip


def claim(volunteer, organisation, hours, day, description="Reading to children"):
    return claim_create(
        volunteer=volunteer, organisation_id=organisation.pk, occurred_on=day, hours=hours,
        description=description, language="ru",
    )  # fmt: skip


def course(volunteer, key, day, direction=None):
    source = f"test.{volunteer.pk}.course.{key}"
    ledger_fact_record(
        volunteer=volunteer, kind=EntryKind.COURSE_COMPLETED, occurred_on=day, source=source,
        title={"kk": "Волонтерлікке кіріспе", "en": "Introduction"}, subject=course_subject(key),
        direction=direction,
    )  # fmt: skip
    return source


def book_build(volunteer, coordinator, organisation):
    """15 entries. Counted by hand: 12 verified hours (3 + 2 + 3.5 + 0 + 1.5 + 2), 2 events, 1 course,
    1.5 hours of mentoring; 2025: 5 h, 1 event, 1 course; 2026: 7 h, 1 event, 0 courses (May 5 h, June 2 h);
    Taza Álem 5 h 1 event, Bilim 3.5 h 1 event 1 course, no direction 3.5 h."""
    taza, bilim = Direction.objects.get(slug="taza-alem"), Direction.objects.get(slug="bilim")
    # One event, two shifts: 5 hours, one event.
    credit(volunteer, coordinator, 1, "3", dt.date(2025, 3, 10), event=9001, direction=taza)
    credit(volunteer, coordinator, 2, "2", dt.date(2025, 3, 11), event=9001, direction=taza)
    # Credited 4, corrected to 3.5.
    credit(volunteer, coordinator, 3, "4", dt.date(2026, 5, 2), event=9002, direction=bilim)
    credit(volunteer, coordinator, 3, "3.5", dt.date(2026, 5, 2), event=9002, direction=bilim)
    # Credited 2, corrected to nothing: neither hours nor the event count.
    credit(volunteer, coordinator, 4, "2", dt.date(2026, 5, 9), event=9003, direction=bilim)
    credit(volunteer, coordinator, 4, "0", dt.date(2026, 5, 9), event=9003, direction=bilim)
    credit(volunteer, coordinator, 5, "1.5", dt.date(2026, 5, 20), kind=EntryKind.MENTORING_HOURS)
    # Claims: one waiting, one rejected (neither counts), one verified (2 hours).
    claim(volunteer, organisation, "5", dt.date(2026, 2, 3), "Waiting claim")
    rejected = claim(volunteer, organisation, "4", dt.date(2026, 2, 4), "Rejected claim")
    claim_reject(claim_id=rejected.pk, actor=coordinator, reason="No one saw it")
    verified = claim(volunteer, organisation, "2", dt.date(2026, 6, 1), "Verified claim")
    claim_verify(claim_id=verified.pk, actor=coordinator)
    # Courses: one completed, one completed and revoked.
    course(volunteer, "aaaa", dt.date(2025, 6, 1), direction=bilim)
    revoked = course(volunteer, "bbbb", dt.date(2026, 4, 1))
    ledger_fact_revoke(source=revoked, by=coordinator, reason="Obtained dishonestly")
    stage_evaluate(volunteer=volunteer)
    return volunteer


def kazakh_volunteer(volunteer_factory):
    volunteer = volunteer_factory(language="kk")
    volunteer.first_name, volunteer.last_name = "Айгерім", "Сәрсенова"
    volunteer.save(update_fields=["first_name", "last_name"])
    return volunteer


@pytest.fixture
def aigerim(volunteer_factory):
    return kazakh_volunteer(volunteer_factory)


@pytest.fixture
def book(aigerim, coordinator, organisation):
    return book_build(aigerim, coordinator, organisation)


def cells(html: str, table_id: str) -> list[list[str]]:
    """The text of each row's cells of one table (tags stripped, spaces collapsed)."""
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S).group(0)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    return [
        [
            " ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in rows
    ]


# --- The page -----------------------------------------------------------------------------------------------


EXPECTED = {
    "en": {
        "totals": ("12", "2", "1", "1.50"),
        "years": [["2026", "7", "1", "0"], ["2025", "5", "1", "1"]],
        "directions": [
            ["Birgemiz: Taza Álem (environment)", "5", "1", "0"],
            ["Birgemiz: Bilim (digital, financial, language and computer literacy)", "3.50", "1", "1"],
            ["No direction", "3.50", "0", "0"],
        ],
        "stage": "First step",
    },
    "ru": {
        "totals": ("12", "2", "1", "1,50"),
        "years": [["2026", "7", "1", "0"], ["2025", "5", "1", "1"]],
        "directions": [
            ["Біргеміз: Таза әлем (защита природы)", "5", "1", "0"],
            ["Біргеміз: Білім (цифровая, финансовая, языковая и компьютерная грамотность)", "3,50", "1", "1"],
        ],
        "stage": "Первый шаг",
    },
    "kk": {
        "totals": ("12", "2", "1", "1,50"),
        "years": [["2026", "7", "1", "0"], ["2025", "5", "1", "1"]],
        "directions": [["Біргеміз: Таза әлем", "5", "1", "0"], ["Біргеміз: Білім", "3,50", "1", "1"]],
        "stage": "Алғашқы қадам",
    },
}


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_book_shows_the_figures_counted_by_hand(client, book, language):
    client.force_login(book)
    response = client.get(url("volunteer_book", language), {"year": "2026"})
    assert response.status_code == 200
    html = response.content.decode()
    expected = EXPECTED[language]
    hours, events, courses, mentoring = expected["totals"]
    assert f'id="book-total-hours">{hours}<' in html
    assert f'id="book-total-events">{events}<' in html
    assert f'id="book-total-courses">{courses}<' in html
    assert f'id="book-total-mentoring">{mentoring}<' in html
    assert cells(html, "book-years")[1:] == expected["years"]
    assert cells(html, "book-directions")[1 : 1 + len(expected["directions"])] == expected["directions"]
    assert expected["stage"] in html
    # The stages decide on the same figures.
    figures = book_figures(volunteer=book)
    assert (figures.hours, figures.events, len(figures.courses), figures.mentoring_hours) == (
        Decimal(12), 2, 1, Decimal("1.5")
    )  # fmt: skip


def test_the_month_chart_and_its_table_give_the_same_figures(client, book):
    client.force_login(book)
    html = client.get(url("volunteer_book"), {"year": "2026"}).content.decode()
    months = cells(html, "book-months")
    assert months[0] == ["Month", "Hours"]
    assert dict(row for row in months[1:13]) == {
        **dict.fromkeys(
            [
                "January",
                "February",
                "March",
                "April",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ],
            "0",
        ),  # fmt: skip
        "May": "5",
        "June": "2",
    }
    assert months[13] == ["Total", "7"]
    svg = re.search(r"<svg[^>]*book-chart.*?</svg>", html, re.S).group(0)
    bars = re.findall(r'<rect class="book-chart-bar"[^>]*height="([\d.]+)"', svg)
    assert len(bars) == 12
    heights = [float(height) for height in bars]
    assert heights[4] > heights[5] > 0 and heights[4] == pytest.approx(heights[5] * 2.5)
    assert not any(heights[index] for index in (0, 1, 2, 3, 6, 7, 8, 9, 10, 11))
    assert "style=" not in html.split("<main", 1)[1]
    # Another year: 2025 has March's five hours.
    months = cells(client.get(url("volunteer_book"), {"year": "2025"}).content.decode(), "book-months")
    assert months[3] == ["March", "5"] and months[13] == ["Total", "5"]


@pytest.mark.parametrize("year", ["abc", "-1", "99999", "２０２６", "", "2026.5", "0x7EA", "1e3"])
def test_a_bad_year_is_ignored(client, book, year):
    client.force_login(book)
    response = client.get(url("volunteer_book"), {"year": year, "page": "x"})
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year


def test_waiting_and_rejected_claims_and_a_revoked_course_count_nowhere_but_are_listed(
    client, volunteer, coordinator, organisation
):
    claim(volunteer, organisation, "5", dt.date(2026, 2, 3), "Waiting claim")
    rejected = claim(volunteer, organisation, "4", dt.date(2026, 2, 4), "Rejected claim")
    claim_reject(claim_id=rejected.pk, actor=coordinator, reason="No one saw it")
    ledger_fact_revoke(
        source=course(volunteer, "cccc", dt.date(2026, 4, 1)), by=coordinator, reason="Obtained dishonestly"
    )
    client.force_login(volunteer)
    html = client.get(url("volunteer_book")).content.decode()
    assert 'id="book-total-hours">0<' in html
    assert 'id="book-total-courses">0<' in html
    entries = cells(html, "book-entries")
    states = [row[3] for row in entries[1:]]
    assert "Waiting for verification" in states
    assert any(state.startswith("Claim rejected on") for state in states)
    assert "Rejected No one saw it" in states
    assert "Revoked Obtained dishonestly" in states
    assert len(entries) == 1 + 5  # every entry, the decisions and the revocation included
    assert "Aigerim, " in " ".join(row[4] for row in entries[1:])  # who verified


def test_the_progress_toward_the_next_stage_says_what_is_missing(client, book):
    client.force_login(book)
    response = client.get(url("volunteer_book"))
    progress = response.context["progress"]
    assert progress.stage.slug == "first-step" and progress.next_stage.slug == "active"
    assert [(c.code, c.have, c.need, c.missing) for c in progress.criteria] == [
        ("hours", Decimal(12), Decimal(20), Decimal(8)),
        ("events", 2, 3, 1),
        ("courses", 1, 1, 0),
    ]
    html = response.content.decode()
    assert '<progress id="book-progress" max="100" value="75"' in html
    assert "12 of 20 — 8 to go" in html and "2 of 3 — 1 to go" in html and "1 of 1 — done" in html
    assert "Stage certificate (PDF)" in html


def test_the_stage_certificate_is_offered_only_with_a_stage(client, volunteer):
    client.force_login(volunteer)
    html = client.get(url("volunteer_book")).content.decode()
    assert "Transcript (PDF)" in html and "Stage certificate (PDF)" not in html
    response = client.post(url("volunteer_book_document_issue"), {"kind": "stage_letter"}, follow=True)
    assert "you have not reached one yet" in response.content.decode()
    assert not BookDocument.objects.exists()


def test_the_entries_are_paginated_with_a_query_count_that_does_not_grow(
    client, volunteer_factory, coordinator, organisation
):
    def counted(volunteer):
        client.force_login(volunteer)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url("volunteer_book"), {"year": "2026"})
        assert response.status_code == 200
        return len(queries), response

    def with_a_claim(volunteer):
        verified = claim(volunteer, organisation, "2", dt.date(2026, 6, 1))
        claim_verify(claim_id=verified.pk, actor=coordinator)
        stage_evaluate(volunteer=volunteer)
        return volunteer

    taza = Direction.objects.get(slug="taza-alem")
    small = volunteer_factory()
    credit(small, coordinator, 1, "1", dt.date(2024, 1, 1), event=1, direction=taza)
    with_a_claim(small)
    large = volunteer_factory()
    for number in range(60):
        credit(large, coordinator, number, "1", dt.date(2024, 1, 1) + dt.timedelta(days=number), event=number,
               direction=taza)  # fmt: skip
    with_a_claim(large)
    counted(small)  # the first request of a test fills the caches (site, content types)
    few, _response = counted(small)
    many, response = counted(large)
    assert few == many
    assert response.context["totals"].hours == 62 and response.context["totals"].events == 60
    assert _response.context["totals"].hours == 3 and _response.context["totals"].events == 1
    assert len(response.context["page"].object_list) == 25
    assert "Page 1 of 3" in response.content.decode()
    assert client.get(url("volunteer_book"), {"page": "3"}).context["page"].number == 3


def test_a_visitor_is_asked_to_sign_in(client, book):
    document = BookDocument.objects.create(volunteer=book, kind="transcript", language="en")
    for response in (
        client.get(url("volunteer_book")),
        client.post(url("volunteer_book_document_issue"), {"kind": "transcript"}),
        client.get(url("volunteer_book_document", "en", document.code)),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")


# --- Documents ----------------------------------------------------------------------------------------------


def test_issuing_a_transcript_gives_its_pdf_in_the_page_language(client, book):
    client.force_login(book)
    response = client.post(url("volunteer_book_document_issue", "ru"), {"kind": "transcript"})
    document = BookDocument.objects.get()
    assert (document.kind, document.language, document.volunteer) == ("transcript", "ru", book)
    assert response.status_code == 302
    assert response["Location"] == f"/ru/accounts/book/documents/{document.code}.pdf"
    pdf = client.get(response["Location"])
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == f'attachment; filename="volunteer-book-{document.code}.pdf"'
    assert pdf.content.startswith(b"%PDF")
    # A second click while the book is unchanged gives the same document.
    again = client.post(url("volunteer_book_document_issue", "ru"), {"kind": "transcript"})
    assert again["Location"] == response["Location"] and BookDocument.objects.count() == 1
    listed = client.get(url("volunteer_book", "ru")).content.decode()
    assert document.code in listed and f"/ru/book/{document.code}/" in listed


def test_a_stage_certificate_is_issued_to_a_volunteer_with_a_stage(client, book):
    client.force_login(book)
    response = client.post(url("volunteer_book_document_issue", "kk"), {"kind": "stage_letter"})
    document = BookDocument.objects.get()
    assert document.kind == "stage_letter" and document.stage.slug == "first-step"
    pdf = client.get(response["Location"])
    assert pdf["Content-Disposition"] == f'attachment; filename="stage-certificate-{document.code}.pdf"'


@pytest.mark.parametrize("kind", ["", "award", "transcript' OR 1=1"])
def test_an_unknown_kind_is_refused_with_a_message(client, book, kind):
    client.force_login(book)
    response = client.post(url("volunteer_book_document_issue"), {"kind": kind}, follow=True)
    assert response.status_code == 200
    assert "Choose the document to issue" in response.content.decode()
    assert not BookDocument.objects.exists()


def test_issuing_is_post_only(client, book):
    client.force_login(book)
    assert client.get(url("volunteer_book_document_issue")).status_code == 405


def test_no_one_else_gets_the_pdf(client, book, volunteer_factory):
    document = BookDocument.objects.create(volunteer=book, kind="transcript", language="en")
    client.force_login(volunteer_factory())
    assert client.get(url("volunteer_book_document", "en", document.code)).status_code == 404
    assert client.get(url("volunteer_book_document", "en", "ZZZZZZZZZZ")).status_code == 404
    assert client.get("/en/accounts/book/documents/not-a-code!.pdf").status_code == 404
    client.force_login(book)
    assert client.get(url("volunteer_book_document", "en", document.code.lower())).status_code == 200


# --- Verification -------------------------------------------------------------------------------------------


def test_the_verification_page_shows_the_snapshot_in_the_visitors_language(client, book):
    client.force_login(book)
    client.post(url("volunteer_book_document_issue", "kk"), {"kind": "transcript"})
    document = BookDocument.objects.get()
    client.logout()
    response = client.get(url("book_document_verify", "ru", document.code))
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-cache" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "message-success" in html
    assert "Айгерім Сәрсенова" in html and document.code in html
    assert "Первый шаг" in html and "Біргеміз: Таза әлем (защита природы)" in html
    assert "Выписка из книжки волонтёра" in html or "Transcript of the volunteer book" in html
    # Typed in lower case, with spaces and dashes.
    spaced = f"{document.code[:5].lower()} - {document.code[5:].lower()}"
    assert client.get(f"/en/book/{spaced}/").status_code == 200


@pytest.mark.parametrize("code", ["ZZZZZZZZZZ", "short", "ÄÄÄÄÄÄÄÄÄÄ", "0O0O0O0O0O", "A" * 200])
def test_an_unknown_or_malformed_code_is_an_ordinary_404(client, book, code):
    BookDocument.objects.create(volunteer=book, kind="transcript", language="en")
    assert client.get(f"/en/book/{code}/").status_code == 404


def test_erasure_withdraws_the_documents_and_the_page_no_longer_names_anyone(client, book):
    client.force_login(book)
    client.post(url("volunteer_book_document_issue"), {"kind": "stage_letter"})
    document = BookDocument.objects.get()
    export = volunteer_data_export(user=book)["volunteer_zholy"]
    assert export["stage"] == "first-step"
    assert [change["to"] for change in export["history"]] == ["first-step"]
    assert [(item["code"], item["kind"]) for item in export["documents"]] == [(document.code, "stage_letter")]

    volunteer_erase(user=book, actor=None, reason="test")
    document.refresh_from_db()
    assert document.withdrawn_at is not None and document.snapshot == {}
    html = client.get(url("book_document_verify", "en", document.code)).content.decode()
    assert "This document was withdrawn on" in html
    assert "Айгерім" not in html and "Сәрсенова" not in html


# --- The account page ---------------------------------------------------------------------------------------


def test_the_account_page_shows_the_stage_and_the_progress(client, book):
    client.force_login(book)
    html = client.get(url("account_profile", "ru")).content.decode()
    assert "Первый шаг" in html
    assert '<progress max="100" value="75"' in html
    assert 'href="/ru/accounts/book/"' in html
