"""Who may do what to an article: the newsroom's role rules, in one place.

Every entry point (the admin, the write API, management commands, the wire import) asks
these functions; the services in ``articles.workflow``, ``articles.editing`` and
``articles.history`` ask them too and refuse with ``PermissionDenied``, so hiding a
button is never the only guard. Each rule is written here twice, side by side: as a
predicate on one article (``can_view``, ``can_edit``) and as the selector that lists the
articles it admits (``articles_visible_to``, ``articles_editable_by``);
``tests/articles/test_permissions.py`` checks that the two agree for every role and state.

Roles are Django groups holding model permissions (``ROLES`` below), created by data
migrations and by ``manage.py setup_roles``. The rules read permissions, never group
names, so a superuser (who holds every permission) may do everything, and a newsroom
can grant one permission to one person without inventing a role.

- **Reporter**: creates articles and reads only their own; edits their own while they
  are drafts (not once submitted or published, unless an editor returns them), submits
  them for review, uploads photos. Cannot publish. Adds people and tags, and may
  correct a person or tag that no published story shows yet.
- **Editor**: reads and edits every article in every state but withdrawn, returns,
  publishes, schedules, embargoes, sets expiry, unpublishes, withdraws, attaches public
  notes; changes people, tags and sections, even those published stories show (every
  live version showing them is rendered again).
- **Photo editor**: reads every article (to see where photos are used); manages photos,
  captions, alt texts, credits and agencies, whose changes published stories show.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from articles.models import Article, ArticleStatus, ArticleVersion, Person, Tag

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
        # Change: only people no published story shows yet (can_change_shared).
        *_perms("articles", "person", ["add", "change", "view"]),
        *_perms("articles", "tag", ["add", "view"]),
        *_perms("articles", "section", ["view"]),
        *_perms("media", "photo", ["add", "view"]),
        *_perms("media", "phototext", ["add", "view"]),
        *_perms("media", "agency", ["view"]),
    ],
    EDITOR: [
        *_perms("articles", "article", _WRITE),
        "articles.view_any_article",
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
        "articles.view_any_article",
        *_perms("articles", "section", ["view"]),
        *_perms("articles", "person", ["view"]),
    ],
}


def roles_setup(*, group_model=None, permission_model=None, only_existing=False):
    """Create the role groups and give each exactly the permissions in ``ROLES``.

    Idempotent: running it again changes nothing, and puts back a group someone edited
    by hand. The models can be passed in so a data migration can use its historical ones;
    an early migration passes ``only_existing`` to skip permissions its state lacks (a
    later migration grants them). Returns the names of the groups created.
    """
    if group_model is None or permission_model is None:
        group_model, permission_model = Group, Permission
    created = []
    for name, perms in ROLES.items():
        group, was_created = group_model.objects.get_or_create(name=name)
        if was_created:
            created.append(name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            found = permission_model.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if found is None and not only_existing:
                raise permission_model.DoesNotExist(f"No permission {perm}.")
            if found is not None:
                wanted.append(found)
        group.permissions.set(wanted)
    return created


def roles_setup_in_migration(apps):
    """Run ``roles_setup`` from a data migration, with the migration's historical models.

    Permissions are normally created after migrations run (post_migrate): create those
    of the apps the roles use first, then grant what the migration's state has.
    """
    for label in ("articles", "media"):
        app_config = apps.get_app_config(label)
        # create_permissions() skips app configs without a models module, which is how
        # the historical ones look; say there is one for the call.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    return roles_setup(
        group_model=apps.get_model("auth", "Group"),
        permission_model=apps.get_model("auth", "Permission"),
        only_existing=True,
    )


# --- The rules -----------------------------------------------------------------------------


def _active(user):
    return user is not None and user.is_authenticated and user.is_active


def can_create(user):
    """May ``user`` start a new article?"""
    return _active(user) and user.has_perm("articles.add_article")


def can_view(user, article=None):
    """May ``user`` read ``article`` in the desk (drafts included)? Without an article:
    may they read the desk's articles at all (their own, at least)?"""
    if not (_active(user) and user.has_perm("articles.view_article")):
        return False
    if article is None or article.pk is None or user.has_perm("articles.view_any_article"):
        return True
    return article.created_by_id == user.pk


def articles_visible_to(user, articles=None):
    """Return the articles ``user`` may read in the desk: ``can_view`` as a selector."""
    articles = Article.objects.all() if articles is None else articles
    if not (_active(user) and user.has_perm("articles.view_article")):
        return articles.none()
    if user.has_perm("articles.view_any_article"):
        return articles
    return articles.filter(created_by=user)


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


def articles_editable_by(user, articles=None):
    """Return the articles ``user`` may change: ``can_edit`` as a selector (the choices
    offered wherever a user points something at an article)."""
    articles = Article.objects.all() if articles is None else articles
    if not (_active(user) and user.has_perm("articles.change_article")):
        return articles.none()
    if user.has_perm("articles.edit_any_article"):
        return articles.exclude(status=ArticleStatus.WITHDRAWN)
    return articles.filter(created_by=user, status=ArticleStatus.DRAFT)


def can_delete(user, article):
    """May ``user`` delete ``article``? Only what was never published, and only what they
    may edit."""
    return (
        _active(user)
        and user.has_perm("articles.delete_article")
        and article.first_published_at is None
        and can_edit(user, article)
    )


def can_preview(user, article):
    """May ``user`` see the reader's preview of ``article``? Staff who can read it."""
    return _active(user) and user.is_staff and can_view(user, article)


def can_submit(user, article):
    """May ``user`` submit ``article`` for review? Whoever may edit it."""
    return article.pk is not None and can_edit(user, article)


def can_return_to_draft(user, article=None):
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


# --- Shared things: people, tags (sections and agencies follow their model permissions) --


def can_change_shared(user, obj):
    """May ``user`` change the person or tag ``obj`` (``None``: any of that kind)?

    A change to something a published story shows is a change readers see: every live
    version showing it is rendered again. So besides the model permission, changing one
    that a published story shows takes the right to edit any article (editors); a
    reporter may still correct a person or tag they just added. Sections need the
    section permission (editors); photos and agencies the photo desk's.
    """
    if not isinstance(obj, Person | Tag) and obj is not None:
        raise TypeError(f"No shared-thing rule for {type(obj).__name__}.")
    model = obj._meta.model_name if obj is not None else None
    if not _active(user) or (model and not user.has_perm(f"articles.change_{model}")):
        return False
    if obj is None or user.has_perm("articles.edit_any_article"):
        return True
    return not ArticleVersion.objects.showing(obj).exists()


def may_link_translation(user, original):
    """May ``user`` make an article a translation of ``original``? Only of an article
    they can read: the link takes that article's language slot."""
    return original is None or can_view(user, original)
