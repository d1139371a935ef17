"""What a client locked out of logging in is told (django-axes' AXES_LOCKOUT_CALLABLE).

Axes counts failed logins per user and per address (``newsroom.clients``) for the admin
and the API token login alike; past ``LOGIN_FAILURE_LIMIT`` it refuses even the right
password for ``LOGIN_LOCKOUT_MINUTES``, each further failure starting the wait again.
"""

import math

from axes.helpers import get_cool_off
from django.contrib import admin
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from newsroom.api.errors import error_json


def lockout_response(request, original_response=None, credentials=None):
    """Return the 429 for a locked-out login: the API's error shape under /api/, an
    admin page elsewhere; both say when to try again (Retry-After)."""
    seconds = max(1, math.ceil(get_cool_off(request).total_seconds()))
    message = _(
        "Too many failed login attempts for this account or from this address. "
        "Try again in %(minutes)d minutes."
    ) % {"minutes": math.ceil(seconds / 60)}
    if request.path.startswith("/api/"):
        response = HttpResponse(
            error_json(429, "locked_out", message), status=429, content_type="application/json"
        )
    else:
        response = TemplateResponse(
            request,
            "newsroom/login_locked_out.html",
            {**admin.site.each_context(request), "title": _("Log in"), "message": message},
            status=429,
        )
        response.render()
    response["Retry-After"] = str(seconds)
    return response
