"""How big an article may be: limits no real story reaches, so that one request cannot hold
a worker and a transaction for minutes (100,000 blocks once took twelve).

The write service (``articles.desk.writes.article_write``, which the write API and ingest
use) checks a whole article with ``check_article``; the desk serializer runs the same
check on the raw request before it validates each item (which costs a query per slug);
the admin's article form and its body, quote and byline formsets check their parts with
``count_problem``, ``block_problems``, ``quote_problem`` and ``dek_problem``. The figures
are in docs/editorial.md.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BLOCKS = 1_000
MAX_QUOTES = 500
MAX_BYLINES = 50
MAX_TAGS = 100
MAX_PEOPLE = 100
MAX_LIST_ITEMS = 200  # in one list block
MAX_BLOCK_TEXT = 20_000  # characters of a paragraph (its HTML) or a subheading
MAX_LIST_ITEM_TEXT = 2_000
MAX_QUOTE_TEXT = 5_000
MAX_DEK = 2_000

# The lists of an article, each with its most, as the write API and the admin name them.
COUNTS = {
    "blocks": MAX_BLOCKS,
    "quotes": MAX_QUOTES,
    "bylines": MAX_BYLINES,
    "tags": MAX_TAGS,
    "people": MAX_PEOPLE,
}


def count_problem(name, count):
    """Return why an article cannot have ``count`` of ``name`` (a key of COUNTS), or None."""
    limit = COUNTS[name]
    if count <= limit:
        return None
    return _("An article has at most %(limit)s %(name)s; this one has %(count)s.") % {
        "limit": f"{limit:,}",
        "name": name,
        "count": f"{count:,}",
    }


def text_problem(text, limit):
    """Return why ``text`` is too long for ``limit`` characters, or None."""
    if not isinstance(text, str) or len(text) <= limit:
        return None
    return _("At most %(limit)s characters; this has %(length)s.") % {
        "limit": f"{limit:,}",
        "length": f"{len(text):,}",
    }


def block_problems(*, text="", items=()):
    """Return {field: message} for what is too long in one body block."""
    problems = {}
    if problem := text_problem(text, MAX_BLOCK_TEXT):
        problems["text"] = problem
    if isinstance(items, list | tuple):
        if len(items) > MAX_LIST_ITEMS:
            problems["items"] = _(
                "A list has at most %(limit)s items; this one has %(count)s."
            ) % {"limit": f"{MAX_LIST_ITEMS:,}", "count": f"{len(items):,}"}
        else:
            for item in items:
                if problem := text_problem(item, MAX_LIST_ITEM_TEXT):
                    problems["items"] = problem
                    break
    return problems


def quote_problem(text):
    return text_problem(text, MAX_QUOTE_TEXT)


def dek_problem(text):
    return text_problem(text, MAX_DEK)


def check_article(data):
    """Raise ValidationError naming each limit ``data`` exceeds.

    ``data`` is an article as the write service takes it (``dek``, and the lists
    ``blocks``, ``quotes``, ``bylines``, ``tags``, ``people``, any left out), or as a
    request sent it, not validated yet: anything of the wrong type is left for the
    validation that follows to refuse. Problems inside a list are named by position as
    the API names nested errors: ``{"blocks": ["2: text: At most ..."]}``.
    """
    if not isinstance(data, dict):
        return
    errors = {}
    for name in COUNTS:
        items = data.get(name)
        if isinstance(items, list | tuple) and (problem := count_problem(name, len(items))):
            errors[name] = [problem]
    if problem := dek_problem(data.get("dek")):
        errors["dek"] = [problem]
    if "blocks" not in errors and isinstance(data.get("blocks"), list | tuple):
        blocks = [
            f"{position}: {field}: {problem}"
            for position, block in enumerate(data["blocks"])
            if isinstance(block, dict)
            for field, problem in block_problems(
                text=block.get("text", ""), items=block.get("items", ())
            ).items()
        ]
        if blocks:
            errors["blocks"] = blocks
    if "quotes" not in errors and isinstance(data.get("quotes"), list | tuple):
        quotes = [
            f"{position}: text: {problem}"
            for position, quote in enumerate(data["quotes"])
            if isinstance(quote, dict) and (problem := quote_problem(quote.get("text")))
        ]
        if quotes:
            errors["quotes"] = quotes
    if errors:
        raise ValidationError(errors)
