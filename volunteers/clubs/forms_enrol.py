"""The enrolment forms: a guardian's own (online) and a coordinator's for a guardian who came or called (in
person). The rules are the service's; the forms only say which field a message belongs to."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from volunteers.clubs.errors import ClubsError
from volunteers.clubs.models import Relationship
from volunteers.clubs.services.enrolments import CHILD_NAME_MAX, GUARDIAN_NAME_MAX, REASON_MAX
from volunteers.forms import PhoneField

# The model's labels read "Parent" and "Legal guardian"; "Parent" is already the CMS's word for a parent page
# in the catalogues, so the forms and lists say it in words of their own.
RELATIONSHIPS = [
    (Relationship.PARENT, _("Mother or father")),
    (Relationship.GUARDIAN, _("Legal guardian (trustee)")),
]


def relationship_label(value: str) -> str:
    return str(dict(RELATIONSHIPS).get(value, value))


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class EnrolForm(forms.Form):
    child_name = forms.CharField(
        label=_("Child's first name and last name"), max_length=CHILD_NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )  # fmt: skip
    child_birth_date = forms.DateField(label=_("Child's date of birth"), widget=DateInput)
    guardian_name = forms.CharField(
        label=_("Your first name and last name"), max_length=GUARDIAN_NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )  # fmt: skip
    relationship = forms.ChoiceField(
        label=_("You are the child's"), choices=RELATIONSHIPS, initial=Relationship.PARENT,
        widget=forms.RadioSelect,
    )  # fmt: skip
    guardian_phone = PhoneField(
        label=_("Phone"), required=True, help_text=_("A Kazakhstan number, for example +7 701 234 56 78."),
        widget=forms.TextInput(attrs={"autocomplete": "tel"}),
    )  # fmt: skip
    guardian_email = forms.EmailField(
        label=_("E-mail (optional)"), required=False,
        help_text=_("For messages about the club: a place on the waitlist freed, a change of schedule."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )  # fmt: skip
    language = forms.ChoiceField(
        label=_("Language for messages"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )
    consent = forms.BooleanField(
        label=_(
            "I am the child's parent or legal guardian, I have read the text above and I consent to the "
            "processing of the child's and my personal data as it says."
        ),
        error_messages={"required": ClubsError.messages["enrol_consent"]},
    )

    def enrolment_data(self) -> dict:
        return dict(self.cleaned_data)


class EnrolInPersonForm(EnrolForm):
    """The same data, entered by a coordinator: the labels speak of the guardian, and the checkbox records
    that the guardian read the text and consented in person."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guardian_name"].label = _("Parent's or guardian's first name and last name")
        self.fields["guardian_name"].widget.attrs["autocomplete"] = "off"
        self.fields["relationship"].label = _("Relationship to the child")
        self.fields["guardian_phone"].label = _("Parent's or guardian's phone")
        self.fields["guardian_phone"].widget.attrs["autocomplete"] = "off"
        self.fields["guardian_email"].label = _("Parent's or guardian's e-mail (optional)")
        self.fields["guardian_email"].widget.attrs["autocomplete"] = "off"
        self.fields["consent"].label = _(
            "The parent or guardian has read this text (or heard it read) and gave their consent in person."
        )


class RemoveForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the parent is told)"), max_length=REASON_MAX,
        help_text=_("Say what the parent needs to know; no health or family details."),
    )  # fmt: skip
