"""Test settings: the project's settings with test-only values filled in."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# Tasks run inline in tests (after the transaction commits, like a worker would).
os.environ.setdefault("TASKS_BACKEND", "immediate")

from newsroom.settings import *  # noqa: F403

# Fast hashing: tests create many users and never need slow, safe password hashes.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests never collect static files; WhiteNoise need not look for them.
STATIC_ROOT = None
