from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class SectionQuerySet(models.QuerySet):
    def subtree(self, path):
        """Return the section at ``path`` and every section below it."""
        return self.filter(Q(path=path) | Q(path__startswith=f"{path}/"))

    def get_by_natural_key(self, path):
        return self.get(path=path)


class Section(models.Model):
    """A place in the site's tree of sections: World > Middle East."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent section"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    path = models.CharField(
        _("path"),
        max_length=255,
        editable=False,
        help_text=_("Slugs from the root, joined by slashes: world/middle-east."),
    )
    full_name = models.CharField(
        _("full name"),
        max_length=500,
        editable=False,
        blank=True,
        help_text=_("The names from the root: World > Middle East. Kept by save()."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order among its sibling sections.")
    )
    description = models.TextField(_("description"), blank=True)

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            # Sibling slugs are unique because the path is.
            models.UniqueConstraint(fields=["path"], name="%(app_label)s_%(class)s_unique_path"),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="%(app_label)s_%(class)s_not_own_parent"
            ),
        ]

    def __str__(self):
        return self.full_name or self.name

    def save(self, *args, **kwargs):
        old_path, old_full_name = self.path, self.full_name
        self.path = self.build_path()
        self.full_name = self.build_full_name()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "path", "full_name"}
        with transaction.atomic():
            super().save(*args, **kwargs)
            if old_path and (old_path != self.path or old_full_name != self.full_name):
                self._move_descendants(old_path, old_full_name)

    def clean(self):
        if self.pk and self.parent_id:
            parent = Section.objects.get(pk=self.parent_id)
            if any(section.pk == self.pk for section in parent.ancestors(include_self=True)):
                raise ValidationError(
                    {"parent": _("A section cannot sit inside itself or one of its subsections.")}
                )

    def natural_key(self):
        return (self.path,)

    def build_path(self):
        return f"{self.parent.path}/{self.slug}" if self.parent_id else self.slug

    def build_full_name(self):
        return f"{self.parent.full_name} > {self.name}" if self.parent_id else self.name

    def ancestors(self, include_self=False):
        """Return the sections from the root down to this one's parent (or itself)."""
        chain, seen = [], set()
        node = self if include_self else self.parent
        # ``seen`` stops at a cycle an unsaved edit may have introduced (see ``clean``).
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain[::-1]

    def _move_descendants(self, old_path, old_full_name):
        descendants = list(Section.objects.filter(path__startswith=f"{old_path}/"))
        for section in descendants:
            section.path = f"{self.path}{section.path[len(old_path) :]}"
            if old_full_name and section.full_name.startswith(f"{old_full_name} > "):
                section.full_name = f"{self.full_name}{section.full_name[len(old_full_name) :]}"
        Section.objects.bulk_update(descendants, ["path", "full_name"])
