from django.urls import path
from rest_framework.routers import SimpleRouter

from articles.desk.api.views import DeskArticleViewSet, IngestView

router = SimpleRouter()
router.register("desk/articles", DeskArticleViewSet, basename="desk-article")

urlpatterns = [
    *router.urls,
    path(
        "desk/ingest/<slug:source>/<str:external_id>/",
        IngestView.as_view({"put": "update"}),
        name="desk-ingest",
    ),
]
