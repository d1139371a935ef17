import io

import pytest
from django.core.management import CommandError, call_command

from media.models import Rendition
from tests.factories import PhotoFactory

pytestmark = pytest.mark.django_db


def run(*args, progress=None):
    out = io.StringIO()
    call_command("regenerate_renditions", *args, stdout=out, stderr=progress or io.StringIO())
    return out.getvalue()


def test_regenerate_makes_missing_renditions_with_a_progress_bar():
    photos = [PhotoFactory(), PhotoFactory()]  # made without the task running
    assert not Rendition.objects.exists()
    progress = io.StringIO()
    output = run(progress=progress)
    assert "100%" in progress.getvalue()
    assert "2/2" in progress.getvalue()
    assert "2 photos checked, 16 renditions written." in output
    assert Rendition.objects.filter(photo=photos[0]).count() == 8


def test_regenerate_is_resumable_it_skips_fresh_renditions():
    PhotoFactory()
    run()
    assert "0 renditions written" in run()
    assert "8 renditions written" in run("--force")


def test_regenerate_can_be_limited_to_photos_and_specs():
    first, second = PhotoFactory(), PhotoFactory()
    run(str(second.pk), "--spec", "full-400-webp")
    assert list(Rendition.objects.values_list("photo_id", "spec")) == [
        (second.pk, "full-400-webp")
    ]
    run("--from-id", str(second.pk))
    assert not Rendition.objects.filter(photo=first).exists()


def test_regenerate_refuses_undeclared_specs():
    with pytest.raises(CommandError, match="No rendition called"):
        run("--spec", "full-9000-jpeg")
