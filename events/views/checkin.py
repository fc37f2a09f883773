"""At the door and after it: the coordinator's check-in page (a scan or a typed code), the attendance list
of a shift that credits hours to the volunteers' books, and the shift's attendees as a spreadsheet."""

import phonenumbers
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.views.decorators.cache import never_cache

from config.errors import DomainError
from config.exports import csv_response, xlsx_response
from events.errors import EventError
from events.models import Signup, SignupStatus
from events.permissions import events_managed_by, events_manager_required, shifts_managed_by
from events.services.checkin import attendance_confirm, checkin_scan, hours_parse
from events.services.signups import weekly_hours_over_limit
from volunteers.audit import audit_log
from volunteers.phones import phone_display

RECENT_CHECKINS = 10


class CheckinForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Check-in code"),
        max_length=200,  # a scanner may hand over a whole URL that ends in the code
        widget=forms.TextInput(
            attrs={
                "autofocus": True,
                "autocapitalize": "characters",
                "autocomplete": "off",
                "autocorrect": "off",
                "spellcheck": "false",
                "inputmode": "text",
                "enterkeyhint": "go",
                "class": "checkin-code",
            }
        ),
    )


@never_cache  # names of the people at the door: no copy in any cache
@events_manager_required
def checkin(request, pk: int):
    event = get_object_or_404(events_managed_by(request.user), pk=pk)
    form = CheckinForm(request.POST if request.method == "POST" else None)
    result = None
    if form.is_bound and form.is_valid():
        try:
            result = checkin_scan(event=event, raw_code=form.cleaned_data["code"], actor=request.user)
        except DomainError as error:
            # Only the rule's message: a wrong or foreign code says nothing about whose it might be.
            form.add_error("code", error.message)
        else:
            form = CheckinForm()  # empty and focused again for the next person in the queue
    confirmed = Q(signups__status=SignupStatus.CONFIRMED)
    shifts = event.shifts.annotate(
        checked_in=Count("signups", filter=confirmed & Q(signups__checked_in_at__isnull=False))
    )
    recent = (
        Signup.objects.filter(shift__event=event, status=SignupStatus.CONFIRMED, checked_in_at__isnull=False)
        .select_related("volunteer", "shift")
        .order_by("-checked_in_at", "-pk")[:RECENT_CHECKINS]
    )
    return render(
        request,
        "events/checkin/checkin.html",
        {"event": event, "form": form, "result": result, "shifts": shifts, "recent": recent},
    )


# --- Attendance -----------------------------------------------------------------------------------------

ATTENDED_CHOICES = [("yes", gettext_lazy("yes")), ("no", gettext_lazy("no"))]


