"""Signed webhooks: tell subscribers when publications change, and keep trying.

Each event becomes one ``WebhookDelivery`` per interested subscriber, sent by a
background task (django-tasks; ``manage.py db_worker``) so no editor waits for a
partner's server. A request carries:

    X-Newsroom-Event: article.updated
    X-Newsroom-Delivery: <delivery id>
    X-Newsroom-Timestamp: <unix seconds>
    X-Newsroom-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the secret>

Receivers recompute the signature (``verify_signature``) and refuse old timestamps, so
a captured request cannot be replayed later. Failures (no answer, or not 2xx) are
retried with exponential backoff: 30 s, 2 min, 8 min, 32 min, about 2 h, then given up
after 6 attempts; ``manage.py send_webhooks`` sends whatever is due (cron-safe).
"""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from datetime import timedelta

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task as background_task

from articles.models import DeliveryStatus, WebhookDelivery, WebhookSubscriber
from articles.publishing import events

MAX_ATTEMPTS = 6
FIRST_RETRY = timedelta(seconds=30)
TIMEOUT_SECONDS = 10
REPLAY_TOLERANCE_SECONDS = 300


def event_payload(event, version, previous=None):
    """Return the JSON body of ``event``: the article, its current and previous published
    versions, and which parts changed between them."""
    article_document = json.loads(version.document) if version.document else {}
    payload = {
        "event": event,
        "occurred_at": timezone.now().isoformat(),
        "article": {
            "id": version.article_id,
            "language": version.language,
            "slug": version.slug,
            "headline": version.headline,
            "api_url": article_document.get("api_url"),
            "web_url": version.web_url,
        },
        "version": _version_facts(version),
        "previous_version": _version_facts(previous) if previous else None,
        "changes": changed_parts(previous, version) if previous else [],
    }
    if event == events.WITHDRAWN:
        payload["notice"] = version.withdrawal_notice
    return payload


def _version_facts(version):
    return {
        "id": version.pk,
        "number": version.number,
        "visible_from": version.visible_from.isoformat(),
        "visible_until": version.visible_until.isoformat() if version.visible_until else None,
    }


def changed_parts(previous, version):
    """Name the parts of the frozen content that differ between two versions."""
    before, after = previous.content or {}, version.content or {}
    keys = sorted(set(before) | set(after) - {"schema", "id"})
    return [
        key.removesuffix("_id").removesuffix("_ids")
        for key in keys
        if before.get(key) != after.get(key)
    ]


def sign(secret, timestamp, body):
    message = f"{timestamp}.".encode() + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify_signature(secret, timestamp, body, signature, *, now=None):
    """Check a received webhook: True only for a valid signature on a recent timestamp."""
    now = time.time() if now is None else now
    try:
        fresh = abs(now - int(timestamp)) <= REPLAY_TOLERANCE_SECONDS
    except (TypeError, ValueError):
        return False
    return fresh and hmac.compare_digest(sign(secret, timestamp, body), signature or "")


@receiver(events.article_event, dispatch_uid="articles_webhooks_queue")
def queue_deliveries(sender, event, version, previous=None, **kwargs):
    """Record a delivery for every subscriber who wants ``event``, and queue it."""
    payload = event_payload(event, version, previous)
    now = timezone.now()
    deliveries = [
        WebhookDelivery.objects.create(
            subscriber=subscriber, event=event, payload=payload, next_attempt_at=now
        )
        for subscriber in WebhookSubscriber.objects.filter(is_active=True)
        if subscriber.wants(event)
    ]
    for delivery in deliveries:
        enqueue(delivery)


def enqueue(delivery, run_after=None):
    task = deliver_webhook
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # left for `manage.py send_webhooks` to pick up when due
        task = task.using(run_after=run_after)
    transaction.on_commit(lambda: task.enqueue(delivery.pk))


def deliver(delivery_id):
    """Send one delivery now; record the outcome and schedule a retry on failure."""
    delivery = WebhookDelivery.objects.select_related("subscriber").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != DeliveryStatus.PENDING:
        return delivery
    body = json.dumps({"id": delivery.pk, **delivery.payload}, sort_keys=True).encode()
    timestamp = str(int(time.time()))
    # The URL is an http(s) URL by the model's validator; admins register subscribers.
    request = urllib.request.Request(  # noqa: S310
        delivery.subscriber.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Newsroom-Webhooks/1",
            "X-Newsroom-Event": delivery.event,
            "X-Newsroom-Delivery": str(delivery.pk),
            "X-Newsroom-Timestamp": timestamp,
            "X-Newsroom-Signature": sign(delivery.subscriber.secret, timestamp, body),
        },
    )
    delivery.attempts += 1
    status_code, error = None, ""
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            status_code = response.status
    except urllib.error.HTTPError as failure:
        status_code, error = failure.code, f"HTTP {failure.code}"
    except (urllib.error.URLError, TimeoutError, OSError) as failure:
        error = str(getattr(failure, "reason", failure))
    delivery.last_status_code = status_code
    delivery.last_error = error
    if status_code is not None and 200 <= status_code < 300:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.next_attempt_at = None
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
        delivery.next_attempt_at = None
    else:
        delivery.next_attempt_at = timezone.now() + FIRST_RETRY * 4 ** (delivery.attempts - 1)
    # Only what sending changed: an editor's "send again" may have touched the row.
    delivery.save(
        update_fields=[
            "attempts",
            "last_status_code",
            "last_error",
            "status",
            "delivered_at",
            "next_attempt_at",
        ]
    )
    if delivery.status == DeliveryStatus.PENDING:
        enqueue(delivery, run_after=delivery.next_attempt_at)
    return delivery


def deliver_due(*, at=None):
    """Send every pending delivery whose time has come. Returns how many were tried."""
    at = at or timezone.now()
    due = WebhookDelivery.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=at)
    ids = list(due.order_by("next_attempt_at").values_list("pk", flat=True))
    for delivery_id in ids:
        deliver(delivery_id)
    return len(ids)


@background_task()
def deliver_webhook(delivery_id):
    """Send one webhook delivery, in the task worker (retries schedule themselves)."""
    delivery = deliver(delivery_id)
    return delivery.status if delivery else None
