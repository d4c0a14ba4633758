"""Existing tags follow the tag rule: `  Bell ` becomes `bell` (merged into `bell` when it exists), and a tag
that cannot be made valid (`a/b`, `<b>x</b>`, `.`, `..`) is dropped from every circuit and dataset."""

import re

from django.db import migrations

VALID = re.compile(r"^[a-z0-9][a-z0-9+._-]{0,49}$")  # circuits.tags.TAG_PATTERN, frozen here


def normalise_tags(apps, schema_editor):
    Tag = apps.get_model("circuits", "Tag")
    links = [Tag.circuits.through, Tag.datasets.through]
    for tag in Tag.objects.all().order_by("id"):
        if VALID.match(tag.name):
            continue
        name = tag.name.strip().lower()
        if not VALID.match(name):
            tag.delete()  # its circuit and dataset links go with it
            continue
        kept = Tag.objects.filter(name=name).first()
        if kept is None:
            tag.name = name
            tag.save(update_fields=["name"])
            continue
        for link in links:
            owner = "circuit_id" if link is links[0] else "dataset_id"
            already = set(link.objects.filter(tag=kept).values_list(owner, flat=True))
            link.objects.filter(tag=tag).exclude(**{f"{owner}__in": already}).update(tag=kept)
        tag.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("circuits", "0002_version_git_commit"),
        ("datasets", "0001_initial"),
    ]

    operations = [migrations.RunPython(normalise_tags, migrations.RunPython.noop)]
