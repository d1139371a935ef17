import orjson
from django.http import HttpResponse
from rest_framework.exceptions import MethodNotAllowed, ValidationError

from newsroom.api.errors import error_body


class StrictQueryParamsMixin:
    """Refuse query parameters the view does not understand.

    A typo in a filter (``?sectoin=world``) must not silently return the whole archive:
    it is a 400 naming the parameter. Lists accept their filterset's filters and their
    paginator's parameters; every action accepts what ``extra_query_params`` lists.
    """

    extra_query_params = frozenset()
    detail_query_params = frozenset()

    def allowed_query_params(self):
        if getattr(self, "detail", False):
            return set(self.detail_query_params)
        allowed = set(self.extra_query_params)
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        paginator = getattr(self, "paginator", None)
        if paginator is not None and hasattr(paginator, "query_params"):
            allowed |= paginator.query_params()
        return allowed

    def initial(self, request, *args, **kwargs):
        method = request.method.lower()
        if method not in self.http_method_names or getattr(self, method, None) is None:
            # A method this endpoint lacks is a 405 for everyone, before any login check.
            raise MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)
        errors = query_param_errors(request.query_params, self.allowed_query_params())
        if errors:
            raise ValidationError(errors)


def query_param_errors(query_params, allowed):
    """Return ``{name: [message]}`` for each parameter not in ``allowed`` or left empty."""
    errors = {}
    for name in sorted(query_params):
        if name not in allowed:
            choices = ", ".join(sorted(allowed)) or "none"
            errors[name] = [f"Unknown query parameter. Allowed here: {choices}."]
        elif not all(value.strip() for value in query_params.getlist(name)):
            # An empty value would otherwise switch the filter off without a word.
            errors[name] = ["Give a value, or leave the parameter out."]
    return errors


def refuse_query_params(request, allowed=None):
    """Return the API's 400 for a plain Django view's unknown, empty or invalid query
    parameters, or None when there are none.

    ``allowed`` maps each parameter the view takes to a check of its value that returns
    a message when the value is refused (or None to take any value).

    Feeds and sitemaps are cached by address: a parameter nobody reads would otherwise
    make every new query string a new cache entry holding the same body.
    """
    allowed = allowed or {}
    errors = query_param_errors(request.GET, allowed)
    for name, check in allowed.items():
        if check is not None and name in request.GET and name not in errors:
            messages = list(filter(None, map(check, request.GET.getlist(name))))
            if messages:
                errors[name] = messages[:1]
    if not errors:
        return None
    return HttpResponse(
        orjson.dumps(error_body(400, ValidationError(errors))),
        status=400,
        content_type="application/json",
    )
