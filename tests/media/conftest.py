from pathlib import Path

import pytest

from tests.factories import UserFactory


@pytest.fixture
def stored_files(settings):
    """Return a function listing every file in the media storage (relative paths)."""

    def files():
        root = Path(settings.MEDIA_ROOT)
        if not root.exists():
            return []
        return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())

    return files


@pytest.fixture
def photo_desk_user(db):
    from django.contrib.auth.models import Permission

    user = UserFactory(username="photodesk", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="media",
            codename__in=["add_photo", "change_photo", "view_photo", "view_agency"],
        )
    )
    return user
