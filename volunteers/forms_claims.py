"""The volunteer's claim of hours outside the platform, and a coordinator's reason for rejecting one. The
rules (no future date, hours within a day, an organisation that exists) are the claims service's to say; the
views put its messages next to the field they name."""

from django import forms
from django.utils.translation import gettext_lazy as _

from volunteers.models import Organisation


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj.name)


class HoursClaimForm(forms.Form):
    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("kind", "pk"),
        help_text=_("A coordinator of this organisation will verify the hours."),
    )
    occurred_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    hours = forms.CharField(
        label=_("Hours"), max_length=6, widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    description = forms.CharField(
        label=_("What you did"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


class ClaimRejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason for rejecting"), max_length=500, required=False)
