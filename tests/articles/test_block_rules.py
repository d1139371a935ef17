"""What a block's kind needs is written once (Block.content_problems / Block.clean) and
said alike by the admin's form, the write API and the write service."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.desk.writes import article_write
from articles.models import Block, BlockKind
from tests.articles.test_admin_desk import form_data
from tests.desk import make_user
from tests.factories import SectionFactory, article_with_body

pytestmark = pytest.mark.django_db

# (kind and fields of a broken block, the field named, the message)
BROKEN = [
    ({"kind": "list", "items": []}, "items", "A list needs items."),
    ({"kind": "paragraph", "text": "  "}, "text", "A Paragraph needs text."),
    ({"kind": "embed", "url": ""}, "url", "Give the address of what to embed."),
    ({"kind": "photo"}, "photo", "Choose or upload the photo."),
]


@pytest.mark.parametrize(("block", "field", "message"), BROKEN)
def test_the_model_states_the_rule(block, field, message):
    assert Block(**block).content_problems() == {field: message}


@pytest.mark.parametrize(("block", "field", "message"), BROKEN)
def test_the_write_api_says_it_per_field(api_client, block, field, message):
    SectionFactory(slug="world")
    api_client.force_authenticate(make_user("editor"))
    response = api_client.post(
        "/api/v1/desk/articles/",
        {"headline": "H", "slug": "h", "section": "world", "blocks": [block]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["blocks"] == [f"0: {field}: {message}"]


@pytest.mark.parametrize(("block", "field", "message"), BROKEN)
def test_the_write_service_refuses_it_for_any_caller(block, field, message):
    section = SectionFactory(slug="world")
    data = {"headline": "H", "slug": "h", "section": section, "blocks": [block]}
    with pytest.raises(ValidationError) as refused:
        article_write(user=make_user("editor"), data=data)
    assert refused.value.message_dict["blocks"] == [f"0: {field}: {message}"]


def test_the_admin_form_says_it_on_the_field(client):
    editor = make_user("editor")
    article = article_with_body(created_by=editor)
    client.force_login(editor)
    data = form_data(client.get(reverse("admin:articles_article_change", args=[article.pk])))
    total = int(data["blocks-TOTAL_FORMS"])
    data.update(
        {
            "blocks-TOTAL_FORMS": str(total + 1),
            f"blocks-{total}-kind": BlockKind.LIST,
            f"blocks-{total}-items": "",
            f"blocks-{total}-text": "not used",
            f"blocks-{total}-level": "2",
            f"blocks-{total}-ORDER": str(total + 1),
        }
    )
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 200
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "blocks"
    )
    assert formset.forms[total].errors["items"] == ["A list needs items."]
    assert article.blocks.count() == total
