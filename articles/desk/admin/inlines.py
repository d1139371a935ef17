"""The parts of an article edited on its page: body blocks, quotes, bylines."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.desk import permissions
from articles.desk.admin.forms import (
    BlockForm,
    BlockFormSet,
    BylineFormSet,
    QuoteForm,
    QuoteFormSet,
)
from articles.models import Block, Byline, Quote


class ArticlePartInline:
    """Inlines of an article follow the article's own rule: whoever may edit it."""

    def has_add_permission(self, request, obj=None):
        if obj is None or obj.pk is None:
            return permissions.can_create(request.user)
        return permissions.can_edit(request.user, obj)

    def has_change_permission(self, request, obj=None):
        if obj is None or obj.pk is None:
            return permissions.can_create(request.user)
        return permissions.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_view_permission(self, request, obj=None):
        return permissions.can_view(request.user)


class BylineInline(ArticlePartInline, admin.TabularInline):
    model = Byline
    formset = BylineFormSet
    extra = 0
    autocomplete_fields = ["person", "agency"]
    fields = ["position", "person", "agency"]
    verbose_name = _("byline")
    verbose_name_plural = _("Bylines: the reporters (or the agency) the story is by")


class BlockInline(ArticlePartInline, admin.StackedInline):
    model = Block
    form = BlockForm
    formset = BlockFormSet
    extra = 0
    autocomplete_fields = ["photo", "quote"]
    fields = ["kind", "text", "anchor", "level", "photo", "quote", "items", "url"]
    verbose_name = _("body block")
    verbose_name_plural = _("Body: paragraphs, subheadings, photos, quotes, lists, embeds")
    classes = ["desk-body"]

    def get_formset(self, request, obj=None, **kwargs):
        # ORDER lets editors rearrange the body; the page turns it into up/down buttons.
        kwargs["can_order"] = True
        return super().get_formset(request, obj, **kwargs)


class QuoteInline(ArticlePartInline, admin.StackedInline):
    model = Quote
    form = QuoteForm
    formset = QuoteFormSet
    fk_name = "article"
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = [
        "text",
        ("speaker", "speaker_role"),
        ("block", "offset"),
        ("language", "said_on", "said_where"),
    ]
    verbose_name = _("quote")
    verbose_name_plural = _("Quotes: who said what (pick or create the speaker)")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "block":
            object_id = request.resolver_match.kwargs.get("object_id")
            field.queryset = field.queryset.filter(
                article_id=unquote(object_id) if object_id else None,
                kind=models.Value("paragraph"),
            )
            field.label = _("in paragraph")
            field.help_text = _("Where the words appear (save the body first).")
        return field
