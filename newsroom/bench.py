"""The benchmark's ceiling: a bare Django view returning a constant JSON body.

Wired only when ``NEWSROOM_BENCH_CEILING_FILE`` names a file (bench/api.py does this):
the same middleware, the same server, no framework, no database.
"""

from pathlib import Path

from django.conf import settings
from django.http import HttpResponse


def ceiling(request):
    return HttpResponse(_body(), content_type="application/json")


def _body(cache={}):  # noqa: B006  (one read per process, on purpose)
    if "body" not in cache:
        cache["body"] = Path(settings.NEWSROOM_BENCH_CEILING_FILE).read_bytes()
    return cache["body"]
