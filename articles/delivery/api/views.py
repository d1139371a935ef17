import orjson
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import permissions, viewsets
from rest_framework.decorators import action

from articles.delivery import public_reads
from articles.delivery.api import schema
from articles.delivery.api.filters import (
    ArticleFilterSet,
    PersonFilterSet,
    QuoteFilterSet,
    TagFilterSet,
)
from articles.delivery.api.keyset import KeysetPagination
from articles.delivery.api.negotiation import requested_language
from articles.delivery.api.pagination import (
    NameCursorPagination,
    QuoteCursorPagination,
    SearchPagination,
)
from articles.delivery.api.public import PublicReadMixin
from articles.delivery.api.serializers import PersonSerializer, SectionSerializer, TagSerializer
from articles.delivery.api.shaping import (
    DOCUMENT_FIELDS,
    EXPANSIONS,
    TEASER_FIELDS,
    parse_list,
    shape,
)
from articles.delivery.cache import cached_public_response, make_response
from articles.models import ArticleVersion, PublishedQuote, Section
from articles.publishing import version_public_document, versions_refresh_due
from newsroom import jsontext
from newsroom.api import schema as common
from newsroom.api.errors import error_json
from newsroom.api.renderers import JSONRenderer
from newsroom.api.views import StrictQueryParamsMixin
from newsroom.numbers import is_id

# Filters the prepared SQL of articles.public_reads.live_page handles.
PREPARED_FILTERS = {"section", "language", "ordering"}
LIST_COLUMNS = ("article_id", "first_published_at", "changed_at", "rendering_valid_until")


