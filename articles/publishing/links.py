"""Addresses of published things: on the readers' site, on this API, as global ids."""

from urllib.parse import urljoin

from django.conf import settings


def article_web_url(*, section_path, slug, article_id, language):
    """Return the article's address on the readers' site (``NEWSROOM_ARTICLE_PATH``)."""
    path = settings.NEWSROOM_ARTICLE_PATH.format(
        section_path=section_path, slug=slug, id=article_id, language=language
    )
    return urljoin(settings.NEWSROOM_SITE_URL.rstrip("/") + "/", path.lstrip("/"))


def absolute_url(url):
    """Return ``url`` (a path on this service, or already absolute) as an absolute URL."""
    return urljoin(settings.NEWSROOM_API_URL.rstrip("/") + "/", url)


def urn(kind, identifier):
    """Return a global, stable identifier such as ``urn:newsroom:article:42``."""
    return f"{settings.NEWSROOM_URN_PREFIX}:{kind}:{identifier}"


def section_web_url(section_path):
    """Return a section's address on the readers' site (``NEWSROOM_SECTION_PATH``)."""
    path = settings.NEWSROOM_SECTION_PATH.format(section_path=section_path)
    return urljoin(settings.NEWSROOM_SITE_URL.rstrip("/") + "/", path.lstrip("/"))
