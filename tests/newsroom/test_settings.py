import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from newsroom.env import env_bool, env_int, env_list

REPOSITORY = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "DEBUG",
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
            "SECURE_SSL_REDIRECT",
        }
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="a-long-random-production-secret-" + "x7Yq2" * 10,
        ALLOWED_HOSTS="news.example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_development_runs_without_configuration():
    result = run_manage("check", DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_nonsense_boolean_is_refused(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        env_bool("DEBUG")


def test_env_helpers_parse_values(monkeypatch):
    monkeypatch.setenv("HOSTS", "a.example, b.example,,")
    monkeypatch.setenv("WORKERS", "4")
    monkeypatch.setenv("FLAG", "On")
    assert env_list("HOSTS") == ["a.example", "b.example"]
    assert env_int("WORKERS", 1) == 4
    assert env_bool("FLAG") is True
    monkeypatch.setenv("WORKERS", "four")
    with pytest.raises(ImproperlyConfigured, match="WORKERS"):
        env_int("WORKERS", 1)


@pytest.mark.django_db
def test_ensure_admin_creates_a_random_login_once(tmp_path, capsys):
    from django.contrib.auth import get_user_model

    login_file = tmp_path / "admin-login.txt"
    call_command("ensure_admin", login_file=login_file)
    first = capsys.readouterr().out
    username, password = login_file.read_text().split("\n")[:2]
    assert username == "admin"
    assert len(password) >= 20
    assert password in first
    assert oct(login_file.stat().st_mode & 0o777) == "0o600"
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser
    assert user.check_password(password)

    call_command("ensure_admin", login_file=login_file)
    assert password in capsys.readouterr().out
    assert get_user_model().objects.count() == 1


@pytest.mark.django_db
def test_ensure_admin_refuses_to_promote_an_ordinary_user(tmp_path):
    from django.core.management.base import CommandError

    from tests.factories import UserFactory

    UserFactory(username="admin")
    with pytest.raises(CommandError, match="not a superuser"):
        call_command("ensure_admin", login_file=tmp_path / "login.txt")
