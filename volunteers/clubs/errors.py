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
        "master_craft": _("Choose a craft from the list."),
        "master_organisation": _("Choose a verified organisation of the volunteer's region."),
        "master_story": _("Tell about yourself and your craft in a few words, up to %(max)s characters."),
        "master_years": _("Give the years in the craft as a number from 0 to %(max)s, or leave it empty."),
        "master_volunteer": _("No volunteer you coordinate has this e-mail or phone."),
        "master_volunteer_not_silver": _(
            "This volunteer is not a silver volunteer: they are under %(age)s and not marked as retired in "
            "their profile."
        ),
        "master_volunteer_no_region": _("This volunteer's profile names no region: add it there first."),
        "master_closed": _("This declaration was declined or withdrawn."),
        "master_decided": _("This declaration has already been decided."),
        "master_reason": _("Give a reason for declining the declaration."),
        "master_own": _("You cannot decide on your own declaration or its photos."),
        "master_assisted_self": _(
            "You declared this craft for the volunteer: another coordinator or an admin verifies it."
        ),
        "master_unknown": _("This declaration is not one you review."),
        "master_leads_club": _(
            "You lead the club %(clubs)s. Ask its coordinator to find another master before you withdraw."
        ),
        "master_photos_max": _("A declaration can have up to %(max)s photos."),
        "master_photo_caption": _("Say in a few words what the photo shows."),
        "master_photo_unknown": _("This photo is not one you can change."),
        # --- clubs and their schedule
        "club_no_verified_master": _(
            "A club needs at least one verified master of its craft before it opens."
        ),
        "club_age_range": _("The youngest age cannot be above the oldest."),
        "session_outside_series": _("%(date)s is not a day of this club's schedule."),
        "club_organisation": _("Choose one of the organisations you coordinate."),
        "club_craft": _("Choose a craft from the list."),
        "club_audience": _("Choose for whom the club is."),
        "club_place": _("Give the region, the city or district and the address."),
        "club_ages": _("Children's ages can be from %(min)s to %(max)s years."),
        "club_capacity": _("Give the number of places: from 1 to %(max)s."),
        "club_capacity_enrolled": _("%(count)s children are enrolled: the places cannot be fewer than that."),
        "club_languages": _("Choose at least one language the club is held in."),
        "club_dates": _("The last day cannot be before the first day."),
        "club_times": _("A session must end after it starts."),
        "club_weekdays": _("Choose at least one day of the week."),
        "club_no_sessions": _(
            "None of the days of the week you chose falls between the first and the last day."
        ),
        "club_sessions_max": _(
            "This schedule makes %(count)s sessions; a club can have up to %(max)s. Shorten the period or "
            "choose fewer days."
        ),
        "club_master_unverified": _("%(name)s is not a verified master."),
        "club_master_craft": _("%(name)s is a master of another craft: %(craft)s."),
        "club_master_region": _("%(name)s is a master of another region: %(region)s."),
        "club_cancelled": _("This club is cancelled: it cannot be changed."),
        "club_open_state": _("Only a draft, or a club whose enrolment is closed, can be opened."),
        "club_close_state": _("Only a club open for enrolment can close its enrolment."),
        "club_over": _("The club's last day has passed: it cannot open."),
        "club_cancel_reason": _("Say why the club is cancelled: the parents are told."),
        "club_unknown": _("This club is not one you coordinate."),
        # --- enrolments
        "enrol_age": _("The club is for children from %(min)s to %(max)s years old; this child is %(age)s."),
        "enrol_duplicate": _("This child is already enrolled in this club or on its waitlist."),
        "enrol_consent": _("Consent for the child's data is needed to enrol."),
        "enrol_child_name": _("Give the child's first name and last name, up to %(max)s characters."),
        "enrol_birth_future": _("The date of birth cannot be in the future."),
        "enrol_birth_date": _(
            "Check the date of birth: clubs are for children from %(min)s to %(max)s years old."
        ),
        "enrol_guardian_name": _(
            "Give the parent's or guardian's first name and last name, up to %(max)s characters."
        ),
        "enrol_phone": _("Enter a Kazakhstan phone number, for example +7 701 234 56 78."),
        "enrol_email": _("Enter a valid e-mail address, or leave it empty."),
        "enrol_choices": _("Choose only from the options offered."),
        "enrol_closed": _("Enrolment in this club is closed."),
        "enrol_cancelled": _("This club has been cancelled."),
        "enrol_ended": _("This club has ended."),
        "enrol_phone_limit": _(
            "%(count)s children with this phone number are already enrolled in this club or on its waitlist: "
            "the most one phone can have. Call the club if you need more places."
        ),
        "enrol_reason": _("Give a reason, up to %(max)s characters: the parent is told."),
        "enrol_unknown": _("This child is not in one of the clubs you coordinate."),
        # --- attendance and hours
        "session_unknown": _("This session is not one you coordinate."),
        "session_future": _("The session on %(date)s has not begun yet: take attendance once it has."),
        "session_cancelled": _("The session on %(date)s was cancelled: it takes no attendance."),
        "session_held": _("Attendance was taken at the session on %(date)s: it cannot be cancelled."),
        "session_cancel_reason": _("Say why the session is cancelled."),
        "session_club_draft": _("The club is still a draft: open it before taking attendance."),
        "attendance_no_master": _("Tick at least one master who led the session."),
        "attendance_master_unknown": _("Only the club's masters can be ticked as leading the session."),
        "attendance_children_changed": _("The list of children has changed: check the marks and save again."),
    }
