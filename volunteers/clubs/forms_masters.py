"""Forms of the masters: the declaration (short, for people who rarely use the web), its story, a photo, and
the coordinators' filters and decisions. The rules are the services' to enforce: a form checks the shape of
the input and shows the services' refusals next to the fields."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms.uploads import CheckedImageField
from volunteers.clubs.errors import ClubsError
from volunteers.clubs.models import Craft, MasterStatus
from volunteers.clubs.services.masters import CAPTION_MAX, REASON_MAX, STORY_MAX, YEARS_MAX


class CraftChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name.in_language()


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name.in_language()


def _story_field():
    return forms.CharField(
        label=_("About you and your craft"), max_length=STORY_MAX,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": STORY_MAX}),
        help_text=_("A few sentences: what you make, whom you learned from, what you would teach children."),
        error_messages={"required": ClubsError.messages["master_story"] % {"max": STORY_MAX}},
    )  # fmt: skip


def _years_field():
    return forms.IntegerField(
        label=_("Years in the craft"), min_value=0, max_value=YEARS_MAX, required=False,
        help_text=_("You may leave it empty."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": YEARS_MAX}),
    )  # fmt: skip


class MasterStoryForm(forms.Form):
    story = _story_field()
    years = _years_field()


class MasterDeclareForm(MasterStoryForm):
    field_order = ["craft", "organisation", "story", "years"]

    craft = CraftChoiceField(
        label=_("Your craft"), queryset=Craft.objects.none(), widget=forms.RadioSelect, empty_label=None,
        error_messages={"required": ClubsError.messages["master_craft"]},
    )  # fmt: skip
    organisation = OrganisationChoiceField(
        label=_("Who verifies it"), queryset=None, empty_label=None,
        help_text=_("Its coordinators may call you, see your work and verify your craft."),
    )  # fmt: skip

    def __init__(self, *args, crafts, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["craft"].queryset = crafts
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk


def _contact_field():
    return forms.CharField(label=_("The volunteer's phone or e-mail"), max_length=254)


class ContactForm(forms.Form):
    contact = _contact_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].help_text = _(
            "A silver volunteer you coordinate: %(age)s or over, or retired."
        ) % {"age": settings.VOLUNTEERS_SILVER_AGE}


class AssistedDeclareForm(MasterDeclareForm):
    """The declaration a coordinator makes for a volunteer found by their phone or e-mail."""

    field_order = ["contact", "craft", "organisation", "story", "years"]

    contact = _contact_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].widget = forms.HiddenInput()
        self.fields["craft"].label = _("Craft")
        self.fields["organisation"].help_text = _("Its coordinators verify the declaration.")
        self.fields["story"].label = _("About the master and their craft")
        self.fields["story"].help_text = _("In their words, as they told it to you.")


class PhotoForm(forms.Form):
    caption = forms.CharField(
        label=_("What the photo shows"), max_length=CAPTION_MAX,
        help_text=_("For people who cannot see the photo: for example, “A carved wooden bowl”."),
        error_messages={"required": ClubsError.messages["master_photo_caption"]},
    )  # fmt: skip
    image = forms.Field()  # made anew for each form in __init__, see there

    field_order = ["image", "caption"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail reads its size and pixel limits when the field is made: once per form follows the settings.
        self.fields["image"] = CheckedImageField(
            label=_("Photo"), widget=forms.FileInput(attrs={"accept": "image/*"})
        )
        self.order_fields(self.field_order)


class MasterFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or e-mail"), max_length=100, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *MasterStatus.choices], required=False
    )
    craft = CraftChoiceField(
        label=_("Craft"), queryset=Craft.objects.order_by("sort_order", "slug"), required=False,
        empty_label=_("Any craft"),
    )  # fmt: skip


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (when declining)"), max_length=REASON_MAX, required=False,
        help_text=_("The volunteer receives it by e-mail and sees it on their page."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip


class PhotoRejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why (optional)"), max_length=REASON_MAX, required=False,
        help_text=_("The master receives it by e-mail."),
    )  # fmt: skip
