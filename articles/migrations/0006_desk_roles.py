"""Create the newsroom's roles (Reporter, Editor, Photo editor) as groups.

Permissions are normally created after migrations run (post_migrate), so this migration
creates them first for the apps whose permissions the roles use. ``manage.py
setup_roles`` does the same job on a running site and may be run at any time.
"""

from django.db import migrations

from articles.desk.permissions import roles_setup_in_migration


def create_roles(apps, schema_editor):
    roles_setup_in_migration(apps)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0005_desk_workflow"),
        ("media", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
    ]
