from rest_framework import permissions, routers
from rest_framework.routers import DefaultRouter

from articles.api.views import (
    ArticleViewSet,
    PersonViewSet,
    QuoteViewSet,
    SectionViewSet,
    TagViewSet,
)


class APIRootView(routers.APIRootView):
    """The public API's endpoints. Reading needs no login."""

    permission_classes = [permissions.AllowAny]


router = DefaultRouter()
router.APIRootView = APIRootView
router.register("articles", ArticleViewSet, basename="article")
router.register("sections", SectionViewSet, basename="section")
router.register("people", PersonViewSet, basename="person")
router.register("tags", TagViewSet, basename="tag")
router.register("quotes", QuoteViewSet, basename="quote")