class AttendanceForm(forms.Form):
    signup = forms.IntegerField(widget=forms.HiddenInput)
    attended = forms.TypedChoiceField(
        label=gettext_lazy("Attended"),
        choices=ATTENDED_CHOICES,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    hours = forms.CharField(
        label=gettext_lazy("Hours"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 5, "class": "hours-input"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("attended"):
            try:
                # The service parses again; checking every row here first means one bad row saves nothing.
                cleaned["hours"] = hours_parse(cleaned.get("hours") or "")
            except EventError as error:
                self.add_error("hours", error.message)
        return cleaned


class BaseAttendanceFormSet(forms.BaseFormSet):
    def __init__(self, *args, signups, **kwargs):
        self.signups = signups
        super().__init__(*args, **kwargs)

    def clean(self):
        # The list is posted as it was shown; if someone cancelled or was promoted since, the rows no longer
        # match the people and nothing may be credited to the wrong person.
        posted = [str(form["signup"].value()) for form in self.forms]
        if posted != [str(signup.pk) for signup in self.signups]:
            raise forms.ValidationError(
                gettext("The list has changed since you opened it. Check it and confirm again.")
            )


# A page of the list is one form of three fields a row: 200 rows stay well under Django's limit of 1000
# fields a request (DATA_UPLOAD_MAX_NUMBER_FIELDS), whatever the size of the shift.
ATTENDANCE_PAGE_SIZE = 200

AttendanceFormSet = forms.formset_factory(
    AttendanceForm,
    formset=BaseAttendanceFormSet,
    extra=0,
    max_num=ATTENDANCE_PAGE_SIZE,
    absolute_max=ATTENDANCE_PAGE_SIZE,
    validate_max=True,
)


def _attendance_initial(signup, *, check_in_used: bool) -> dict:
    if signup.attendance_confirmed_at is not None:
        attended, hours = signup.attended, signup.hours
    else:
        # Where the door was checked, whoever was not scanned is presumably absent; where check-in was not
        # used at all, everyone is presumed present and the coordinator marks the absent.
        attended = signup.checked_in_at is not None or not check_in_used
        hours = signup.shift.hours
    return {"signup": signup.pk, "attended": "yes" if attended else "no", "hours": hours}


def _tel(user) -> str:
    profile = getattr(user, "profile", None)  # None for an account without a volunteer profile
    return (profile.phone or "") if profile else ""


def _phone(user) -> str:
    return phone_display(_tel(user))


def _phone_national(user) -> str:
    """8 (701) 234 5678, as dialled in Kazakhstan; unlike +7 it needs no formula guard in a spreadsheet."""
    tel = _tel(user)
    if not tel:
        return ""
    return phonenumbers.format_number(phonenumbers.parse(tel), phonenumbers.PhoneNumberFormat.NATIONAL)


@never_cache  # contacts of volunteers: no copy in any cache
@events_manager_required
def attendance(request, shift_id: int):
    shift = get_object_or_404(shifts_managed_by(request.user).select_related("event"), pk=shift_id)
    confirmed = shift.signups.filter(status=SignupStatus.CONFIRMED)
    page = Paginator(
        confirmed.select_related("volunteer__profile").order_by(
            "volunteer__last_name", "volunteer__first_name", "pk"
        ),
        ATTENDANCE_PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    signups = list(page.object_list)
    for signup in signups:
        signup.shift = shift  # the one shift, not a query per row
    check_in_used = confirmed.filter(checked_in_at__isnull=False).exists()
    started = shift.starts_at <= timezone.now()
    initial = [_attendance_initial(signup, check_in_used=check_in_used) for signup in signups]
    formset = AttendanceFormSet(
        request.POST if request.method == "POST" else None, initial=initial, signups=signups
    )
    refused = ""
    if formset.is_bound and not started:
        refused = EventError("attendance_before_start").message
    elif formset.is_bound and formset.is_valid():
        saved = _attendance_save(request, formset, signups)
        if saved is not None:
            messages.success(
                request,
                ngettext(
                    "Attendance confirmed for %(count)s volunteer.",
                    "Attendance confirmed for %(count)s volunteers.",
                    saved,
                )
                % {"count": saved},
            )
            return redirect(request.get_full_path())
    over = weekly_hours_over_limit(shift=shift, volunteer_ids=[signup.volunteer_id for signup in signups])
    rows = [
        {
            "signup": signup, "form": form, "phone": _phone(signup.volunteer), "tel": _tel(signup.volunteer),
            "weekly_hours": over.get(signup.volunteer_id),
        }
        for signup, form in zip(signups, formset.forms, strict=False)
    ]  # fmt: skip
    return render(
        request,
        "events/checkin/attendance.html",
        {
            "shift": shift,
            "event": shift.event,
            "formset": formset,
            "rows": rows,
            "page": page,
            "started": started,
            "refused": refused,
            "weekly_limit": settings.VOLUNTEERS_WEEKLY_HOURS_LIMIT,
        },
    )


def _attendance_save(request, formset, signups) -> int | None:
    """All rows or none: a refusal for one row undoes the rows before it and is shown next to that row."""
    form = None
    try:
        with transaction.atomic():
            for form, signup in zip(formset.forms, signups, strict=True):
                attendance_confirm(
                    signup=signup,
                    attended=form.cleaned_data["attended"],
                    hours=form.cleaned_data["hours"],
                    actor=request.user,
                )
    except DomainError as error:
        field = error.field if error.field in ("attended", "hours") else None
        form.add_error(field, error.message)
        return None
    return len(signups)


# --- Export ---------------------------------------------------------------------------------------------

EXPORT_FORMATS = {"csv": csv_response, "xlsx": xlsx_response}


def _yes_no(value) -> str:
    return "" if value is None else gettext("yes") if value else gettext("no")


@never_cache
@events_manager_required
def export(request, shift_id: int, fmt: str):
    respond = EXPORT_FORMATS.get(fmt)
    if respond is None:
        raise Http404
    shift = get_object_or_404(shifts_managed_by(request.user).select_related("event"), pk=shift_id)
    signups = list(
        shift.signups.filter(status=SignupStatus.CONFIRMED)
        .select_related("volunteer__profile")
        .order_by("volunteer__last_name", "volunteer__first_name", "pk")
    )
    header = [
        gettext("Name"),
        gettext("E-mail"),
        gettext("Phone"),
        gettext("Status"),
        gettext("Checked in"),
        gettext("Attended"),
        gettext("Hours"),
    ]
    rows = [
        [
            signup.volunteer.get_full_name(),
            signup.volunteer.email or "",
            _phone_national(signup.volunteer),
            signup.get_status_display(),
            signup.checked_in_at,
            _yes_no(signup.attended),
            signup.hours,
        ]
        for signup in signups
    ]
    audit_log(
        actor=request.user, action="events.attendees.exported", shift=shift.pk, format=fmt, rows=len(rows)
    )
    starts = timezone.localtime(shift.starts_at)
    filename = f"attendees-{shift.event_id}-{starts:%Y%m%d-%H%M}.{fmt}"
    kwargs = {"sheet_title": gettext("Attendees")} if fmt == "xlsx" else {}
    return respond(filename, header, rows, **kwargs)
