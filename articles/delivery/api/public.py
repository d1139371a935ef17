import orjson
from rest_framework import permissions

from articles.delivery.cache import cached_public_response, make_response
from newsroom import jsontext
from newsroom.api.views import StrictQueryParamsMixin


class PublicReadMixin(StrictQueryParamsMixin):
    """Public, read-only, cached endpoints with validators and surrogate keys.

    The response body is built by the viewset's usual ``list``/``retrieve`` and kept
    in the shared response cache until the next publication.
    """

    permission_classes = [permissions.AllowAny]
    surrogate_key = ""

    def list(self, request, *args, **kwargs):
        def build():
            return self._cacheable(super(PublicReadMixin, self).list(request, *args, **kwargs))

        return cached_public_response(request, build)

    def retrieve(self, request, *args, **kwargs):
        def build():
            return self._cacheable(super(PublicReadMixin, self).retrieve(request, *args, **kwargs))

        return cached_public_response(request, build)

    def _cacheable(self, response):
        body = jsontext.dumps(response.data, option=orjson.OPT_UTC_Z | orjson.OPT_NON_STR_KEYS)
        return make_response(
            body, status=response.status_code, surrogate_keys=[self.surrogate_key]
        )
