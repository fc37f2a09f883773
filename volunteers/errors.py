from django.utils.translation import gettext_lazy as _

from config.errors import DomainError


class VolunteerError(DomainError):
    messages = {
        "birth_date_future": _("The date of birth cannot be in the future."),
        "birth_date_too_old": _("Check the date of birth: the age comes out above %(max)s years."),
        "too_young_alone": _(
            "Volunteers under %(min)s years old cannot register on their own. A coordinator can register you "
            "together with your parent or guardian."
        ),
        "guardian_required": _(
            "Volunteers under %(age)s years old need a parent's or guardian's consent: "
            "give their name and e-mail."
        ),
        "guardian_in_person_required": _(
            "Volunteers under %(age)s years old need the consent of a parent or guardian: give the name of "
            "the parent or guardian who gave it in person."
        ),
        "guardian_email_is_own": _("Give your parent's or guardian's e-mail address, not your own."),
        "phone_invalid": _("Enter a Kazakhstan phone number, for example +7 701 234 56 78."),
        "phone_taken": _("This phone number is already registered. Sign in, or ask a coordinator for help."),
        "email_taken": _("This e-mail address is already registered."),
        "consent_required": _("Consent to the processing of personal data is required to register."),
        "claim_code_invalid": _("The code is wrong or has expired. Ask for a new one."),
        "already_confirmed": _("This consent has already been confirmed."),
        "card_field_unknown": _("“%(value)s” cannot be shown on the card."),
        "no_profile": _("Complete your volunteer profile first."),
        "guardian_pending": _("Your parent's or guardian's consent has not been confirmed yet."),
        "adults_only": _(
            "This event is for adults only: by law, volunteers under 18 do not take part in emergency "
            "response, help to people with a criminal record, or heavy and harmful work."
        ),
        "below_min_age": _("The minimum age for this event is %(age)s."),
        "claim_organisation": _("Choose the organisation you volunteered with from the list."),
        "claim_future": _("The date cannot be in the future."),
        "claim_hours": _("Give the hours as a number above 0 and at most 24 (one day)."),
        "claim_description": _("Say what you did."),
        "claim_unknown": _("This claim is not waiting for your decision."),
        "claim_own": _("You cannot verify or reject your own claim."),
        "claim_decided": _("This claim has already been decided."),
        "claim_reason": _("Give the reason for rejecting the claim."),
        "weekly_hours": _(
            "This shift would give you %(hours)s hours of volunteering within 7 days; the limit is "
            "%(limit)s. Rest matters too: choose a shift in another week."
        ),
    }
