"""The default path of five stages (volunteers/stages_default.py)."""

from django.db import migrations

from volunteers.stages_default import default_stages_create


def stages_seed(apps, schema_editor):
    default_stages_create(apps.get_model("volunteers", "Stage"))


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0007_stages_recognition")]

    operations = [migrations.RunPython(stages_seed, migrations.RunPython.noop)]
