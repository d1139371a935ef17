from django.urls import path
from rest_framework import permissions, routers
from rest_framework.routers import DefaultRouter

from articles.delivery.api.photos import PhotoViewSet
from articles.delivery.api.previews import PreviewView
from articles.delivery.api.views import (
    ArticleViewSet,
    PersonViewSet,
    QuoteViewSet,
    SectionViewSet,
    TagViewSet,
)
from newsroom.api.http import public_response


class APIRootView(routers.APIRootView):
    """The public API's endpoints. Reading needs no login."""

    permission_classes = [permissions.AllowAny]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            response.render()
            return public_response(
                request, response.content, content_type=response["Content-Type"]
            )
        return response


router = DefaultRouter()
router.APIRootView = APIRootView
router.register("articles", ArticleViewSet, basename="article")
router.register("sections", SectionViewSet, basename="section")
router.register("people", PersonViewSet, basename="person")
router.register("tags", TagViewSet, basename="tag")
router.register("quotes", QuoteViewSet, basename="quote")
router.register("photos", PhotoViewSet, basename="photo")

urlpatterns = [
    *router.urls,
    path("previews/<str:token>/", PreviewView.as_view({"get": "retrieve"}), name="preview"),
]
