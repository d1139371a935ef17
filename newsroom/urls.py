from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from articles.api.urls import router as articles_router
from media.api.urls import router as media_router

api_v1 = [*articles_router.urls, *media_router.urls]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include((api_v1, "api"))),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "newsroom.api.errors.page_not_found"
handler500 = "newsroom.api.errors.server_error"
