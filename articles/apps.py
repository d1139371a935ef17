from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from articles import history, signals  # noqa: F401  (fixture rendering, shared-change rebuilds)

        history.register()  # every article save is a revision (django-reversion)
