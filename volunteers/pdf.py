"""The documents issued from the volunteer book, as A4 PDFs in the language they were issued in: the
transcript (totals, by year, by direction, the stage) and the stage certificate with its letter of
recommendation. Both
print the snapshot taken when they were issued, so the paper says what the verification page says, and both
carry the code and a QR code of that page. Fonts and furniture are config/pdf.py's (DejaVu Sans: Kazakh
letters print)."""

import datetime as dt
import io

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from config.i18n import TranslatedText
from config.pdf import (
    ACCENT,
    BOLD,
    INK,
    MUTED,
    REGULAR,
    RULE,
    absolute_url,
    canvas_new,
    date_text,
    double_frame,
    fitted,
    fonts_register,
    verification_block,
)
from volunteers.models import BookDocument, BookDocumentKind

PAGE = A4
MARGIN = 20 * mm
FOOTER = 46 * mm  # the verification block and the note at the foot of every page


def verification_url(document: BookDocument) -> str:
    """The absolute address of the document's public page, in the active language."""
    return absolute_url(reverse("book_document_verify", args=[document.code]))


def book_document_pdf(document: BookDocument) -> bytes:
    fonts_register()
    with translation.override(document.language):
        if document.kind == BookDocumentKind.STAGE_LETTER:
            return _StageLetter(document).render()
        return _Transcript(document).render()


def _hours(value) -> str:
    return floatformat(value, -2)


def _reached_on(stage: dict) -> str:
    reached = stage.get("reached_at")
    if not reached:
        return ""
    return date_text(timezone.localdate(dt.datetime.fromisoformat(reached)))


class _Document:
    """A page cursor: text from the top down, a new page (with the verification block) when it is full."""

    title = ""

    def __init__(self, document: BookDocument):
        self.document = document
        self.snapshot = document.snapshot or {}
        self.language = document.language
        self.url = verification_url(document)
        self.out = io.BytesIO()
        self.width, self.height = PAGE
        self.text_width = self.width - 2 * MARGIN
        self.canvas: Canvas = canvas_new(
            self.out, pagesize=PAGE, language=self.language, title=f"{self.title} {document.code}",
            subject=self.snapshot.get("name", ""), author=_("Birgemiz"),
        )  # fmt: skip
        self.y = self.height - MARGIN

    def render(self) -> bytes:
        self.draw()
        self.page_end()
        self.canvas.save()
        return self.out.getvalue()

    def draw(self) -> None:
        raise NotImplementedError

    def page_start(self) -> None:
        pass

    def page_end(self) -> None:
        canvas = self.canvas
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 8)
        note = _(
            "The figures are those of the volunteer book on the day the document was issued. "
            "The verification page shows whether the document still stands."
        )
        y = MARGIN + 28 * mm + 12 * mm
        for line in simpleSplit(note, REGULAR, 8, self.text_width):
            canvas.drawString(MARGIN, y, line)
            y -= 10
        verification_block(
            canvas, url=self.url, code=self.document.code, code_label=_("Document code:"),
            check_label=_("Check that it is valid at:"), left=MARGIN, bottom=MARGIN, qr_size=28 * mm,
            link_width=self.text_width - 34 * mm,
        )  # fmt: skip
        canvas.showPage()

    def room(self, needed: float) -> None:
        """Start a new page unless `needed` points still fit above the foot."""
        if self.y - needed < MARGIN + FOOTER:
            self.page_end()
            self.y = self.height - MARGIN
            self.page_start()

    def lines(self, text: str, font: str, size: float, *, colour=INK, leading=None, centred=False, gap=0):
        leading = leading or size * 1.35
        for line in simpleSplit(text, font, size, self.text_width) or [""]:
            self.room(leading)
            self.canvas.setFillColor(colour)
            self.canvas.setFont(font, size)
            if centred:
                self.canvas.drawCentredString(self.width / 2, self.y - size, line)
            else:
                self.canvas.drawString(MARGIN, self.y - size, line)
            self.y -= leading
        self.y -= gap

    def fitted_line(self, text: str, size: float, minimum: float, *, colour=INK, centred=False, gap=0):
        size, lines = fitted(text, BOLD, size, self.text_width, minimum)
        for line in lines[:3]:
            self.lines(line, BOLD, size, colour=colour, centred=centred)
        self.y -= gap

    def header(self, *, centred=False) -> None:
        self.lines(_("Birgemiz"), BOLD, 18, colour=ACCENT, centred=centred)
        self.lines(
            _("Kazakhstan's national volunteering platform"), REGULAR, 10, colour=MUTED, centred=centred
        )
        self.y -= 4 * mm


