from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.articles import ArticleStatus


class TransitionAction(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned to draft")
    PUBLISHED = "published", _("Published")
    SCHEDULED = "scheduled", _("Scheduled")
    EMBARGOED = "embargoed", _("Embargo set")
    EMBARGO_LIFTED = "embargo_lifted", _("Embargo lifted")
    EXPIRY_SET = "expiry_set", _("Expiry set")
    EXPIRY_CLEARED = "expiry_cleared", _("Expiry cleared")
    UNPUBLISHED = "unpublished", _("Unpublished")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CORRECTED = "corrected", _("Public note added")
    RESTORED = "restored", _("Earlier revision restored")


class ArticleTransition(models.Model):
    """One step in an article's workflow: who did what, when, from which state to which."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField(_("action"), max_length=20, choices=TransitionAction.choices)
    from_status = models.CharField(
        _("from"), max_length=20, choices=ArticleStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=ArticleStatus.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    note = models.TextField(_("note"), blank=True, help_text=_("For the newsroom; never public."))
    details = models.JSONField(
        _("details"), default=dict, blank=True, help_text=_("E.g. the time scheduled.")
    )

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("workflow event")
        verbose_name_plural = _("workflow events")
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=TransitionAction.values),
                name="%(app_label)s_%(class)s_known_action",
            ),
        ]

    def __str__(self):
        who = self.user or _("someone")
        return f"{self.get_action_display()} by {who} at {self.at:%Y-%m-%d %H:%M}"


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    CLARIFICATION = "clarification", _("Clarification")
    UPDATE = "update", _("Update")


class Correction(models.Model):
    """A typed public note on a published article, shown to readers with its date."""

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        # A note readers have seen is journalism on record.
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=CorrectionKind.choices, default=CorrectionKind.CORRECTION
    )
    text = models.TextField(_("text"), help_text=_("Public: what readers are told."))
    created_at = models.DateTimeField(_("date"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["article", "created_at", "id"]
        verbose_name = _("public note")
        verbose_name_plural = _("public notes")
        constraints = [
            models.CheckConstraint(
                condition=Q(text__gt=""), name="%(app_label)s_%(class)s_has_text"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=CorrectionKind.values),
                name="%(app_label)s_%(class)s_known_kind",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"
