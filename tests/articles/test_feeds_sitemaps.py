"""RSS, Atom (with Media RSS), sitemaps and the Google News sitemap."""

from datetime import timedelta
from html.parser import HTMLParser

import feedparser
import pytest
import time_machine
from defusedxml import ElementTree
from django.utils import timezone

from articles.publishing import version_publish
from tests.factories import SectionFactory, article_with_body, published_article

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_site_feed_lists_published_articles_with_media_rss(seed_article, client, kind):
    article_with_body(headline="A draft nobody may see")
    response = client.get(f"/feeds/{kind}/")
    assert response.status_code == 200
    assert response["ETag"]
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    assert [entry.title for entry in feed.entries] == ["Blinken presses Israel for Gaza truce"]
    entry = feed.entries[0]
    assert (
        entry.link
        == "http://localhost:3000/world/middle-east/blinken-presses-israel-for-gaza-truce/"
    )
    assert entry.id == f"urn:newsroom:article:{seed_article.pk}"
    assert entry.summary.startswith("The US secretary of state")
    media = entry.media_content[0]
    assert media["url"].startswith("http://127.0.0.1:8000/media/photos/seed/")
    assert media["medium"] == "image"
    assert media["type"] == "image/jpeg"
    assert entry.media_credit[0]["content"] == "PHOTO/X/@SecBlinken"
    assert entry.media_credit[0]["role"] == "photographer"
    assert b'xmlns:media="http://search.yahoo.com/mrss/"' in response.content
    assert b"Secretary of State Antony Blinken and Israeli Prime Minister" in response.content


def test_section_feed_includes_subsections_only(client):
    world = SectionFactory(slug="world", name="World")
    africa = SectionFactory(slug="africa", name="Africa", parent=world)
    sport = SectionFactory(slug="sport", name="Sport")
    for headline, section in [("In Africa", africa), ("In sport", sport)]:
        version_publish(article=article_with_body(headline=headline, section=section))
    feed = feedparser.parse(client.get("/feeds/sections/world/rss/").content)
    assert [entry.title for entry in feed.entries] == ["In Africa"]
    assert feed.feed.title == "Newsroom: World"
    assert client.get("/feeds/sections/nowhere/rss/").status_code == 404


def test_sitemap_index_and_articles(seed_article, client):
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    pages = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert any(page.endswith("/sitemap-articles.xml") for page in pages)
    urlset = ElementTree.fromstring(client.get("/sitemap-articles.xml").content)
    locations = [loc.text for loc in urlset.iter(f"{SITEMAP}loc")]
    assert locations == [
        "http://localhost:3000/world/middle-east/blinken-presses-israel-for-gaza-truce/"
    ]
    sections = ElementTree.fromstring(client.get("/sitemap-sections.xml").content)
    assert "http://localhost:3000/world/middle-east/" in [
        loc.text for loc in sections.iter(f"{SITEMAP}loc")
    ]


def test_news_sitemap_lists_the_last_two_days_only(client):
    now = timezone.now()
    with time_machine.travel(now - timedelta(days=3)):
        version_publish(article=article_with_body(headline="Old news"))
    with time_machine.travel(now - timedelta(hours=5)):
        version_publish(article=article_with_body(headline="Fresh news", language="es"))
    article_with_body(headline="Draft news")
    response = client.get("/sitemap-news.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    news = list(root.iter(f"{NEWS}news"))
    assert [item.find(f"{NEWS}title").text for item in news] == ["Fresh news"]
    publication = news[0].find(f"{NEWS}publication")
    assert publication.find(f"{NEWS}name").text == "Newsroom"
    assert publication.find(f"{NEWS}language").text == "es"
    assert (
        news[0]
        .find(f"{NEWS}publication_date")
        .text.startswith(str((now - timedelta(hours=5)).date()))
    )


def test_news_sitemap_caps_at_1000(client, monkeypatch):
    from articles.delivery import sitemaps

    monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 2)
    for _ in range(3):
        version_publish(article=article_with_body())
    root = ElementTree.fromstring(client.get("/sitemap-news.xml").content)
    assert len(list(root.iter(f"{SITEMAP}url"))) == 2
    assert sitemaps.NEWS_LIMIT == 2


class _Markup(HTMLParser):
    """Collect the elements and the text of an HTML fragment."""

    def __init__(self, fragment):
        super().__init__()
        self.elements, self.text = [], []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)

    def handle_data(self, data):
        self.text.append(data)


HOSTILE_DEK = 'Aid arrives <img src="x" onerror="alert(1)"> & <b>talks</b> resume'


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_dek_plain_text_is_escaped_so_readers_show_markup_as_text(client, kind):
    published_article(headline="Aid arrives", dek=HOSTILE_DEK)
    feed = feedparser.parse(client.get(f"/feeds/{kind}/").content)
    assert not feed.bozo, feed.bozo_exception
    summary = feed.entries[0].summary
    assert feed.entries[0].summary_detail.type == "text/html"
    markup = _Markup(summary)
    assert markup.elements == []  # no <img>, no <b>: the reader renders text only
    assert "".join(markup.text) == HOSTILE_DEK


def test_feed_description_escapes_the_section_name(client):
    section = SectionFactory(slug="world", name="<i>World</i> & more")
    published_article(section=section)
    feed = feedparser.parse(client.get("/feeds/sections/world/rss/").content)
    assert _Markup(feed.feed.subtitle).elements == []
    assert (
        "".join(_Markup(feed.feed.subtitle).text)
        == "The latest from Newsroom: <i>World</i> & more."
    )


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/rss/",
        "/feeds/atom/",
        "/feeds/sections/world/rss/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/sitemap-news.xml",
    ],
)
def test_feeds_and_sitemaps_refuse_unknown_query_parameters(client, url):
    published_article(section=SectionFactory(slug="world", name="World"))
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200  # now from the cache, before routing
    for _attempt in range(2):  # neither answered from the cache nor stored in it
        response = client.get(f"{url}?utm_source=x")
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["code"] == "invalid"
        assert set(error["fields"]) == {"utm_source"}


@pytest.mark.parametrize(("query", "status"), [("p=1", 200), ("p=abc", 400), ("p=", 400)])
def test_section_sitemaps_take_their_page_number_only(client, query, status):
    published_article()
    assert client.get(f"/sitemap-articles.xml?{query}").status_code == status


def test_a_sitemap_page_that_is_not_a_number_is_named(client):
    error = client.get("/sitemap-articles.xml?p=two").json()["error"]
    assert error["fields"] == {"p": ["A page number: 1, 2, 3..."]}
