from rest_framework.exceptions import ValidationError


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
        super().initial(request, *args, **kwargs)
        unknown = sorted(set(request.query_params) - self.allowed_query_params())
        if unknown:
            allowed = ", ".join(sorted(self.allowed_query_params())) or "none"
            raise ValidationError(
                {name: [f"Unknown query parameter. Allowed here: {allowed}."] for name in unknown}
            )
