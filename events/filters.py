"""The public events listing's filters. They live in the query string, so a filtered list can be shared."""

import django_filters
from django import forms
from django.core.cache import cache
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, Shift
from events.models.events import LANGUAGE_CHOICES
from volunteers.forms import regions_by_name
from volunteers.models import Direction

CITIES_CACHE_SECONDS = 300


def _cities():
    """The cities of the events on the list now, for the city filter; kept for a few minutes, as a DISTINCT
    over every upcoming event is not worth running on each request."""
    return cache.get_or_set("events:filter-cities", _cities_query, CITIES_CACHE_SECONDS)


def _cities_query():
    cities = (
        Event.objects.published()
        .upcoming()
        .exclude(city="")
        .order_by()
        .values_list("city", flat=True)
        .distinct()
    )
    return [(city, city) for city in sorted(set(cities), key=str.casefold)]


def _regions():
    """Region names are translated: sorted in the visitor's language, not by code."""
    return [(region.iso_code, str(region)) for region in regions_by_name()]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class EventFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date cannot be before the start date."))
        return data


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=forms.TextInput(attrs={"type": "search"})
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=_regions, empty_label=_("All regions"), field_name="region__iso_code"
    )
    city = django_filters.ChoiceFilter(
        label=_("City or district"), choices=_cities, empty_label=_("All cities")
    )
    direction = django_filters.ModelChoiceFilter(
        label=_("Direction"), queryset=Direction.objects.all(), to_field_name="slug",
        empty_label=_("All directions"),
    )  # fmt: skip
    date_from = django_filters.DateFilter(label=_("From"), method="starting_from", widget=DateInput)
    date_to = django_filters.DateFilter(label=_("To"), method="starting_until", widget=DateInput)
    online = django_filters.ChoiceFilter(
        label=_("Format"),
        choices=[("yes", _("Online")), ("no", _("In person"))],
        empty_label=_("Online and in person"),
        method="by_format",
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=LANGUAGE_CHOICES, empty_label=_("Any language"), method="in_language"
    )
    silver = django_filters.BooleanFilter(
        label=_("Suited to silver volunteers"), field_name="silver_friendly", widget=forms.CheckboxInput,
        method="only_true",
    )  # fmt: skip
    places = django_filters.BooleanFilter(
        label=_("With places left"), widget=forms.CheckboxInput, method="with_places"
    )

    class Meta:
        model = Event
        form = EventFilterForm
        fields = ["q", "region", "city", "direction", "date_from", "date_to", "online", "language"]

    def search(self, queryset, name, value):
        for word in value.casefold().split()[:8]:
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def starting_from(self, queryset, name, value):
        return queryset.filter(ends_at__date__gte=value)

    def starting_until(self, queryset, name, value):
        return queryset.filter(starts_at__date__lte=value)

    def by_format(self, queryset, name, value):
        return queryset.filter(is_online=value == "yes")

    def in_language(self, queryset, name, value):
        return queryset.filter(languages__contains=f",{value},")

    def only_true(self, queryset, name, value):
        return queryset.filter(**{name: True}) if value else queryset

    def with_places(self, queryset, name, value):
        if not value:
            return queryset
        open_shifts = Shift.objects.filter(
            event=OuterRef("pk"),
            cancelled_at__isnull=True,
            starts_at__gt=timezone.now(),
            confirmed_count__lt=F("capacity"),
        )
        return queryset.filter(Exists(open_shifts))
