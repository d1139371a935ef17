"""IPTC 7901, the wire format of dpa and others: SOH and a header line (source,
sequence, priority, category, word count, keyword, originator), slug lines, STX, the
headline block (a version line such as "1ST LEAD", the headline, a by-line, ended by
" ="), wrapped paragraphs, an editors' notebook that is not for publication, ETX and
the transmission time.

Taken: slug line as item id and the version line as version, priority as urgency,
category as a subject, originator as source, headline, by-line, the body (notebook
left out, closing initials as sign-off).
"""

import re

from wire.formats.body import add_body
from wire.formats.paragraphs import split_paragraphs
from wire.story import Subject, WireStory

FORMAT = "iptc-7901"
START = re.compile(rb"^\x01[a-z]*\d* +\d +\w +\d+ ", re.IGNORECASE)
HEADER = re.compile(
    r"^\x01(?P<sequence>[a-z]*\d*) +(?P<priority>\d) +(?P<category>\w) +(?P<words>\d+) +"
    r"(?P<keyword>\S+)?\s*(?P<originator>[a-z][\w-]*)?\s*(?P<number>\d+)?",
    re.IGNORECASE,
)
VERSION_LINE = re.compile(
    r"^(?:\d+(?:ST|ND|RD|TH) (?:LEAD|WRAPUP|UPDATE)|URGENT|EILT|EILMELDUNG|BULLETIN|FLASH|"
    r"CORRECTION|CORRECTED|REPEAT|UPDATE|ADVISORY|WRITETHRU|ZUSAMMENFASSUNG)\b",
    re.IGNORECASE,
)
NOT_FOR_PUBLICATION = re.compile(
    r"^(?:#\s|\*\s\*\s\*|The following information is not (?:intended )?for publication|"
    r"Die folgenden Informationen sind nicht)",
    re.MULTILINE,
)


def is_iptc7901(data):
    return bool(START.match(data))


def read_iptc7901(text):
    """Return the ``WireStory`` of an IPTC 7901 transmission, already decoded."""
    story = WireStory(format=FORMAT)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header = HEADER.match(text)
    if header:
        story.urgency = int(header.group("priority"))
        story.subjects.append(Subject(code=f"iptc7901:{header.group('category').lower()}"))
        story.source = header.group("originator") or ""
    before, _, rest = text.partition("\x02")
    slug_lines = [line.strip() for line in before.split("\n")[1:] if line.strip()]
    story.slugline = " ".join(slug_lines).strip("/ ")
    story.item_id = story.slugline
    rest = rest.split("\x03", 1)[0]
    head, _, body = rest.partition("\n\n")
    _read_head(story, [line.strip() for line in head.split("\n") if line.strip()])
    cut = NOT_FOR_PUBLICATION.search(body)
    if cut:
        story.editorial_note = " ".join(body[cut.start() :].split())
        body = body[: cut.start()]
    add_body(story, split_paragraphs(body))
    return story


def _read_head(story, lines):
    headline = []
    for line in lines:
        line = line.removesuffix("=").strip()
        if VERSION_LINE.match(line) and not headline:
            story.version = line
        elif line.startswith("By ") or line.startswith("Von "):
            story.byline = line
        else:
            headline.append(line)
    story.headline = " ".join(headline)
