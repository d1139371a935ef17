"""Keyset ("cursor") pages of published articles.

A cursor names the last (or first) article of a page by its sort value and id, and the
next page starts strictly after it. Pages stay stable while articles are published or
republished, need no COUNT and no OFFSET, and cost the same on page 1 and page 500.
"""

import base64

import orjson
from django.db.models import Q
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.utils.urls import remove_query_param, replace_query_param

from newsroom.api.pagination import cursor_id, cursor_time, whole_number_param


class KeysetPagination(BasePagination):
    page_size = 20
    max_page_size = 100
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"

    def query_params(self):
        return {self.cursor_query_param, self.page_size_query_param}

    # --- Reading the request ----------------------------------------------------------

    def read(self, request, ordering):
        """Parse ``cursor`` and ``page_size`` for a listing in ``ordering`` (model field
        names, the first the sort key, the second ``article_id``)."""
        self.request = request
        self.ordering = ordering
        self.field = ordering[0].lstrip("-")
        self.descending = ordering[0].startswith("-")
        self.limit = whole_number_param(
            request, self.page_size_query_param, self.page_size, self.max_page_size
        )
        self.cursor = self._cursor(request)
        return self

    def _cursor(self, request):
        raw = request.query_params.get(self.cursor_query_param)
        if raw is None:
            return None
        try:
            data = orjson.loads(base64.urlsafe_b64decode(raw.encode() + b"=" * (-len(raw) % 4)))
            if not isinstance(data, dict) or type(data.get("b")) is not int:
                raise ValueError
            cursor = {
                "value": cursor_time(data.get("v")),
                "id": cursor_id(data.get("i")),
                "backwards": data["b"],
            }
            if cursor["backwards"] not in (0, 1):
                raise ValueError
        except ValueError:  # binascii.Error and orjson.JSONDecodeError are ValueErrors
            raise ValidationError({self.cursor_query_param: ["Invalid cursor."]}) from None
        cursor["backwards"] = bool(cursor["backwards"])
        return cursor

    # --- Fetching -----------------------------------------------------------------------

    @property
    def backwards(self):
        return bool(self.cursor and self.cursor["backwards"])

    def fetch_ordering(self):
        """The order to fetch rows in: reversed when paging backwards."""
        if not self.backwards:
            return self.ordering
        return tuple(name[1:] if name.startswith("-") else f"-{name}" for name in self.ordering)

    def boundary(self):
        """(sort value, article id, "lt" or "gt") rows must lie beyond, or None."""
        if self.cursor is None:
            return None
        below = self.descending != self.backwards
        return self.cursor["value"], self.cursor["id"], "lt" if below else "gt"

    def filter_queryset(self, queryset):
        """Apply the cursor and ordering to an ORM queryset; fetch one row more."""
        boundary = self.boundary()
        if boundary is not None:
            value, article_id, op = boundary
            queryset = queryset.filter(
                Q(**{f"{self.field}__{op}": value})
                | Q(**{self.field: value, f"article_id__{op}": article_id})
            )
        return list(queryset.order_by(*self.fetch_ordering())[: self.limit + 1])

    def paginate(self, rows):
        """Turn fetched rows (one more than a page, in fetch order) into the page."""
        more = len(rows) > self.limit
        rows = list(rows[: self.limit])
        if self.backwards:
            rows.reverse()
            self.has_next, self.has_previous = True, more
        else:
            self.has_next, self.has_previous = more, self.cursor is not None
        self.page = rows
        return rows

    # --- Links --------------------------------------------------------------------------

    def _link(self, row, backwards):
        value = getattr(row, self.field)
        token = orjson.dumps({"v": value.isoformat(), "i": row.article_id, "b": int(backwards)})
        cursor = base64.urlsafe_b64encode(token).decode().rstrip("=")
        return replace_query_param(
            self.request.build_absolute_uri(), self.cursor_query_param, cursor
        )

    def get_next_link(self):
        if not (self.has_next and self.page):
            return None
        return self._link(self.page[-1], backwards=False)

    def get_previous_link(self):
        if not self.has_previous:
            return None
        if not self.page:
            return remove_query_param(self.request.build_absolute_uri(), self.cursor_query_param)
        return self._link(self.page[0], backwards=True)

    # --- OpenAPI (drf-spectacular asks the pagination class) ----------------------------

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "From a next or previous link.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"1 to {self.max_page_size} (default {self.page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]
