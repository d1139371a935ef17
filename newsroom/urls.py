from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from articles.delivery.api.urls import urlpatterns as public_urls
from articles.delivery.feeds import LatestArticlesAtomFeed, LatestArticlesFeed, cached_feed
from articles.delivery.sitemaps import SITEMAPS, cached_sitemap, news_sitemap
from articles.desk.api.urls import urlpatterns as desk_urls
from newsroom.api.docs import RedocView, SwaggerView
from newsroom.api.tokens import TokenLoginView, TokenLogoutView

api_v1 = [
    *public_urls,
    *desk_urls,
    path("auth/token/", TokenLoginView.as_view(), name="token-login"),
    path("auth/logout/", TokenLogoutView.as_view(), name="token-logout"),
]

feeds = [
    path("rss/", cached_feed(LatestArticlesFeed()), name="feed-rss"),
    path("atom/", cached_feed(LatestArticlesAtomFeed()), name="feed-atom"),
    path(
        "sections/<path:section_path>/rss/",
        cached_feed(LatestArticlesFeed()),
        name="section-feed-rss",
    ),
    path(
        "sections/<path:section_path>/atom/",
        cached_feed(LatestArticlesAtomFeed()),
        name="section-feed-atom",
    ),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include((api_v1, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The documentation pages are public HTML that fetch the schema: they authenticate no
    # one, so a bad token cannot make rendering their 401 page fail (it did, with a 500).
    path(
        "api/docs/",
        SwaggerView.as_view(url_name="api-schema", authentication_classes=[]),
        name="api-docs",
    ),
    path(
        "api/redoc/",
        RedocView.as_view(url_name="api-schema", authentication_classes=[]),
        name="api-redoc",
    ),
    path("feeds/", include(feeds)),
    path(
        "sitemap.xml",
        cached_sitemap(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path("sitemap-news.xml", news_sitemap, name="sitemap-news"),
    path(
        "sitemap-<section>.xml",
        cached_sitemap(sitemap_views.sitemap, pages=True),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]

if settings.NEWSROOM_BENCH_CEILING_FILE:
    from newsroom.bench import ceiling

    urlpatterns.append(path("bench/ceiling/", ceiling))

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "newsroom.api.errors.page_not_found"
handler500 = "newsroom.api.errors.server_error"
