"""Background work for the publishing side, run by the task worker (``db_worker``)."""

from django_tasks import task


@task()
def deliver_webhook(delivery_id):
    """Send one webhook delivery (retries schedule themselves)."""
    from articles.webhooks.delivery import deliver

    delivery = deliver(delivery_id)
    return delivery.status if delivery else None


@task()
def rerender_versions(version_ids):
    """Render these live versions again after something they show changed."""
    from articles.publishing import versions_rerender

    return versions_rerender(version_ids)
