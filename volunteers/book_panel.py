"""The volunteer's stage on their account page: where they stand, how far the next stage is, and the way to
their book."""

from volunteers.panels import profile_panel
from volunteers.services import book  # noqa: F401  (registers the book's export section and erasure hook)
from volunteers.services.stages import stage_progress


@profile_panel
def _book(request):
    return {
        "template": "volunteers/includes/book_panel.html",
        "progress": stage_progress(volunteer=request.user),
    }
