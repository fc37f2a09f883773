"""Forms of the coordinators' club pages: the club and its schedule, its status, a session cancelled, the day
to take attendance for, and the attendance itself. They check the shape of the input; the rules between values
(the masters' craft and region, the number of sessions, places not below the children enrolled) are the
services' to say, and the views put their messages next to the field they name."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from config.i18n import TranslatedWidget
from volunteers.clubs.models import Audience, Club, Craft, Master, MasterStatus
from volunteers.clubs.services.clubs import CAPACITY_MAX, REASON_MAX, WEEKDAY_NAMES, ClubData
from volunteers.forms import regions_by_name
from volunteers.models.profile import SPOKEN_LANGUAGES
from volunteers.permissions import organisations_managed_by

DATE_INPUT = {"attrs": {"type": "date"}, "format": "%Y-%m-%d"}
TIME_INPUT = {"attrs": {"type": "time"}, "format": "%H:%M"}


class NamedChoiceField(forms.ModelChoiceField):
    """Organisations, crafts and regions by their name in the visitor's language."""

    def label_from_instance(self, obj):
        return obj.name.in_language()


def _translated(name: str, **kwargs):
    return Club._meta.get_field(name).formfield(**kwargs)


def masters_offered(user, club: Club | None = None):
    """The verified masters a coordinator can choose from: those of the regions of their organisations (of
    every region for the republican front office and admins), and the club's own."""
    masters = Master.objects.filter(status=MasterStatus.VERIFIED)
    regions = list(organisations_managed_by(user).values_list("region_id", flat=True).distinct())
    if not user.is_superuser and None not in regions:
        scope = Q(region_id__in=regions)
        if club is not None:
            scope |= Q(region_id=club.region_id) | Q(clubs=club)
        masters = masters.filter(scope)
    return masters.select_related("volunteer", "craft", "region").distinct()


def masters_choices(masters) -> list:
    """Grouped by craft (the club's craft decides which group counts): "Name (Region)"."""
    groups: dict = {}
    for master in sorted(masters, key=lambda m: (m.craft.sort_order, m.craft.slug, str(m.volunteer), m.pk)):
        label = f"{master.volunteer} ({master.region.name.in_language()})"
        groups.setdefault(master.craft.name.in_language(), []).append((str(master.pk), label))
    return list(groups.items())


