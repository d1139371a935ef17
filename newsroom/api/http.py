"""HTTP behaviour of public reads: validators, conditional requests, CDN headers."""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date


def etag_for(body):
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def public_response(
    request,
    body,
    *,
    etag=None,
    last_modified=None,
    surrogate_keys=(),
    status=200,
    content_type="application/json",
    max_age=None,
    vary=(),
):
    """Return a response with ETag, Last-Modified, Cache-Control and Surrogate-Key,
    or a 304 when the client's copy is current.

    ``max_age`` caps the configured lifetimes, so nothing is cached past the moment
    a schedule or expiry changes what readers may see.
    """
    etag = etag or etag_for(body)
    if status == 200:
        not_modified = get_conditional_response(
            request,
            etag=etag,
            last_modified=int(last_modified.timestamp()) if last_modified else None,
        )
        if not_modified is not None:
            return _decorate(not_modified, etag, last_modified, surrogate_keys, max_age, vary)
    response = HttpResponse(body, status=status, content_type=content_type)
    return _decorate(response, etag, last_modified, surrogate_keys, max_age, vary)


def _decorate(response, etag, last_modified, surrogate_keys, max_age, vary):
    browser = settings.NEWSROOM_HTTP_MAX_AGE
    shared = settings.NEWSROOM_HTTP_SHARED_MAX_AGE
    if max_age is not None:
        browser, shared = min(browser, max_age), min(shared, max_age)
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    response["Cache-Control"] = f"public, max-age={browser}, s-maxage={shared}"
    if surrogate_keys:
        # Fastly reads Surrogate-Key, Cloudflare Cache-Tag; both purge by these names.
        keys = " ".join(surrogate_keys)
        response["Surrogate-Key"] = keys
        response["Cache-Tag"] = keys.replace(" ", ",")
    if vary:
        response["Vary"] = ", ".join(vary)
    return response
