"""Serializers of the public resources other than articles (those are pre-rendered)."""

from django.urls import reverse
from rest_framework import serializers

from articles.models import Person, Section, Tag
from articles.publishing.links import section_web_url


class SectionSerializer(serializers.ModelSerializer):
    parent = serializers.SerializerMethodField()
    web_url = serializers.SerializerMethodField()
    articles_url = serializers.SerializerMethodField()
    children = serializers.SerializerMethodField()

    class Meta:
        model = Section
        fields = [
            "id",
            "name",
            "slug",
            "path",
            "parent",
            "position",
            "description",
            "web_url",
            "articles_url",
            "children",
        ]

    def get_parent(self, section) -> str | None:
        return section.path.rsplit("/", 1)[0] if section.parent_id else None

    def get_web_url(self, section) -> str:
        return section_web_url(section.path)

    def get_articles_url(self, section) -> str:
        return f"{reverse('api:article-list')}?section={section.path}"

    def get_children(self, section) -> list[dict]:
        children = self.context.get("children", {}).get(section.pk, [])
        return [self.__class__(child, context=self.context).data for child in children]


class PersonSerializer(serializers.ModelSerializer):
    articles_url = serializers.SerializerMethodField()
    quotes_url = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = ["id", "name", "slug", "description", "wikidata_id", "articles_url", "quotes_url"]

    def get_articles_url(self, person) -> str:
        return f"{reverse('api:article-list')}?person={person.slug}"

    def get_quotes_url(self, person) -> str:
        return f"{reverse('api:quote-list')}?speaker={person.slug}"


class TagSerializer(serializers.ModelSerializer):
    articles_url = serializers.SerializerMethodField()

    class Meta:
        model = Tag
        fields = ["id", "name", "slug", "kind", "description", "wikidata_id", "articles_url"]

    def get_articles_url(self, tag) -> str:
        return f"{reverse('api:article-list')}?tag={tag.slug}"
