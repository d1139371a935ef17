"""The write API: the same roles and rules as the admin, optimistic concurrency,
idempotent ingest, workflow actions and preview links."""

from datetime import timedelta

import pytest
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from knox.models import AuthToken

from articles.desk import writes
from articles.models import Article, ArticleVersion, Quote
from tests.desk import make_user
from tests.factories import ArticleFactory, PersonFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db
DESK = "/api/v1/desk/articles/"
INGEST = "/api/v1/desk/ingest/"


@pytest.fixture
def world():
    return SectionFactory(name="World", slug="world")


@pytest.fixture
def laerke():
    return PersonFactory(name="Jens Laerke", slug="jens-laerke")


def story(**overrides):
    paragraph = "“We must prevent that,” said Jens Laerke, spokesman for OCHA."
    data = {
        "headline": "Aid groups warn of famine",
        "slug": "aid-groups-warn",
        "dek": "Agencies say time is running out.",
        "section": "world",
        "blocks": [
            {"kind": "paragraph", "text": paragraph},
            {"kind": "heading", "text": "Children in fear"},
            {"kind": "paragraph", "text": "Talks <b>continue</b> in Doha.<script>x()</script>"},
        ],
        "quotes": [
            {
                "text": "We must prevent that",
                "speaker": "jens-laerke",
                "speaker_role": "spokesman for OCHA",
                "block": 0,
                "offset": 1,
            }
        ],
    }
    data.update(overrides)
    return data


def client_for(api_client, role, username=None):
    user = make_user(role, username=username)
    _, token = AuthToken.objects.create(user=user)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return user


