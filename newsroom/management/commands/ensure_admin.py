import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Make sure an admin login exists. The first run creates a superuser with a random "
        "password and keeps the login in var/admin-login.txt (readable by you alone); "
        "later runs print it again. Nothing is ever hard-coded."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--login-file",
            type=Path,
            default=None,
            help="Where to keep the generated login (default: var/admin-login.txt).",
        )

    def handle(self, username, login_file, **options):
        login_file = login_file or Path(settings.VAR_DIR) / "admin-login.txt"
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(18)
            User.objects.create_superuser(username=username, email="", password=password)
            login_file.parent.mkdir(parents=True, exist_ok=True)
            login_file.write_text(f"{username}\n{password}\n", encoding="utf-8")
            os.chmod(login_file, 0o600)
            self.stdout.write(self.style.SUCCESS(f"Created the admin login {username!r}."))
        elif not user.is_superuser:
            raise CommandError(f"A user {username!r} exists but is not a superuser.")
        if login_file.is_file():
            saved_user, password = login_file.read_text(encoding="utf-8").split("\n")[:2]
            if saved_user == username:
                self.stdout.write(f"Admin login: {username} / {password}  (kept in {login_file})")
                return
        self.stdout.write(
            f"The admin {username!r} already exists; its password was not generated here. "
            f"Set a new one with: python manage.py changepassword {username}"
        )
