"""Forms of mentoring's people: the mentor's application and its changes, the coordinators' decisions and
background checks, the centres' rules, the mentees. The rules themselves are the services' to enforce: a form
checks the shape of the input and shows the services' refusals next to the fields."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.models import GenderRule, Interest, MentorStatus, Need, Pool
from volunteers.mentoring.services.mentees import AGE_GAP_MAX, DEMAND_MAX, REMINDER_WEEKS_MAX
from volunteers.mentoring.services.mentors import REASON_MAX, REFERENCE_MAX
from volunteers.models import Gender
from volunteers.models.profile import SPOKEN_LANGUAGES, Availability


def availability_choices():
    return [(f"{day}-{part}", f"{day_label}, {part_label}") for day, day_label in Availability.DAYS
            for part, part_label in Availability.PARTS]  # fmt: skip


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj.name)


def _checkboxes(label, choices, *, required=False, code=None, help_text=""):
    messages = {"required": MentoringError.messages[code]} if code else {}
    return forms.MultipleChoiceField(
        label=label, choices=choices, required=required, widget=forms.CheckboxSelectMultiple,
        error_messages=messages, help_text=help_text,
    )  # fmt: skip


def _capacity_field():
    limit = settings.MENTORING_MAX_CAPACITY
    return forms.IntegerField(label=_("How many mentees at a time"), initial=1, min_value=1, max_value=limit)


class MentorOfferForm(forms.Form):
    """What a mentor offers; the application adds the organisation, the programmes and the motivation."""

    capacity = _capacity_field()
    languages = _checkboxes(
        _("Languages you can mentor in"), SPOKEN_LANGUAGES, required=True, code="mentor_languages"
    )
    interests = _checkboxes(_("Your interests"), Interest.choices)
    availability = forms.MultipleChoiceField(
        label=_("When are you usually free?"), choices=availability_choices, required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "availability"}),
    )  # fmt: skip
    district = forms.CharField(label=_("District or town where you can meet"), max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["capacity"].help_text = _("From 1 to %(max)s.") % {"max": settings.MENTORING_MAX_CAPACITY}


class MentorApplyForm(MentorOfferForm):
    field_order = ["organisation", "pools"]

    organisation = OrganisationChoiceField(
        label=_("Organisation"), queryset=None, empty_label=None,
        help_text=_(
            "Its coordinators review your application and see your certificate of no criminal record."
        ),
    )  # fmt: skip
    pools = _checkboxes(
        _("Whom would you mentor?"), Pool.choices, required=True, code="mentor_pools",
        help_text=_(
            "Children need a background check and the safeguarding course; home visits need a background "
            "check; newcomers need experience on the Volunteer's Path."
        ),
    )  # fmt: skip
    motivation = forms.CharField(
        label=_("Why do you want to mentor?"), max_length=1000, required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class MentorFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or e-mail"), max_length=100, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *MentorStatus.choices], required=False
    )
    pool = forms.ChoiceField(
        label=_("Programme"), choices=[("", _("Any programme")), *Pool.choices], required=False
    )


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (when declining)"), max_length=REASON_MAX, required=False,
        help_text=_("The volunteer receives it by e-mail."), widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip


class CheckForm(forms.Form):
    issued_on = forms.DateField(
        label=_("Issued on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    expires_on = forms.DateField(
        label=_("Valid until"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )  # fmt: skip
    reference = forms.CharField(label=_("Certificate number"), max_length=REFERENCE_MAX, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expires_on"].help_text = _("Leave empty: %(months)s months from the date of issue.") % {
            "months": settings.MENTORING_CHECK_VALID_MONTHS
        }


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason for revoking"), max_length=REASON_MAX)


class CentreRulesForm(forms.Form):
    district = forms.CharField(label=_("District or town of the centre"), max_length=100, required=False)
    gender_rule = forms.ChoiceField(
        label=_("Mentor's gender"), choices=GenderRule.choices, initial=GenderRule.ANY,
        widget=forms.RadioSelect,
    )  # fmt: skip
    min_age_gap = forms.IntegerField(
        label=_("The mentor is at least this many years older"), min_value=0, max_value=AGE_GAP_MAX,
        required=False, help_text=_("Leave empty for no lower bound."),
    )  # fmt: skip
    max_age_gap = forms.IntegerField(
        label=_("The mentor is at most this many years older"), min_value=0, max_value=AGE_GAP_MAX,
        required=False, help_text=_("Leave empty for no upper bound."),
    )  # fmt: skip
    reminder_weeks = forms.IntegerField(
        label=_("Remind the mentor after this many weeks without a meeting"), min_value=1,
        max_value=REMINDER_WEEKS_MAX, required=False,
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reminder_weeks"].help_text = _("Leave empty for the platform's default: %(weeks)s.") % {
            "weeks": settings.MENTORING_REMINDER_WEEKS
        }


class MenteeForm(forms.Form):
    """A mentee of one programme: the fields that programme needs, no more (least data)."""

    organisation = OrganisationChoiceField(label=_("Centre"), queryset=None)
    contact = forms.CharField(
        label=_("The newcomer's e-mail or phone"), max_length=254,
        help_text=_(
            "A volunteer you coordinate: their first name, age and languages come from their profile."
        ),
    )  # fmt: skip
    name = forms.CharField(
        label=_("First name or initials"), max_length=40,
        help_text=_("No surname, no documents: what the mentor may call them."),
    )  # fmt: skip
    birth_year = forms.IntegerField(label=_("Year of birth"))
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, required=False)
    languages = _checkboxes(_("Languages"), SPOKEN_LANGUAGES, required=True, code="mentee_languages")
    interests = _checkboxes(_("Interests"), Interest.choices)
    needs = _checkboxes(_("What a mentor could help with"), Need.choices)
    availability = forms.MultipleChoiceField(
        label=_("When a meeting suits"), choices=availability_choices, required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "availability"}),
    )  # fmt: skip
    demand = forms.IntegerField(label=_("Volunteers wanted"), min_value=1, max_value=DEMAND_MAX)
    note = forms.CharField(
        label=_("Note for the match"), max_length=300, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What helps to find a mentor. No health, family or case details."),
    )  # fmt: skip

    # The fields each programme asks for; the others are dropped.
    FIELDS = {
        Pool.CHILDREN: [
            "organisation", "name", "birth_year", "gender", "languages", "interests", "needs", "availability",
            "note",
        ],
        Pool.NEWCOMERS: [
            "organisation", "contact", "languages", "interests", "needs", "availability", "note",
        ],
        Pool.HOME_VISITS: [
            "organisation", "name", "gender", "languages", "needs", "availability", "demand", "note",
        ],
    }  # fmt: skip

    def __init__(self, *args, pool, centres=None, mentee=None, **kwargs):
        if mentee is not None:
            kwargs.setdefault(
                "initial",
                {
                    name: getattr(mentee, name)
                    for name in (
                        "name",
                        "birth_year",
                        "gender",
                        "languages",
                        "interests",
                        "needs",
                        "availability",
                        "demand",
                        "note",
                    )
                },  # fmt: skip
            )
        super().__init__(*args, **kwargs)
        keep = set(self.FIELDS[pool])
        if mentee is not None:
            keep -= {"organisation", "contact"}  # the centre and the account stay
            if pool == Pool.NEWCOMERS:
                keep -= {"name", "birth_year", "gender", "languages"}
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        if "organisation" in self.fields:
            self.fields["organisation"].queryset = centres
            if len(centres) == 1:
                self.fields["organisation"].initial = centres[0].pk
        if "birth_year" in self.fields:
            low, high = settings.MENTORING_MENTEE_AGES
            year = timezone.localdate().year
            # The bounds help the browser's keyboard; the service says what is wrong in words.
            self.fields["birth_year"].widget.attrs.update({"min": year - high, "max": year - low})
            self.fields["birth_year"].help_text = _("The mentee is %(min)s to %(max)s years old.") % {
                "min": low,
                "max": high,
            }
        if "demand" in self.fields:
            self.fields["demand"].initial = 2 if mentee is None else mentee.demand
        if pool == Pool.NEWCOMERS and mentee is None:
            self.fields["needs"].initial = [Need.FIRST_STEPS]
            # The profile's languages count; these only when the profile names none.
            self.fields["languages"].required = False
            self.fields["languages"].help_text = _("Only when the volunteer's profile names no language.")


class MenteeFilterForm(forms.Form):
    centre = OrganisationChoiceField(
        label=_("Centre"), queryset=None, required=False, empty_label=_("All my centres")
    )
    pool = forms.ChoiceField(
        label=_("Programme"), choices=[("", _("Any programme")), *Pool.choices], required=False
    )
    needs_mentor = forms.BooleanField(label=_("Only those still waiting for a mentor"), required=False)
    archived = forms.BooleanField(label=_("Archived mentees"), required=False)

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres
