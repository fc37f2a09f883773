"""The documents issued from the volunteer book: what their snapshot holds, when they are refused, and the
PDFs' text (read back as a PDF reader would, so Kazakh letters are checked, not only bytes)."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.training.test_certificates import pdf_text
from tests.volunteers.test_book_pages import book_build, course, credit, kazakh_volunteer
from volunteers.models import BookDocument, Direction, Stage
from volunteers.pdf import book_document_pdf
from volunteers.services.book import BookError, book_document_issue
from volunteers.services.stages import stage_evaluate

pytestmark = pytest.mark.django_db


@pytest.fixture
def aigerim(volunteer_factory):
    return kazakh_volunteer(volunteer_factory)


@pytest.fixture
def book(aigerim, coordinator, organisation):
    return book_build(aigerim, coordinator, organisation)


def pdf_of(document: BookDocument) -> tuple[bytes, str]:
    pdf = book_document_pdf(document)
    return pdf, " ".join(pdf_text(pdf).split())


# --- Issuing ------------------------------------------------------------------------------------------------


def test_the_snapshot_holds_the_figures_and_names_in_every_language(book):
    document = book_document_issue(volunteer=book, kind="transcript", language="kk")
    snapshot = document.snapshot
    assert snapshot["name"] == "Айгерім Сәрсенова"
    assert snapshot["totals"] == {
        "hours": "12.00", "events": 2, "courses": 1, "mentoring_hours": "1.50",
        "first_activity_on": "2025-03-10",
    }  # fmt: skip
    assert snapshot["by_year"] == [
        {"year": 2026, "hours": "7.00", "events": 1, "courses": 0},
        {"year": 2025, "hours": "5.00", "events": 1, "courses": 1},
    ]
    taza = snapshot["by_direction"][0]
    assert taza["slug"] == "taza-alem" and (taza["hours"], taza["events"]) == ("5.00", 1)
    assert taza["name"]["kk"] == "Біргеміз: Таза әлем" and set(taza["name"]) == {"kk", "ru", "en"}
    assert snapshot["by_direction"][-1] == {
        "slug": "",
        "name": {},
        "hours": "3.50",
        "events": 0,
        "courses": 0,
    }
    stage = snapshot["stage"]
    assert stage["name"] == {"kk": "Алғашқы қадам", "ru": "Первый шаг", "en": "First step"}
    assert stage["reached_at"] and stage["criteria"]["hours"] == "1.00"
    assert document.stage.slug == "first-step" and document.language == "kk"


def test_issuing_again_returns_the_same_document_until_the_book_changes(book, coordinator):
    first = book_document_issue(volunteer=book, kind="transcript", language="en")
    assert book_document_issue(volunteer=book, kind="transcript", language="en") == first
    other_language = book_document_issue(volunteer=book, kind="transcript", language="ru")
    assert other_language != first
    credit(book, coordinator, 99, "2", dt.date(2026, 7, 1), event=9100)
    later = book_document_issue(volunteer=book, kind="transcript", language="en")
    assert later != first and later.snapshot["totals"]["hours"] == "14.00"
    assert BookDocument.objects.filter(volunteer=book).count() == 3


def test_a_stage_letter_needs_a_stage_and_a_kind_must_be_known(volunteer):
    with pytest.raises(BookError) as error:
        book_document_issue(volunteer=volunteer, kind="stage_letter", language="en")
    assert error.value.code == "no_stage"
    with pytest.raises(BookError) as error:
        book_document_issue(volunteer=volunteer, kind="diploma", language="en")
    assert error.value.code == "kind_unknown"
    assert not BookDocument.objects.exists()
    # An empty book still has a transcript, and an unknown language falls back to the site's.
    document = book_document_issue(volunteer=volunteer, kind="transcript", language="xx")
    assert document.language == "kk" and document.snapshot["totals"]["hours"] == "0.00"
    assert document.snapshot["stage"] is None


# --- The PDFs -----------------------------------------------------------------------------------------------


def test_the_transcript_in_kazakh_keeps_every_letter(book):
    document = book_document_issue(volunteer=book, kind="transcript", language="kk")
    pdf, text = pdf_of(document)
    assert pdf.startswith(b"%PDF")
    assert b"/FontFile2" in pdf and b"Helvetica" not in pdf
    assert "Айгерім Сәрсенова" in text
    assert "Алғашқы қадам" in text
    assert "Біргеміз: Таза әлем" in text and "Біргеміз: Білім" in text
    assert document.code in text
    assert f"http://127.0.0.1:8000/kk/book/{document.code}/" in text
    assert f"/URI (http://127.0.0.1:8000/kk/book/{document.code}/)".encode() in pdf
    assert b"/Subtype /Image" in pdf  # the QR code
    assert "12" in text and "2026" in text and "2025" in text
    # The same document gives the same bytes.
    assert book_document_pdf(document) == pdf


def test_the_transcript_in_russian_and_english(book):
    _pdf, text = pdf_of(book_document_issue(volunteer=book, kind="transcript", language="ru"))
    assert "Айгерім Сәрсенова" in text and "Первый шаг" in text
    assert "Біргеміз: Таза әлем (защита природы)" in text and "1,50" in text
    _pdf, text = pdf_of(book_document_issue(volunteer=book, kind="transcript", language="en"))
    assert "Transcript of the volunteer book" in text
    assert "First step" in text and "Birgemiz: Taza Álem (environment)" in text and "1.50" in text
    assert "No direction" in text


def test_the_stage_letter_says_what_was_reached_and_what_it_took(book):
    document = book_document_issue(volunteer=book, kind="stage_letter", language="en")
    _pdf, text = pdf_of(document)
    assert "STAGE CERTIFICATE" in text
    assert "This is to certify that Айгерім Сәрсенова has reached the stage «First step»" in text
    assert "Verified hours of volunteering recorded in the volunteer book: 12." in text
    assert "Verified hours: 1" in text  # what the stage asks
    assert "A mark in your volunteer book and a letter of congratulations." in text  # its rewards
    assert document.code in text
    _pdf, text = pdf_of(book_document_issue(volunteer=book, kind="stage_letter", language="kk"))
    assert "Айгерім Сәрсенова" in text and "«Алғашқы қадам»" in text


def test_a_long_book_runs_onto_more_pages_with_the_code_on_each(aigerim, coordinator):
    for year in range(1990, 2026):
        credit(aigerim, coordinator, year, "1", dt.date(year, 1, 15), event=year)
    # Thresholds an editor made easy: the volunteer reaches the last stage, and the letter asks for courses.
    Stage.objects.update(
        min_hours=Decimal(1), min_events=0, min_courses=0, min_months=0, min_mentoring_hours=0
    )
    Stage.objects.filter(slug="master").update(required_courses=["9f1c4a6e-0000-4000-8000-000000000001"])
    course(aigerim, "9f1c4a6e-0000-4000-8000-000000000001", dt.date(2025, 2, 1))
    stage_evaluate(volunteer=aigerim)
    document = book_document_issue(volunteer=aigerim, kind="transcript", language="ru")
    pdf, text = pdf_of(document)
    assert len(re.findall(rb"/Type /Page\b", pdf)) >= 2
    assert text.count(document.code) >= 2
    assert "1990" in text and "2025" in text
    assert "Без направления" in text or "No direction" in text  # until the catalogue has it
    _pdf, letter = pdf_of(book_document_issue(volunteer=aigerim, kind="stage_letter", language="en"))
    assert "«Master of the path»" in letter
    assert "«9f1c4a6e-0000-4000-8000-000000000001»" in letter  # a required course (no such page: its key)


def test_a_withdrawn_document_still_prints_for_no_one(client, book):
    document = book_document_issue(volunteer=book, kind="transcript", language="en")
    document.withdrawn_at = timezone.now()
    document.save(update_fields=["withdrawn_at"])
    client.force_login(book)
    assert client.get(f"/en/accounts/book/documents/{document.code}.pdf").status_code == 404
    html = client.get(f"/en/book/{document.code}/").content.decode()
    assert "This document was withdrawn on" in html


def test_direction_names_come_from_the_snapshot_not_the_live_table(book):
    document = book_document_issue(volunteer=book, kind="transcript", language="en")
    Direction.objects.filter(slug="taza-alem").update(name={"en": "Renamed"})
    _pdf, text = pdf_of(document)
    assert "Birgemiz: Taza Álem (environment)" in text and "Renamed" not in text
