"""Create the newsroom's roles (Reporter, Editor, Photo editor) as groups.

Permissions are normally created after migrations run (post_migrate), so this migration
creates them first for the apps whose permissions the roles use. ``manage.py
setup_roles`` does the same job on a running site and may be run at any time.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from articles.permissions import roles_setup


def create_roles(apps, schema_editor):
    for label in ("articles", "media"):
        app_config = apps.get_app_config(label)
        # create_permissions() skips app configs without a models module, which is how
        # the historical ones look; say there is one for the call.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    roles_setup(
        group_model=apps.get_model("auth", "Group"),
        permission_model=apps.get_model("auth", "Permission"),
    )


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
