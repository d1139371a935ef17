"""Helpers for the editorial-desk tests: users in each newsroom role."""

from django.contrib.auth.models import Group

from articles.desk.permissions import EDITOR, PHOTO_EDITOR, REPORTER, roles_setup
from tests.factories import UserFactory

ROLE_GROUPS = {"reporter": REPORTER, "editor": EDITOR, "photo_editor": PHOTO_EDITOR}


def make_user(role, username=None, **kwargs):
    """Create a staff user in ``role`` (reporter, editor, photo_editor, superuser)."""
    roles_setup()  # the groups may have been flushed by a transactional test
    username = username or role
    if role == "superuser":
        return UserFactory(username=username, is_staff=True, is_superuser=True, **kwargs)
    user = UserFactory(username=username, is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
    return user
