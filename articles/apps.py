from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        # Signal receivers connect on import: shared changes re-render published versions
        # (publishing.signals), events become webhook deliveries (webhooks.delivery),
        # every article save is a revision (desk.history).
        from articles.desk import history
        from articles.publishing import signals  # noqa: F401
        from articles.webhooks import delivery  # noqa: F401

        history.register()
