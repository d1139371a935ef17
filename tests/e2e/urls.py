"""The project's URLs plus uploaded media, for the browser tests' live server (which,
like production, does not serve media itself)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from newsroom.urls import handler404, handler500, urlpatterns


def media(request, path):
    # MEDIA_ROOT is per test: read it at request time.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", media), *urlpatterns]

__all__ = ["handler404", "handler500", "urlpatterns"]
