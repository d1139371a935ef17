"""Forms of the editorial desk's admin pages."""

from django import forms
from django.db import transaction
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from articles import limits
from articles.desk.editing import EditConflict, article_claim
from articles.desk.moves import MOVES
from articles.models import Article, Block, BlockKind
from articles.models.blocks import anchor_clashes, heading_anchor
from articles.sanitize import plain_text
from newsroom.languages import language_choices

# Moves blocks out of the way while the body is renumbered (positions are unique).
POSITION_SHIFT = 1_000_000


class ArticleAdminForm(forms.ModelForm):
    """The article form, carrying the edit version it was opened at."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "headline",
            "kicker",
            "dek",
            "slug",
            "section",
            "lead_photo",
            "dateline",
            "source",
            "tags",
            "people",
            "language",
            "translation_of",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if problem := limits.dek_problem(cleaned.get("dek")):
            self.add_error("dek", problem)
        for name in ("tags", "people"):
            chosen = cleaned.get(name)
            if chosen is not None and (problem := limits.count_problem(name, len(chosen))):
                self.add_error(name, problem)
        if self.instance.pk:
            expected = cleaned.get("expected_version")
            try:
                # Inside the admin's transaction this also locks the row until the save.
                with transaction.atomic():
                    article_claim(
                        article=self.instance,
                        expected_version=expected if expected is not None else -1,
                    )
            except EditConflict as conflict:
                raise forms.ValidationError(conflict.messages, code="edit_conflict") from None
        return cleaned


class LinesField(forms.CharField):
    """A list of strings edited as one item per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        return [line.strip() for line in value.splitlines() if line.strip()]

    def has_changed(self, initial, data):
        return self.to_python(self.prepare_value(initial) or "") != self.to_python(data or "")


class BlockForm(forms.ModelForm):
    items = LinesField(label=_("list items"), required=False, help_text=_("One item per line."))
    # Django 6 assumes https for scheme-less URLs; say so now rather than rely on a default.
    url = forms.URLField(label=_("embed URL"), required=False, assume_scheme="https")

    class Meta:
        model = Block
        fields = ["kind", "text", "anchor", "level", "photo", "quote", "items", "url"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "class": "desk-text"})}

    def __init__(self, *args, taken_anchors=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.taken_anchors = taken_anchors if taken_anchors is not None else set()
        self.fields["anchor"].help_text = _("Subheadings: the link target; made from the text.")

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == BlockKind.HEADING and not cleaned.get("anchor"):
            # Made here rather than in Block.save so the form's checks see it.
            taken = self.taken_anchors - {self.instance.anchor}
            cleaned["anchor"] = heading_anchor(plain_text(cleaned.get("text") or ""), taken)
        if cleaned.get("anchor"):
            self.taken_anchors.add(cleaned["anchor"])
        # Only the fields of the chosen kind count; the others may hold leftovers from
        # switching kinds, which must not break the block's constraints.
        if kind != BlockKind.PHOTO:
            cleaned["photo"] = None
        if kind != BlockKind.QUOTE:
            cleaned["quote"] = None
        # What each kind needs is the model's rule (Block.clean), run after this.
        problems = limits.block_problems(
            text=cleaned.get("text") or "", items=cleaned.get("items") or ()
        )
        for field, problem in problems.items():
            self.add_error(field, problem)
        return cleaned


class LimitedInlineFormSet(BaseInlineFormSet):
    """The parts of an article (``limit``: a list of ``articles.limits.COUNTS``), no
    more of them than the write service takes."""

    limit = ""

    def kept_forms(self):
        """The forms whose parts the article will have once saved."""
        return [
            form
            for form in self.forms
            if not self._should_delete_form(form)
            and (form.instance.pk is not None or form.has_changed())
        ]

    def clean(self):
        super().clean()
        if problem := limits.count_problem(self.limit, len(self.kept_forms())):
            raise forms.ValidationError(problem, code="too_many")


class QuoteFormSet(LimitedInlineFormSet):
    limit = "quotes"


class BylineFormSet(LimitedInlineFormSet):
    limit = "bylines"


class BlockFormSet(LimitedInlineFormSet):
    """The body: blocks in the order the editor arranged them (the ORDER field, which the
    page's up/down buttons maintain), numbered 0, 1, 2... when saved."""

    limit = "blocks"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.taken_anchors = set()
        if self.instance.pk:
            self.taken_anchors.update(
                Block.objects.filter(article=self.instance)
                .exclude(anchor="")
                .values_list("anchor", flat=True)
            )

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "taken_anchors": self.taken_anchors}

    def clean(self):
        super().clean()
        kept = [form for form in self.kept_forms() if hasattr(form, "cleaned_data")]
        anchors = [form.cleaned_data.get("anchor") or "" for form in kept]
        clashes = anchor_clashes(anchors)
        if clashes:
            raise forms.ValidationError(
                _("Two blocks of the body have the anchor “%(anchor)s”; anchors must differ.")
                % {"anchor": anchors[clashes[0]]},
                code="anchor_clash",
            )

    def save(self, commit=True):
        ordered = [form for form in self.ordered_forms if form.instance is not None]
        for index, form in enumerate(ordered):
            form.instance.position = index
        if commit and self.instance.pk:
            # Move every block out of the way first, one by one so that the unique
            # positions never clash, then let each take its new place.
            for offset, block_id in enumerate(
                Block.objects.filter(article=self.instance).values_list("pk", flat=True)
            ):
                Block.objects.filter(pk=block_id).update(position=POSITION_SHIFT + offset)
        saved = super().save(commit)
        if commit:
            for form in ordered:
                if form.instance.pk and not form.has_changed():
                    Block.objects.filter(pk=form.instance.pk).update(
                        position=form.instance.position
                    )
        return saved


class QuoteForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        if problem := limits.quote_problem(cleaned.get("text")):
            self.add_error("text", problem)
        block, text = cleaned.get("block"), cleaned.get("text")
        if block is not None and text and cleaned.get("offset") is None:
            offset = plain_text(block.text).find(text)
            if offset < 0:
                self.add_error(
                    "block", _("This paragraph does not contain the quoted words as typed.")
                )
            else:
                cleaned["offset"] = offset
        return cleaned


DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _input_field(item):
    """The form field for a move's input (``articles.desk.moves.Input``)."""
    if item.kind == "datetime":
        return forms.DateTimeField(required=False, widget=DATETIME_WIDGET, label=item.label)
    if item.kind == "choice":
        return forms.ChoiceField(required=False, choices=item.choices, label=item.label)
    widget = forms.Textarea if item.kind == "longtext" else forms.TextInput
    return forms.CharField(required=False, widget=widget, label=item.label)


class WorkflowForm(forms.Form):
    """What a move's form on the article page sends: the move and its inputs, as
    ``articles.desk.moves.MOVES`` declares them."""

    action = forms.ChoiceField(choices=[(move.name, move.label) for move in MOVES.values()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for move in MOVES.values():
            for item in move.inputs:
                self.fields.setdefault(item.name, _input_field(item))

    def clean(self):
        cleaned = super().clean()
        move = MOVES.get(cleaned.get("action"))
        if move is None:
            return cleaned
        for item in move.inputs:
            if item.required and cleaned.get(item.name) in (None, ""):
                needed = (
                    _("Give the date and time.")
                    if item.kind == "datetime"
                    else _("Fill in “%(what)s”.") % {"what": item.label}
                )
                self.add_error(item.name, needed)
        # Only the chosen move's inputs go on to its service.
        return {"action": move.name, **{item.name: cleaned.get(item.name) for item in move.inputs}}


class TranslateForm(forms.Form):
    language = forms.ChoiceField(label=_("Translate into"))

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        taken = set(article.translation_family().values_list("language", flat=True))
        self.fields["language"].choices = [
            (code, name) for code, name in language_choices() if code not in taken
        ]
