import datetime as dt

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from volunteers.models import Organisation, Region, VolunteerProfile
from volunteers.models.profile import local_today
from volunteers.permissions import organisations_managed_by


def born_on_or_before_for_age(age: int, today: dt.date | None = None) -> dt.date:
    """The latest date of birth of someone who is at least `age` today (29 February counts as 28)."""
    today = today or local_today()
    year = today.year - age
    try:
        return today.replace(year=year)
    except ValueError:
        return dt.date(year, 2, 28)


def _managed_organisations(request):
    return organisations_managed_by(request.user) if request is not None else Organisation.objects.none()


class VolunteerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name or phone"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=Region.objects.all(),
        to_field_name="iso_code",
        empty_label=_("All regions"),
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=_managed_organisations,
        method="member_of",
        empty_label=_("All organisations"),
    )
    silver = django_filters.BooleanFilter(
        label=_("Silver volunteers only"), method="only_silver", widget=forms.CheckboxInput
    )
    minors = django_filters.BooleanFilter(
        label=_("Minors only"), method="only_minors", widget=forms.CheckboxInput
    )

    class Meta:
        model = VolunteerProfile
        fields = ["q", "region", "organisation", "silver", "minors"]

    def search(self, queryset, name, value):
        words = value.split()
        if not words:
            return queryset
        by_name = Q()
        for word in words:
            by_name &= Q(user__first_name__icontains=word) | Q(user__last_name__icontains=word)
        digits = "".join(ch for ch in value if ch.isdigit())
        if len(digits) >= 3:
            by_phone = Q(phone__contains=digits)
            if digits.startswith("8"):  # the domestic trunk prefix, stored as +7
                by_phone |= Q(phone__startswith="+7" + digits[1:])
            return queryset.filter(by_name | by_phone)
        return queryset.filter(by_name)

    def member_of(self, queryset, name, value):
        if value is None:
            return queryset
        # One membership per (user, organisation): the join cannot repeat a volunteer.
        return queryset.filter(user__memberships__organisation=value, user__memberships__active=True)

    def only_silver(self, queryset, name, value):
        if not value:
            return queryset
        cutoff = born_on_or_before_for_age(settings.VOLUNTEERS_SILVER_AGE)
        return queryset.filter(Q(is_retired=True) | Q(date_of_birth__lte=cutoff))

    def only_minors(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(date_of_birth__gt=born_on_or_before_for_age(settings.VOLUNTEERS_ADULT_AGE))
