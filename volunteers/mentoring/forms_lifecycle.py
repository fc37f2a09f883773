"""Forms of a pair's life: the mentor's meeting, pausing and ending a pair, and the coordinators' filters.

The rules (a date not in the future, 1 to 1440 minutes, a topic, a reason) are the services'. The meeting form
checks the same ones first, with the services' messages, only so that every mistake of a form shows at once.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.models import EndReason, MentorshipStatus
from volunteers.mentoring.permissions import centres_managed_by
from volunteers.mentoring.services.lifecycle import MAX_MINUTES, MENTOR_END_REASONS, NOTE_LENGTH


def _refusal(code: str, **params) -> ValidationError:
    return ValidationError(MentoringError(code, **params).message, code=code)


class MeetingForm(forms.Form):
    occurred_on = forms.DateField(
        label=_("Date of the meeting"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    minutes = forms.IntegerField(
        label=_("Duration, minutes"),
        required=False,
        widget=forms.NumberInput(attrs={"min": 1, "max": 1440, "step": 1, "inputmode": "numeric"}),
    )
    topic = forms.CharField(
        label=_("Topic"),
        max_length=200,
        required=False,
        help_text=_("What you did or talked about, in a few words."),
    )
    note = forms.CharField(
        label=_("Note for the coordinator"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. No health, family or case details about the mentee."),
    )
    # Marks one filled-in form: the same form sent twice (a double click, a reload) logs one meeting.
    nonce = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, started_on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.started_on = started_on
        today = timezone.localdate()
        self.fields["occurred_on"].widget.attrs["max"] = today.isoformat()
        if started_on:
            self.fields["occurred_on"].widget.attrs["min"] = started_on.isoformat()
        if not self.is_bound:
            self.initial.setdefault("occurred_on", today)
            self.initial.setdefault("nonce", uuid.uuid4())

    def clean_occurred_on(self):
        day = self.cleaned_data["occurred_on"]
        if day > timezone.localdate():
            raise _refusal("meeting_future")
        if self.started_on and day < self.started_on:
            raise _refusal(
                "meeting_before_start", date=formats.date_format(self.started_on, "SHORT_DATE_FORMAT")
            )
        return day

    def clean_minutes(self):
        minutes = self.cleaned_data["minutes"]
        if minutes is None or not 1 <= minutes <= MAX_MINUTES:
            raise _refusal("meeting_length")
        return minutes

    def clean_topic(self):
        topic = self.cleaned_data["topic"].strip()
        if not topic:
            raise _refusal("meeting_topic")
        return topic


class PauseForm(forms.Form):
    note = forms.CharField(
        label=_("Why the pause (optional)"),
        max_length=NOTE_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class EndForm(forms.Form):
    """The reasons offered depend on who ends: a mentor gives one of those a mentor can speak to."""

    reason = forms.ChoiceField(label=_("Reason"), required=False)
    note = forms.CharField(
        label=_("Note (optional)"),
        max_length=NOTE_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, mentor: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (value, label)
            for value, label in EndReason.choices
            if not mentor or value in {str(code) for code in MENTOR_END_REASONS}
        ]
        self.fields["reason"].choices = [("", _("Choose a reason")), *choices]


class PairFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    at_risk = forms.BooleanField(label=_("Only pairs at risk"), required=False)
    centre = forms.ModelChoiceField(
        label=_("Centre"), queryset=None, required=False, empty_label=_("All my centres")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Any status")), *MentorshipStatus.choices]
        self.fields["centre"].queryset = centres_managed_by(user).order_by("slug")
