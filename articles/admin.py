"""The admin pages of this app, for Django's admin autodiscovery: the desk's
(``articles.desk.admin``) and the webhooks' (``articles.webhooks.admin``)."""

from articles.desk import admin as desk_admin
from articles.webhooks import admin as webhooks_admin

__all__ = ["desk_admin", "webhooks_admin"]
