"""Forget the cached pages when what they show changes (cms.cache)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.cache import page_cache_purge


def _purge(**kwargs) -> None:
    page_cache_purge()


def signals_connect() -> None:
    from cms.models import Navigation, SiteSettings
    from events.models import DayOfAction, Event

    page_published.connect(_purge, dispatch_uid="cms-page-cache-published")
    page_unpublished.connect(_purge, dispatch_uid="cms-page-cache-unpublished")
    post_page_move.connect(_purge, dispatch_uid="cms-page-cache-moved")
    post_delete.connect(_purge, sender=Page, dispatch_uid="cms-page-cache-page-deleted")
    # Pages list events and days of action; menus and contacts are on every page. Not a shift's counters:
    # every sign-up changes them, and a card's "places left" may lag the cache's few minutes.
    for model in (Event, DayOfAction, SiteSettings, Navigation, Site):
        post_save.connect(_purge, sender=model, dispatch_uid=f"cms-page-cache-saved-{model._meta.label}")
        post_delete.connect(_purge, sender=model, dispatch_uid=f"cms-page-cache-deleted-{model._meta.label}")
