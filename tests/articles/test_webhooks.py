"""Webhooks, against a real HTTP receiver on 127.0.0.1."""

import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.utils import timezone

from articles.desk.workflow import article_withdraw
from articles.models import DeliveryStatus, WebhookDelivery, WebhookSubscriber
from articles.publishing import version_publish, version_unpublish
from articles.webhooks.delivery import MAX_ATTEMPTS, deliver_due, sign, verify_signature
from tests.desk import make_user
from tests.factories import article_with_body

pytestmark = pytest.mark.django_db(transaction=True)


class Receiver:
    """A little HTTP server that records what it is sent and answers as told."""

    def __init__(self):
        self.requests = []
        self.answers = []  # status codes to give, in order; then 200
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"headers": dict(self.headers), "body": body})
                status = receiver.answers.pop(0) if receiver.answers else 200
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def events(self):
        return [json.loads(request["body"])["event"] for request in self.requests]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def subscriber(receiver):
    return WebhookSubscriber.objects.create(name="Front-end", url=receiver.url)


def test_publish_sends_a_signed_event_to_the_subscriber(receiver, subscriber):
    article = article_with_body(headline="First")
    version = version_publish(article=article)
    assert receiver.events() == ["article.published"]
    request = receiver.requests[0]
    headers = request["headers"]
    assert verify_signature(
        subscriber.secret,
        headers["X-Newsroom-Timestamp"],
        request["body"],
        headers["X-Newsroom-Signature"],
    )
    payload = json.loads(request["body"])
    assert payload["article"]["id"] == article.pk
    assert payload["version"]["id"] == version.pk
    assert payload["version"]["number"] == 1
    assert payload["previous_version"] is None
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert delivery.last_status_code == 200


def test_republish_unpublish_and_withdraw_carry_previous_version_and_changes(receiver, subscriber):
    article = article_with_body(headline="First")
    first = version_publish(article=article)
    article.refresh_from_db()
    article.headline = "Second"
    article.save()
    second = version_publish(article=article)
    payload = json.loads(receiver.requests[1]["body"])
    assert payload["event"] == "article.updated"
    assert payload["previous_version"]["id"] == first.pk
    assert payload["version"]["id"] == second.pk
    assert payload["changes"] == ["headline"]
    version_unpublish(article=article)
    version_publish(article=article)
    editor = make_user("editor")
    article.refresh_from_db()
    article_withdraw(article=article, user=editor, notice="Withdrawn: unreliable source.")
    assert receiver.events() == [
        "article.published",
        "article.updated",
        "article.unpublished",
        "article.published",
        "article.withdrawn",
    ]
    assert json.loads(receiver.requests[-1]["body"])["notice"] == "Withdrawn: unreliable source."


def test_failures_are_retried_with_backoff_then_delivered(receiver, subscriber):
    receiver.answers = [500, 503]
    start = timezone.now()
    version_publish(article=article_with_body())
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, 500)
    assert timedelta(seconds=25) < delivery.next_attempt_at - start < timedelta(seconds=40)
    assert deliver_due() == 0  # not due yet
    with time_machine.travel(start + timedelta(seconds=31)):
        assert deliver_due() == 1
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.last_status_code) == (2, 503)
    assert delivery.next_attempt_at - start > timedelta(minutes=2)  # the wait grows
    with time_machine.travel(start + timedelta(minutes=3)):
        deliver_due()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert len(receiver.requests) == 3


def test_gives_up_after_the_last_attempt(receiver, subscriber):
    receiver.answers = [500] * MAX_ATTEMPTS
    start = timezone.now()
    version_publish(article=article_with_body())
    with time_machine.travel(start + timedelta(days=1)):
        for _ in range(MAX_ATTEMPTS):
            deliver_due(at=timezone.now() + timedelta(days=1))
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == MAX_ATTEMPTS
    assert len(receiver.requests) == MAX_ATTEMPTS


def test_unreachable_subscriber_is_recorded_not_raised(subscriber):
    subscriber.url = "http://127.0.0.1:9/nothing-listens-here/"
    subscriber.save()
    version_publish(article=article_with_body())
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.last_error


def test_subscribers_get_only_the_events_they_chose(receiver, subscriber):
    subscriber.events = ["article.withdrawn"]
    subscriber.save()
    WebhookSubscriber.objects.create(name="Off", url=receiver.url, is_active=False)
    version_publish(article=article_with_body())
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_publishing_never_waits_for_the_subscriber(receiver, subscriber, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    version_publish(article=article_with_body())
    assert receiver.requests == []  # queued for the worker, not sent in the request
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.attempts == 0


def test_signature_check_refuses_forgery_and_replay():
    body = b'{"event": "article.published"}'
    now = int(time.time())
    signature = sign("s3cret", str(now), body)
    assert verify_signature("s3cret", str(now), body, signature)
    assert not verify_signature("other", str(now), body, signature)
    assert not verify_signature("s3cret", str(now), body + b" ", signature)
    assert not verify_signature(
        "s3cret", str(now - 3600), body, sign("s3cret", str(now - 3600), body)
    )
    assert not verify_signature("s3cret", "not-a-time", body, signature)


def test_reading_the_delivery_log_does_not_allow_sending_again(client, subscriber):
    delivery = WebhookDelivery.objects.create(
        subscriber=subscriber,
        event="article.published",
        payload={"event": "article.published"},
        status=DeliveryStatus.FAILED,
        attempts=MAX_ATTEMPTS,
    )
    reader = make_user("editor", username="log-reader")
    reader.user_permissions.add(Permission.objects.get(codename="view_webhookdelivery"))
    client.force_login(reader)
    url = "/admin/articles/webhookdelivery/"
    assert client.get(url).status_code == 200
    client.post(url, {"action": "send_again", "_selected_action": [delivery.pk]})
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, MAX_ATTEMPTS)
