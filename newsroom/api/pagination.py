from django.db import models
from django.utils.dateparse import parse_datetime
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError

from newsroom.dates import as_utc
from newsroom.numbers import MAX_ID, is_whole_number
from newsroom.text import is_storable


def whole_number_param(request, name, default, maximum):
    """Return the query parameter ``name`` as a whole number from 1 to ``maximum``
    (``default`` when absent); anything else is a 400 naming it."""
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not is_whole_number(raw) or not 1 <= int(raw) <= maximum:
        raise ValidationError({name: [f"Must be a whole number from 1 to {maximum}."]})
    return int(raw)


# --- What a cursor may hold -----------------------------------------------------------------
# A cursor comes back from the client: whatever it decodes to is checked here for type and
# range before it reaches a query, by every paginator (these and articles.api.keyset), so
# a forged one is a 400, never a database error.


def cursor_time(value):
    """Return a cursor's date-time (ISO 8601 text with an offset) in UTC."""
    if not isinstance(value, str):
        raise ValueError("Not a date and time.")
    parsed = parse_datetime(value)  # ValueError for a well-formed impossible date
    if parsed is None:
        raise ValueError("Not a date and time.")
    return as_utc(parsed)


def cursor_id(value):
    """Return a cursor's row id: a whole number (not a boolean) a bigint holds."""
    if type(value) is not int or not 1 <= value <= MAX_ID:
        raise ValueError("Not an id.")
    return value


def cursor_position(field, value):
    """Return a DRF cursor's position (text) checked against the model ``field`` it
    compares with: a time UTC can hold, an id, or text a database can store."""
    if isinstance(field, models.DateTimeField):
        return cursor_time(value).isoformat()
    if isinstance(field, models.IntegerField):
        if not is_whole_number(value):
            raise ValueError("Not a whole number.")
        return str(cursor_id(int(value)))
    if not is_storable(value):
        raise ValueError("Not storable text.")
    return value


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

    def paginate_queryset(self, queryset, request, view=None):
        self.model = queryset.model  # decode_cursor checks the position against its field
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        try:
            cursor = super().decode_cursor(request)
            if cursor is not None and cursor.position is not None:
                field = self.model._meta.get_field(self.ordering[0].lstrip("-"))
                cursor = cursor._replace(position=cursor_position(field, cursor.position))
        except (NotFound, ValueError):
            # A damaged or forged cursor is bad input, not a missing resource.
            raise ValidationError({self.cursor_query_param: ["Invalid cursor."]}) from None
        return cursor

    def query_params(self):
        return {self.cursor_query_param, self.page_size_query_param}
