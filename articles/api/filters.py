import django_filters
from django.db.models import Q

from articles.models import ArticleVersion
from newsroom.languages import language_choices


class ArticleFilterSet(django_filters.FilterSet):
    """Filters over published versions; every value is validated, bad ones are a 400."""

    language = django_filters.ChoiceFilter(choices=language_choices)
    section = django_filters.CharFilter(
        method="filter_section", help_text="A section path; includes its subsections."
    )

    class Meta:
        model = ArticleVersion
        fields = ["language", "section"]

    def filter_section(self, queryset, name, value):
        path = value.strip("/")
        return queryset.filter(Q(section_path=path) | Q(section_path__startswith=f"{path}/"))
