"""Reading a photo credit as an agency prints it into the photo desk's parts.

The parts are the photo desk's own (``media.credit_parsing``); what this adds is the
wire's printing around them: brackets, a trailing ", File" for archive pictures, the
Spanish "vía".
"""

import re

from media.credit_parsing import read_credit_line
from wire.story import CreditParts

ARCHIVE_NOTE = re.compile(r",\s*(?:File|Archive|Archivo|Archives)\s*$", re.IGNORECASE)
# "Photo by Jane Doe/Getty Images", "Foto de Juan Pérez/EFE": the label and its preposition.
LABEL_WITH_PREPOSITION = re.compile(
    r"^(?:photo|photos|foto|fotos|picture|image|imagen)\s+(?:by|de|por|par)\s+", re.IGNORECASE
)


def credit_parts(printed):
    """Return the ``CreditParts`` of a credit printed as ``printed``."""
    text = printed.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    text = ARCHIVE_NOTE.sub("", text)
    text = LABEL_WITH_PREPOSITION.sub("", text)
    text = re.sub(r"\s+vía\s+", " via ", text, flags=re.IGNORECASE)
    parsed = read_credit_line(text, separator="/")
    return CreditParts(
        creator=parsed.creator,
        agency=parsed.agency,
        agency_category=parsed.agency_category,
        pool=parsed.pool,
        platform=parsed.platform,
        handle=parsed.handle,
    )
