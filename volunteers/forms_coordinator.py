"""Forms of the coordinator's area and of claiming an account. They clean the typed values; the rules that
need the database (a taken phone, a guardian for a minor, a live claim code) stay in the services."""

from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from volunteers.forms import PhoneField, regions_by_name
from volunteers.models import Channel, Direction, Region, User
from volunteers.models.profile import SPOKEN_LANGUAGES
from volunteers.permissions import organisations_managed_by


class AssistedRegistrationForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    phone = PhoneField(
        label=_("Phone"),
        help_text=_("The volunteer will enter this number to take over their account."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.all(),
        to_field_name="iso_code",
        required=False,
        help_text=_("Leave empty for the region of the organisation."),
    )
    city = forms.CharField(label=_("City or district"), max_length=100, required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    directions = forms.ModelMultipleChoiceField(
        label=_("Directions of interest"),
        queryset=Direction.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    preferred_channel = forms.ChoiceField(
        label=_("Preferred channel"), choices=Channel.choices, initial=Channel.PHONE
    )
    guardian_name = forms.CharField(
        label=_("Parent's or guardian's full name"),
        max_length=150,
        required=False,
    )
    guardian_phone = PhoneField(
        label=_("Parent's or guardian's phone"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    consent_in_person = forms.BooleanField(
        label=_("The person gave consent in person after reading the consent text above."),
        error_messages={"required": _("Registration needs the person's consent, given in person.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guardian_name"].help_text = _(
            "Required for volunteers under %(age)s: the parent or guardian gives consent in person."
        ) % {"age": settings.VOLUNTEERS_GUARDIAN_CONSENT_UNDER}
        self.fields["region"].queryset = regions_by_name()
        managed = organisations_managed_by(user)
        self.fields["organisation"].queryset = managed
        if not self.is_bound:
            only = list(managed.select_related("region")[:2])
            if len(only) == 1:
                self.initial.setdefault("organisation", only[0].pk)
                if only[0].region is not None:
                    self.initial.setdefault("region", only[0].region.iso_code)

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        if organisation is not None and cleaned.get("region") is None:
            if organisation.region is None:
                self.add_error("region", _("Choose the volunteer's region."))
            else:
                cleaned["region"] = organisation.region
        return cleaned


class AccountClaimForm(forms.Form):
    phone = PhoneField(
        label=_("Phone"),
        help_text=_("The number your coordinator registered you with."),
        widget=forms.TextInput(attrs={"autocomplete": "tel"}),
    )
    code = forms.CharField(
        label=_("Code"),
        max_length=12,
        help_text=_("The six digits your coordinator gave you."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("You will sign in with this address; we will send a link to confirm it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split())

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password1")
        if password:
            try:
                validate_password(password, user=User(email=cleaned.get("email")))
            except ValidationError as err:
                self.add_error("password1", err)
            if cleaned.get("password2") and cleaned["password2"] != password:
                self.add_error("password2", _("The two passwords do not match."))
        return cleaned
