from django.core.management.base import BaseCommand

from articles.desk.permissions import ROLES, roles_setup


class Command(BaseCommand):
    help = "Create the Reporter, Editor and Photo editor groups with their permissions."

    def handle(self, *args, **options):
        created = roles_setup()
        for name in ROLES:
            state = "created" if name in created else "up to date"
            self.stdout.write(f"{name}: {state} ({len(ROLES[name])} permissions)")
