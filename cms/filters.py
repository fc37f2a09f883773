"""The best practices' filters (roadmap item 47): by region and by direction, kept in the query string so that
a filtered list can be shared."""

import django_filters
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from cms.models import BestPracticePage
from cms.models.pages import PAGE_SIZE
from volunteers.forms import regions_by_name
from volunteers.models import Direction


def _regions():
    # Region names are translated: sorted in the visitor's language, not by code.
    return [(region.iso_code, str(region)) for region in regions_by_name()]


class BestPracticeFilter(django_filters.FilterSet):
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=_regions, empty_label=_("All regions"), field_name="region__iso_code"
    )
    direction = django_filters.ModelChoiceFilter(
        label=_("Direction"), queryset=Direction.objects.all(), to_field_name="slug",
        empty_label=_("All directions"),
    )  # fmt: skip

    class Meta:
        model = BestPracticePage
        fields = ["region", "direction"]


def best_practices_for(page, request) -> tuple[BestPracticeFilter, PaginatorPage]:
    """The live practices under `page` (so in its language), filtered by the request's query string, and the
    page of them asked for."""
    practices = (
        BestPracticePage.objects.child_of(page)
        .live()
        .select_related("region", "direction", "image")
        .order_by("-first_published_at", "-pk")
    )
    practice_filter = BestPracticeFilter(request.GET or None, queryset=practices, request=request)
    page_obj = Paginator(practice_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return practice_filter, page_obj