@extend_schema_view(
    list=extend_schema(
        summary="List published articles",
        parameters=[schema.FIELDS, schema.EXPAND, common.CURSOR, common.PAGE_SIZE, common.PAGE],
        responses={
            200: schema.ArticleTeaserSerializer(many=True),
            400: common.ERRORS[400],
        },
    ),
    retrieve=extend_schema(
        summary="One published article",
        parameters=[schema.LOOKUP, schema.FIELDS, schema.EXPAND, common.LANG],
        responses={200: schema.ArticleSerializer, **common.ERRORS, **schema.GONE},
    ),
    ninjs=extend_schema(
        summary="One article in IPTC ninjs 3.1",
        parameters=[schema.LOOKUP, common.LANG],
        responses={
            (200, "application/json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description="A ninjs 3.1 document (see iptc.org/std/ninjs)."
            ),
            **common.ERRORS,
            **schema.GONE,
        },
    ),
    jsonld=extend_schema(
        summary="One article as schema.org NewsArticle JSON-LD",
        parameters=[schema.LOOKUP, common.LANG],
        responses={
            (200, "application/ld+json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description="NewsArticle."
            ),
            **common.ERRORS,
            **schema.GONE,
        },
    ),
)
class ArticleViewSet(StrictQueryParamsMixin, viewsets.GenericViewSet):
    """Published articles. Lists give teasers; a detail gives the whole article.

    Both read the pre-rendered JSON of live published versions, one indexed query
    each, through a shared response cache keyed by the publication generation.
    """

    permission_classes = [permissions.AllowAny]
    # Responses are built as bytes here; the renderer only serves error bodies.
    renderer_classes = [JSONRenderer]
    filterset_class = ArticleFilterSet
    pagination_class = KeysetPagination  # or SearchPagination for q: see paginator
    lookup_field = "lookup"
    lookup_value_regex = "[^/]+"
    extra_query_params = frozenset({"fields", "expand"})
    detail_query_params = frozenset({"lang", "fields", "expand"})

    def get_queryset(self):
        return ArticleVersion.objects.public()

    @property
    def paginator(self):
        if not hasattr(self, "_paginator"):
            searching = bool(self.request.query_params.get("q", "").strip())
            self._paginator = SearchPagination() if searching else KeysetPagination()
        return self._paginator

    # --- Lists --------------------------------------------------------------------------

    def list(self, request, *args, **kwargs):
        return cached_public_response(request, lambda: self.build_list(request))

    def build_list(self, request):
        # Filters apply to all versions; publicity is added where the query is run.
        filterset = DjangoFilterBackend().get_filterset(
            request, ArticleVersion.objects.all(), self
        )
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        fields = parse_list(request, "fields", DOCUMENT_FIELDS)
        expand = parse_list(request, "expand", EXPANSIONS)
        needed = set(fields or ()) | ({"translations", "people"} & set(expand or ()))
        column = "teaser" if needed <= TEASER_FIELDS else "document"
        self.ordering = filterset.get_ordering()
        page = versions_refresh_due(self.page_of(filterset, column))
        texts = [getattr(version, column) for version in page]
        if fields or expand:
            shaped = shape([orjson.loads(text) for text in texts], fields=fields, expand=expand)
            results = shaped
        else:
            results = [orjson.Fragment(text) for text in texts]
        body = jsontext.dumps(
            {
                "next": self.paginator.get_next_link(),
                "previous": self.paginator.get_previous_link(),
                "results": results,
            },
            option=orjson.OPT_UTC_Z,
        )
        keys = ["articles"]
        if section := filterset.form.cleaned_data.get("section"):
            keys.append(f"section-{section.strip('/').replace('/', '--')}")
        last_modified = max((version.changed_at for version in page), default=None)
        return make_response(body, last_modified=last_modified, surrogate_keys=keys)

    def page_of(self, filterset, column):
        """Fetch one page of the filtered versions. The common listings (a section, a
        language, any order) run as prepared SQL; any other filter through the ORM."""

        def queryset():
            return filterset.qs.public().only(*LIST_COLUMNS, column)

        if isinstance(self.paginator, SearchPagination):
            return list(self.paginator.paginate_queryset(queryset(), self.request, self))
        pager = self.paginator.read(self.request, self.ordering)
        cleaned = {name: value for name, value in filterset.form.cleaned_data.items() if value}
        if set(cleaned) <= PREPARED_FILTERS:
            rows = public_reads.live_page(
                column=column,
                ordering=pager.fetch_ordering(),
                boundary=pager.boundary(),
                limit=pager.limit,
                section=cleaned.get("section"),
                language=cleaned.get("language"),
            )
        else:
            rows = pager.filter_queryset(queryset())
        return pager.paginate(rows)

    # --- One article --------------------------------------------------------------------

    def retrieve(self, request, *args, **kwargs):
        fields = parse_list(request, "fields", DOCUMENT_FIELDS)
        expand = parse_list(request, "expand", EXPANSIONS)

        def body(version):
            text = version_public_document(version)
            if text is None or (not fields and not expand):
                return text
            (document,) = shape([orjson.loads(text)], fields=fields, expand=expand)
            return jsontext.dumps(document)

        return self._one(request, body)

    @action(detail=True, url_path="ninjs")
    def ninjs(self, request, *args, **kwargs):
        """The article in IPTC ninjs 3.1."""
        return self._one(request, lambda version: version.ninjs, column="ninjs")

    @action(detail=True, url_path="jsonld")
    def jsonld(self, request, *args, **kwargs):
        """The article as schema.org NewsArticle JSON-LD."""
        return self._one(
            request,
            lambda version: version.jsonld,
            column="jsonld",
            content_type="application/ld+json",
        )

    def _one(self, request, body, *, column="document", content_type="application/json"):
        language, negotiated = requested_language(request)

        def build():
            version = self.find(self.kwargs["lookup"], language, column)
            if version is None:
                return make_response(
                    error_json(404, "not_found", "No published article matches."), status=404
                )
            keys = (f"article-{version.article_id}", "articles")
            if version.withdrawn_at is not None:
                return make_response(withdrawn_json(version), status=410, surrogate_keys=keys)
            text = body(version)
            if text is None:  # taken down while this request was reading it
                return make_response(
                    error_json(404, "not_found", "No published article matches."), status=404
                )
            return make_response(
                text,
                last_modified=version.rendered_at,
                surrogate_keys=keys,
                content_type=content_type,
            )

        vary = ("Accept-Language",) if negotiated else ()
        return cached_public_response(request, build, vary=vary)

    def find(self, lookup, language, column):
        """Find the live version by article id (digits) or slug, then switch to its
        translation in ``language`` when there is one (see articles.public_reads)."""
        return public_reads.live_version(
            lookup,
            language=language,
            default_language=settings.NEWSROOM_DEFAULT_LANGUAGE,
            column=column,
        )


def withdrawn_json(version):
    return jsontext.dumps(
        {
            "error": {
                "status": 410,
                "code": "withdrawn",
                "message": version.withdrawal_notice or "This article has been withdrawn.",
                "id": version.article_id,
                "withdrawn_at": version.withdrawn_at,
            }
        },
        option=orjson.OPT_UTC_Z,
    )


@extend_schema_view(
    list=extend_schema(
        summary="The tree of sections", responses={200: SectionSerializer(many=True)}
    ),
    retrieve=extend_schema(
        summary="One section, by id or path",
        parameters=[
            OpenApiParameter(
                "lookup", OpenApiTypes.STR, OpenApiParameter.PATH, description="Id or path."
            )
        ],
        responses={200: SectionSerializer, **common.ERRORS},
    ),
)
class SectionViewSet(PublicReadMixin, viewsets.ReadOnlyModelViewSet):
    """The tree of sections: roots with their children, or one section by id or path."""

    serializer_class = SectionSerializer
    pagination_class = None
    lookup_field = "lookup"
    lookup_value_regex = r"[a-z0-9][a-z0-9\-/]*"
    surrogate_key = "sections"

    def get_queryset(self):
        return Section.objects.order_by("position", "name")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        children = {}
        for section in self.get_queryset():
            children.setdefault(section.parent_id, []).append(section)
        context["children"] = children
        self._roots = children.get(None, [])
        return context

    def list(self, request, *args, **kwargs):
        def build():
            context = self.get_serializer_context()
            data = SectionSerializer(self._roots, many=True, context=context).data
            return make_response(jsontext.dumps(data), surrogate_keys=["sections"])

        return cached_public_response(request, build)

    def get_object(self):
        lookup = self.kwargs["lookup"].strip("/")
        field = "pk" if is_id(lookup) else "path"
        return get_object_or_404(self.get_queryset(), **{field: lookup})


