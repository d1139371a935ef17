from rest_framework.exceptions import MethodNotAllowed, ValidationError


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
        allowed = self.allowed_query_params()
        errors = {}
        for name in sorted(request.query_params):
            if name not in allowed:
                choices = ", ".join(sorted(allowed)) or "none"
                errors[name] = [f"Unknown query parameter. Allowed here: {choices}."]
            elif not all(value.strip() for value in request.query_params.getlist(name)):
                # An empty value would otherwise switch the filter off without a word.
                errors[name] = ["Give a value, or leave the parameter out."]
        if errors:
            raise ValidationError(errors)
