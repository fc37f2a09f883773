"""Book entries of completed courses written before entries had a subject get their course's key: stages
name specific courses by it, in any language."""

from django.db import migrations


def subjects_fill(apps, schema_editor):
    LedgerEntry = apps.get_model("volunteers", "LedgerEntry")
    Certificate = apps.get_model("training", "Certificate")
    entries = LedgerEntry.objects.filter(source__startswith="training.certificate:", subject="")
    for entry in entries.iterator(chunk_size=2000):
        key = Certificate.objects.filter(pk=entry.source.split(":", 1)[1]).values_list("course_key", flat=True).first()
        if key is not None:
            LedgerEntry.objects.filter(pk=entry.pk).update(subject=f"training.course:{key}")


class Migration(migrations.Migration):
    dependencies = [("training", "0002_certificate_certificate_course_holders"), ("volunteers", "0007_stages_recognition")]

    operations = [migrations.RunPython(subjects_fill, migrations.RunPython.noop)]
