"""The public club catalogue's filters. They live in the query string, so a filtered list can be shared."""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from volunteers.clubs.models import Audience, Club, ClubStatus, Craft
from volunteers.forms import regions_by_name


def _regions():
    """Region names are translated: sorted in the visitor's language, not by code."""
    return [(region.iso_code, str(region)) for region in regions_by_name()]


def _crafts():
    return [(craft.slug, str(craft)) for craft in Craft.objects.filter(active=True)]


def _ages():
    low, high = settings.CLUBS_CHILD_AGES
    return [(str(age), str(age)) for age in range(low, high + 1)]


# A parent looking for a club for a boy wants the clubs for boys and those for boys and girls.
AUDIENCES = {
    Audience.BOYS: (Audience.BOYS, Audience.ALL),
    Audience.GIRLS: (Audience.GIRLS, Audience.ALL),
    Audience.ALL: (Audience.ALL,),
}


class ClubFilter(django_filters.FilterSet):
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=_regions, empty_label=_("All regions"), field_name="region__iso_code"
    )
    craft = django_filters.ChoiceFilter(
        label=_("Craft"), choices=_crafts, empty_label=_("All crafts"), field_name="craft__slug"
    )
    audience = django_filters.ChoiceFilter(
        label=_("For whom"), choices=Audience.choices, empty_label=_("Boys and girls, any club"),
        method="for_audience",
    )  # fmt: skip
    age = django_filters.ChoiceFilter(
        label=_("Child's age"), choices=_ages, empty_label=_("Any age"), method="for_age"
    )
    places = django_filters.BooleanFilter(
        label=_("With places left"), widget=forms.CheckboxInput, method="with_places"
    )

    class Meta:
        model = Club
        fields = ["region", "craft", "audience", "age"]

    def for_audience(self, queryset, name, value):
        return queryset.filter(audience__in=AUDIENCES[value])

    def for_age(self, queryset, name, value):
        age = int(value)
        return queryset.filter(min_age__lte=age, max_age__gte=age)

    def with_places(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(status=ClubStatus.OPEN, enrolled_count__lt=F("capacity"))
