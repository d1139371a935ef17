"""The write API's representation of an article: editorial content, drafts included."""

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.serializers import as_serializer_error

from articles import limits
from articles.desk.editing import ARTICLE_FIELDS
from articles.desk.permissions import articles_visible_to
from articles.desk.workflow import desk_state
from articles.models import Article, Block, BlockKind, Person, Quote, Section, Tag
from media.models import Agency, Photo
from newsroom.api.fields import CharField, SlugRelatedField
from newsroom.languages import validate_content_language

BLOCK_DEFAULTS = {
    **{
        name: Block._meta.get_field(name).get_default()
        for name in Block.CONTENT_FIELDS
        if name != "kind"
    },
    "quote": None,
}
QUOTE_DEFAULTS = {
    "speaker_role": "",
    "said_on": None,
    "said_where": "",
    "block": None,
    "offset": None,
}


class WholeItemSerializer(serializers.Serializer):
    """An item of one of an article's lists (a block, a quote), always written whole: in a
    PATCH of the article, DRF skips missing fields everywhere, and a block without its
    kind would reach the service."""

    def validate(self, data):
        missing = {
            name: [_("This field is required.")]
            for name, field in self.fields.items()
            if field.required and not field.read_only and name not in data
        }
        if missing:
            raise serializers.ValidationError(missing)
        return data


class DeskBlockSerializer(WholeItemSerializer):
    kind = serializers.ChoiceField(choices=BlockKind.choices)
    text = CharField(
        required=False, allow_blank=True, default="", max_length=limits.MAX_BLOCK_TEXT
    )
    anchor = serializers.SlugField(required=False, allow_blank=True, default="", max_length=100)
    level = serializers.IntegerField(required=False, default=2, min_value=2, max_value=4)
    photo = serializers.PrimaryKeyRelatedField(
        queryset=Photo.objects.all(), required=False, allow_null=True, default=None
    )
    quote = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        help_text="Pull quotes: the index of the quote in this request's quotes.",
    )
    items = serializers.ListField(
        child=CharField(max_length=limits.MAX_LIST_ITEM_TEXT),
        required=False,
        default=list,
        max_length=limits.MAX_LIST_ITEMS,
    )
    url = serializers.URLField(required=False, allow_blank=True, default="")

    def validate(self, block):
        # A PATCH skips field defaults; a block is always whole, so restore them.
        block = {**BLOCK_DEFAULTS, **super().validate(block)}
        fields = {name: block[name] for name in Block.CONTENT_FIELDS}
        # The rules are the model's (Block.content_problems); here they are only said per
        # field. The pull quote is an index into this request's quotes.
        problems = Block(**fields).content_problems(has_quote=block["quote"] is not None)
        if problems:
            raise serializers.ValidationError(problems)
        return block


class DeskQuoteSerializer(WholeItemSerializer):
    id = serializers.IntegerField(
        required=False, help_text="Keep this existing quote (its public id stays)."
    )
    text = CharField(max_length=limits.MAX_QUOTE_TEXT)
    speaker = SlugRelatedField(slug_field="slug", queryset=Person.objects.all())
    speaker_role = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=300
    )
    language = serializers.CharField(required=False, max_length=10)
    said_on = serializers.DateField(required=False, allow_null=True, default=None)
    said_where = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=200
    )
    block = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        help_text="The index, in blocks, of the paragraph the words stand in.",
    )
    offset = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        help_text="Where the words begin in that paragraph's text.",
    )

    def validate_language(self, value):
        return validate_content_language(value)

    def validate(self, quote):
        return {**QUOTE_DEFAULTS, **super().validate(quote)}


class DeskBylineSerializer(serializers.Serializer):
    person = SlugRelatedField(
        slug_field="slug", queryset=Person.objects.all(), required=False, allow_null=True
    )
    agency = SlugRelatedField(
        slug_field="slug", queryset=Agency.objects.all(), required=False, allow_null=True
    )

    def validate(self, byline):
        if bool(byline.get("person")) == bool(byline.get("agency")):
            raise serializers.ValidationError(_("A byline names either a person or an agency."))
        return byline


