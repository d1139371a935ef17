"""API tokens in the admin: who holds one, since and until when; revoke by deleting."""

from django.contrib import admin
from knox.admin import AuthTokenAdmin
from knox.models import AuthToken

admin.site.unregister(AuthToken)


@admin.register(AuthToken)
class APITokenAdmin(AuthTokenAdmin):
    # The stored digest means nothing to a reader; the key's first characters (stored
    # as they are, for look-up) tell a holder which of their tokens is which.
    list_display = ("user", "token_key", "created", "expiry")
    list_filter = ("expiry",)
    date_hierarchy = "created"
    ordering = ("-created",)
