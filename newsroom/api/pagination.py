from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError

from newsroom.numbers import is_whole_number


def whole_number_param(request, name, default, maximum):
    """Return the query parameter ``name`` as a whole number from 1 to ``maximum``
    (``default`` when absent); anything else is a 400 naming it."""
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not is_whole_number(raw) or not 1 <= int(raw) <= maximum:
        raise ValidationError({name: [f"Must be a whole number from 1 to {maximum}."]})
    return int(raw)


class CursorPagination(pagination.CursorPagination):
    """Opaque-cursor pages: no COUNT query, and stable while new articles are published."""

    page_size = 20
    # Clients may ask for fewer or more per page, never more than max_page_size.
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        return whole_number_param(
            request, self.page_size_query_param, self.page_size, self.max_page_size
        )

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except NotFound:
            # A damaged cursor is bad input, not a missing resource.
            raise ValidationError({self.cursor_query_param: ["Invalid cursor."]}) from None

    def query_params(self):
        return {self.cursor_query_param, self.page_size_query_param}
