"""The same wire item delivered many times at once: one article, and every answer a success."""

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from articles.models import Article
from tests.articles.test_api_desk import story
from tests.desk import make_user
from tests.factories import PersonFactory, SectionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent writers need a database server (SQLite serialises them)",
    ),
]

DELIVERIES = 20


def test_concurrent_ingest_of_one_item_answers_success_with_one_article():
    SectionFactory(name="World", slug="world")
    PersonFactory(name="Jens Laerke", slug="jens-laerke")
    editor = make_user("editor")
    start = threading.Barrier(DELIVERIES)
    answers = []

    def deliver():
        client = APIClient(raise_request_exception=False)  # a 500 is an answer too
        client.force_authenticate(editor)
        try:
            start.wait()
            response = client.put("/api/v1/desk/ingest/afp/RACE-1/", story(), format="json")
            body = response.json() if response["Content-Type"] == "application/json" else {}
            answers.append((response.status_code, body.get("id")))
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(DELIVERIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert len(answers) == DELIVERIES
    assert {status for status, _ in answers} <= {200, 201}, answers
    assert [status for status, _ in answers].count(201) == 1
    article = Article.objects.get(external_source="afp", external_id="RACE-1")
    assert {article_id for _, article_id in answers} == {article.pk}
