"""Dates and times read from URLs, cursors and headers."""

import datetime


def as_utc(value):
    """Return the aware datetime ``value`` in UTC.

    Raises ValueError when UTC cannot hold it: Python's datetimes run from year 1 to
    9999, so ``0001-01-01T00:00+14:00`` (still year 0 in UTC) and
    ``9999-12-31T23:59-14:00`` (already year 10000) have no UTC form, and every database
    adapter converts to UTC before writing a query.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("A time zone (an offset such as +00:00) is needed.")
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError:
        raise ValueError(
            "Out of range: the time must lie between 0001-01-01 and 9999-12-31 in UTC."
        ) from None
