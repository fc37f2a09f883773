"""Template tags of the site's pages: the menus and footer, the language a page's content is in, the embedded
video address, and the lists that index pages show (best practices, days of action, news with their tags)."""

import datetime as dt
from collections import defaultdict

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cms.cache import page_cache_generation
from config.blocks import video_embed_url as _video_embed_url
from config.i18n import TranslatedText

register = template.Library()

NAVIGATION_KEY = "cms:navigation"
NAVIGATION_SECONDS = 600


def _current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


# --- Menus and footer ---------------------------------------------------------------------------------------


def _menu_page_ids(stream) -> list[int]:
    """The chosen pages' ids, read from the raw stream: no query per item."""
    ids = []
    for item in stream.raw_data:
        page_id = (item.get("value") or {}).get("page")
        if page_id and page_id not in ids:
            ids.append(page_id)
    return ids


def _menu_items(page_ids: list[int], request) -> dict[int, dict[str, dict]]:
    """For each chosen page, its link in every language: the live translation (or the alias standing in for
    one), else the chosen page itself, as Page.localized does. One query for all the pages of all menus."""
    if not page_ids:
        return {}
    pages = list(
        Page.objects.filter(
            translation_key__in=Page.objects.filter(pk__in=page_ids).values("translation_key")
        ).select_related("locale")
    )
    by_pk = {page.pk: page for page in pages}
    translations = defaultdict(dict)
    for page in pages:
        translations[page.translation_key][page.locale.language_code] = page
    items = {}
    for page_id in page_ids:
        chosen = by_pk.get(page_id)
        if chosen is None:
            continue
        items[page_id] = {}
        for code, _name in settings.LANGUAGES:
            target = translations[chosen.translation_key].get(code)
            if target is None or not target.live:
                target = chosen
            if not target.live:
                continue
            source = by_pk.get(target.alias_of_id) if target.alias_of_id else target
            items[page_id][code] = {
                "title": target.title,
                "url": target.get_url(request),
                "lang": (source or target).locale.language_code,
            }
    return items


def _navigation_build(request) -> dict:
    from cms.models.site_settings import SOCIAL_NETWORKS, Navigation, SiteSettings

    site = Site.find_for_request(request)
    if site is None:
        return {}
    # Not for_site(): its get_or_create would write on a visitor's GET. Nothing saved yet is nothing to show.
    navigation = Navigation.objects.filter(site=site).first() or Navigation(site=site)
    contacts = SiteSettings.objects.filter(site=site).first() or SiteSettings(site=site)
    main, footer = _menu_page_ids(navigation.main_menu), _menu_page_ids(navigation.footer_links)
    items = _menu_items(main + [page_id for page_id in footer if page_id not in main], request)
    names = dict(SOCIAL_NETWORKS)
    return {
        "menus": {
            code: {
                "main": [items[pk][code] for pk in main if code in items.get(pk, {})],
                "footer": [items[pk][code] for pk in footer if code in items.get(pk, {})],
            }
            for code, _name in settings.LANGUAGES
        },
        "footer_text": TranslatedText(navigation.footer_text or {}),
        "email": contacts.email,
        "phone": contacts.phone,
        "address": TranslatedText(contacts.address or {}),
        "hours": TranslatedText(contacts.hours or {}),
        "social": [
            {
                "network": link["network"],
                "name": names.get(link["network"], link["network"]),
                "url": link["url"],
            }
            for link in (item.get("value") or {} for item in contacts.social_links.raw_data)
            if link.get("url")
        ],
    }


@register.simple_tag(takes_context=True)
def site_navigation(context) -> dict:
    """`{% site_navigation as nav %}`: the editors' main menu and footer links with each page's title in the
    visitor's language, the footer text and the contacts. Built in a fixed number of queries whatever the
    number of items, and kept in the cache per host until a page or a setting changes (cms.cache's
    generation) — so the many pages that are not Wagtail's run no query for it at all."""
    request = context.get("request")
    if request is None:  # error pages rendered without a request
        return {}
    host = request.get_host()
    key = f"{NAVIGATION_KEY}:{page_cache_generation()}"
    by_host = cache.get(key) or {}
    data = by_host.get(host)
    if data is None:
        data = _navigation_build(request)
        cache.set(key, {**by_host, host: data}, NAVIGATION_SECONDS)
    menus = data.get("menus", {}).get(_current_language(), {})
    return {**data, "main": menus.get("main", []), "footer": menus.get("footer", [])}


