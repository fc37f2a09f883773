from allauth.account.forms import SignupForm
from django import forms
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models.fields.json import KeyTextTransform
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from volunteers.errors import VolunteerError
from volunteers.models import Channel, ConsentText, Direction, Gender, Region, VolunteerProfile
from volunteers.models.profile import SPOKEN_LANGUAGES, Availability
from volunteers.phones import phone_display, phone_normalise
from volunteers.services.registration import VolunteerData, birth_date_check, needs_guardian, phone_available


def regions_by_name():
    """Regions sorted by their name in the visitor's language."""
    language = (get_language() or "kk").split("-")[0]
    return Region.objects.annotate(_name=KeyTextTransform(language, "name")).order_by("_name")


class PhoneField(forms.CharField):
    """A Kazakhstan phone number in any usual writing, cleaned to E.164 ("" when left empty)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 32)
        super().__init__(**kwargs)
        self.widget.input_type = "tel"

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return ""
        try:
            return phone_normalise(value)
        except VolunteerError as error:
            raise forms.ValidationError(error.message, code=error.code) from None


def _availability_choices():
    return [(f"{day}-{part}", f"{day_label}, {part_label}") for day, day_label in Availability.DAYS
            for part, part_label in Availability.PARTS]  # fmt: skip


class ProfileFieldsMixin(forms.Form):
    """The fields a volunteer fills in about themselves, shared by sign-up and the profile editor."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    date_of_birth = forms.DateField(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, required=False)
    region = forms.ModelChoiceField(
        label=_("Region or city of republican significance"),
        queryset=Region.objects.all(),
        to_field_name="iso_code",
    )
    city = forms.CharField(label=_("City or district"), max_length=100, required=False)
    phone = PhoneField(
        label=_("Phone"),
        required=False,
        help_text=_("A Kazakhstan number, for example +7 701 234 56 78."),
        widget=forms.TextInput(attrs={"autocomplete": "tel"}),
    )
    preferred_channel = forms.ChoiceField(
        label=_("How should coordinators contact you?"), choices=Channel.choices, initial=Channel.EMAIL,
        widget=forms.RadioSelect,
    )  # fmt: skip
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    directions = forms.ModelMultipleChoiceField(
        label=_("Directions that interest you"),
        queryset=Direction.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    skills = forms.CharField(
        label=_("Skills"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: first aid, driving licence, sign language, photography."),
    )
    availability = forms.MultipleChoiceField(
        label=_("When are you usually free?"), choices=_availability_choices, required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "availability"}),
    )  # fmt: skip
    is_retired = forms.BooleanField(label=_("I am retired"), required=False)

    assisted = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_by_name()

    def clean_phone(self):
        phone = self.cleaned_data.get("phone") or None
        try:
            phone_available(phone=phone, exclude_user=getattr(self, "profile_user", None))
        except VolunteerError as error:
            raise forms.ValidationError(error.message, code=error.code) from None
        return phone

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        try:
            birth_date_check(date_of_birth=born, assisted=self.assisted)
        except VolunteerError as error:
            raise forms.ValidationError(error.message, code=error.code) from None
        return born

    def volunteer_data(self) -> VolunteerData:
        data = self.cleaned_data
        return VolunteerData(
            first_name=data["first_name"],
            last_name=data["last_name"],
            date_of_birth=data["date_of_birth"],
            gender=data.get("gender", ""),
            region=data["region"],
            city=data.get("city", ""),
            phone=data.get("phone"),
            languages=data.get("languages", []),
            directions=list(data.get("directions", [])),
            skills=data.get("skills", ""),
            availability=data.get("availability", []),
            preferred_channel=data.get("preferred_channel") or Channel.EMAIL,
            is_retired=data.get("is_retired", False),
        )


