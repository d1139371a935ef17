"""Project middleware."""

from csp.middleware import CSPMiddleware


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, for HTML pages: the admin, the preview, the API docs, the
    browsable API, error pages.

    A policy governs documents a browser renders; public reads answer JSON and XML, where
    it would do nothing but cost the time to build it (some 30 µs a response, a tenth of a
    cached read), so they go without. ``X-Content-Type-Options: nosniff`` keeps a browser
    from taking them for HTML.
    """

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        return super().process_response(request, response)
