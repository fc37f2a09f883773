"""What a reader asks the figures for: an area and a period (the dashboard, the exports) or an annual report.
Every refusal is a message next to its field, in the reader's language: a period that ends before it starts,
an area the reader may not see, a report of a year that has not begun."""

import datetime as dt
import re

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from volunteers.models import Organisation, Region
from volunteers.reporting.figures import FigureQuery
from volunteers.reporting.permissions import (
    FiguresScope,
    organisation_choices,
    region_choices,
    scope_allows,
)

NATIONAL_AREA = "kz"
MONTH_RE = re.compile(r"^\s*(?:(\d{4})-(\d{1,2})|(\d{1,2})[./](\d{4}))\s*$")  # 2026-03, or 03.2026 / 3/2026
FIRST_YEAR = 2015  # the Law on volunteer activity is of 2016: no figure is older


def area_value(*, region_id: int | None = None, organisation_id: int | None = None) -> str:
    if region_id is not None:
        return f"region:{region_id}"
    if organisation_id is not None:
        return f"organisation:{organisation_id}"
    return NATIONAL_AREA


def area_choices(scope: FiguresScope) -> list:
    """The areas `scope` may choose, as the select shows them: the whole country, then its regions, then its
    organisations (in groups)."""
    choices = []
    if scope.national:
        choices.append((NATIONAL_AREA, _("Kazakhstan (the whole country)")))
    regions = [(area_value(region_id=pk), name) for pk, name in region_choices(scope)]
    if regions:
        choices.append((_("Regions"), regions))
    if not scope.national:  # a national reader picks regions; organisations are for the others
        organisations = [(area_value(organisation_id=pk), name) for pk, name in organisation_choices(scope)]
        if organisations:
            choices.append((_("Organisations"), organisations))
    return choices