class _Transcript(_Document):
    def __init__(self, document):
        self.title = _("Transcript of the volunteer book")
        super().__init__(document)

    def draw(self) -> None:
        snapshot, canvas = self.snapshot, self.canvas
        self.header()
        self.lines(self.title, BOLD, 20, gap=2 * mm)
        self.fitted_line(snapshot.get("name", ""), 16, 11, gap=1 * mm)
        issued = _("Issued on %(date)s") % {"date": date_text(timezone.localdate(self.document.issued_at))}
        self.lines(f"{issued}   ·   {_('Document code:')} {self.document.code}", REGULAR, 10, colour=MUTED)
        stage = snapshot.get("stage")
        if stage:
            text = _("Stage of Volunteer zholy: «%(stage)s» (reached on %(date)s)") % {
                "stage": TranslatedText(stage.get("name") or {}).in_language(self.language),
                "date": _reached_on(stage),
            }
        else:
            text = _("No stage of Volunteer zholy reached yet.")
        self.lines(text, REGULAR, 11, gap=5 * mm)

        # The totals: four figures side by side.
        totals = snapshot.get("totals") or {}
        figures = [
            (_hours(totals.get("hours", 0)), _("Verified hours")),
            (str(totals.get("events", 0)), _("Events attended")),
            (str(totals.get("courses", 0)), _("Courses completed")),
            (_hours(totals.get("mentoring_hours", 0)), _("Hours of mentoring")),
        ]
        self.room(24 * mm)
        cell = self.text_width / len(figures)
        for index, (value, label) in enumerate(figures):
            x = MARGIN + index * cell
            canvas.setFillColor(ACCENT)
            canvas.setFont(BOLD, 20)
            canvas.drawString(x, self.y - 20, value)
            canvas.setFillColor(MUTED)
            for number, line in enumerate(simpleSplit(label, REGULAR, 9, cell - 4 * mm)[:2]):
                canvas.setFont(REGULAR, 9)
                canvas.drawString(x, self.y - 34 - number * 11, line)
        self.y -= 24 * mm

        columns = [_("Hours"), _("Events"), _("Courses")]
        years = [
            (str(row["year"]), _hours(row["hours"]), str(row["events"]), str(row["courses"]))
            for row in snapshot.get("by_year") or []
        ]
        self.table(_("By year"), [_("Year"), *columns], years)
        directions = [
            (
                TranslatedText(row.get("name") or {}).in_language(self.language) or _("No direction"),
                _hours(row["hours"]),
                str(row["events"]),
                str(row["courses"]),
            )  # fmt: skip
            for row in snapshot.get("by_direction") or []
        ]
        self.table(_("By direction"), [_("Direction"), *columns], directions)

    def table(self, heading: str, header: list[str], rows: list[tuple]) -> None:
        canvas = self.canvas
        self.room(30 * mm)
        self.lines(heading, BOLD, 13, gap=1 * mm)
        number_width = 28 * mm
        first_width = self.text_width - number_width * (len(header) - 1)

        def row_draw(cells, font, colour):
            size = 10
            first = simpleSplit(cells[0], font, size, first_width - 3 * mm)[:2] or [""]
            height = len(first) * 13 + 5
            self.room(height)
            canvas.setFillColor(colour)
            canvas.setFont(font, size)
            for number, line in enumerate(first):
                canvas.drawString(MARGIN, self.y - 11 - number * 13, line)
            for index, text in enumerate(cells[1:], start=1):
                canvas.drawRightString(
                    MARGIN + first_width + number_width * index - 2 * mm, self.y - 11, text
                )
            self.y -= height
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            canvas.line(MARGIN, self.y, MARGIN + self.text_width, self.y)

        row_draw(header, BOLD, MUTED)
        if not rows:
            self.lines(_("No verified hours or courses yet."), REGULAR, 10, colour=MUTED)
        for cells in rows:
            row_draw(cells, REGULAR, INK)
        self.y -= 6 * mm


