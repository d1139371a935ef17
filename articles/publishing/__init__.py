"""The publishing side: the one writer of published versions.

``services`` publishes, unpublishes, withdraws and moves visibility windows;
``rendering`` renders live versions again; ``locks`` is the lock both take;
``snapshots`` freezes an article and renders its public JSON; ``formats`` turns that
into ninjs and JSON-LD; ``events`` announces what readers can now see; ``previews``
makes signed preview links; ``signals`` and ``tasks`` render again what a shared change
touches. The services are re-exported here: ``from articles.publishing import
version_publish``.
"""

from articles.publishing.locks import article_lock
from articles.publishing.rendering import (
    RENDERED_COLUMNS,
    version_prepare,
    version_public_document,
    version_render,
    versions_refresh_due,
    versions_rerender,
    versions_rerender_family,
    versions_write_relations,
)
from articles.publishing.services import (
    KEEP,
    publication_problems,
    publication_state_refresh,
    version_before_load,
    version_complete_loaded,
    version_publish,
    version_set_window,
    version_unpublish,
    version_withdraw,
    versions_publish_archive,
)

__all__ = [
    "KEEP",
    "RENDERED_COLUMNS",
    "article_lock",
    "publication_problems",
    "publication_state_refresh",
    "version_before_load",
    "version_complete_loaded",
    "version_prepare",
    "version_public_document",
    "version_publish",
    "version_render",
    "version_set_window",
    "version_unpublish",
    "version_withdraw",
    "versions_publish_archive",
    "versions_refresh_due",
    "versions_rerender",
    "versions_rerender_family",
    "versions_write_relations",
]
