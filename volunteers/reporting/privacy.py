"""What erasing a volunteer's account does to the figures. Imported by the app's ready() so that the erasure
hook is registered.

The rollups' sums by month, region, organisation and direction hold no personal data and stay; the rows of
the volunteer's own years (their active months and hours) go, and later refreshes leave them out."""

from volunteers.reporting.models import RollupState, VolunteerYear
from volunteers.reporting.services.rollups import STATE
from volunteers.services.privacy import on_erase


@on_erase
def _erase(user):
    # A refresh's batch in progress may have read this volunteer's entries before the erasure: wait for it
    # (it holds the state row), so that it cannot write their rows again once these are deleted. The batches
    # after it see the profile erased.
    RollupState.objects.select_for_update().filter(name=STATE).first()
    VolunteerYear.objects.filter(volunteer_id=user.pk).delete()
