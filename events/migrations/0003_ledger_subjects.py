"""Book entries of attended shifts written before entries had a subject get their event's: stages count
events, not shifts."""

from django.db import migrations


def subjects_fill(apps, schema_editor):
    LedgerEntry = apps.get_model("volunteers", "LedgerEntry")
    Signup = apps.get_model("events", "Signup")
    entries = LedgerEntry.objects.filter(source__startswith="events.signup:", subject="")
    for entry in entries.iterator(chunk_size=2000):
        event_id = (
            Signup.objects.filter(pk=entry.source.split(":", 1)[1]).values_list("shift__event_id", flat=True).first()
        )
        if event_id is not None:
            LedgerEntry.objects.filter(pk=entry.pk).update(subject=f"events.event:{event_id}")


class Migration(migrations.Migration):
    dependencies = [("events", "0002_event_status_ends_index"), ("volunteers", "0007_stages_recognition")]

    operations = [migrations.RunPython(subjects_fill, migrations.RunPython.noop)]
