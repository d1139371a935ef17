from rest_framework.routers import DefaultRouter

from articles.api.views import (
    ArticleViewSet,
    PersonViewSet,
    QuoteViewSet,
    SectionViewSet,
    TagViewSet,
)

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("sections", SectionViewSet, basename="section")
router.register("people", PersonViewSet, basename="person")
router.register("tags", TagViewSet, basename="tag")
router.register("quotes", QuoteViewSet, basename="quote")
