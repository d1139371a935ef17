"""Numbers read from URLs, query strings and headers."""

# Below PostgreSQL's bigint maximum (9,223,372,036,854,775,807, 19 digits).
MAX_ID_DIGITS = 18
# The largest id a bigint (and SQLite's INTEGER) holds.
MAX_ID = 2**63 - 1


def is_whole_number(text):
    """True for ASCII digits only: ``str.isdigit`` also accepts "²" and other digits, which
    ``int()`` or the database then refuse."""
    return isinstance(text, str) and text.isascii() and text.isdigit()


def is_id(text):
    """A database id as a URL may carry it: digits that fit a bigint."""
    return is_whole_number(text) and len(text) <= MAX_ID_DIGITS
