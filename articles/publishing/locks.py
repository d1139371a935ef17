"""The lock every publication move and every render of an article takes first."""

from django.db import transaction

from articles.models import Article


def article_lock(article):
    """Lock ``article`` and the other articles of its translation family, in id order,
    for the current transaction; return ``article`` fresh from the database.

    Every publication move and every render takes this lock, so they run one after the
    other. Locking the whole family in one order lets two translations be published at
    once without deadlocking (publishing one re-renders the others).
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("article_lock() must run inside transaction.atomic().")
    root_id = (
        Article.objects.filter(pk=article.pk).values_list("translation_of_id", flat=True).first()
        or article.pk
    )
    family = Article.objects.filter(pk=root_id) | Article.objects.filter(translation_of_id=root_id)
    list(family.select_for_update().order_by("pk").values_list("pk", flat=True))
    return Article.objects.select_for_update().get(pk=article.pk)