def test_reporter_writes_an_article_with_blocks_and_quotes_by_token(api_client, world, laerke):
    reporter = client_for(api_client, "reporter")
    response = api_client.post(DESK, story(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert response["ETag"] == '"v1"'
    assert body["status"] == "draft"
    assert [block["kind"] for block in body["blocks"]] == ["paragraph", "heading", "paragraph"]
    assert "<script" not in body["blocks"][2]["text"]
    assert body["blocks"][1]["anchor"] == "children-in-fear"
    article = Article.objects.get(pk=body["id"])
    assert article.created_by == reporter
    quote = article.quotes.get()
    assert (quote.speaker, quote.block.position, quote.offset) == (laerke, 0, 1)
    # Nothing of it is public.
    assert api_client.get(f"/api/v1/articles/{article.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"headline": ""}, "headline"),
        ({"section": "nowhere"}, "section"),
        ({"slug": "2024"}, "slug"),
        ({"blocks": [{"kind": "gallery", "text": "x"}]}, "blocks"),
        ({"blocks": [{"kind": "photo"}]}, "blocks"),
        ({"blocks": [{"kind": "paragraph", "text": "   "}]}, "blocks"),
        (
            {
                "quotes": [
                    {"text": "absent words", "speaker": "jens-laerke", "block": 0, "offset": 0}
                ]
            },
            "quotes",
        ),
        ({"quotes": [{"text": "x", "speaker": "nobody", "block": 0, "offset": 0}]}, "quotes"),
        ({"language": "xx"}, "language"),
        ({"bylines": [{}]}, "bylines"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_writes_nothing(
    api_client, world, laerke, change, field
):
    client_for(api_client, "reporter")
    response = api_client.post(DESK, story(**change), format="json")
    assert response.status_code == 400, response.json()
    assert field in response.json()["error"]["fields"]
    assert not Article.objects.exists()
    assert not Quote.objects.exists()


def test_duplicate_slug_in_the_same_language_is_refused(api_client, world, laerke):
    client_for(api_client, "reporter")
    assert api_client.post(DESK, story(), format="json").status_code == 201
    response = api_client.post(DESK, story(), format="json")
    assert response.status_code == 400
    assert Article.objects.count() == 1


def test_writes_need_a_login(api_client, world):
    assert api_client.post(DESK, story(), format="json").status_code == 401
    assert api_client.get(DESK).status_code == 401


def test_photo_editor_may_not_write_articles(api_client, world, laerke):
    client_for(api_client, "photo_editor")
    assert api_client.post(DESK, story(), format="json").status_code == 403
    assert not Article.objects.exists()


def test_update_needs_the_version_and_refuses_a_stale_one(api_client, world, laerke):
    client_for(api_client, "editor")
    created = api_client.post(DESK, story(), format="json")
    url = f"{DESK}{created.json()['id']}/"
    no_version = api_client.patch(url, {"headline": "New"}, format="json")
    assert no_version.status_code == 428
    first = api_client.patch(url, {"headline": "First edit"}, format="json", HTTP_IF_MATCH='"v1"')
    assert first.status_code == 200, first.json()
    assert first["ETag"] == '"v2"'
    stale = api_client.patch(url, {"headline": "Lost edit"}, format="json", HTTP_IF_MATCH='"v1"')
    assert stale.status_code == 412
    assert "changed this article" in stale.json()["error"]["message"]
    stale_body = api_client.patch(url, {"headline": "Lost edit", "version": 1}, format="json")
    assert stale_body.status_code == 409
    assert Article.objects.get().headline == "First edit"


def test_quotes_keep_their_id_across_edits(api_client, world, laerke):
    client_for(api_client, "editor")
    created = api_client.post(DESK, story(), format="json").json()
    quote = created["quotes"][0]
    blocks = created["blocks"] + [{"kind": "paragraph", "text": "One more."}]
    response = api_client.patch(
        f"{DESK}{created['id']}/",
        {"blocks": blocks, "quotes": [quote]},
        format="json",
        HTTP_IF_MATCH='"v1"',
    )
    assert response.status_code == 200, response.json()
    assert response.json()["quotes"][0]["id"] == quote["id"]
    assert len(response.json()["blocks"]) == 4


def test_reporter_cannot_edit_someone_elses_article(api_client, world, laerke):
    client_for(api_client, "reporter", username="ana")
    created = api_client.post(DESK, story(), format="json").json()
    client_for(api_client, "reporter", username="bob")
    url = f"{DESK}{created['id']}/"
    assert api_client.get(url).status_code == 404  # not even visible to another reporter
    client_for(api_client, "editor")
    assert api_client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("role", "action", "allowed"),
    [
        ("reporter", "submit", True),
        ("reporter", "publish", False),
        ("editor", "publish", True),
        ("photo_editor", "publish", False),
    ],
)
def test_workflow_actions_follow_the_roles(api_client, world, laerke, role, action, allowed):
    author = client_for(api_client, "reporter", username="author")
    created = api_client.post(DESK, story(), format="json").json()
    if role != "reporter":
        client_for(api_client, role, username=f"{role}-user")
    response = api_client.post(f"{DESK}{created['id']}/{action}/", {"note": "ok"}, format="json")
    assert (response.status_code == 200) is allowed, response.json()
    published = ArticleVersion.objects.filter(article_id=created["id"]).exists()
    assert published is (allowed and action == "publish")
    assert author


def test_editor_schedules_withdraws_and_corrects(api_client, world, laerke):
    client_for(api_client, "editor")
    created = api_client.post(DESK, story(), format="json").json()
    url = f"{DESK}{created['id']}/"
    past = (timezone.now() - timedelta(hours=1)).isoformat()
    refused = api_client.post(f"{url}schedule/", {"at": past}, format="json")
    assert refused.status_code == 400
    assert not ArticleVersion.objects.exists()
    assert api_client.post(f"{url}publish/", {}, format="json").status_code == 200
    corrected = api_client.post(
        f"{url}corrections/",
        {"kind": "correction", "text": "An earlier version misspelt a name."},
        format="json",
    )
    assert corrected.status_code == 200, corrected.json()
    public = api_client.get(f"/api/v1/articles/{created['id']}/").json()
    assert public["corrections"][0]["text"] == "An earlier version misspelt a name."
    assert api_client.post(f"{url}withdraw/", {"notice": ""}, format="json").status_code == 400
    withdrawn = api_client.post(
        f"{url}withdraw/", {"notice": "Withdrawn for legal reasons."}, format="json"
    )
    assert withdrawn.status_code == 200
    assert api_client.get(f"/api/v1/articles/{created['id']}/").status_code == 410


def test_ingest_by_external_id_creates_once_then_updates(api_client, world, laerke):
    client_for(api_client, "reporter")
    url = "/api/v1/desk/ingest/afp/NEWSML-123/"
    first = api_client.put(url, story(), format="json")
    assert first.status_code == 201, first.json()
    again = api_client.put(
        url, story(headline="Aid groups warn of famine (updated)"), format="json"
    )
    assert again.status_code == 200, again.json()
    assert Article.objects.count() == 1
    article = Article.objects.get()
    assert (article.external_source, article.external_id) == ("afp", "NEWSML-123")
    assert article.headline.endswith("(updated)")
    other = api_client.put(
        "/api/v1/desk/ingest/reuters/NEWSML-123/", story(slug="other"), format="json"
    )
    assert other.status_code == 201
    assert Article.objects.count() == 2


def test_ingest_leaves_a_story_the_desk_moved_on_alone(api_client, world, laerke):
    client_for(api_client, "editor")
    url = "/api/v1/desk/ingest/afp/NEWSML-9/"
    created = api_client.put(url, story(), format="json").json()
    api_client.post(f"{DESK}{created['id']}/publish/", {}, format="json")
    response = api_client.put(url, story(headline="Rewritten by the wire"), format="json")
    assert response.status_code == 400
    assert Article.objects.get().headline == "Aid groups warn of famine"


def test_preview_link_shows_the_draft_and_nothing_without_it(api_client, world, laerke):
    client_for(api_client, "reporter")
    created = api_client.post(DESK, story(), format="json").json()
    link = api_client.post(f"{DESK}{created['id']}/preview-token/").json()
    api_client.credentials()  # the front-end holds no login, only the link
    preview = api_client.get(link["url"])
    assert preview.status_code == 200
    assert preview.json()["headline"] == "Aid groups warn of famine"
    assert preview["Cache-Control"] == "private, no-store"
    assert api_client.get("/api/v1/previews/forged-token/").status_code == 404
    assert api_client.get(f"/api/v1/articles/{created['id']}/").status_code == 404


def test_preview_link_expires(api_client, world, laerke, settings):
    client_for(api_client, "reporter")
    created = api_client.post(DESK, story(), format="json").json()
    token = api_client.post(f"{DESK}{created['id']}/preview-token/").json()["token"]
    settings.NEWSROOM_PREVIEW_SECONDS = 60
    import time_machine

    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert api_client.get(f"/api/v1/previews/{token}/").status_code == 404
    assert signing.loads(token, salt="newsroom.articles.preview")["article"] == created["id"]


def test_anonymous_reads_are_rate_limited(api_client, seed_article):
    from newsroom.api.throttling import ClientRateThrottle

    original = ClientRateThrottle.THROTTLE_RATES
    # DRF reads the rates once, at import; set them on the class for this test only.
    ClientRateThrottle.THROTTLE_RATES = {**original, "anon": "3/minute"}
    try:
        codes = [api_client.get("/api/v1/sections/").status_code for _ in range(5)]
    finally:
        ClientRateThrottle.THROTTLE_RATES = original
    assert codes[:3] == [200, 200, 200]
    assert codes[3:] == [429, 429]


def test_photo_upload_uses_the_same_roles(api_client):
    from tests.images import uploaded_image

    client_for(api_client, "reporter")
    response = api_client.post(
        "/api/v1/photos/",
        {"image": uploaded_image(width=640, height=480), "credit_creator": "Jane Doe"},
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    assert PhotoFactory._meta.model.objects.count() == 1


# --- Permission before validation (security review, finding 12) ---------------------------
# A refusal for the role must not depend on the input: a 400 "must make a unique set"
# told users who may not write that a draft holds a slug.


@pytest.mark.parametrize("slug", ["aid-groups-warn", "no-such-slug"])
def test_who_may_not_create_is_refused_before_the_slug_is_checked(api_client, world, laerke, slug):
    ArticleFactory(slug="aid-groups-warn", section=world)  # someone's draft
    client_for(api_client, "photo_editor")
    response = api_client.post(DESK, story(slug=slug), format="json")
    assert response.status_code == 403, response.json()
    assert response.json()["error"]["code"] == "permission_denied"
    assert Article.objects.count() == 1


def test_who_may_not_create_is_refused_before_the_body_is_checked(api_client, world):
    client_for(api_client, "photo_editor")
    response = api_client.post(DESK, {"slug": 12, "blocks": "not a list"}, format="json")
    assert response.status_code == 403


def test_who_may_not_edit_is_refused_before_the_slug_is_checked(api_client, world, laerke):
    ArticleFactory(slug="taken-by-a-draft", section=world)
    reporter = client_for(api_client, "reporter")
    mine = ArticleFactory(slug="mine", section=world, created_by=reporter)
    Article.objects.filter(pk=mine.pk).update(status="in_review")  # no longer theirs to edit
    response = api_client.patch(
        f"{DESK}{mine.pk}/", {"slug": "taken-by-a-draft"}, format="json", HTTP_IF_MATCH='"v1"'
    )
    assert response.status_code == 403, response.json()


@pytest.mark.parametrize("existing", ["published", "draft", None])
def test_who_may_not_create_learns_nothing_from_ingest(api_client, world, laerke, existing):
    if existing:
        ArticleFactory(
            slug="wire-story",
            section=world,
            external_source="afp",
            external_id="afp-1",
            status=existing,
        )
    client_for(api_client, "photo_editor")
    response = api_client.put(f"{INGEST}afp/afp-1/", story(slug="wire-story"), format="json")
    assert response.status_code == 403, response.json()


def test_the_write_service_checks_permission_before_the_input(world):
    ArticleFactory(slug="aid-groups-warn", section=world)
    photo_editor = make_user("photo_editor")
    data = {"headline": "H", "slug": "aid-groups-warn", "section": world, "language": "en"}
    with pytest.raises(PermissionDenied):
        writes.article_write(user=photo_editor, data={**data, "blocks": [{"kind": "x"}] * 5_000})
