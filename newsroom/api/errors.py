"""One JSON shape for every API error.

    {"error": {"status": 400, "code": "invalid", "message": "...",
               "fields": {"language": ["Select a valid choice..."]}}}

``fields`` appears only for validation errors. Django's own ValidationError (raised by
services shared with the admin) becomes a 400 too, never a 500.
"""

from django.conf import settings
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.views import defaults
from rest_framework import exceptions
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from newsroom import jsontext


class RequestTooLarge(exceptions.APIException):
    """Django refused to read a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE``."""

    status_code = 413
    default_code = "too_large"

    def __init__(self):
        limit = filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        super().__init__(
            f"The request body (uploaded files aside) is larger than {limit}, the most "
            "accepted here."
        )


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, RequestDataTooBig):
        # Django's limit on request.body, form and multipart data: a SuspiciousOperation,
        # which would otherwise leave DRF and become Django's HTML 400 page.
        exc = RequestTooLarge()
    elif isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        exc = exceptions.ParseError(*exc.args)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(*exc.args)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    response.data = error_body(response.status_code, exc)
    return response


def error_body(status, exc):
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail
        if isinstance(detail, dict):
            fields = {key: _messages(value) for key, value in detail.items()}
            non_field = fields.pop("non_field_errors", None)
            body = {"status": status, "code": "invalid", "message": _summary(non_field, fields)}
            if non_field:
                body["errors"] = non_field
            if fields:
                body["fields"] = fields
            return {"error": body}
        messages = _messages(detail)
        return {"error": {"status": status, "code": "invalid", "message": " ".join(messages)}}
    code = getattr(exc, "default_code", "error")
    if hasattr(exc, "get_codes") and isinstance(exc.get_codes(), str):
        code = exc.get_codes()
    return {"error": {"status": status, "code": code, "message": str(exc.detail)}}


def _messages(value):
    if isinstance(value, list | tuple):
        out = []
        for item in value:
            out.extend(_messages(item))
        return out
    if isinstance(value, dict):
        return [f"{key}: {message}" for key, item in value.items() for message in _messages(item)]
    return [str(value)]


def _summary(non_field, fields):
    if non_field:
        return " ".join(non_field)
    names = ", ".join(sorted(fields))
    return f"Invalid input: {names}." if names else "Invalid input."


def error_json(status, code, message):
    """Return an error body in the API's shape, as JSON bytes."""
    return jsontext.dumps({"error": {"status": status, "code": code, "message": message}})


def _is_api(request):
    return request.path.startswith("/api/")


def page_not_found(request, exception, template_name="404.html"):
    if _is_api(request):
        return JsonResponse(
            {"error": {"status": 404, "code": "not_found", "message": "No such resource."}},
            status=404,
        )
    return defaults.page_not_found(request, exception, template_name)


def server_error(request, template_name="500.html"):
    if _is_api(request):
        return JsonResponse(
            {"error": {"status": 500, "code": "server_error", "message": "Server error."}},
            status=500,
        )
    return defaults.server_error(request, template_name)