class _StageLetter(_Document):
    def __init__(self, document):
        self.title = _("Stage certificate")
        super().__init__(document)

    def page_start(self) -> None:
        double_frame(self.canvas, PAGE)

    def draw(self) -> None:
        snapshot = self.snapshot
        stage = snapshot.get("stage") or {}
        name = snapshot.get("name", "")
        stage_name = TranslatedText(stage.get("name") or {}).in_language(self.language)
        reached = _reached_on(stage)
        totals = snapshot.get("totals") or {}
        self.page_start()
        self.y -= 2 * mm
        self.header(centred=True)
        self.lines(_("Stage certificate").upper(), BOLD, 24, centred=True, gap=1 * mm)
        self.lines(_("Volunteer zholy"), REGULAR, 12, colour=MUTED, centred=True, gap=3 * mm)
        self.lines(_("This certifies that"), REGULAR, 12, colour=MUTED, centred=True, gap=1 * mm)
        self.fitted_line(name, 24, 14, centred=True, gap=1 * mm)
        self.lines(_("has reached the stage of Volunteer zholy"), REGULAR, 12, colour=MUTED, centred=True)
        self.fitted_line(f"«{stage_name}»", 20, 12, colour=ACCENT, centred=True)
        if reached:
            self.lines(_("Reached on %(date)s") % {"date": reached}, REGULAR, 11, centred=True)
        self.y -= 5 * mm

        self.lines(_("Letter of recommendation"), BOLD, 13, gap=1 * mm)
        letter = _(
            "This is to certify that %(name)s has reached the stage «%(stage)s» of Volunteer zholy (on "
            "%(date)s), the path of volunteer stages of the Birgemiz national volunteering platform. "
            "Verified hours of volunteering recorded in the volunteer book: %(hours)s. Hours in the book are "
            "confirmed by coordinators of the organisations the work was done with, and courses by the "
            "platform's training programme."
        ) % {
            "name": name,
            "stage": stage_name,
            "date": reached or "—",
            "hours": _hours(totals.get("hours", 0)),
        }
        self.lines(letter, REGULAR, 11, leading=15, gap=2 * mm)
        self.lines(
            _("We recommend %(name)s as a committed and reliable volunteer.") % {"name": name},
            REGULAR, 11, leading=15, gap=4 * mm,
        )  # fmt: skip

        self.lines(_("On the day of this letter the volunteer book records:"), BOLD, 11, gap=1 * mm)
        for label, value in [
            (_("Verified hours"), _hours(totals.get("hours", 0))),
            (_("Events attended"), totals.get("events", 0)),
            (_("Courses completed"), totals.get("courses", 0)),
            (_("Hours of mentoring"), _hours(totals.get("mentoring_hours", 0))),
        ]:
            self.lines(f"•  {label}: {value}", REGULAR, 10.5)
        self.y -= 3 * mm

        criteria = stage.get("criteria") or {}
        asked = []
        if float(criteria.get("hours") or 0) > 0:
            asked.append(f"{_('Verified hours')}: {_hours(criteria['hours'])}")
        if criteria.get("events"):
            asked.append(f"{_('Events attended')}: {criteria['events']}")
        if criteria.get("courses"):
            asked.append(f"{_('Courses completed')}: {criteria['courses']}")
        for title in criteria.get("required_courses") or []:
            asked.append(
                _("The course «%(course)s»") % {"course": TranslatedText(title).in_language(self.language)}
            )
        if criteria.get("months"):
            asked.append(f"{_('Months since the first activity')}: {criteria['months']}")
        if float(criteria.get("mentoring_hours") or 0) > 0:
            asked.append(f"{_('Hours of mentoring')}: {_hours(criteria['mentoring_hours'])}")
        if asked:
            self.lines(_("What the stage asks:"), BOLD, 11, gap=1 * mm)
            for line in asked:
                self.lines(f"•  {line}", REGULAR, 10.5)
            self.y -= 3 * mm
        rewards = TranslatedText(stage.get("rewards") or {}).in_language(self.language)
        if rewards:
            self.lines(_("What the stage brings:"), BOLD, 11, gap=1 * mm)
            self.lines(rewards, REGULAR, 10.5, leading=14, gap=3 * mm)
        issued = _("Issued on %(date)s") % {"date": date_text(timezone.localdate(self.document.issued_at))}
        self.lines(issued, REGULAR, 10.5, colour=MUTED)
