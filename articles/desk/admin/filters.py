"""Filters of the desk's article list."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles.models import ArticleStatus


class DeskStateFilter(admin.SimpleListFilter):
    """Filter by the state the desk sees now, computed from the live version's window."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Draft")),
            ("in_review", _("In review")),
            ("waiting", _("Scheduled or embargoed")),
            ("public", _("Public now")),
            ("expired", _("Expired")),
            ("withdrawn", _("Withdrawn")),
        ]

    def queryset(self, request, queryset):
        selectors = {
            "draft": lambda: queryset.filter(status=ArticleStatus.DRAFT),
            "in_review": lambda: queryset.filter(status=ArticleStatus.IN_REVIEW),
            "waiting": queryset.waiting,
            "public": queryset.public_now,
            "expired": queryset.expired,
            "withdrawn": queryset.withdrawn,
        }
        selector = selectors.get(self.value())
        return selector() if selector else queryset
