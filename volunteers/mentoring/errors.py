from django.utils.translation import gettext_lazy as _

from config.errors import DomainError


class MentoringError(DomainError):
    """Refusals of the mentoring services. Codes are grouped by area; add new ones to your area's group."""

    messages = {
        # --- mentors and background checks
        "mentor_no_profile": _(
            "Complete your volunteer profile (region, languages) before applying to mentor."
        ),
        "mentor_minor": _("Mentors must be adults."),
        "mentor_already_applied": _("You have already applied to mentor."),
        "mentor_pools": _("Choose at least one programme."),
        "mentor_languages": _("Choose at least one language."),
        "mentor_capacity": _("Give a number of mentees from 1 to %(max)s."),
        "mentor_decided": _("This application has already been decided."),
        "mentor_not_approved": _("This mentor's application is not approved."),
        "check_dates": _("The expiry date must come after the date of issue."),
        "check_issued_future": _("The date of issue cannot be in the future."),
        "check_expired": _("This certificate has already expired."),
        "check_revoked": _("This background check has already been revoked."),
        "check_reason": _("Give a reason for revoking the check."),
        "mentor_organisation": _("Choose a verified organisation of your region."),
        "mentor_choices": _("Choose only from the options offered."),
        "mentor_capacity_held": _("You mentor %(count)s people now: the number cannot be smaller."),
        "mentor_reason": _("Give a reason for declining the application."),
        "mentor_own": _("You cannot decide on your own application or background check."),
        "mentor_unknown": _("This mentor is not one you review."),
        "mentor_closed": _("This application was declined or withdrawn."),
        # --- mentees and centres
        "mentee_age": _("Give a year of birth that makes the mentee between %(min)s and %(max)s years old."),
        "mentee_languages": _("Choose at least one language."),
        "mentee_centre": _("Choose one of your centres."),
        "mentee_demand": _("Give a number of mentors from 1 to %(max)s."),
        "mentee_archived": _("This mentee is archived."),
        "rules_age_gap": _("The largest age gap cannot be smaller than the smallest."),
        "rules_age_gap_range": _("Give an age gap from 0 to 60 years, or leave it empty."),
        "rules_reminder_weeks": _("Give a number of weeks from 1 to 52, or leave it empty."),
        "mentee_name": _("Give a first name or initials, up to 40 characters."),
        "mentee_pool": _("Choose a programme."),
        "mentee_choices": _("Choose only from the options offered."),
        "mentee_volunteer": _("No volunteer you coordinate has this e-mail or phone."),
        "mentee_duplicate": _("This volunteer is already a mentee of this centre in this programme."),
        "mentee_open_pairs": _("End this mentee's active or paused mentorships before archiving."),
        "mentee_unknown": _("This mentee is not one of your centres'."),
        # --- matching
        "match_scope": _("Choose a centre or a region you coordinate."),
        "match_start_past": _("The start date cannot be in the past."),
        "match_no_mentees": _(
            "There is nobody to match: every mentee of this scope has a mentor or a proposal."
        ),
        "proposal_decided": _("This proposal has already been decided."),
        "mentor_ineligible": _(
            "This mentor cannot mentor from %(date)s: the background check or the safeguarding certificate "
            "is missing or expires before."
        ),
        "pair_not_allowed": _("This pair breaks a rule: %(rules)s."),
        "mentor_full": _("This mentor has no free place: they already mentor %(count)s of %(capacity)s."),
        "mentee_full": _("This mentee already has the mentors they need."),
        "mentee_other_centre": _("This mentee belongs to another centre."),
        "match_pool": _("Choose a programme."),
        "match_mode": _("Choose how to match."),
        "mentor_stage": _(
            "This mentor has not reached the stage of Volunteer zholy needed to mentor newcomers."
        ),
        "pair_open": _("This mentor already has a proposal or a mentorship with this mentee."),
        "swap_mentor": _("Choose another mentor from the list."),
        # --- lifecycle and meetings
        "mentorship_state": _("This pair cannot be %(action)s in its present state."),
        "end_reason": _("Choose a reason for ending the mentorship."),
        "meeting_future": _("The meeting date cannot be in the future."),
        "meeting_before_start": _("The meeting date cannot be before the mentorship started (%(date)s)."),
        "meeting_length": _("Give the duration in minutes, from 1 to 1440 (one day)."),
        "meeting_topic": _("Say what the meeting was about."),
        "meeting_not_active": _("Meetings can be logged only for an active mentorship."),
        "meeting_acknowledged": _("This meeting has already been acknowledged."),
        "meeting_own": _("You cannot acknowledge your own meeting."),
        "mentorship_unknown": _("This pair is not one of yours."),
        "mentorship_resume_coordinator": _("Only a coordinator of the centre can resume a paused pair."),
        "meeting_mentor_only": _("Only the pair's mentor can log its meetings."),
        "meeting_unknown": _("This meeting is not one you can acknowledge."),
    }
