"""Anonymous visitors' CMS pages, kept whole in Django's cache.

Every key carries a generation number; publishing, unpublishing, moving or deleting any page, and any change
to the events listed on pages, bumps it, so one increment forgets every cached page at once (the old entries
age out on their own). Only what is the same for every anonymous visitor is kept: no signed-in user, no
pending message, no CSRF token, no cookie set by the page, no restricted page (Wagtail marks those
never-cache). Cookies that outer middleware adds (the remembered language, the CSRF cookie) are added again
to each response served from here, since this middleware sits innermost.

With several processes the cache must be shared (CACHE_URL), or a publish purges only its own process.
"""

import hashlib
import time

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from django.utils.cache import get_max_age
from wagtail import views as wagtail_views

from volunteers.services.preferences import EASY_READING_COOKIE

GENERATION_KEY = "cms:page-cache:generation"
KEY_PREFIX = "cms:page-cache:page"


def page_cache_generation() -> int:
    """The current generation: part of every key that must be forgotten when the site's content changes."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Start from the clock, not from 1: a generation key evicted while its pages are still cached must
        # not come back with a number those pages were stored under.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or it was evicted): a new one is as good as a bump
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def page_cache_purge() -> None:
    """Forget every cached page. Bumped at once, so this process never serves the old page again, and once
    more after the commit, so that a page rendered from the old data in between is not kept either."""
    _bump()
    transaction.on_commit(_bump)


def page_cache_key(request) -> str:
    easy = request.COOKIES.get(EASY_READING_COOKIE) == "1"
    parts = [
        request.get_host(),
        translation.get_language() or "",
        "easy" if easy else "",
        request.get_full_path(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{KEY_PREFIX}:{page_cache_generation()}:{digest}"


def _seconds() -> int:
    return getattr(settings, "CMS_PAGE_CACHE_SECONDS", 300)


def _request_cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and _seconds() > 0
        and not request.user.is_authenticated
        and len(get_messages(request)) == 0
    )


def _response_storable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        and get_max_age(response) != 0
        and len(get_messages(request)) == 0
    )


class PageCacheMiddleware:
    """Serves Wagtail's pages to anonymous visitors from the cache. Listed last in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is not None and _response_storable(request, response):
            cache.set(key, response, _seconds())
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or not _request_cacheable(request):
            return None
        key = page_cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            return cached
        request._page_cache_key = key
        return None
