"""The personal calendar feed: one secret address per volunteer, which they can replace at any time."""

from django.db import transaction

from events.models import CalendarFeed
from events.models.signups import feed_token_new
from volunteers.audit import audit_log


def calendar_feed_ensure(*, user) -> CalendarFeed:
    """The volunteer's feed, made on first use."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def calendar_feed_revoke(*, user) -> CalendarFeed:
    """A new token: the old address finds nothing from now on."""
    feed, _created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
    feed.token = feed_token_new()
    feed.save(update_fields=["token"])
    audit_log(actor=user, action="events.calendar_feed.revoked", subject=user)
    return feed
