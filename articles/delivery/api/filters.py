import django_filters
from django import forms
from django.core.validators import RegexValidator, validate_slug
from django.db.models import Exists, OuterRef
from django_filters.fields import IsoDateTimeField
from rest_framework.exceptions import ValidationError

from articles.delivery.search import search
from articles.models import ArticleVersion, Person, PublishedQuote, Tag, TagKind
from newsroom.dates import as_utc
from newsroom.languages import language_choices
from newsroom.numbers import MAX_ID

section_path_validator = RegexValidator(
    r"^/?[-a-zA-Z0-9_]+(/[-a-zA-Z0-9_]+)*/?$",
    "A section path is slugs joined by slashes, like world/middle-east.",
)


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time, converted to UTC: every database takes it, whatever
    offset the client wrote (PostgreSQL refuses offsets beyond 15:59), and one UTC
    cannot hold (before year 1 or after 9999 there) is refused, naming the range."""

    def clean(self, value):
        value = super().clean(value)
        if value is None:
            return None
        try:
            return as_utc(value)
        except ValueError as error:
            raise forms.ValidationError(str(error), code="out_of_range") from None


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class IdFilter(django_filters.NumberFilter):
    """A row id: a whole number from 1 to what a bigint holds. (NumberFilter's own is an
    unbounded Decimal, which SQLite cannot bind beyond 64 bits.)"""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


# ?ordering= value -> (model fields, in order), for cursor pages and relevance.
ORDERINGS = {
    "-published_at": ("-first_published_at", "-article_id"),
    "published_at": ("first_published_at", "article_id"),
    "-updated_at": ("-changed_at", "-article_id"),
    "updated_at": ("changed_at", "article_id"),
    "relevance": ("-rank", "-first_published_at", "-article_id"),
}


class ArticleFilterSet(django_filters.FilterSet):
    """Filters over published versions. Every value is validated: a bad one is a 400
    naming the parameter, never an unfiltered archive."""

    q = django_filters.CharFilter(
        method="filter_search",
        max_length=200,
        help_text="Full-text search in headline, dek and body.",
    )
    language = django_filters.ChoiceFilter(choices=language_choices, help_text="Content language.")
    section = django_filters.CharFilter(
        method="filter_section",
        max_length=255,
        validators=[section_path_validator],
        help_text="A section path (world/middle-east); includes its subsections.",
    )
    tag = django_filters.CharFilter(
        field_name="tags__slug", validators=[validate_slug], help_text="A tag's slug."
    )
    person = django_filters.CharFilter(
        field_name="people__slug",
        validators=[validate_slug],
        help_text="A person's slug: quoted in the article or written about.",
    )
    author = django_filters.CharFilter(
        method="filter_author",
        validators=[validate_slug],
        help_text="The slug of a bylined person or agency.",
    )
    published_after = UtcDateTimeFilter(
        field_name="first_published_at",
        lookup_expr="gte",
        help_text="First published at or after.",
    )
    published_before = UtcDateTimeFilter(
        field_name="first_published_at", lookup_expr="lt", help_text="First published before."
    )
    updated_after = UtcDateTimeFilter(
        field_name="changed_at", lookup_expr="gte", help_text="Changed at or after."
    )
    updated_before = UtcDateTimeFilter(
        field_name="changed_at", lookup_expr="lt", help_text="Changed before."
    )
    updated_since = UtcDateTimeFilter(
        field_name="changed_at",
        lookup_expr="gte",
        help_text="For sync clients: all changed since this time (use ordering=updated_at).",
    )
    ordering = django_filters.ChoiceFilter(
        choices=[(key, key) for key in ORDERINGS],
        method="filter_ordering",
        help_text="Order of results; default -published_at, or relevance when searching.",
    )

    class Meta:
        model = ArticleVersion
        fields = []

    def filter_search(self, queryset, name, value):
        language = self.form.cleaned_data.get("language")
        return search(queryset, value, languages=[language] if language else None)

    def filter_section(self, queryset, name, value):
        return queryset.in_section(value)

    def filter_author(self, queryset, name, value):
        authors = ArticleVersion.authors.through.objects.filter(
            articleversion_id=OuterRef("pk"), person__slug=value
        )
        agencies = ArticleVersion.author_agencies.through.objects.filter(
            articleversion_id=OuterRef("pk"), agency__slug=value
        )
        return queryset.filter(Exists(authors) | Exists(agencies))

    def filter_ordering(self, queryset, name, value):
        return queryset  # applied by the paginator, which needs to know it

    def get_ordering(self):
        """Return the model ordering the request asked for (validated)."""
        cleaned = self.form.cleaned_data
        if cleaned.get("ordering") == "relevance" and not cleaned.get("q"):
            raise ValidationError({"ordering": ["Ordering by relevance needs a search (q)."]})
        key = cleaned.get("ordering") or ("relevance" if cleaned.get("q") else "-published_at")
        return ORDERINGS[key]


class PersonFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", max_length=100)

    class Meta:
        model = Person
        fields = []


class TagFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=TagKind.choices)
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", max_length=100)

    class Meta:
        model = Tag
        fields = []


class QuoteFilterSet(django_filters.FilterSet):
    speaker = django_filters.CharFilter(
        field_name="speaker__slug", help_text="The speaker's slug."
    )
    article = IdFilter(field_name="version__article_id", help_text="An article id.")
    language = django_filters.ChoiceFilter(choices=language_choices)
    q = django_filters.CharFilter(field_name="text", lookup_expr="icontains", max_length=200)

    class Meta:
        model = PublishedQuote
        fields = []
