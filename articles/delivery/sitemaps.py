"""sitemap.xml for search engines, and a Google News sitemap of the last two days."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.shortcuts import render
from django.utils import timezone

from articles.delivery.cache import cached_public_response, make_response
from articles.models import ArticleVersion, Section
from articles.publishing.links import section_web_url
from newsroom.api.views import refuse_query_params
from newsroom.numbers import is_whole_number

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000  # Google's maximum per news sitemap


class ReadersSiteSitemap(Sitemap):
    """Addresses on the readers' site (``NEWSROOM_SITE_URL``), not on this API."""

    def get_domain(self, site=None):
        return urlsplit(settings.NEWSROOM_SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.NEWSROOM_SITE_URL).scheme or "https"

    def location(self, item):
        return urlsplit(self.absolute_location(item)).path

    def absolute_location(self, item):
        raise NotImplementedError


class ArticleSitemap(ReadersSiteSitemap):
    limit = 50_000

    def items(self):
        return (
            ArticleVersion.objects.public()
            .order_by("-first_published_at", "-article_id")
            .only("web_url", "changed_at")
        )

    def absolute_location(self, version):
        return version.web_url

    def lastmod(self, version):
        return version.changed_at


class SectionSitemap(ReadersSiteSitemap):
    def items(self):
        return Section.objects.order_by("path")

    def absolute_location(self, section):
        return section_web_url(section.path)


SITEMAPS = {"articles": ArticleSitemap, "sections": SectionSitemap}


def news_sitemap(request):
    """Google News sitemap: articles first published in the last two days, at most
    1,000, newest first."""
    refused = refuse_query_params(request)
    if refused is not None:
        return refused

    def build():
        since = timezone.now() - NEWS_WINDOW
        versions = (
            ArticleVersion.objects.public()
            .filter(first_published_at__gte=since)
            .order_by("-first_published_at", "-article_id")
            .only("web_url", "headline", "language", "first_published_at")[:NEWS_LIMIT]
        )
        response = render(
            request,
            "articles/news_sitemap.xml",
            {"versions": versions, "publication": settings.NEWSROOM_PUBLICATION_NAME},
            content_type="application/xml",
        )
        return make_response(
            response.content, content_type="application/xml", surrogate_keys=["articles"]
        )

    return cached_public_response(request, build)


def _page_number(value):
    if not is_whole_number(value):
        return "A page number: 1, 2, 3..."
    return None


def cached_sitemap(view, *, pages=False):
    """Serve a sitemap view through the public response cache; ``pages``: it takes
    Django's page parameter ``p`` (a sitemap of more than 50,000 addresses)."""

    def wrapped(request, **kwargs):
        refused = refuse_query_params(request, {"p": _page_number} if pages else {})
        if refused is not None:
            return refused

        def build():
            response = view(request, **kwargs)
            if hasattr(response, "render"):
                response.render()
            return make_response(
                response.content,
                content_type="application/xml",
                surrogate_keys=["articles", "sections"],
            )

        return cached_public_response(request, build)

    return wrapped