class PublicEntityMixin(PublicReadMixin):
    """People and tags that appear in at least one article readers can see now."""

    pagination_class = NameCursorPagination
    lookup_field = "lookup"
    lookup_value_regex = "[^/]+"
    relation = ""  # the ArticleVersion many-to-many naming the entity
    through_field = ""  # the entity's column in that relation's table

    def get_queryset(self):
        public = ArticleVersion.objects.public().values("pk")
        through = getattr(ArticleVersion, self.relation).through
        appears = through.objects.filter(
            **{f"{self.through_field}_id": OuterRef("pk"), "articleversion__in": public}
        )
        condition = Exists(appears)
        if self.relation == "people":
            authored = ArticleVersion.authors.through.objects.filter(
                person_id=OuterRef("pk"), articleversion__in=public
            )
            condition |= Exists(authored)
        return self.serializer_class.Meta.model.objects.filter(condition)

    def get_object(self):
        lookup = self.kwargs["lookup"]
        field = "pk" if is_id(lookup) else "slug"
        return get_object_or_404(self.get_queryset(), **{field: lookup})


ENTITY_LOOKUP = OpenApiParameter(
    "lookup", OpenApiTypes.STR, OpenApiParameter.PATH, description="Id or slug."
)


@extend_schema_view(
    list=extend_schema(
        summary="People in published articles",
        responses={200: PersonSerializer(many=True), 400: common.ERRORS[400]},
    ),
    retrieve=extend_schema(
        parameters=[ENTITY_LOOKUP], responses={200: PersonSerializer, **common.ERRORS}
    ),
)
class PersonViewSet(PublicEntityMixin, viewsets.ReadOnlyModelViewSet):
    """People quoted in, written about in, or bylined on published articles."""

    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet
    relation = "people"
    through_field = "person"
    surrogate_key = "people"


@extend_schema_view(
    list=extend_schema(
        summary="Tags of published articles",
        responses={200: TagSerializer(many=True), 400: common.ERRORS[400]},
    ),
    retrieve=extend_schema(
        parameters=[ENTITY_LOOKUP], responses={200: TagSerializer, **common.ERRORS}
    ),
)
class TagViewSet(PublicEntityMixin, viewsets.ReadOnlyModelViewSet):
    """Topics, organisations, places and events of published articles."""

    serializer_class = TagSerializer
    filterset_class = TagFilterSet
    relation = "tags"
    through_field = "tag"
    surrogate_key = "tags"


@extend_schema_view(
    list=extend_schema(
        summary="Quotes in published articles",
        responses={
            200: schema.PublishedQuoteSerializer(many=True),
            400: common.ERRORS[400],
        },
    ),
    retrieve=extend_schema(
        summary="One published quote",
        responses={200: schema.PublishedQuoteSerializer, **common.ERRORS},
    ),
)
class QuoteViewSet(PublicReadMixin, viewsets.ReadOnlyModelViewSet):
    """Quotes as published articles show them, newest first, each with its speaker,
    role and the article it stands in."""

    filterset_class = QuoteFilterSet
    pagination_class = QuoteCursorPagination
    lookup_field = "quote_id"
    lookup_value_regex = "[0-9]+"
    surrogate_key = "quotes"

    def get_queryset(self):
        return PublishedQuote.objects.filter(
            version__in=ArticleVersion.objects.public().values("pk")
        )

    def list(self, request, *args, **kwargs):
        def build():
            queryset = self.filter_queryset(self.get_queryset()).only(
                "id", "first_published_at", "position", "document"
            )
            page = self.paginate_queryset(queryset)
            body = jsontext.dumps(
                {
                    "next": self.paginator.get_next_link(),
                    "previous": self.paginator.get_previous_link(),
                    "results": [orjson.Fragment(quote.document) for quote in page],
                }
            )
            return make_response(body, surrogate_keys=["quotes"])

        return cached_public_response(request, build)

    def retrieve(self, request, *args, **kwargs):
        def build():
            quote = get_object_or_404(
                self.get_queryset().only("document"), quote_id=self.kwargs["quote_id"]
            )
            return make_response(quote.document, surrogate_keys=["quotes"])

        return cached_public_response(request, build)