# --- The language of a page's content ---------------------------------------------------------------------


def _content_languages(pages) -> None:
    """Sets `content_lang` on each page: the language its content is in when that is not the visitor's —
    the source page's language for an alias that stands in for a missing translation — else ""."""
    pages = list(pages)
    sources = {page.alias_of_id for page in pages if getattr(page, "alias_of_id", None)}
    languages = dict(
        Page.objects.filter(pk__in=sources).values_list("pk", "locale__language_code") if sources else []
    )
    current = _current_language()
    for page in pages:
        language = languages.get(getattr(page, "alias_of_id", None), current)
        page.content_lang = "" if language == current else language


def _renditions_prefetch(pages, spec: str) -> None:
    """The lead images' renditions of `spec` in one query, not one per page (a card with no rendition yet
    still has it made on first use)."""
    images = [page.image for page in pages if getattr(page, "image_id", None)]
    if images:
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=spec)
        prefetch_related_objects(images, Prefetch("renditions", queryset=renditions))


@register.simple_tag
def listed_pages(pages, image_spec: str = "") -> list:
    """`{% listed_pages projects "fill-480x270" as projects %}`: the pages of a list, each with
    `content_lang`, and their lead images' renditions of `image_spec` fetched together."""
    pages = list(pages)
    _content_languages(pages)
    if image_spec:
        _renditions_prefetch(pages, image_spec)
    return pages


@register.simple_tag
def source_language(page) -> dict | None:
    """`{% source_language page as source %}`: for a page shown in another language because it has not been
    translated yet, that language: its `code`, and its `name` marked up in that language; else None."""
    if not getattr(page, "untranslated", False):
        return None
    _content_languages([page])
    if not page.content_lang:
        return None
    name = dict(settings.LANGUAGES).get(page.content_lang, page.content_lang)
    return {
        "code": page.content_lang,
        "name": format_html('<span lang="{}">{}</span>', page.content_lang, name),
    }


@register.simple_tag(takes_context=True)
def ui_lang(context) -> str:
    """` lang="ru"` on the site's own words inside content marked as another language (`content_lang`)."""
    if not context.get("content_lang"):
        return ""
    return format_html(' lang="{}"', _current_language())


# --- Blocks ---------------------------------------------------------------------------------------------


@register.filter
def video_embed_url(url: str) -> str:
    return _video_embed_url(url) or ""


# --- Lists on index pages ---------------------------------------------------------------------------------


@register.simple_tag
def news_with_tags(items, image_spec: str = "") -> list:
    """The news of one page of the index as listed_pages gives them, with their tags (one query for all)."""
    items = listed_pages(items, image_spec)
    prefetch_related_objects(items, "tags")
    return items


@register.simple_tag(takes_context=True)
def best_practices(context, page, image_spec: str = "") -> dict:
    """`{% best_practices page "fill-480x270" as practices %}`: practices.filter (the form) and
    practices.page_obj, its practices as listed_pages gives them."""
    from cms.filters import best_practices_for

    practice_filter, page_obj = best_practices_for(page, context["request"])
    page_obj.object_list = listed_pages(page_obj.object_list, image_spec)
    return {"filter": practice_filter, "page_obj": page_obj}


@register.simple_tag
def days_of_action_this_year() -> dict:
    """The days of action with the number of this year's published events of each, and their date."""
    from events.models import DayOfAction, EventStatus

    year = timezone.localdate().year
    zone = timezone.get_current_timezone()
    in_year = Q(
        events__status=EventStatus.PUBLISHED,
        events__starts_at__gte=dt.datetime(year, 1, 1, tzinfo=zone),
        events__starts_at__lt=dt.datetime(year + 1, 1, 1, tzinfo=zone),
    )
    days = DayOfAction.objects.annotate(event_count=Count("events", filter=in_year)).order_by(
        "month", "sort_order", "slug"
    )
    rows = []
    for day in days:
        try:
            date, exact = dt.date(year, day.month, day.day or 1), day.day is not None
        except ValueError:  # a day the month does not have
            date, exact = dt.date(year, day.month, 1), False
        rows.append({"day": day, "date": date, "exact": exact})
    return {"year": year, "rows": rows}
