from django import forms
from django.utils.translation import gettext_lazy as _

from training.models import Certificate


class CourseState:
    """A volunteer's standing in one course, as the coordinators' training status shows it."""

    NOT_ENROLLED = "not_enrolled"
    IN_PROGRESS = "in_progress"
    VALID = Certificate.State.VALID.value
    EXPIRED = Certificate.State.EXPIRED.value
    REVOKED = Certificate.State.REVOKED.value

    choices = [
        (NOT_ENROLLED, _("Not enrolled")),
        (IN_PROGRESS, _("In progress")),
        (VALID, _("Completed, certificate valid")),
        (EXPIRED, _("Certificate expired")),
        (REVOKED, _("Certificate revoked")),
    ]


class StatusFilterForm(forms.Form):
    """GET filters of the training status. Whatever is sent, an invalid value filters nothing."""

    course = forms.ChoiceField(label=_("Course"), required=False)
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("Any state")), *CourseState.choices],
        help_text=_("In the chosen course, or in any course of the programme."),
    )

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = [("", _("All courses"))] + [
            (str(course.translation_key), course.title) for course in courses
        ]


class CertificateRevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Kept with the certificate for administrators; the public verification page shows only that it "
            "was revoked and when."
        ),
        error_messages={"required": _("Give the reason for revoking the certificate.")},
    )
