"""The volunteer book as its owner sees it, the documents issued from it (PDF) and their public verification
page, which a document's QR code opens."""

import datetime as dt
import re
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import dates, timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from config.i18n import TranslatedText
from volunteers.models import BookDocument, BookDocumentKind, EntryKind, EntryStatus
from volunteers.models.stages import CODE_ALPHABET
from volunteers.pdf import book_document_pdf
from volunteers.services.book import (
    BookError,
    book_document_issue,
    book_documents,
    book_entries,
    book_summary,
    claim_decisions,
)
from volunteers.services.stages import HOUR_KINDS, stage_history, stage_progress

ENTRIES_PAGE = 25
CODE_RE = re.compile(rf"^[{CODE_ALPHABET}]{{10}}$")
CODE_SEPARATORS = re.compile(r"[\s\-]+")
YEARS = range(1900, 2201)


def code_normalised(code: str) -> str | None:
    """The code as stored (people type it in lower case, with spaces or dashes), or None when it cannot be
    one."""
    code = CODE_SEPARATORS.sub("", code or "").upper()
    return code if CODE_RE.match(code) else None


def _year(value, default: int) -> int:
    """The year asked for in ?year=, or `default` for anything that is not a plausible year."""
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and int(value) in YEARS:
        return int(value)
    return default


# --- The chart of hours by month: an SVG drawn here, with attributes only (no style), and a table beside ---

CHART_WIDTH, CHART_HEIGHT = 640, 260
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_BOTTOM = 44, 8, 12, 28


def _scale_top(largest: Decimal) -> Decimal:
    """The top of the axis: four steps of a round size (1, 2, 5 × 10ⁿ hours) that reach `largest`."""
    step = Decimal(1)
    while True:
        for factor in (1, 2, 5):
            if step * factor * 4 >= largest:
                return step * factor * 4
        step *= 10


def _number(value: float) -> str:
    # SVG attributes need a dot, whatever the page's language formats numbers with.
    return f"{value:.1f}"


def hours_chart(months: list[Decimal]) -> dict:
    plot_width = CHART_WIDTH - CHART_LEFT - CHART_RIGHT
    plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    top = _scale_top(max(months))
    slot = plot_width / 12
    bars = []
    for index, hours in enumerate(months):
        height = float(hours / top) * plot_height if hours > 0 else 0.0
        bars.append(
            {
                "x": _number(CHART_LEFT + index * slot + slot * 0.15),
                "y": _number(CHART_TOP + plot_height - height),
                "width": _number(slot * 0.7),
                "height": _number(height),
                "label_x": _number(CHART_LEFT + index * slot + slot / 2),
                "month": str(dates.MONTHS_3[index + 1]).title(),
                "month_name": dates.MONTHS[index + 1],
                "hours": hours,
            }
        )
    ticks = []
    for step in range(5):
        value = top * step / 4
        ticks.append({"y": _number(CHART_TOP + plot_height - plot_height * step / 4), "value": value})
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": CHART_LEFT,
        "right": CHART_WIDTH - CHART_RIGHT,
        "label_y": CHART_HEIGHT - 8,
        "tick_x": CHART_LEFT - 6,
        "bars": bars,
        "ticks": ticks,
        "total": sum(months, Decimal(0)),
    }


# --- Pages --------------------------------------------------------------------------------------------------


def _entry_state(entry, decisions) -> str:
    """What the entry is in the book: the template says it in words."""
    if entry.status == EntryStatus.PENDING:
        decision = decisions.get(entry.pk)
        if decision is None:
            return "waiting"
        entry.decision = decision
        return "claim_verified" if decision.status == EntryStatus.VERIFIED else "claim_rejected"
    if entry.status == EntryStatus.VERIFIED and entry.corrects_id is not None:
        return "decision" if entry.kind == EntryKind.CLAIMED_HOURS else "correction"
    return entry.status


@never_cache
@login_required
def volunteer_book(request):
    today = timezone.localdate()
    year = _year(request.GET.get("year"), today.year)
    summary = book_summary(volunteer=request.user)
    progress = stage_progress(volunteer=request.user, today=today)
    years = sorted({today.year, year, *(row.year for row in summary.years)}, reverse=True)

    page = Paginator(book_entries(volunteer=request.user), ENTRIES_PAGE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    decisions = claim_decisions(page.object_list)
    for entry in page.object_list:
        entry.state = _entry_state(entry, decisions)
        entry.has_hours = entry.kind in HOUR_KINDS
        entry.what = TranslatedText(entry.title or {})

    return render(
        request,
        "volunteers/book.html",
        {
            "summary": summary,
            "totals": summary.totals,
            "progress": progress,
            "year": year,
            "years": years,
            "chart": hours_chart(summary.year_months(year)),
            "history": list(stage_history(volunteer=request.user)),
            "documents": list(book_documents(volunteer=request.user)),
            "page": page,
            "kinds": BookDocumentKind,
        },
    )


@require_POST
@login_required
def book_document_create(request):
    try:
        document = book_document_issue(
            volunteer=request.user, kind=request.POST.get("kind", ""), language=get_language()
        )
    except BookError as error:
        messages.error(request, error.message)
        return redirect("volunteer_book")
    return redirect("volunteer_book_document", code=document.code)


def _document_or_404(queryset, code: str) -> BookDocument:
    code = code_normalised(code)
    document = queryset.filter(code=code).select_related("stage").first() if code else None
    if document is None:
        raise Http404
    return document


FILENAMES = {
    BookDocumentKind.TRANSCRIPT: "volunteer-book",
    BookDocumentKind.STAGE_LETTER: "stage-certificate",
}


@require_safe
@never_cache
@login_required
def book_document(request, code: str):
    """The owner's document as a PDF, in the language it was issued in. Someone else's code, an unknown one
    and a withdrawn document are all 404."""
    document = _document_or_404(
        BookDocument.objects.filter(volunteer=request.user, withdrawn_at__isnull=True), code
    )
    return HttpResponse(
        book_document_pdf(document),
        content_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{FILENAMES[document.kind]}-{document.code}.pdf"'
        },
    )


def _translated_rows(rows: list[dict]) -> list[dict]:
    return [{**row, "name": TranslatedText(row.get("name") or {})} for row in rows]


@require_safe
@never_cache  # the state must be current: a withdrawal shows at once
def book_document_verify(request, code: str):
    """Public: what the document said when it was issued, in the visitor's language, and whether it still
    stands. An unknown or malformed code gets the site's ordinary 404."""
    document = _document_or_404(BookDocument.objects.all(), code)
    snapshot = document.snapshot or {}
    stage = snapshot.get("stage") or None
    if stage:
        reached = stage.get("reached_at")
        stage = {
            **stage,
            "name": TranslatedText(stage.get("name") or {}),
            "reached_on": timezone.localdate(dt.datetime.fromisoformat(reached)) if reached else None,
        }
    context = {
        "document": document,
        "kind": document.get_kind_display(),
        "issued_on": timezone.localdate(document.issued_at),
        "withdrawn_on": timezone.localdate(document.withdrawn_at) if document.withdrawn_at else None,
        "name": snapshot.get("name", ""),
        "totals": snapshot.get("totals"),
        "by_year": snapshot.get("by_year") or [],
        "by_direction": _translated_rows(snapshot.get("by_direction") or []),
        "stage": stage,
        "language_name": dict(settings.LANGUAGES).get(document.language, document.language),
    }
    response = render(request, "volunteers/book_verify.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
