"""The coordinators' forms of matching: a new run, a swap, a rejection's reason."""

from django import forms
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.models import MatchMode, Pool
from volunteers.mentoring.permissions import centres_managed_by
from volunteers.models import Region

MODE_EXPLAINED = {
    MatchMode.OPTIMAL: _(
        "the pairs that together fit best; a mentee may get their second-best mentor if that helps the whole."
    ),
    MatchMode.STABLE: _(
        "no mentee and mentor would both rather be together than with whom they got; the total is often a "
        "little lower."
    ),
}


def scope_choices(user) -> list:
    """My centres one by one, then each region where I coordinate two centres or more (all at once)."""
    centres = list(
        centres_managed_by(user)
        .filter(region__isnull=False)
        .select_related("region")
        .order_by("region_id", "pk")
    )
    choices = [(f"centre:{centre.pk}", str(centre.name)) for centre in centres]
    counts = dict(
        centres_managed_by(user)
        .filter(region__isnull=False)
        .order_by()
        .values_list("region_id")
        .annotate(count=Count("pk"))
    )
    regions = Region.objects.filter(pk__in=[pk for pk, count in counts.items() if count > 1])
    by_region = [
        (
            f"region:{region.pk}",
            ngettext("My centre in %(region)s", "All my %(count)s centres in %(region)s", counts[region.pk])
            % {"region": region.name, "count": counts[region.pk]},
        )
        for region in regions
    ]
    groups = []
    if choices:
        groups.append((gettext("One of my centres"), choices))
    if by_region:
        groups.append((gettext("A region where I coordinate centres"), by_region))
    return groups


class MatchRunForm(forms.Form):
    pool = forms.ChoiceField(label=_("Programme"), choices=Pool.choices)
    scope = forms.ChoiceField(
        label=_("Whose mentees"),
        help_text=_("The mentees of one of your centres, or of all your centres in a region."),
    )
    mode = forms.ChoiceField(label=_("How to match"), widget=forms.RadioSelect, initial=MatchMode.OPTIMAL)
    start_on = forms.DateField(
        label=_("Start date"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text=_("Mentors must be eligible on this day: their check and certificate valid."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope"].choices = [("", "—"), *scope_choices(user)]
        self.fields["mode"].choices = [
            (value, f"{label}: {MODE_EXPLAINED[value]}") for value, label in MatchMode.choices
        ]
        self.fields["start_on"].initial = timezone.localdate

    def clean_start_on(self):
        start_on = self.cleaned_data["start_on"]
        if start_on < timezone.localdate():
            error = MentoringError("match_start_past", field="start_on")
            raise forms.ValidationError(error.message, code=error.code)
        return start_on

    def clean_scope(self) -> dict:
        kind, _sep, pk = self.cleaned_data["scope"].partition(":")
        return {"organisation" if kind == "centre" else "region": int(pk)}


class SwapForm(forms.Form):
    mentor = forms.IntegerField(label=_("Another mentor"), min_value=1)


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), max_length=300, required=False)
