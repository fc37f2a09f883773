"""May this volunteer join an event? The age and consent rules that events check, in one place."""

import datetime as dt

from django.conf import settings

from volunteers.errors import VolunteerError
from volunteers.models.profile import age_on, local_today


def event_refusals(*, user, adults_only: bool = False, min_age: int | None = None, on: dt.date | None = None):
    """The reasons this person cannot sign up for an event on `on` (its start date); empty when they can.

    Age is taken on the day of the event, so a volunteer who turns 18 the day before may join.
    """
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    if profile is None or profile.erased_at is not None or profile.date_of_birth is None:
        return [VolunteerError("no_profile")]
    day = on or local_today()
    age = age_on(profile.date_of_birth, day)
    refusals = []
    if age < settings.VOLUNTEERS_GUARDIAN_CONSENT_UNDER and not profile.guardian_confirmed():
        refusals.append(VolunteerError("guardian_pending"))
    if adults_only and age < settings.VOLUNTEERS_ADULT_AGE:
        refusals.append(VolunteerError("adults_only"))
    if min_age is not None and age < min_age:
        refusals.append(VolunteerError("below_min_age", age=min_age))
    return refusals
