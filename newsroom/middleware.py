"""Project middleware: refusing text no database can store (``StorableTextMiddleware``),
and the Content-Security-Policy of HTML pages (``ContentSecurityPolicyMiddleware``).

``StorableTextMiddleware`` refuses requests whose address or headers carry text no
database can store, before any view, authentication or session looks something up by
them. Every path segment, query parameter and several headers end up in queries (an article's
slug, a section's path, an admin search, a token, a session key); one carrying NUL makes
PostgreSQL's driver fail with a server error. No address of ours contains one, and HTTP
forbids it in header values (RFC 9110, 5.5; gunicorn refuses those itself, other servers
may not), so the request is a 400 naming where it was found, whatever view it was meant
for. The checks are a few substring scans; the query string is decoded only to name the
parameter of a refusal.
"""

from csp.middleware import CSPMiddleware
from django.http import HttpResponseBadRequest, JsonResponse

from newsroom.text import is_storable, unstorable_reason


class StorableTextMiddleware:
    """A 400 naming where a request carries text no database can store (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problems = self.problems(request)
        if problems:
            return self.refuse(request, problems)
        return self.get_response(request)

    @staticmethod
    def problems(request):
        """Return {where: [reason]} for each part of the request that cannot be stored."""
        problems = {}
        if not is_storable(request.path):
            problems["path"] = [str(unstorable_reason(request.path))]
        query = request.META.get("QUERY_STRING", "")
        # Surrogates cannot come from a query string (Django decodes it with replacement
        # characters); NUL comes percent-encoded or, from a lax client, raw.
        if "%00" in query or "\x00" in query:
            for name, values in request.GET.lists():
                for text in (name, *values):
                    if not is_storable(text):
                        where = name if is_storable(name) else "query"
                        problems[where] = [str(unstorable_reason(text))]
        for key, value in request.META.items():
            if key.startswith("HTTP_") and isinstance(value, str) and "\x00" in value:
                header = key[5:].replace("_", "-").title()
                problems[header] = [str(unstorable_reason(value))]
        return problems

    @staticmethod
    def refuse(request, problems):
        names = ", ".join(sorted(problems))
        if request.path_info.startswith("/api/"):
            body = {
                "error": {
                    "status": 400,
                    "code": "invalid",
                    "message": f"Invalid input: {names}.",
                    "fields": problems,
                }
            }
            return JsonResponse(body, status=400)
        return HttpResponseBadRequest(f"Invalid request: {names}.", content_type="text/plain")


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
