"""E-mails to volunteers about their sign-ups, in the volunteer's language.

A notice is enqueued when the transaction that caused it commits, and delivered by a Celery task. Delivery
writes a Notice row first and marks it sent after, so a retried task sends only what did not go out, and a
notice whose reason has passed (a promotion cancelled a minute later) is not sent at all.
"""

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from events.models import ACTIVE_STATUSES, EventStatus, Notice, Signup, SignupStatus

# The sign-up state in which each kind of notice still makes sense when it is delivered.
STILL_TRUE = {
    Notice.Kind.CONFIRMED: (SignupStatus.CONFIRMED,),
    Notice.Kind.WAITLISTED: (SignupStatus.WAITLISTED,),
    Notice.Kind.PROMOTED: (SignupStatus.CONFIRMED,),
    Notice.Kind.REMINDER: (SignupStatus.CONFIRMED,),
    Notice.Kind.CHANGED: ACTIVE_STATUSES,
    Notice.Kind.CANCELLED: (SignupStatus.CANCELLED,),
}
REMIND_BEFORE = dt.timedelta(hours=24)


def notice_enqueue(*, signup: Signup, kind: str, key: str = "") -> None:
    from events.tasks import notice_send

    signup_id = signup.pk
    # robust: with tasks run inline (the embedded default) a mail server that is down is logged and the
    # sign-up stands; with a worker the task retries on its own.
    transaction.on_commit(lambda: notice_send.delay(signup_id, str(kind), key), robust=True)


def notice_deliver(*, signup_id: int, kind: str, key: str = "") -> bool:
    """Send one notice unless it was sent already, no longer applies, or the volunteer has no e-mail."""
    signup = (
        Signup.objects.select_related(
            "volunteer__profile", "shift__event__organisation", "shift__event__region"
        )
        .filter(pk=signup_id)
        .first()
    )
    if signup is None or signup.status not in STILL_TRUE[kind] or not signup.volunteer.email:
        return False
    notice, _created = Notice.objects.get_or_create(signup=signup, kind=kind, key=key)
    if notice.sent_at is not None:
        return False
    profile = getattr(signup.volunteer, "profile", None)
    language = profile.language if profile is not None else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "signup": signup,
            "shift": signup.shift,
            "event": signup.shift.event,
            "volunteer": signup.volunteer,
            "url": settings.WAGTAILADMIN_BASE_URL + reverse("events:my_signup", args=[signup.pk]),
            "event_url": settings.WAGTAILADMIN_BASE_URL
            + reverse("events:detail", args=[signup.shift.event_id]),
        }
        subject = render_to_string(f"events/email/{kind}_subject.txt", context).strip()
        body = render_to_string(f"events/email/{kind}_message.txt", context)
    send_mail(subject, body, None, [signup.volunteer.email])
    Notice.objects.filter(pk=notice.pk, sent_at__isnull=True).update(sent_at=timezone.now())
    return True


def reminders_due(now: dt.datetime | None = None):
    now = now or timezone.now()
    return Signup.objects.filter(
        status=SignupStatus.CONFIRMED,
        reminded_at__isnull=True,
        shift__cancelled_at__isnull=True,
        shift__event__status=EventStatus.PUBLISHED,
        shift__starts_at__gt=now,
        shift__starts_at__lte=now + REMIND_BEFORE,
    )


def reminders_enqueue(*, now: dt.datetime | None = None, chunk: int = 1000) -> int:
    """Queue the 24-hour reminders that are due; run every few minutes by Celery beat. Marking
    `reminded_at` with a conditional update makes two overlapping runs queue each reminder once."""
    count = 0
    for signup_id in reminders_due(now).values_list("pk", flat=True).iterator(chunk_size=chunk):
        with transaction.atomic():
            if Signup.objects.filter(pk=signup_id, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            ):
                notice_enqueue(signup=Signup(pk=signup_id), kind=Notice.Kind.REMINDER)
                count += 1
    return count
