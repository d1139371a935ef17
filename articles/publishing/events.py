"""What happened to a publication, announced once the change has committed.

Receivers (webhooks, a CDN purge) connect to ``article_event``; the publishing and
workflow services call ``announce``. Events: ``article.published`` (first time live),
``article.updated`` (a new version replaced a live one), ``article.unpublished``,
``article.withdrawn``.
"""

from django.db import transaction
from django.dispatch import Signal

PUBLISHED = "article.published"
UPDATED = "article.updated"
UNPUBLISHED = "article.unpublished"
WITHDRAWN = "article.withdrawn"
EVENTS = (PUBLISHED, UPDATED, UNPUBLISHED, WITHDRAWN)

# Sent with: event (one of EVENTS), version (the ArticleVersion concerned, live or
# just taken down), previous (the version it replaced, or None).
article_event = Signal()


def announce(event, *, version, previous=None):
    """Send ``article_event`` after the current transaction commits (never if it rolls
    back), so receivers only ever hear of changes readers can see."""
    transaction.on_commit(
        lambda: article_event.send(
            sender=type(version), event=event, version=version, previous=previous
        )
    )
