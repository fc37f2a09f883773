from celery import shared_task

from volunteers.clubs.services import enrolments


@shared_task(acks_late=True, soft_time_limit=10 * 60, time_limit=15 * 60)
def enrolments_erase_ended() -> int:
    """Daily (Celery beat "clubs-erase-ended"): erase the children's names and the guardians' contacts of the
    clubs that ended or were cancelled."""
    return enrolments.enrolments_erase_ended()
