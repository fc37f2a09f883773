from django.utils.translation import gettext_lazy as _

from config.errors import DomainError


class ClubsError(DomainError):
    """Refusals of the clubs' services. Codes are grouped by area; add new ones to your area's group."""

    messages = {
        # --- masters and their photos
        "master_not_silver": _(
            "Crafts are declared by silver volunteers: people aged %(age)s or over, or retired. "
            "Mark yourself as retired in your profile if you are."
        ),
        "master_no_profile": _("Complete your volunteer profile (region) before declaring a craft."),
        "master_duplicate": _("You have already declared this craft."),
        # --- clubs and their schedule
        "club_no_verified_master": _(
            "A club needs at least one verified master of its craft before it opens."
        ),
        "club_age_range": _("The youngest age cannot be above the oldest."),
        "session_outside_series": _("%(date)s is not a day of this club's schedule."),
        # --- enrolments
        "enrol_age": _("The club is for children from %(min)s to %(max)s years old; this child is %(age)s."),
        "enrol_duplicate": _("This child is already enrolled in this club or on its waitlist."),
        "enrol_consent": _("Consent for the child's data is needed to enrol."),
        # --- attendance and hours
    }
