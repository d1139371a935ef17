import uuid

from django.db import models
from django.db.models import F, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.versions import ArticleVersion


class PublicationStateManager(models.Manager):
    def current(self):
        """Return the state row, creating it on first use."""
        state = self.filter(pk=1).first()
        if state is None:
            state, _ = self.get_or_create(pk=1, defaults={"next_change_at": next_change_at()})
        return state

    def bump(self):
        """Record that what the public sees has changed: a new generation, and the next
        moment visibility will change by itself (a schedule, an embargo, an expiry)."""
        self.current()
        self.filter(pk=1).update(generation=F("generation") + 1, next_change_at=next_change_at())


class PublicationState(models.Model):
    """One row saying which generation of public content is current.

    Cached public responses are keyed by it, so a publication anywhere (any process,
    any machine) makes every cached response obsolete at once.
    """

    token = models.UUIDField(default=uuid.uuid4, editable=False)
    generation = models.PositiveBigIntegerField(default=1)
    next_change_at = models.DateTimeField(null=True, blank=True)

    objects = PublicationStateManager()

    class Meta:
        verbose_name = _("publication state")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1), name="%(app_label)s_%(class)s_singleton"
            )
        ]

    def __str__(self):
        return f"generation {self.generation}"

    @property
    def key(self):
        return f"{self.token.hex}:{self.generation}"

    def is_stale(self, at=None):
        return self.next_change_at is not None and self.next_change_at <= (at or timezone.now())


def next_change_at(at=None):
    """Return the next moment any live version appears, disappears or re-renders."""
    at = at or timezone.now()
    live = ArticleVersion.objects.live()
    moments = [
        live.filter(visible_from__gt=at).aggregate(m=Min("visible_from"))["m"],
        live.filter(visible_until__gt=at).aggregate(m=Min("visible_until"))["m"],
        live.filter(rendering_valid_until__gt=at).aggregate(m=Min("rendering_valid_until"))["m"],
    ]
    return min((moment for moment in moments if moment), default=None)


def publication_changed():
    """Bump the publication state, inside the current transaction: the new generation
    becomes visible to every process exactly when the change itself commits."""
    PublicationState.objects.bump()
