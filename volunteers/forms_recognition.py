"""The leaderboards' filters and the coordinators' nomination form. The rules of a nomination are the
recognition service's to say; the views put its messages next to the field they name."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from volunteers.errors import VolunteerError
from volunteers.forms import regions_by_name
from volunteers.models import Direction, Organisation
from volunteers.permissions import organisations_managed_by, profiles_visible_to
from volunteers.phones import phone_normalise
from volunteers.services.recognition import CITATION_MAX, RecognitionError

# The law on volunteer activity dates from 2016: no board goes further back.
FIRST_YEAR = 2016


class NamedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj.name)


def leaderboard_years() -> list[int]:
    return list(range(timezone.localdate().year, FIRST_YEAR - 1, -1))


class LeaderboardFilterForm(forms.Form):
    """GET filters of the leaderboards. A value that is not valid filters nothing, silently."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    region = NamedChoiceField(
        label=_("Region"),
        queryset=None,
        to_field_name="iso_code",
        required=False,
        empty_label=_("All regions"),
    )
    direction = NamedChoiceField(
        label=_("Direction"),
        queryset=Direction.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All directions"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in leaderboard_years()]
        self.fields["region"].queryset = regions_by_name()

    def chosen(self) -> dict:
        """The valid values sent, the year defaulting to this one."""
        values = {}
        if self.is_bound:
            self.is_valid()
            values = {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
        values.setdefault("year", timezone.localdate().year)
        return values


class NominationForm(forms.Form):
    volunteer = forms.CharField(
        label=_("Volunteer's e-mail or phone"),
        max_length=254,
        help_text=_("A volunteer of an organisation you coordinate, as registered on the platform."),
    )
    organisation = NamedChoiceField(label=_("On behalf of"), queryset=Organisation.objects.none())
    citation = forms.CharField(
        label=_("Why this volunteer"),
        max_length=CITATION_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What they did this year, in a few sentences: everyone sees it on the voting page."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_managed_by(user).order_by("kind", "slug")

    def clean_volunteer(self):
        """The volunteer with this e-mail or phone among those the coordinator sees; who else is registered
        is not theirs to learn, so every miss reads the same."""
        value = self.cleaned_data["volunteer"].strip()
        unknown = forms.ValidationError(
            RecognitionError("volunteer_unknown").message, code="volunteer_unknown"
        )
        if "@" in value:
            match = Q(user__email=value.lower())
        else:
            try:
                match = Q(phone=phone_normalise(value))
            except VolunteerError:
                raise unknown from None
        profile = profiles_visible_to(self.user).filter(match).select_related("user").first()
        if profile is None:
            raise unknown
        return profile.user
