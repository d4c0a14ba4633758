"""The list envelope: {"<resource>": [...], "total": n, "page": p, "pages": k}."""

import math

from rest_framework.pagination import BasePagination
from rest_framework.response import Response

from qubithub.api.exceptions import InvalidInput

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def parse_positive_int(raw: str | None, *, name: str, default: int, maximum: int | None = None) -> int:
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise InvalidInput(f"{name} must be an integer.") from None
    if value < 1 or (maximum is not None and value > maximum):
        bound = f"between 1 and {maximum}" if maximum else "at least 1"
        raise InvalidInput(f"{name} must be {bound}.")
    return value


def page_params(query_params) -> tuple[int, int]:
    page = parse_positive_int(query_params.get("page"), name="page", default=1)
    limit = parse_positive_int(query_params.get("limit"), name="limit", default=DEFAULT_LIMIT, maximum=MAX_LIMIT)
    return page, limit


class EnvelopePagination(BasePagination):
    """Page/limit pagination; the view names the list key with `envelope_key`."""

    def paginate_queryset(self, queryset, request, view=None):
        self.page, self.limit = page_params(request.query_params)
        self.key = getattr(view, "envelope_key", "results")
        self.total = queryset.count() if hasattr(queryset, "count") else len(queryset)
        start = (self.page - 1) * self.limit
        return list(queryset[start : start + self.limit])

    def get_paginated_response(self, data):
        return Response(envelope(self.key, data, total=self.total, page=self.page, limit=self.limit))

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["total", "page", "pages"],
            "properties": {
                "total": {"type": "integer"},
                "page": {"type": "integer"},
                "pages": {"type": "integer"},
                "items": schema,
            },
        }


def envelope(key: str, items: list, *, total: int, page: int, limit: int) -> dict:
    return {key: items, "total": total, "page": page, "pages": math.ceil(total / limit) if total else 0}


def paginated_response(request, queryset, serializer_class, key: str, *, context: dict | None = None):
    """Validate page/limit, slice the queryset, serialize, and wrap in the list envelope."""
    page, limit = page_params(request.query_params)
    total = queryset.count()
    start = (page - 1) * limit
    items = serializer_class(queryset[start : start + limit], many=True, context=context or {"request": request})
    return Response(envelope(key, items.data, total=total, page=page, limit=limit))
