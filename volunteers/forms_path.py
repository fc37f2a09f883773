"""Forms of Volunteer zholy: the editors' stage form and the admins' "Volunteer of the year" round (both in
Wagtail's admin), the coordinators' incentive form and the catalogue's region filter."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from config.i18n import TranslatedFormField
from volunteers.models import AwardRound, Region, Stage
from volunteers.permissions import organisations_managed_by
from volunteers.services.incentives import MAX_HOURS
from volunteers.services.stages import course_titles

CRITERIA = ["min_hours", "min_events", "min_courses", "required_courses", "min_months", "min_mentoring_hours"]

# Far above any sensible path, low enough that a typo (an extra zero or three) is caught.
SANE_MAX = {"min_events": 10_000, "min_courses": 500, "min_months": 600}


class StageForm(WagtailAdminModelForm):
    required_courses = forms.MultipleChoiceField(
        label=_("Courses that must be completed"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each course ticked must be completed, in any language."),
    )

    class Meta(WagtailAdminModelForm.Meta):
        model = Stage
        fields = ["name", "slug", "position", "icon", "description", "rewards", *CRITERIA, "active"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "rewards": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "position": _(
                "The order on the path: 1 is the first stage. Each stage also needs every earlier one."
            ),
            "active": _(
                "An inactive stage is left out of the path and of the evaluation; whoever holds it keeps it."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The courses as titled in the editor's language; a course required before and no longer published
        # stays offered, so that the editor can see it and untick it.
        choices = sorted(course_titles().items(), key=lambda item: item[1].casefold())
        known = {key for key, _title in choices}
        for key in self.instance.required_courses or []:
            if str(key) not in known:
                choices.append((str(key), _("A course no longer published (%(key)s)") % {"key": key}))
        self.fields["required_courses"].choices = choices
        self.initial["required_courses"] = [str(key) for key in self.instance.required_courses or []]
        # Position 0 would read as "no stage yet" to the evaluation.
        self.fields["position"].validators.append(MinValueValidator(1))
        self.fields["position"].widget.attrs["min"] = 1
        for name, limit in SANE_MAX.items():
            self.fields[name].validators.append(MaxValueValidator(limit))
            self.fields[name].widget.attrs["max"] = limit
        if self.instance.pk:
            # The demo and the seeded path find stages by slug.
            self.fields["slug"].disabled = True
            self.fields["slug"].help_text = _("Cannot be changed once saved.")

    def clean_position(self):
        position = self.cleaned_data["position"]
        other = Stage.objects.filter(position=position).exclude(pk=self.instance.pk).first()
        if other is not None:
            raise ValidationError(
                _("“%(stage)s” already has this position: choose another number."),
                code="position_taken",
                params={"stage": other},
            )
        return position

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in CRITERIA if name in cleaned) and not any(
            name in self.errors for name in CRITERIA
        ):
            raise ValidationError(
                _(
                    "Set at least one criterion above zero: a stage everyone holds from the start says "
                    "nothing."
                ),
                code="no_criterion",
            )
        return cleaned

    def save(self, commit=True):
        # Whatever the editor changed, the thresholds are now the programme's, not the platform's default.
        self.instance.default_thresholds = False
        return super().save(commit=commit)


class AwardRoundForm(WagtailAdminModelForm):
    class Meta(WagtailAdminModelForm.Meta):
        model = AwardRound
        fields = ["year", "voting_opens_at", "voting_closes_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The roadmap's first year to a far one: a typo in the year is caught here.
        year = self.fields["year"]
        year.validators += [MinValueValidator(2021), MaxValueValidator(2100)]
        year.widget.attrs.update({"min": 2021, "max": 2100})

    def clean_year(self):
        year = self.cleaned_data["year"]
        if AwardRound.objects.filter(year=year).exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                _("There is already a round for %(year)s: one round a year."),
                code="year_taken",
                params={"year": year},
            )
        return year

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("voting_opens_at"), cleaned.get("voting_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("voting_closes_at", _("The vote must close after it opens."))
        return cleaned


# --- Incentives ---------------------------------------------------------------------------------------------


class NamedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj.name)


class IncentiveForm(forms.Form):
    """The coordinator's incentive. The rules (an organisation they manage, hours within bounds, an active
    stage) are the incentives service's to enforce; the form shows its messages next to the fields."""

    organisation = NamedChoiceField(
        label=_("Partner organisation"), queryset=None, help_text=_("The organisation that offers it.")
    )
    title = TranslatedFormField(label=_("Title"), required=True)
    reward = TranslatedFormField(label=_("What the volunteer receives"), required=True)
    description = TranslatedFormField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    hours_required = forms.CharField(
        label=_("Verified hours required"),
        max_length=8,
        initial="0",
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("0 when only the stage counts."),
    )
    stage_required = NamedChoiceField(
        label=_("Stage required"), queryset=Stage.objects.active(), required=False,
        empty_label=_("No stage required"),
    )  # fmt: skip
    region = NamedChoiceField(
        label=_("Region"), queryset=Region.objects.order_by("iso_code"), required=False,
        empty_label=_("The whole country"),
    )  # fmt: skip
    url = forms.URLField(
        label=_("How to apply (link)"), required=False, max_length=200, assume_scheme="https"
    )

    def __init__(self, *args, user, incentive=None, **kwargs):
        if incentive is not None:
            kwargs.setdefault(
                "initial",
                {
                    "organisation": incentive.organisation_id,
                    "title": incentive.title,
                    "reward": incentive.reward,
                    "description": incentive.description,
                    "hours_required": f"{incentive.hours_required.normalize():f}",
                    "stage_required": incentive.stage_required_id,
                    "region": incentive.region_id,
                    "url": incentive.url,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_managed_by(user).order_by("kind", "pk")
        # Validated again by the service; bounds here only for the browser's keyboard.
        self.fields["hours_required"].widget.attrs.update({"min": 0, "max": int(MAX_HOURS)})


class IncentiveFilterForm(forms.Form):
    region = NamedChoiceField(
        label=_("Region"), queryset=Region.objects.order_by("iso_code"), required=False,
        to_field_name="iso_code", empty_label=_("All regions"),
    )  # fmt: skip
