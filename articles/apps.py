from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        # signals: fixture rendering and shared-change rebuilds; webhooks: event delivery.
        from articles import history, signals, webhooks  # noqa: F401

        history.register()  # every article save is a revision (django-reversion)
