"""Filters of the desk's article list."""

from django.contrib import admin
from django.contrib.admin.views.main import ERROR_FLAG
from django.http import HttpResponseRedirect
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


class DateHierarchyBoundsMixin:
    """Refuse a date-hierarchy year no date can have (``?at__year=99999999999``), which
    Django's changelist turns into a server error, the way it refuses any other bad
    lookup: back to the list with ``?e=1``."""

    def changelist_view(self, request, extra_context=None):
        field = self.date_hierarchy
        year = request.GET.get(f"{field}__year") if field else None
        if year is not None and not (year.isdigit() and 1 <= int(year) <= 9999):
            return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")
        return super().changelist_view(request, extra_context)