class VolunteerSignupForm(ProfileFieldsMixin, SignupForm):
    """allauth's sign-up form with everything a volunteer tells about themselves, saved in one transaction."""

    guardian_name = forms.CharField(
        label=_("Parent's or guardian's full name"), max_length=150, required=False
    )
    guardian_email = forms.EmailField(label=_("Parent's or guardian's e-mail"), required=False)
    consent = forms.BooleanField(
        label=_("I have read the text above and consent to the processing of my personal data."),
        error_messages={"required": VolunteerError.messages["consent_required"]},
    )

    field_order = [
        "first_name", "last_name", "email", "password1", "password2", "date_of_birth", "gender", "region",
        "city", "phone", "preferred_channel", "languages", "directions", "skills", "availability",
        "is_retired", "guardian_name", "guardian_email", "consent",
    ]  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        if ConsentText.current() is None:
            raise forms.ValidationError(_("Registration is closed for now: no consent text is published."))
        born = cleaned.get("date_of_birth")
        if born is None:
            return cleaned
        if needs_guardian(birth_date_check(date_of_birth=born, assisted=False)):
            guardian_email = (cleaned.get("guardian_email") or "").lower()
            if not guardian_email or not cleaned.get("guardian_name"):
                error = VolunteerError("guardian_required", age=settings.VOLUNTEERS_GUARDIAN_CONSENT_UNDER)
                for name in ("guardian_name", "guardian_email"):
                    if not cleaned.get(name) and not self.has_error(name):
                        self.add_error(name, error.message)
            elif guardian_email == (cleaned.get("email") or "").lower():
                self.add_error("guardian_email", VolunteerError("guardian_email_is_own").message)
        return cleaned

    def try_save(self, request):
        try:
            return super().try_save(request)
        except (IntegrityError, VolunteerError) as error:
            # A concurrent sign-up took the phone (the service says so) or the e-mail address (only the unique
            # index knows) after our checks: a message next to the field; save()'s transaction left nothing.
            if isinstance(error, IntegrityError):
                error = VolunteerError("email_taken", field="email")
            self.add_error(error.field, error.message)
            return None, TemplateResponse(request, "account/signup.html", {"form": self})

    def save(self, request):
        # The user, the profile, the consent and the guardian's request stand or fall together.
        with transaction.atomic():
            return super().save(request)

    def signup(self, request, user):
        from volunteers.services.registration import volunteer_profile_create

        volunteer_profile_create(
            user=user,
            data=self.volunteer_data(),
            language=(get_language() or "kk").split("-")[0],
            guardian_name=self.cleaned_data.get("guardian_name", ""),
            guardian_email=self.cleaned_data.get("guardian_email", ""),
        )


class ProfileForm(ProfileFieldsMixin):
    """The volunteer edits what they told about themselves (e-mail and password have allauth's own pages)."""

    leaderboard_opt_in = forms.BooleanField(
        label=_("Show me on the leaderboards"),
        required=False,
        help_text=_(
            "Others then see your first name and the first letter of your surname, your region, your "
            "verified hours and your stage — never your e-mail or phone."
        ),
    )

    def __init__(self, *args, profile: VolunteerProfile, **kwargs):
        self.profile_user = profile.user
        initial = {
            "first_name": profile.user.first_name,
            "last_name": profile.user.last_name,
            "date_of_birth": profile.date_of_birth,
            "gender": profile.gender,
            "region": profile.region,
            "city": profile.city,
            "phone": phone_display(profile.phone),
            "preferred_channel": profile.preferred_channel,
            "languages": profile.languages,
            "directions": list(profile.directions.all()),
            "skills": profile.skills,
            "availability": profile.availability,
            "is_retired": profile.is_retired,
            "leaderboard_opt_in": profile.leaderboard_opt_in,
        }
        super().__init__(*args, initial=initial, **kwargs)

    def volunteer_data(self) -> VolunteerData:
        data = super().volunteer_data()
        data.leaderboard_opt_in = self.cleaned_data.get("leaderboard_opt_in", False)
        return data


class GuardianConfirmForm(forms.Form):
    full_name = forms.CharField(label=_("Your full name"), max_length=150)
    agree = forms.BooleanField(
        label=_(
            "I am this volunteer's parent or legal guardian. I allow them to volunteer through the platform "
            "and consent to the processing of their personal data as described above."
        )
    )


class AccountEraseForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and personal data will be erased and this cannot be undone.")
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="wrong_password")
        return password
