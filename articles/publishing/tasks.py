"""Background work of the publishing side, run by the task worker (``db_worker``)."""

from django_tasks import task

from articles.publishing.rendering import versions_rerender


@task()
def rerender_versions(version_ids):
    """Render these live versions again after something they show changed."""
    return versions_rerender(version_ids)
