"""The role rules: each role against each action, allowed and refused."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from articles.desk import permissions, workflow
from articles.desk.editing import article_save
from articles.desk.permissions import ROLES
from articles.models import Article, ArticleVersion
from tests.desk import make_user
from tests.factories import article_with_body

pytestmark = pytest.mark.django_db

ROLE_NAMES = ["reporter", "editor", "photo_editor", "superuser"]


@pytest.fixture
def users():
    return {role: make_user(role) for role in ROLE_NAMES}


def article_in(state, users, owner="reporter"):
    """An article written by ``owner``, in ``state`` (its status as stored)."""
    return article_with_body(created_by=users[owner] if owner else None, status=state)


# (rule, article owner, article state, {role: allowed})
ARTICLE_RULES = [
    ("can_edit", "reporter", "draft", {"reporter": 1, "editor": 1, "photo_editor": 0}),
    ("can_edit", "editor", "draft", {"reporter": 0, "editor": 1, "photo_editor": 0}),
    ("can_edit", "reporter", "in_review", {"reporter": 0, "editor": 1, "photo_editor": 0}),
    ("can_edit", "reporter", "published", {"reporter": 0, "editor": 1, "photo_editor": 0}),
    ("can_edit", "reporter", "scheduled", {"reporter": 0, "editor": 1, "photo_editor": 0}),
    ("can_edit", "reporter", "withdrawn", {"reporter": 0, "editor": 0, "superuser": 0}),
    ("can_submit", "reporter", "draft", {"reporter": 1, "editor": 1, "photo_editor": 0}),
    ("can_submit", "editor", "draft", {"reporter": 0, "editor": 1, "photo_editor": 0}),
    ("can_return_to_draft", "reporter", "in_review", {"reporter": 0, "editor": 1}),
    ("can_publish", "reporter", "in_review", {"reporter": 0, "editor": 1, "photo_editor": 0}),
    ("can_schedule", "reporter", "in_review", {"reporter": 0, "editor": 1, "photo_editor": 0}),
    ("can_unpublish", "reporter", "published", {"reporter": 0, "editor": 1, "photo_editor": 0}),
    ("can_withdraw", "reporter", "published", {"reporter": 0, "editor": 1, "photo_editor": 0}),
    ("can_add_correction", "reporter", "published", {"reporter": 0, "editor": 1}),
    ("can_delete", "reporter", "draft", {"reporter": 1, "editor": 1, "photo_editor": 0}),
    ("can_delete", "editor", "draft", {"reporter": 0, "editor": 1, "photo_editor": 0}),
    # Reporters read only their own articles; editors and the photo desk every one.
    ("can_view", "reporter", "draft", {"reporter": 1, "editor": 1, "photo_editor": 1}),
    ("can_view", "editor", "draft", {"reporter": 0, "editor": 1, "photo_editor": 1}),
    ("can_view", "editor", "published", {"reporter": 0, "editor": 1, "photo_editor": 1}),
    ("can_view", "reporter", "withdrawn", {"reporter": 1, "editor": 1, "photo_editor": 1}),
    ("can_preview", "editor", "draft", {"reporter": 0, "editor": 1, "photo_editor": 1}),
    ("can_preview", "reporter", "draft", {"reporter": 1, "editor": 1, "photo_editor": 1}),
    ("can_view_history", "editor", "draft", {"reporter": 0, "editor": 1, "photo_editor": 1}),
    ("can_restore", "reporter", "draft", {"reporter": 1, "editor": 1, "photo_editor": 0}),
    ("can_restore", "reporter", "in_review", {"reporter": 0, "editor": 1, "photo_editor": 0}),
]


def _article_cases():
    for rule, owner, state, expected in ARTICLE_RULES:
        expected = {"superuser": 1, **expected}
        for role, allowed in expected.items():
            yield pytest.param(
                rule,
                owner,
                state,
                role,
                bool(allowed),
                id=f"{rule}-{owner}s-{state}-{role}-{'allowed' if allowed else 'refused'}",
            )


@pytest.mark.parametrize(("rule", "owner", "state", "role", "allowed"), list(_article_cases()))
def test_article_rule(users, rule, owner, state, role, allowed):
    article = article_in(state, users, owner)
    assert getattr(permissions, rule)(users[role], article) is allowed


STATES = ["draft", "in_review", "scheduled", "published", "withdrawn"]


@pytest.mark.parametrize(
    ("predicate", "selector"),
    [("can_view", "articles_visible_to"), ("can_edit", "articles_editable_by")],
)
def test_each_selector_admits_exactly_what_its_rule_allows(users, predicate, selector):
    articles = [
        article_in(state, users, owner)
        for state in STATES
        for owner in ("reporter", "editor", None)
    ]
    others = {"someone": make_user("reporter", username="someone")}
    for user in [*users.values(), *others.values(), AnonymousUser()]:
        listed = set(getattr(permissions, selector)(user).values_list("pk", flat=True))
        allowed = {a.pk for a in articles if getattr(permissions, predicate)(user, a)}
        assert listed == allowed, user


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("can_create", {"reporter": 1, "editor": 1, "photo_editor": 0, "superuser": 1}),
        ("can_upload_photos", {"reporter": 1, "editor": 1, "photo_editor": 1, "superuser": 1}),
        ("can_manage_photos", {"reporter": 0, "editor": 0, "photo_editor": 1, "superuser": 1}),
    ],
)
@pytest.mark.parametrize("role", ROLE_NAMES)
def test_user_rule(users, rule, expected, role):
    assert getattr(permissions, rule)(users[role]) is bool(expected[role])


@pytest.mark.parametrize(
    "rule",
    ["can_edit", "can_submit", "can_publish", "can_withdraw", "can_preview", "can_delete"],
)
def test_anonymous_and_inactive_users_may_do_nothing(users, rule):
    article = article_in("draft", users)
    inactive = make_user("superuser", username="gone", is_active=False)
    assert getattr(permissions, rule)(AnonymousUser(), article) is False
    assert getattr(permissions, rule)(inactive, article) is False


def test_reporter_may_edit_again_once_an_editor_returns_the_article(users):
    article = article_in("draft", users)
    workflow.article_submit(article=article, user=users["reporter"])
    article.refresh_from_db()
    assert not permissions.can_edit(users["reporter"], article)
    workflow.article_return_to_draft(article=article, user=users["editor"], note="Add a source")
    article.refresh_from_db()
    assert permissions.can_edit(users["reporter"], article)


def test_a_published_article_can_never_be_deleted_even_by_a_superuser(users):
    article = article_in("draft", users)
    workflow.article_publish(article=article, user=users["editor"])
    article.refresh_from_db()
    assert not permissions.can_delete(users["superuser"], article)


# --- The services enforce the rules themselves ---------------------------------------------

SERVICES = {
    "submit": lambda article, user: workflow.article_submit(article=article, user=user),
    "return": lambda article, user: workflow.article_return_to_draft(article=article, user=user),
    "publish": lambda article, user: workflow.article_publish(article=article, user=user),
    "unpublish": lambda article, user: workflow.article_unpublish(article=article, user=user),
    "withdraw": lambda article, user: workflow.article_withdraw(
        article=article, user=user, notice="Gone."
    ),
    "correct": lambda article, user: workflow.article_add_correction(
        article=article, user=user, kind="correction", text="We misspelt a name."
    ),
}
# The status each service leaves an article in.
AFTER = {
    "submit": "in_review",
    "return": "draft",
    "publish": "published",
    "unpublish": "draft",
    "withdraw": "withdrawn",
    "correct": "published",
}
# (service, state the article is in for the service to be valid, roles refused)
REFUSED = [
    ("submit", "draft", ["photo_editor", "other_reporter"]),
    ("return", "in_review", ["reporter", "photo_editor"]),
    ("publish", "in_review", ["reporter", "photo_editor"]),
    ("unpublish", "published", ["reporter", "photo_editor"]),
    ("withdraw", "published", ["reporter", "photo_editor"]),
    ("correct", "published", ["reporter", "photo_editor"]),
]


def _prepare(state, users):
    article = article_in("draft", users)
    if state == "in_review":
        workflow.article_submit(article=article, user=users["reporter"])
    elif state == "published":
        workflow.article_publish(article=article, user=users["editor"])
    article.refresh_from_db()
    return article


@pytest.mark.parametrize(
    ("service", "state", "role"),
    [(service, state, role) for service, state, roles in REFUSED for role in roles],
)
def test_service_refuses_a_role_without_the_right_and_changes_nothing(users, service, state, role):
    users["other_reporter"] = make_user("reporter", username="other")
    article = _prepare(state, users)
    before = (article.status, article.version, article.transitions.count())
    versions_before = list(ArticleVersion.objects.values_list("pk", "is_live", "withdrawn_at"))
    with pytest.raises(PermissionDenied):
        SERVICES[service](article, users[role])
    article.refresh_from_db()
    assert (article.status, article.version, article.transitions.count()) == before
    assert list(ArticleVersion.objects.values_list("pk", "is_live", "withdrawn_at")) == (
        versions_before
    )


@pytest.mark.parametrize(
    ("service", "state"), [(service, state) for service, state, _roles in REFUSED]
)
@pytest.mark.parametrize("role", ["editor", "superuser"])
def test_service_allows_editors(users, service, state, role):
    article = _prepare(state, users)
    transitions = article.transitions.count()
    SERVICES[service](article, users[role])
    article.refresh_from_db()
    # The move happened: it is logged, by this user, and left the state it says.
    assert article.transitions.count() == transitions + 1
    last = article.transitions.first()
    assert (last.user, last.to_status) == (users[role], article.status)
    assert article.status == AFTER[service]


def test_reporter_cannot_save_someone_elses_draft(users):
    article = article_in("draft", users, owner="editor")
    article.headline = "Hijacked"
    with pytest.raises(PermissionDenied, match="someone else wrote"):
        article_save(article=article, user=users["reporter"], expected_version=article.version)
    assert Article.objects.get(pk=article.pk).headline != "Hijacked"


def test_reporter_cannot_save_a_submitted_article(users):
    article = article_in("in_review", users)
    article.headline = "Sneaky late edit"
    with pytest.raises(PermissionDenied, match="returns it to draft"):
        article_save(article=article, user=users["reporter"], expected_version=article.version)


# --- Roles as groups ---------------------------------------------------------------------------


def test_roles_exist_after_migrations_and_setup_roles_is_idempotent():
    call_command("setup_roles", verbosity=0)
    first = {
        g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()
    }
    reporter = Group.objects.get(name="Reporter")
    reporter.permissions.clear()  # someone tampered with the group by hand
    call_command("setup_roles", verbosity=0)
    second = {
        g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()
    }
    assert first == second
    assert set(first) >= set(ROLES)
    assert Group.objects.filter(name__in=ROLES).count() == len(ROLES)


def test_the_roles_migration_creates_the_groups_from_scratch():
    from importlib import import_module

    from django.apps import apps

    Group.objects.all().delete()
    migration = import_module("articles.migrations.0006_desk_roles")
    migration.create_roles(apps, None)
    assert set(Group.objects.values_list("name", flat=True)) == set(ROLES)
    assert Group.objects.get(name="Editor").permissions.filter(codename="publish_article").exists()
    assert (
        not Group.objects.get(name="Reporter")
        .permissions.filter(codename="publish_article")
        .exists()
    )
