from django.db import transaction

from volunteers.audit import audit_log
from volunteers.models import VolunteerProfile
from volunteers.services.registration import VolunteerData, unique_guard

PROFILE_FIELDS = (
    "date_of_birth", "gender", "region", "city", "phone", "languages", "skills", "availability",
    "preferred_channel", "is_retired", "leaderboard_opt_in",
)  # fmt: skip


@transaction.atomic
def profile_update(*, profile: VolunteerProfile, data: VolunteerData) -> list[str]:
    """Save what the volunteer changed and record which fields (not their values) in the audit log."""
    user = profile.user
    changed = [name for name in ("first_name", "last_name") if getattr(user, name) != getattr(data, name)]
    changed += [name for name in PROFILE_FIELDS if getattr(profile, name) != getattr(data, name)]
    if {direction.pk for direction in profile.directions.all()} != {
        direction.pk for direction in data.directions
    }:
        changed.append("directions")
    user.first_name, user.last_name = data.first_name, data.last_name
    user.save(update_fields=["first_name", "last_name"])
    for name in PROFILE_FIELDS:
        setattr(profile, name, getattr(data, name))
    with unique_guard():
        profile.save(update_fields=[*PROFILE_FIELDS, "updated_at"])
    profile.directions.set(data.directions)
    if changed:
        audit_log(actor=user, action="volunteers.profile.changed", subject=user, fields=sorted(changed))
    return changed
