from django.db import migrations


def crafts_add(apps, schema_editor):
    from volunteers.clubs.crafts import crafts_ensure

    crafts_ensure(apps.get_model("clubs", "Craft"))


class Migration(migrations.Migration):
    dependencies = [("clubs", "0001_initial")]

    operations = [migrations.RunPython(crafts_add, migrations.RunPython.noop)]
