from rest_framework.utils.urls import remove_query_param, replace_query_param

from newsroom.api.pagination import CursorPagination, whole_number_param


class NameCursorPagination(CursorPagination):
    ordering = ("name", "id")


class QuoteCursorPagination(CursorPagination):
    ordering = ("-first_published_at", "position", "id")


class SearchPagination:
    """Numbered pages for relevance-ordered search results, without a COUNT query.

    Relevance is not a stable column, so search cannot use cursors; pages stop at
    ``max_page`` (deep pages of a search are not what readers want).
    """

    page_size = 20
    max_page_size = 100
    max_page = 50
    page_query_param = "page"
    page_size_query_param = "page_size"

    def query_params(self):
        return {self.page_query_param, self.page_size_query_param}

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.number = whole_number_param(request, self.page_query_param, 1, self.max_page)
        size = whole_number_param(
            request, self.page_size_query_param, self.page_size, self.max_page_size
        )
        start = (self.number - 1) * size
        ordering = getattr(view, "ordering", None)
        if ordering:
            queryset = queryset.order_by(*ordering)
        rows = list(queryset[start : start + size + 1])
        self.has_next = len(rows) > size and self.number < self.max_page
        return rows[:size]

    def get_next_link(self):
        if not self.has_next:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.page_query_param, self.number + 1)

    def get_previous_link(self):
        if self.number == 1:
            return None
        url = self.request.build_absolute_uri()
        if self.number == 2:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, self.number - 1)
