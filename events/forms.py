"""Forms of the coordinators' event pages. They clean the typed values into EventData and ShiftData; the rules
between values (an end after the start, shifts inside the event, places not below the people confirmed) are
the services' to say, and the views put their messages next to the field they name."""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.models import Locale, Page

from config.i18n import TranslatedFormField, TranslatedWidget
from events.models import DayOfAction, Event, Shift
from events.models.events import LANGUAGE_CHOICES
from events.services.events import MAX_REPEATS, EventData, ShiftData
from volunteers.forms import regions_by_name
from volunteers.models import Direction
from volunteers.permissions import organisations_managed_by

# The training programme's course page type; until the training app defines it, events require no course.
COURSE_PAGE_MODEL = ("training", "CoursePage")
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def course_pages():
    try:
        model = apps.get_model(*COURSE_PAGE_MODEL)
    except LookupError:
        return Page.objects.none()
    # A course is one course in every language; the list shows each once, in the coordinator's language.
    return model.objects.live().filter(locale=Locale.get_active()).order_by("title")


class LocalDateTimeField(forms.DateTimeField):
    """A `datetime-local` input, read and shown in the current time zone (the site's, Asia/Almaty)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)


def _translated(model, name: str, **kwargs) -> TranslatedFormField:
    return model._meta.get_field(name).formfield(**kwargs)


class EventForm(forms.Form):
    # The form's parts as the page shows them (the shifts come after the time); absent fields are skipped.
    SECTIONS = (
        (_("The event"), ("organisation", "title", "description", "direction", "day_of_action", "languages")),
        (_("Place"), ("is_online", "online_url", "region", "city", "address")),
        (_("Time"), ("starts_at", "ends_at", "repeat", "cancel_hours_before")),
        (
            _("Who can take part"),
            ("min_age", "adults_only", "silver_friendly", "required_courses", "accessibility"),
        ),
        (_("Cover image"), ("cover", "cover_remove")),
    )

    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    title = _translated(Event, "title")
    description = _translated(
        Event, "description", widget=TranslatedWidget(forms.Textarea(attrs={"rows": 5}))
    )
    direction = forms.ModelChoiceField(label=_("Direction"), queryset=Direction.objects.all())
    is_online = forms.BooleanField(label=_("Online"), required=False)
    online_url = forms.URLField(label=_("Link to join online"), required=False, assume_scheme="https")
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=None,
        required=False,
        help_text=_("Required unless the event is online."),
    )
    city = forms.CharField(label=_("City or district"), max_length=100, required=False)
    address = forms.CharField(label=_("Address"), max_length=255, required=False)
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(label=_("Ends"))
    cover = forms.Field()  # made anew for each form in __init__, see there
    cover_remove = forms.BooleanField(label=_("Remove the cover image"), required=False)
    min_age = forms.IntegerField(label=_("Minimum age"), min_value=0, max_value=100, required=False)
    adults_only = forms.BooleanField(
        label=_("Adults only"),
        required=False,
        help_text=_("Emergency response, heavy or harmful work: no volunteers under 18."),
    )
    silver_friendly = forms.BooleanField(label=_("Suited to silver volunteers"), required=False)
    accessibility = _translated(
        Event, "accessibility", widget=TranslatedWidget(forms.Textarea(attrs={"rows": 3}))
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages the event is held in"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    cancel_hours_before = forms.IntegerField(
        label=_("Volunteers can cancel until (hours before the shift)"),
        min_value=0,
        max_value=24 * 30,
        initial=24,
    )
    day_of_action = forms.ModelChoiceField(
        label=_("Day of action"), queryset=DayOfAction.objects.all(), required=False
    )
    required_courses = forms.ModelMultipleChoiceField(
        label=_("Required courses"),
        queryset=Page.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Volunteers need a valid certificate of each to sign up."),
    )
    repeat = forms.IntegerField(
        label=_("Repeat weekly"),
        required=False,
        initial=0,
        widget=forms.NumberInput(attrs={"min": 0, "max": MAX_REPEATS}),
        help_text=_(
            "How many more times the event takes place, one week apart; each is an event of its own."
        ),
    )

    def __init__(self, *args, user, event: Event | None = None, **kwargs):
        self.event = event
        if event is not None:
            kwargs.setdefault("initial", self.initial_for(event))
        super().__init__(*args, **kwargs)
        # Wagtail reads its size and pixel limits when the field is made: once per form follows the settings.
        self.fields["cover"] = WagtailImageField(
            label=_("Cover image"), required=False, widget=forms.FileInput
        )
        self.fields["region"].queryset = regions_by_name()
        self.fields["accessibility"].help_text = _(
            "Step-free access, a sign-language interpreter, what to bring: whatever helps people decide."
        )
        self.organisation = event.organisation if event is not None else None
        if event is None:
            organisations = organisations_managed_by(user)
            only = list(organisations[:2])
            if len(only) == 1:
                self.organisation = only[0]
                del self.fields["organisation"]
            else:
                self.fields["organisation"].queryset = organisations
            del self.fields["cover_remove"]
        else:
            del self.fields["organisation"]
            del self.fields["repeat"]
            if event.cover_id is None:
                del self.fields["cover_remove"]
        courses = course_pages()
        if courses.exists():
            self.fields["required_courses"].queryset = courses
        else:
            del self.fields["required_courses"]

    def sections(self) -> list[tuple[str, list]]:
        return [
            (legend, [self[name] for name in names if name in self.fields]) for legend, names in self.SECTIONS
        ]

    @staticmethod
    def initial_for(event: Event) -> dict:
        return {
            "title": event.title,
            "description": event.description,
            "direction": event.direction_id,
            "is_online": event.is_online,
            "online_url": event.online_url,
            "region": event.region_id,
            "city": event.city,
            "address": event.address,
            "starts_at": event.starts_at,
            "ends_at": event.ends_at,
            "min_age": event.min_age,
            "adults_only": event.adults_only,
            "silver_friendly": event.silver_friendly,
            "accessibility": event.accessibility,
            "languages": event.language_codes,
            "cancel_hours_before": event.cancel_hours_before,
            "day_of_action": event.day_of_action_id,
            "required_courses": [page.pk for page in event.required_courses.all()],
        }

    def clean_repeat(self):
        return self.cleaned_data.get("repeat") or 0

    def cover_save(self, *, user):
        """The new cover as a Wagtail image (so it is resized and cropped like any other), the kept cover,
        or None when the coordinator removed it."""
        upload = self.cleaned_data.get("cover")
        if upload:
            title = self.cleaned_data["title"].in_language() or upload.name
            return get_image_model().objects.create(title=title[:255], file=upload, uploaded_by_user=user)
        if self.event is None or self.cleaned_data.get("cover_remove"):
            return None
        return self.event.cover

    def event_data(self, *, cover) -> EventData:
        data = self.cleaned_data
        return EventData(
            title=dict(data["title"]),
            description=dict(data["description"]),
            direction=data["direction"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            region=data["region"],
            city=data["city"].strip(),
            address=data["address"].strip(),
            is_online=data["is_online"],
            online_url=data["online_url"] if data["is_online"] else "",
            cover=cover,
            min_age=data["min_age"],
            adults_only=data["adults_only"],
            silver_friendly=data["silver_friendly"],
            accessibility=dict(data["accessibility"]),
            cancel_hours_before=data["cancel_hours_before"],
            day_of_action=data["day_of_action"],
            languages=data["languages"],
            required_courses=list(data.get("required_courses") or []),
        )


class ShiftForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    task = TranslatedFormField(label=_("Task"), required=False)
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(label=_("Ends"))
    capacity = forms.IntegerField(label=_("Places"), widget=forms.NumberInput(attrs={"min": 1}))

    def shift_data(self) -> ShiftData:
        data = self.cleaned_data
        return ShiftData(
            pk=data.get("id"),
            task=dict(data.get("task") or {}),
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            capacity=data["capacity"],
        )


class BaseShiftFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this shift")
            form.fields["DELETE"].help_text = _(
                "The volunteers signed up for it are told that it is cancelled."
            )

    def shifts_data(self) -> tuple[list[ShiftData], list[int]]:
        """The shifts to hand to the service, and for each the index of its form (a service error names the
        shift by its place in the list). Blank extra rows are left out; ticked existing shifts are deleted."""
        shifts, rows = [], []
        deleted = self.deleted_forms
        for number, form in enumerate(self.forms):
            if form in deleted:
                pk = form.cleaned_data.get("id")
                if pk:
                    shifts.append(ShiftData(pk=pk, delete=True, starts_at=None, ends_at=None, capacity=0))
                    rows.append(number)
                continue
            if not form.has_changed() and form.initial.get("id") is None:
                continue
            shifts.append(form.shift_data())
            rows.append(number)
        return shifts, rows


ShiftFormSet = forms.formset_factory(
    ShiftForm, formset=BaseShiftFormSet, extra=3, can_delete=True, can_delete_extra=False
)


def shift_initial(event: Event) -> list[dict]:
    shifts = Shift.objects.filter(event=event, cancelled_at__isnull=True).order_by("starts_at", "pk")
    return [
        {
            "id": shift.pk,
            "task": shift.task,
            "starts_at": shift.starts_at,
            "ends_at": shift.ends_at,
            "capacity": shift.capacity,
            # Not fields: shown beside the shift so that the coordinator sees who would be affected.
            "confirmed": shift.confirmed_count,
            "waitlisted": shift.waitlist_count,
        }
        for shift in shifts
    ]


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, told to the volunteers"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