class MonthField(forms.CharField):
    """A month as YYYY-MM (what `<input type="month">` sends), or MM.YYYY typed by hand where the browser
    shows a text box; its value is the month's first day."""

    default_error_messages = {"invalid": _("Enter a month as YYYY-MM, for example 2026-03.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "month", "placeholder": "YYYY-MM"}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value.strftime("%Y-%m") if isinstance(value, dt.date) else value

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        if isinstance(value, dt.date):
            return value.replace(day=1)
        match = MONTH_RE.match(value)
        if not match:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        year, month = (match[1], match[2]) if match[1] else (match[4], match[3])
        year, month = int(year), int(month)
        if not 1 <= month <= 12 or not FIRST_YEAR <= year <= 2100:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return dt.date(year, month, 1)


def _area(value: str, scope: FiguresScope, field_errors: dict) -> tuple[int | None, int | None]:
    """(region id, organisation id) of an area value the reader may see; raises a ValidationError with a
    message saying which part is wrong."""
    if value == NATIONAL_AREA:
        if not scope.national:
            raise forms.ValidationError(field_errors["national"], code="national_not_allowed")
        return None, None
    kind, _sep, pk = (value or "").partition(":")
    if kind not in ("region", "organisation") or not pk.isdigit():
        raise forms.ValidationError(field_errors["unknown"], code="unknown_area")
    pk = int(pk)
    if kind == "region":
        if not Region.objects.filter(pk=pk).exists():
            raise forms.ValidationError(field_errors["unknown"], code="unknown_area")
        if not scope_allows(scope, region_id=pk):
            raise forms.ValidationError(field_errors["region"], code="region_not_allowed")
        return pk, None
    if not Organisation.objects.filter(pk=pk).exists():
        raise forms.ValidationError(field_errors["unknown"], code="unknown_area")
    if not scope_allows(scope, organisation_id=pk):
        raise forms.ValidationError(field_errors["organisation"], code="organisation_not_allowed")
    return None, pk


AREA_ERRORS = {
    "national": _("You may read the figures of your region or organisation only, not the whole country's."),
    "region": _("You may not read the figures of this region. Choose one from the list."),
    "organisation": _("You may not read the figures of this organisation. Choose one from the list."),
    "unknown": _("There is no such region or organisation. Choose one from the list."),
}


def default_area(scope: FiguresScope) -> str:
    """The widest area `scope` reads: the country, else its first region, else its first organisation."""
    for value, label in area_choices(scope):
        return label[0][0] if isinstance(label, list) else value
    return ""


class FiguresForm(forms.Form):
    """The dashboard's and the exports' question: an area and a period of whole months (GET). Left empty, the
    period is this year up to this month."""

    area = forms.CharField(label=_("Area"), widget=forms.Select)
    start = MonthField(label=_("From (month)"), required=False)
    end = MonthField(label=_("To (month)"), required=False)

    def __init__(self, scope: FiguresScope, data=None, **kwargs):
        self.scope = scope
        today = timezone.localdate()
        data = data.copy() if data is not None else {}
        if not data.get("area"):
            data["area"] = default_area(scope)
        super().__init__(data, **kwargs)
        self.fields["area"].widget.choices = area_choices(scope)
        self.default_start = dt.date(today.year, 1, 1)
        self.default_end = today.replace(day=1)

    def clean_area(self):
        region_id, organisation_id = _area(self.cleaned_data["area"], self.scope, AREA_ERRORS)
        self.cleaned_data["region_id"], self.cleaned_data["organisation_id"] = region_id, organisation_id
        return self.cleaned_data["area"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if "start" in self.errors or "end" in self.errors:
            return cleaned
        this_month = timezone.localdate().replace(day=1)
        if start is None:
            start = dt.date((end or this_month).year, 1, 1)
        if end is None:
            end = max(start, this_month) if start.year == this_month.year else dt.date(start.year, 12, 1)
        if start > this_month:
            self.add_error("start", _("The period starts after this month: there are no figures for it yet."))
        elif end < start:
            self.add_error("end", _("The period ends before it starts. Choose a later month."))
        cleaned["start"], cleaned["end"] = start, end
        return cleaned

    def query(self) -> FigureQuery:
        """The FigureQuery of a valid form."""
        data = self.cleaned_data
        return FigureQuery.months(
            data["start"], data["end"], region_id=data["region_id"], organisation_id=data["organisation_id"]
        )


REPORT_AREA_ERRORS = {
    "national": _("Only national analysts may prepare the national summary."),
    "region": _("You may not prepare the report of this region. Choose one from the list."),
    "organisation": _("Annual reports are of a region or the whole country."),
    "unknown": _("There is no such region. Choose one from the list."),
}


def report_area_choices(scope: FiguresScope) -> list:
    choices = []
    if scope.national:
        choices.append((NATIONAL_AREA, _("National summary (the whole country)")))
    regions = [(area_value(region_id=pk), name) for pk, name in region_choices(scope)]
    if regions:
        choices.append((_("Annual report of a region"), regions))
    return choices


class ReportForm(forms.Form):
    """Ask for an annual report: of a region the reader may see, or the national summary (national readers);
    of a year that has begun (the current year's is provisional), in one of the site's languages."""

    area = forms.CharField(label=_("Report"), widget=forms.Select)
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR)
    language = forms.ChoiceField(label=_("Language of the report"), choices=settings.LANGUAGES)

    def __init__(self, scope: FiguresScope, *args, **kwargs):
        self.scope = scope
        super().__init__(*args, **kwargs)
        self.fields["area"].widget.choices = report_area_choices(scope)
        self.fields["year"].widget.attrs.update({"max": timezone.localdate().year, "inputmode": "numeric"})

    def clean_area(self):
        region_id, organisation_id = _area(self.cleaned_data["area"], self.scope, REPORT_AREA_ERRORS)
        if organisation_id is not None:
            raise forms.ValidationError(REPORT_AREA_ERRORS["organisation"], code="organisation_report")
        self.cleaned_data["region_id"] = region_id
        return self.cleaned_data["area"]

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > timezone.localdate().year:
            raise forms.ValidationError(
                _("%(year)s has not begun: a report is of a year that has begun or ended."),
                code="year_in_future",
                params={"year": year},
            )
        return year
