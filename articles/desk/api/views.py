"""The write API: the desk's articles, their workflow, ingest and preview tokens.

Every write goes through the same services as the admin (``articles.editing``,
``articles.workflow``), so the role rules and the conflict check are the same.
"""

from django.urls import reverse
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, PermissionDenied, ValidationError
from rest_framework.response import Response

from articles.desk import editing, writes
from articles.desk import permissions as rules
from articles.desk.api.serializers import (
    DeskArticleListSerializer,
    DeskArticleSerializer,
    move_input_serializer,
)
from articles.desk.moves import MOVES
from articles.desk.workflow import article_revoke_previews
from articles.models import Article
from articles.publishing.previews import (
    preview_token,
)
from newsroom.api.pagination import CursorPagination
from newsroom.api.schema import ErrorSerializer
from newsroom.api.views import StrictQueryParamsMixin
from newsroom.numbers import is_whole_number

IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    description='The ETag of the article as you read it ("v12"); or send "version" in the body.',
)
WRITE_ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Invalid input, per field."),
    401: OpenApiResponse(ErrorSerializer, description="Not logged in."),
    403: OpenApiResponse(ErrorSerializer, description="Your role does not allow this."),
    404: OpenApiResponse(ErrorSerializer, description="No such article on the desk."),
}
CONFLICT = {
    409: OpenApiResponse(ErrorSerializer, description="A stale version in the body."),
    412: OpenApiResponse(ErrorSerializer, description="If-Match names a stale version."),
    428: OpenApiResponse(ErrorSerializer, description="Say which version you edited."),
}


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"
    default_detail = "The article changed since you read it."


class PreconditionRequired(APIException):
    status_code = 428
    default_code = "precondition_required"
    default_detail = (
        'Say which version you edited: send If-Match with its ETag, or "version" in the body.'
    )


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "edit_conflict"


class DeskPagination(CursorPagination):
    ordering = ("-updated_at", "-id")


def etag(article):
    return f'"v{article.version}"'


