from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from volunteers.permissions import organisations_managed_by
from volunteers.services.imports import ImportFileError, error_message, upload_check


class ImportUploadForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        help_text=_("The imported volunteers become its members."),
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "CSV (UTF-8) or XLSX, up to 10 MB and 50 000 rows; the first row holds the column names."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        managed = organisations_managed_by(user).select_related("region")
        self.fields["organisation"].queryset = managed
        if len(managed) == 1:
            self.fields["organisation"].initial = managed[0].pk

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            upload_check(upload)
        except ImportFileError as error:
            raise ValidationError(error_message(error.entry()), code=error.code) from None
        return upload