class DeskArticleSerializer(serializers.ModelSerializer):
    """An article as the desk edits it. Workflow fields are read-only here: they change
    through the workflow actions (submit, publish, schedule...)."""

    section = SlugRelatedField(slug_field="path", queryset=Section.objects.all())
    tags = SlugRelatedField(
        slug_field="slug", queryset=Tag.objects.all(), many=True, required=False
    )
    people = SlugRelatedField(
        slug_field="slug", queryset=Person.objects.all(), many=True, required=False
    )
    # Written as sent; read back with indexes instead of ids (see to_representation).
    bylines = DeskBylineSerializer(many=True, required=False, write_only=True)
    blocks = DeskBlockSerializer(many=True, required=False, write_only=True)
    quotes = DeskQuoteSerializer(many=True, required=False, write_only=True)
    state_label = serializers.SerializerMethodField(help_text="What the desk sees now.")
    updated_by = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id",
            "version",
            "status",
            "state_label",
            *ARTICLE_FIELDS,  # what articles.desk.writes.article_write writes
            "tags",
            "people",
            "bylines",
            "blocks",
            "quotes",
            "external_source",
            "external_id",
            "embargo_until",
            "expires_at",
            "first_published_at",
            "published_at",
            "created_at",
            "updated_at",
            "updated_by",
        ]
        read_only_fields = [
            "version",
            "status",
            "external_source",
            "external_id",
            "embargo_until",
            "expires_at",
            "first_published_at",
            "published_at",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {"dek": {"max_length": limits.MAX_DEK}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and "translation_of" in self.fields:
            # An article one cannot read does not exist here: same answer as a wrong id.
            self.fields["translation_of"].queryset = articles_visible_to(request.user)

    def get_state_label(self, article) -> str:
        return desk_state(article)

    def to_internal_value(self, data):
        # The limits first, on the request as sent: validating 100,000 blocks (a query
        # per photo, a query per speaker) before refusing them is the cost they guard.
        try:
            limits.check_article(data)
        except DjangoValidationError as error:
            raise serializers.ValidationError(as_serializer_error(error)) from None
        return super().to_internal_value(data)

    def validate_language(self, value):
        return validate_content_language(value)

    def get_updated_by(self, article) -> str | None:
        user = article.updated_by
        return (user.get_full_name() or user.get_username()) if user else None

    def to_representation(self, article):
        data = super().to_representation(article)
        blocks = sorted(article.blocks.all(), key=lambda block: block.position)
        index = {block.pk: position for position, block in enumerate(blocks)}
        quotes = list(article.quotes.all())
        quote_index = {quote.pk: position for position, quote in enumerate(quotes)}
        data["bylines"] = [
            {
                "person": b.person.slug if b.person_id else None,
                "agency": b.agency.slug if b.agency_id else None,
            }
            for b in sorted(article.bylines.all(), key=lambda b: b.position)
        ]
        data["blocks"] = [
            {
                "kind": block.kind,
                "text": block.text,
                "anchor": block.anchor,
                "level": block.level,
                "photo": block.photo_id,
                "quote": quote_index.get(block.quote_id),
                "items": block.items,
                "url": block.url,
            }
            for block in blocks
        ]
        data["quotes"] = [
            {
                "id": quote.pk,
                "text": quote.text,
                "speaker": quote.speaker.slug,
                "speaker_role": quote.speaker_role,
                "language": quote.language,
                "said_on": quote.said_on,
                "said_where": quote.said_where,
                "block": index.get(quote.block_id),
                "offset": quote.offset,
            }
            for quote in quotes
        ]
        return data

    def validate(self, data):
        blocks, quotes = data.get("blocks"), data.get("quotes")
        if blocks is not None:
            for position, block in enumerate(blocks):
                if block["quote"] is not None and (
                    quotes is None or block["quote"] >= len(quotes)
                ):
                    raise serializers.ValidationError(
                        {"blocks": {position: {"quote": [_("No quote has this index.")]}}}
                    )
        if quotes is not None:
            self._validate_placement(blocks, quotes)
        if self.instance is None and "language" not in data:
            data["language"] = settings.NEWSROOM_DEFAULT_LANGUAGE
        return data

    def _validate_placement(self, blocks, quotes):
        errors = {}
        for position, quote in enumerate(quotes):
            if quote["block"] is None:
                continue
            if blocks is None or quote["block"] >= len(blocks):
                errors[position] = {"block": [_("No block has this index in this request.")]}
                continue
            # The rule is the model's (Quote.clean), on the body as it will be saved.
            block = Block(kind=blocks[quote["block"]]["kind"], text=blocks[quote["block"]]["text"])
            block.normalise(set())
            placed = Quote(text=quote["text"], block=block, offset=quote["offset"] or 0)
            try:
                placed.clean()
            except DjangoValidationError as error:
                errors[position] = error.message_dict
        if errors:
            raise serializers.ValidationError({"quotes": errors})


class DeskArticleListSerializer(serializers.ModelSerializer):
    section = serializers.SlugRelatedField(slug_field="path", read_only=True)
    state_label = serializers.SerializerMethodField(help_text="What the desk sees now.")

    class Meta:
        model = Article
        fields = [
            "id",
            "version",
            "status",
            "state_label",
            "language",
            "headline",
            "slug",
            "section",
            "updated_at",
        ]

    def get_state_label(self, article) -> str:
        return desk_state(article)


# Lengths the inputs of moves may have (articles.desk.moves.Input names).
INPUT_LENGTHS = {"note": 2000, "notice": 2000, "text": 4000}


def move_input_serializer(move):
    """The serializer of what move ``move`` (``articles.desk.moves.Move``) takes, built
    from its declared inputs: one class per move, named for the OpenAPI schema."""
    fields = {}
    for item in move.inputs:
        options = {"help_text": str(item.help or item.label)}
        if item.kind == "datetime":
            options["help_text"] += " (with a time zone)"
            field = serializers.DateTimeField(allow_null=item.nullable, **options)
        elif item.kind == "choice":
            field = serializers.ChoiceField(
                choices=[value for value, _ in item.choices], **options
            )
        elif item.required:
            field = serializers.CharField(max_length=INPUT_LENGTHS.get(item.name, 2000), **options)
        else:
            field = serializers.CharField(
                required=False,
                allow_blank=True,
                default="",
                max_length=INPUT_LENGTHS.get(item.name, 2000),
                **options,
            )
        fields[item.name] = field
    name = "".join(part.title() for part in move.name.split("_")) + "MoveSerializer"
    return type(name, (serializers.Serializer,), fields)


__all__ = [
    "DeskArticleListSerializer",
    "DeskArticleSerializer",
    "move_input_serializer",
]
