"""The live figures on the home page: how many volunteers, their verified hours, the events to come.

Counted over whole tables, so they are kept in the cache for a few minutes rather than counted per visit.
"""

from decimal import Decimal

from django.core.cache import cache
from django.db.models import Sum

FIGURES_CACHE_KEY = "cms:home-figures"
FIGURES_CACHE_SECONDS = 300


def _count() -> dict:
    from events.models import Event
    from volunteers.models import EntryStatus, LedgerEntry, VolunteerProfile

    hours = LedgerEntry.objects.filter(status=EntryStatus.VERIFIED).aggregate(total=Sum("hours"))["total"]
    return {
        "volunteers": VolunteerProfile.objects.active().count(),
        "hours": int(hours or Decimal(0)),
        "events": Event.objects.published().upcoming().count(),
    }


def site_figures() -> dict:
    return cache.get_or_set(FIGURES_CACHE_KEY, _count, FIGURES_CACHE_SECONDS)