class ClubForm(forms.Form):
    # The form's parts as the page shows them; absent fields are skipped.
    SECTIONS = (
        (_("The club"), ("organisation", "audience", "craft", "title", "description")),
        (_("Masters"), ("masters",)),
        (_("Place"), ("region", "city", "address", "languages")),
        (_("Children and places"), ("min_age", "max_age", "capacity")),
        (_("Schedule"), ("starts_on", "ends_on", "weekdays", "start_time", "end_time")),
    )

    organisation = NamedChoiceField(label=_("Organisation"), queryset=None, empty_label=None)
    audience = forms.ChoiceField(
        label=_("For whom"), choices=Audience.choices, widget=forms.RadioSelect, initial=Audience.BOYS
    )
    craft = NamedChoiceField(label=_("Craft"), queryset=None)
    title = _translated(
        "title", required=False,
        help_text=_(
            "Leave it empty for the roadmap's name: «Ата көрген оқ жонар» for boys, «Ана көрген тон пішер» "
            "for girls, with the craft."
        ),
    )  # fmt: skip
    description = _translated(
        "description", required=False, widget=TranslatedWidget(forms.Textarea(attrs={"rows": 4})),
        help_text=_("What the children make and learn, what to bring."),
    )  # fmt: skip
    masters = forms.MultipleChoiceField(
        label=_("Masters who lead the club"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Verified masters of the club's craft in its region. A club opens only with at least one."
        ),
    )  # fmt: skip
    region = NamedChoiceField(label=_("Region"), queryset=None)
    city = forms.CharField(label=_("City or district"), max_length=100)
    address = forms.CharField(label=_("Address"), max_length=255)
    languages = forms.MultipleChoiceField(
        label=_("Languages the club is held in"), choices=SPOKEN_LANGUAGES, initial=["kk", "ru"],
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    min_age = forms.IntegerField(label=_("Children from (years)"), initial=7)
    max_age = forms.IntegerField(label=_("Children up to (years)"), initial=14)
    capacity = forms.IntegerField(
        label=_("Places"), initial=12, widget=forms.NumberInput(attrs={"min": 1, "max": CAPACITY_MAX}),
        help_text=_("When the places are taken, guardians can join the waitlist."),
    )  # fmt: skip
    starts_on = forms.DateField(label=_("First day"), widget=forms.DateInput(**DATE_INPUT))
    ends_on = forms.DateField(label=_("Last day"), widget=forms.DateInput(**DATE_INPUT))
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Days of the week"), coerce=int, widget=forms.CheckboxSelectMultiple,
        choices=[(day, name) for day, name in enumerate(WEEKDAY_NAMES)],
    )  # fmt: skip
    start_time = forms.TimeField(label=_("Starts at"), widget=forms.TimeInput(**TIME_INPUT))
    end_time = forms.TimeField(label=_("Ends at"), widget=forms.TimeInput(**TIME_INPUT))

    def __init__(self, *args, user, club: Club | None = None, **kwargs):
        self.club = club
        if club is not None:
            kwargs.setdefault("initial", self.initial_for(club))
        super().__init__(*args, **kwargs)
        low, high = settings.CLUBS_CHILD_AGES
        # The bounds help the browser's keyboard; the service says what is wrong in words.
        for name in ("min_age", "max_age"):
            self.fields[name].widget.attrs.update({"min": low, "max": high})
        self.fields["min_age"].help_text = _("From %(min)s to %(max)s years.") % {"min": low, "max": high}
        self.fields["ends_on"].help_text = _("A club has up to %(max)s sessions.") % {
            "max": settings.CLUBS_SESSIONS_MAX
        }
        crafts = Q(active=True) | Q(pk=club.craft_id) if club is not None else Q(active=True)
        self.fields["craft"].queryset = Craft.objects.filter(crafts)
        self.fields["region"].queryset = regions_by_name()
        self.masters = {str(master.pk): master for master in masters_offered(user, club)}
        self.fields["masters"].choices = masters_choices(self.masters.values())
        self.organisation = club.organisation if club is not None else None
        if club is not None:
            del self.fields["organisation"]
            return
        organisations = organisations_managed_by(user).order_by("kind", "slug")
        only = list(organisations[:2])
        if len(only) == 1:
            self.organisation = only[0]
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations
        if self.organisation is not None and self.organisation.region_id:
            self.fields["region"].initial = self.organisation.region_id

    def sections(self) -> list[tuple[str, list]]:
        return [
            (legend, [self[name] for name in names if name in self.fields]) for legend, names in self.SECTIONS
        ]

    @staticmethod
    def initial_for(club: Club) -> dict:
        names = (
            "audience", "craft", "title", "description", "region", "city", "address", "languages", "min_age",
            "max_age", "capacity", "starts_on", "ends_on", "weekdays", "start_time", "end_time",
        )  # fmt: skip
        initial = {name: getattr(club, name) for name in names}
        initial.update(
            craft=club.craft_id,
            region=club.region_id,
            masters=[str(pk) for pk in club.masters.values_list("pk", flat=True)],
        )
        return initial

    def club_data(self) -> ClubData:
        data = self.cleaned_data
        return ClubData(
            craft=data["craft"], audience=data["audience"], region=data["region"], city=data["city"],
            address=data["address"], min_age=data["min_age"], max_age=data["max_age"],
            capacity=data["capacity"], languages=data["languages"], starts_on=data["starts_on"],
            ends_on=data["ends_on"], weekdays=data["weekdays"], start_time=data["start_time"],
            end_time=data["end_time"], masters=[self.masters[pk] for pk in data["masters"]],
            title=dict(data["title"] or {}), description=dict(data["description"] or {}),
        )  # fmt: skip


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, told to the parents"), max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip


class SessionCancelForm(ReasonForm):
    field_order = ["day", "reason"]

    day = forms.TypedChoiceField(label=_("Session"), coerce=str)

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = [(session.date.isoformat(), session.label) for session in sessions]


class DayForm(forms.Form):
    """The day to take attendance for: one of the club's sessions that has begun."""

    day = forms.DateField(label=_("Date of the session"), widget=forms.DateInput(**DATE_INPUT))


class AttendanceForm(forms.Form):
    present = forms.TypedMultipleChoiceField(
        label=_("Children present"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick the children who came; the others are marked absent."),
    )  # fmt: skip
    masters = forms.TypedMultipleChoiceField(
        label=_("Who led the session"), coerce=int, widget=forms.CheckboxSelectMultiple,
        help_text=_("Each master ticked has the session's hours in their volunteer book."),
    )  # fmt: skip

    def __init__(self, *args, children, masters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [(child.pk, child.label) for child in children]
        self.fields["masters"].choices = [(master.pk, str(master.volunteer)) for master in masters]
