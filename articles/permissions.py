"""Who may do what to an article: the newsroom's role rules, in one place.

Every entry point (the admin, the write API, management commands) asks these functions;
the workflow services in ``articles.workflow`` ask them too and refuse with
``PermissionDenied``, so hiding a button is never the only guard.

Roles are Django groups holding model permissions (``ROLES`` below), created by a data
migration and by ``manage.py setup_roles``. The rules read permissions, never group
names, so a superuser (who holds every permission) may do everything, and a newsroom
can grant one permission to one person without inventing a role.

- **Reporter**: creates articles, edits their own while they are drafts (not others',
  not once submitted or published, unless an editor returns them), submits them for
  review, uploads photos. Cannot publish.
- **Editor**: edits every article in every state, returns, publishes, schedules,
  embargoes, sets expiry, unpublishes, withdraws, attaches public notes.
- **Photo editor**: manages photos, captions, alt texts, credits and agencies.
"""

from articles.models import ArticleStatus

REPORTER = "Reporter"
EDITOR = "Editor"
PHOTO_EDITOR = "Photo editor"

_WRITE = ["add", "change", "delete", "view"]


def _perms(app_label, model, actions):
    return [f"{app_label}.{action}_{model}" for action in actions]


ROLES = {
    REPORTER: [
        *_perms("articles", "article", _WRITE),
        *_perms("articles", "block", _WRITE),
        *_perms("articles", "quote", _WRITE),
        *_perms("articles", "byline", _WRITE),
        *_perms("articles", "person", ["add", "change", "view"]),
        *_perms("articles", "tag", ["add", "view"]),
        *_perms("articles", "section", ["view"]),
        *_perms("media", "photo", ["add", "view"]),
        *_perms("media", "phototext", ["add", "view"]),
        *_perms("media", "agency", ["view"]),
    ],
    EDITOR: [
        *_perms("articles", "article", _WRITE),
        "articles.edit_any_article",
        "articles.publish_article",
        "articles.withdraw_article",
        "articles.correct_article",
        *_perms("articles", "block", _WRITE),
        *_perms("articles", "quote", _WRITE),
        *_perms("articles", "byline", _WRITE),
        *_perms("articles", "person", _WRITE),
        *_perms("articles", "tag", _WRITE),
        *_perms("articles", "section", _WRITE),
        *_perms("articles", "articleversion", ["view"]),
        *_perms("articles", "correction", ["view"]),
        *_perms("media", "photo", ["add", "view"]),
        *_perms("media", "phototext", ["add", "view"]),
        *_perms("media", "agency", ["view"]),
    ],
    PHOTO_EDITOR: [
        *_perms("media", "photo", _WRITE),
        *_perms("media", "phototext", _WRITE),
        *_perms("media", "agency", _WRITE),
        *_perms("articles", "article", ["view"]),
        *_perms("articles", "section", ["view"]),
        *_perms("articles", "person", ["view"]),
    ],
}


def roles_setup(*, group_model=None, permission_model=None):
    """Create the role groups and give each exactly the permissions in ``ROLES``.

    Idempotent: running it again changes nothing, and puts back a group someone edited
    by hand. The models can be passed in so a data migration can use its historical ones.
    Returns the names of the groups created.
    """
    if group_model is None or permission_model is None:
        from django.contrib.auth.models import Group, Permission

        group_model, permission_model = Group, Permission
    created = []
    for name, perms in ROLES.items():
        group, was_created = group_model.objects.get_or_create(name=name)
        if was_created:
            created.append(name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted.append(
                permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(wanted)
    return created


# --- The rules -----------------------------------------------------------------------------


def _active(user):
    return user is not None and user.is_authenticated and user.is_active


def can_create(user):
    """May ``user`` start a new article?"""
    return _active(user) and user.has_perm("articles.add_article")


def can_edit(user, article):
    """May ``user`` change ``article``'s content (text, blocks, quotes, bylines)?

    Editors edit anything but a withdrawn article; a reporter edits their own drafts.
    A new, unsaved article is editable by whoever may create one.
    """
    if not _active(user):
        return False
    if article.pk is None:
        return can_create(user)
    if article.status == ArticleStatus.WITHDRAWN:
        return False
    if not user.has_perm("articles.change_article"):
        return False
    if user.has_perm("articles.edit_any_article"):
        return True
    return article.created_by_id == user.pk and article.status == ArticleStatus.DRAFT


def can_delete(user, article):
    """May ``user`` delete ``article``? Only what was never published, and only what they
    may edit."""
    return (
        _active(user)
        and user.has_perm("articles.delete_article")
        and article.first_published_at is None
        and can_edit(user, article)
    )


def can_view(user, article=None):
    """May ``user`` read articles in the desk (drafts included)?"""
    return _active(user) and user.has_perm("articles.view_article")


def can_preview(user, article):
    """May ``user`` see the reader's preview of ``article``? Staff who can read it."""
    return _active(user) and user.is_staff and can_view(user, article)


def can_submit(user, article):
    """May ``user`` submit ``article`` for review? Whoever may edit it."""
    return article.pk is not None and can_edit(user, article)


def can_return_to_draft(user, article):
    """May ``user`` send ``article`` back to its reporter? Editors."""
    return _active(user) and user.has_perm("articles.edit_any_article")


def can_publish(user, article=None):
    """May ``user`` publish (or republish) articles?"""
    return _active(user) and user.has_perm("articles.publish_article")


def can_schedule(user, article=None):
    """May ``user`` schedule publication, embargo, or set an expiry?"""
    return can_publish(user, article)


def can_unpublish(user, article=None):
    """May ``user`` take articles off the public API?"""
    return can_publish(user, article)


def can_withdraw(user, article=None):
    """May ``user`` withdraw (kill) a published article, leaving a public notice?"""
    return _active(user) and user.has_perm("articles.withdraw_article")


def can_add_correction(user, article=None):
    """May ``user`` attach a public correction, clarification or update?"""
    return _active(user) and user.has_perm("articles.correct_article")


def can_view_history(user, article):
    """May ``user`` see an article's revisions and their differences?"""
    return can_view(user, article)


def can_restore(user, article):
    """May ``user`` restore an earlier revision of ``article``? Whoever may edit it."""
    return can_edit(user, article)


def can_upload_photos(user):
    """May ``user`` add photos (with their credit and captions)?"""
    return _active(user) and user.has_perm("media.add_photo")


def can_manage_photos(user):
    """May ``user`` change or delete any photo, its captions, alt texts and credits?"""
    return _active(user) and user.has_perm("media.change_photo")
