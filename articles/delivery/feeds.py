"""RSS 2.0 and Atom feeds of published articles, with Media RSS for their photos."""

import mimetypes

import orjson
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.dateparse import parse_datetime
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from articles.delivery.cache import cached_public_response, make_response
from articles.models import ArticleVersion, Section
from articles.publishing.links import absolute_url, section_web_url, urn
from newsroom.api.views import refuse_query_params

MEDIA_NS = "http://search.yahoo.com/mrss/"  # the trailing slash is part of the name
FEED_LENGTH = 50


class MediaRssMixin:
    """Write ``media:content`` with ``media:credit`` and ``media:description``."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        photo = item.get("photo")
        if not photo:
            return
        attributes = {
            "url": absolute_url(photo["url"]),
            "medium": "image",
            "width": str(photo["width"]),
            "height": str(photo["height"]),
        }
        content_type = mimetypes.guess_type(photo["url"])[0]
        if content_type:
            attributes["type"] = content_type
        handler.startElement("media:content", attributes)
        if photo.get("credit_line"):
            handler.addQuickElement(
                "media:credit", photo["credit_line"], {"role": "photographer", "scheme": "urn:ebu"}
            )
        if photo.get("caption"):
            handler.addQuickElement("media:description", photo["caption"], {"type": "plain"})
        handler.endElement("media:content")


class MediaRss201Feed(MediaRssMixin, Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS}


class MediaAtom1Feed(MediaRssMixin, Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}


class LatestArticlesFeed(Feed):
    """The newest published articles, site-wide or in a section and its subsections."""

    feed_type = MediaRss201Feed

    def get_object(self, request, section_path=None):
        if section_path is None:
            return None
        section = Section.objects.filter(path=section_path.strip("/")).first()
        if section is None:
            raise Http404("No such section.")
        return section

    def title(self, section):
        name = settings.NEWSROOM_PUBLICATION_NAME
        return f"{name}: {section.name}" if section else name

    def link(self, section):
        return section_web_url(section.path) if section else settings.NEWSROOM_SITE_URL

    def description(self, section):
        # RSS readers render <description> as HTML: plain text enters it escaped.
        return escape(self.description_text(section))

    def description_text(self, section):
        return f"The latest from {self.title(section)}."

    def items(self, section):
        versions = ArticleVersion.objects.public()
        if section is not None:
            versions = versions.in_section(section.path)
        versions = versions.order_by("-first_published_at", "-article_id").only("teaser")
        return [orjson.loads(version.teaser) for version in versions[:FEED_LENGTH]]

    def item_title(self, item):
        return item["headline"]

    def item_description(self, item):
        # RSS <description> and Atom <summary type="html"> are HTML to a reader; the dek
        # is plain text, so markup in it must arrive as text, never as elements.
        return escape(item["dek"])

    def item_link(self, item):
        return item["web_url"]

    def item_guid(self, item):
        return urn("article", item["id"])

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return parse_datetime(item["published_at"])

    def item_updateddate(self, item):
        return parse_datetime(item["updated_at"])

    def item_author_name(self, item):
        return ", ".join(byline["name"] for byline in item["bylines"]) or None

    def item_categories(self, item):
        return [item["section"]["name"]] if item["section"] else []

    def item_extra_kwargs(self, item):
        return {"photo": item["lead_photo"]}


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = MediaAtom1Feed

    def subtitle(self, section):
        return self.description_text(section)  # Atom <subtitle> is text, not HTML


def cached_feed(feed):
    """Serve a feed through the public response cache, with validators and 304s."""

    def view(request, **kwargs):
        refused = refuse_query_params(request)
        if refused is not None:
            return refused

        def build():
            response = feed(request, **kwargs)
            keys = ["articles"]
            if "section_path" in kwargs:
                keys.append(f"section-{kwargs['section_path'].strip('/').replace('/', '--')}")
            return make_response(
                response.content, content_type=response["Content-Type"], surrogate_keys=keys
            )

        return cached_public_response(request, build)

    return view