@extend_schema_view(
    list=extend_schema(
        summary="Articles on the desk (drafts included)",
        tags=["desk"],
        responses={200: DeskArticleListSerializer(many=True), **WRITE_ERRORS},
    ),
    retrieve=extend_schema(
        summary="One article as the desk edits it",
        tags=["desk"],
        responses={200: DeskArticleSerializer, **WRITE_ERRORS},
    ),
    create=extend_schema(
        summary="Write a new article",
        tags=["desk"],
        responses={201: DeskArticleSerializer, **WRITE_ERRORS},
    ),
    update=extend_schema(
        summary="Replace an article",
        tags=["desk"],
        parameters=[IF_MATCH],
        responses={200: DeskArticleSerializer, **WRITE_ERRORS, **CONFLICT},
    ),
    partial_update=extend_schema(
        summary="Change part of an article",
        tags=["desk"],
        parameters=[IF_MATCH],
        responses={200: DeskArticleSerializer, **WRITE_ERRORS, **CONFLICT},
    ),
)
class DeskArticleViewSet(
    StrictQueryParamsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The desk's articles. Reporters see and write their own; editors see all.

    Updates state the version they edit (``If-Match: "v12"`` or ``"version": 12``): a
    stale one answers 412 (or 409) and changes nothing. Blocks and quotes sent replace
    the article's; quotes with an ``id`` keep it.
    """

    permission_classes = [permissions.IsAuthenticated]
    pagination_class = DeskPagination

    queryset = Article.objects.none()  # for the schema; get_queryset() decides

    def get_queryset(self):
        user = self.request.user
        if getattr(self, "swagger_fake_view", False):
            return Article.objects.none()
        if not rules.can_view(user):
            raise PermissionDenied("You may not read the desk's articles.")
        articles = Article.objects.select_related("section").with_live_version()
        if self.action != "list":  # one article whole, as the desk edits it
            articles = articles.select_related("updated_by").prefetch_related(
                "tags", "people", "bylines__person", "bylines__agency", "blocks", "quotes__speaker"
            )
        return rules.articles_visible_to(user, articles)

    def get_serializer_class(self):
        return DeskArticleListSerializer if self.action == "list" else DeskArticleSerializer

    def retrieve(self, request, *args, **kwargs):
        article = self.get_object()
        response = Response(self.get_serializer(article).data)
        response["ETag"] = etag(article)
        return response

    def perform_create(self, serializer):
        article = writes.article_write(user=self.request.user, data=serializer.validated_data)
        serializer.instance = self.get_queryset().get(pk=article.pk)

    def create(self, request, *args, **kwargs):
        # The role first: what validation finds (a slug in use) is for those who may write.
        editing.require_write_permission(user=request.user)
        response = super().create(request, *args, **kwargs)
        response["ETag"] = f'"v{response.data["version"]}"'
        response["Location"] = reverse("api:desk-article-detail", args=[response.data["id"]])
        return response

    def update(self, request, *args, **kwargs):
        article = self.get_object()
        editing.require_write_permission(user=request.user, article=article)
        expected, via_header = self.expected_version(request)
        if expected != article.version:
            self.refuse_stale(article, via_header)
        serializer = self.get_serializer(
            article, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        try:
            writes.article_write(
                user=request.user,
                data=serializer.validated_data,
                article=article,
                expected_version=expected,
            )
        except editing.EditConflict as conflict:
            self.refuse_stale(conflict.current, via_header)
        article = self.get_queryset().get(pk=article.pk)
        response = Response(
            DeskArticleSerializer(article, context=self.get_serializer_context()).data
        )
        response["ETag"] = etag(article)
        return response

    def expected_version(self, request):
        header = request.headers.get("If-Match", "").strip()
        if header:
            value = header.removeprefix("W/").strip('"').removeprefix("v")
            if not is_whole_number(value):
                raise ValidationError({"If-Match": ['Send the ETag as read, like "v12".']})
            return int(value), True
        if not isinstance(request.data, dict):
            raise ValidationError({"non_field_errors": ["Send the article as a JSON object."]})
        version = request.data.get("version")
        if version is None:
            raise PreconditionRequired()
        if not is_whole_number(str(version)):
            raise ValidationError({"version": ["A whole number."]})
        return int(version), False

    def refuse_stale(self, current, via_header):
        message = editing.EditConflict(current=current, expected_version=0).messages[0]
        message = message.replace("edit 0", "an older edit")
        raise (PreconditionFailed(message) if via_header else Conflict(message))

    # --- Workflow: one action per move with an api_path (articles.desk.moves) ---------------

    def run_move(self, request, move, serializer_class):
        article = self.get_object()
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        move.run(article=article, user=request.user, **serializer.validated_data)
        article = self.get_queryset().get(pk=article.pk)
        response = Response(
            DeskArticleSerializer(article, context=self.get_serializer_context()).data
        )
        response["ETag"] = etag(article)
        return response

    @extend_schema(
        request=None,
        responses={201: OpenApiResponse(description="token, url and expires_at"), **WRITE_ERRORS},
        tags=["desk"],
    )
    @action(detail=True, methods=["post"], url_path="preview-token")
    def preview_token(self, request, pk=None):
        """A signed, expiring link with which a front-end fetches the draft as it would be
        published, through the public API's rendering."""
        article = self.get_object()
        if not rules.can_view(request.user, article):
            raise PermissionDenied("You may not preview this article.")
        token, expires_at = preview_token(article)
        url = request.build_absolute_uri(reverse("api:preview", args=[token]))
        return Response(
            {"token": token, "url": url, "expires_at": expires_at}, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        request=None,
        responses={
            204: OpenApiResponse(description="Every link made so far is revoked."),
            **WRITE_ERRORS,
        },
        tags=["desk"],
    )
    @action(detail=True, methods=["post"], url_path="revoke-previews")
    def revoke_previews(self, request, pk=None):
        """Make every preview link of this article issued so far stop working."""
        article_revoke_previews(article=self.get_object(), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _move_action(move):
    """The desk API action for ``move``: POST its inputs, get the article back."""
    serializer_class = move_input_serializer(move)

    def handler(self, request, pk=None):
        return self.run_move(request, move, serializer_class)

    handler.__name__ = move.api_path.replace("-", "_")  # the action's name and URL name
    handler.__doc__ = move.api_summary
    handler = action(detail=True, methods=["post"], url_path=move.api_path)(handler)
    return extend_schema(
        request=serializer_class,
        responses={200: DeskArticleSerializer, **WRITE_ERRORS},
        tags=["desk"],
        summary=move.api_summary,
    )(handler)


for _move in MOVES.values():
    if _move.api_path:
        _handler = _move_action(_move)
        setattr(DeskArticleViewSet, _handler.__name__, _handler)


class IngestView(StrictQueryParamsMixin, viewsets.ViewSet):
    """Idempotent ingest: ``PUT /api/v1/desk/ingest/<source>/<external id>/`` creates
    the story the first time and updates that same draft every later time."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=DeskArticleSerializer,
        responses={200: DeskArticleSerializer, 201: DeskArticleSerializer, **WRITE_ERRORS},
        tags=["desk"],
        summary="Create or update a wire story by its external id",
    )
    def update(self, request, source, external_id):
        # Who may not write learns nothing, not even whether the wire's id is known.
        editing.require_write_permission(user=request.user)
        serializer = self.validated(request, source, external_id)
        article, created = writes.article_ingest(
            user=request.user,
            source=source,
            external_id=external_id,
            data=serializer.validated_data,
        )
        article = Article.objects.get(pk=article.pk)
        response = Response(
            DeskArticleSerializer(article, context={"request": request}).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )
        response["ETag"] = etag(article)
        return response

    def validated(self, request, source, external_id):
        """Validate the item against the article it updates. When the same item arrives
        twice at once, the second may be checked before the first is saved and then
        clash with it (its slug): check it again, as the update it now is."""
        stored = Article.objects.filter(external_source=source, external_id=external_id)
        context = {"request": request}
        existing = stored.first()
        if existing is not None:
            editing.require_write_permission(user=request.user, article=existing)
        serializer = DeskArticleSerializer(existing, data=request.data, context=context)
        if not serializer.is_valid() and existing is None:
            existing = stored.first()
            if existing is not None:  # created meanwhile: now an update
                editing.require_write_permission(user=request.user, article=existing)
                serializer = DeskArticleSerializer(existing, data=request.data, context=context)
        serializer.is_valid(raise_exception=True)
        return serializer


__all__ = ["DeskArticleViewSet", "IngestView"]
