import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from articles.models import Article


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test writes uploads to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def seed_article(db):
    call_command("loaddata", "seed_article", verbosity=0)
    return Article.objects.get(slug="blinken-presses-israel-for-gaza-truce")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached public responses never leak from one test into another."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
