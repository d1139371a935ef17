"""The quote engine: who said what in a story's text.

Plain Python with no dependency on Django or on any model: text in, ``Quote``s out.
"""

from wire.quotes.engine import extract_quotes
from wire.quotes.lexicon import Lexicon, lexicon_for
from wire.quotes.model import Quote, Speaker

__all__ = ["Lexicon", "Quote", "Speaker", "extract_quotes", "lexicon_for"]
