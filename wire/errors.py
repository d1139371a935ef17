"""The one error a wire reader raises: the file is refused, and the sentence says why."""


class WireRefused(ValueError):
    """The file cannot be read as a wire story; ``str(error)`` is one sentence saying why."""
