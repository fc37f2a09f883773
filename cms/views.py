from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Locale, Page

from events.models import Event

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10
EVENTS_SHOWN = 10
EVENT_WORDS = 8


def _snippet(page) -> str:
    for field in ("search_description", "summary", "intro", "goal"):
        text = strip_tags(str(getattr(page, field, "") or "")).strip()
        if text:
            return Truncator(text).words(30)
    return ""


def _page_results(pages, request) -> list[dict]:
    # An untranslated page is an alias of its source: its text is in the source's language.
    source_languages = dict(
        Page.objects.filter(pk__in=[page.alias_of_id for page in pages if page.alias_of_id]).values_list(
            "pk", "locale__language_code"
        )
    )
    return [
        {
            "title": page.title,
            "snippet": _snippet(page),
            "url": page.get_url(request),
            "kind": page.specific_class._meta.verbose_name if page.specific_class else "",
            "lang": source_languages.get(page.alias_of_id, ""),
        }
        for page in pages
    ]


def _events(query: str) -> list[Event]:
    events = Event.objects.published().upcoming()
    for word in query.casefold().split()[:EVENT_WORDS]:
        events = events.filter(search_text__contains=word)
    return list(events.select_related("region").order_by("starts_at", "pk")[:EVENTS_SHOWN])


def search(request):
    """The site's pages (courses of the training programme among them) and upcoming events, in the visitor's
    language."""
    query = request.GET.get("q", "").strip()
    context = {"query": query, "max_length": MAX_QUERY_LENGTH, "too_long": len(query) > MAX_QUERY_LENGTH}
    if query and not context["too_long"]:
        candidates = Page.objects.live().public().filter(locale=Locale.get_active(), depth__gt=1).specific()
        pages = candidates.search(query)
        if not pages.count():
            # The index matches whole words, and Kazakh adds endings to them ("саябақ" is in "саябақтағы"):
            # then titles that start with the words.
            pages = candidates.autocomplete(query)
        page = Paginator(pages, PAGE_SIZE).get_page(request.GET.get("page"))
        context.update(page=page, results=_page_results(page.object_list, request), events=_events(query))
    return render(request, "cms/search.html", context)
