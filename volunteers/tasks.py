from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from volunteers.models import GuardianConsent


@shared_task(acks_late=True)
def guardian_consent_mail_send(consent_id: int) -> bool:
    """The guardian's link, in the volunteer's language; nothing is sent once the consent is confirmed."""
    consent = GuardianConsent.objects.select_related("profile__user").filter(pk=consent_id).first()
    if consent is None or consent.confirmed_at is not None or not consent.guardian_email:
        return False
    with translation.override(consent.language):
        context = {
            "consent": consent,
            "volunteer": consent.profile.user,
            "url": settings.WAGTAILADMIN_BASE_URL + reverse("guardian_consent", args=[consent.token]),
        }
        subject = render_to_string("volunteers/email/guardian_consent_subject.txt", context).strip()
        body = render_to_string("volunteers/email/guardian_consent_message.txt", context)
    send_mail(subject, body, None, [consent.guardian_email])
    return True


@shared_task(acks_late=True)
def stage_evaluate_volunteer(volunteer_id: int) -> None:
    from volunteers.models import User
    from volunteers.services.stages import stage_evaluate

    volunteer = User.objects.filter(pk=volunteer_id).first()
    if volunteer is not None:
        stage_evaluate(volunteer=volunteer)


@shared_task(acks_late=True)
def stages_evaluate_range(first_id: int, last_id: int) -> int:
    from volunteers.services import stages

    return stages.stages_evaluate_range(first_id=first_id, last_id=last_id)


@shared_task
def stages_evaluate_nightly() -> int:
    """Fan the nightly evaluation out in chunks of volunteers' ids; returns how many chunks were queued."""
    from volunteers.services.stages import volunteer_id_ranges

    ranges = volunteer_id_ranges()
    for first_id, last_id in ranges:
        stages_evaluate_range.delay(first_id, last_id)
    return len(ranges)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def stage_congratulate(change_id: int) -> bool:
    """The congratulations on a stage reached, in the volunteer's language; sent once, and not when the
    stage was lost again before the mail went out (nor when it was lost and reached again: the later change
    congratulates)."""
    return _stage_congratulate(change_id)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def stages_congratulate(change_ids: list[int]) -> int:
    """The congratulations of a chunk's changes, one message for them all (the nightly run of a million
    volunteers would otherwise queue as many messages as stages reached); a retry skips those already sent.
    Returns how many were sent."""
    return sum(_stage_congratulate(change_id) for change_id in change_ids)


def _stage_congratulate(change_id: int) -> bool:
    from django.db import transaction
    from django.utils import timezone

    from volunteers.models import StageChange, StageStanding

    with transaction.atomic():
        change = (
            StageChange.objects.select_for_update(of=("self",))
            .select_related("volunteer__profile", "stage_to")
            .filter(pk=change_id, notified_at__isnull=True, stage_to__isnull=False)
            .first()
        )
        if change is None:
            return False
        standing = (
            StageStanding.objects.select_related("stage").filter(volunteer_id=change.volunteer_id).first()
        )
        volunteer = change.volunteer
        held = standing is not None and standing.stage is not None
        if not held or standing.stage.position < change.stage_to.position or not volunteer.email:
            return False
        later = StageChange.objects.filter(volunteer_id=change.volunteer_id, pk__gt=change.pk)
        if later.filter(stage_to_id=change.stage_to_id).exists():
            return False
        profile = getattr(volunteer, "profile", None)
        language = profile.language if profile else settings.LANGUAGE_CODE
        with translation.override(language):
            context = {
                "volunteer": volunteer,
                "stage": change.stage_to,
                "url": settings.WAGTAILADMIN_BASE_URL + reverse("volunteer_book"),
            }
            subject = render_to_string("volunteers/email/stage_reached_subject.txt", context).strip()
            body = render_to_string("volunteers/email/stage_reached_message.txt", context)
        send_mail(subject, body, None, [volunteer.email])
        change.notified_at = timezone.now()
        change.save(update_fields=["notified_at"])
    return True
