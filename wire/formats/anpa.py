"""ANPA-1312, AP's transmission format: SYN SYN SOH, a selector line, a header line
(priority, category, slug, take, date, word count), then between STX and ETX the
"^"-marked header lines (keyword, headline, photo and editor's notes, summary, by-line
ending in "=") and body paragraphs opened by a tab.

Taken: slug as item id and take key as version, priority as urgency, category as a
subject, headline, summary as dek, by-line and agency line, editor's note, the body
(subheadings and sign-offs recognised), and the transmission time after ETX.
"""

import re

from wire.formats.body import add_body
from wire.formats.layout import AGENCIES, is_editorial_note
from wire.story import Subject, WireStory

FORMAT = "anpa-1312"
START = re.compile(rb"^\x16\x16\x01[a-z]\d{4}\x1f", re.IGNORECASE)
HEADER = re.compile(
    r"^(?P<priority>[a-z]) (?P<category>[a-z])[\x13\x14][\x11\x12] "
    r"(?P<slug>(?:am-|pm-|bc-|ap-)[^\s]+)\s*(?P<take>.*?)\s+(?P<date>\d{1,2}-\d{1,2})\s+"
    r"(?P<words>\d{0,4})\s*$",
    re.IGNORECASE,
)
TRAILER = re.compile(r"\x03(?P<code>[A-Z]+-[A-Z]+)-(?P<date>\d+-\d+-\d+ \d{4}GMT)")
# Priority letters: flash, bulletin, urgent, regular, deferred.
URGENCY = {"f": 1, "b": 2, "u": 3, "r": 4, "d": 5}


def is_anpa(data):
    return bool(START.match(data))


def read_anpa(text):
    """Return the ``WireStory`` of an ANPA-1312 transmission, already decoded."""
    story = WireStory(format=FORMAT)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = HEADER.match(lines[1]) if len(lines) > 1 else None
    if header:
        story.urgency = URGENCY.get(header.group("priority").lower())
        story.subjects.append(Subject(code=f"anpa:{header.group('category').lower()}"))
        story.item_id = header.group("slug")
        story.slugline = header.group("slug")
        story.version = header.group("take").strip()
    trailer = TRAILER.search(text)
    if trailer:
        story.created = trailer.group("date")
    body_text = text.split("\x02", 1)[-1].split("\x03", 1)[0]
    marked, paragraphs = [], []
    for line in body_text.split("\n"):
        if line.startswith("^") or line.startswith("\x02^"):
            marked.append(line.lstrip("\x02^").rstrip().rstrip("<=").strip())
        elif line.startswith("\t"):
            paragraphs.append(line.strip())
    _read_marked_lines(story, marked)
    add_body(story, paragraphs)
    return story


def _read_marked_lines(story, marked):
    """Read the "^" lines: the keyword line first, then the headline, then notes, a
    summary and the by-line."""
    for position, line in enumerate(marked):
        if position == 0 and re.match(r"^[A-Z]{2}-[A-Z]{2,4}--", line):
            story.slugline = line.split(",")[0]
        elif not story.headline and position <= 1:
            story.headline = line
        elif line.startswith("AP Photo") or line.startswith("AP Graphic"):
            continue
        elif is_editorial_note(line):
            story.editorial_note = line
        elif line.startswith("By "):
            story.byline = line
        elif story.byline and line.lower() in AGENCIES and not story.source:
            story.source = line
        elif story.byline:
            # The line under the by-line is the writer's title ("AP Sports Writer").
            story.byline = f"{story.byline} - {line}"
        else:
            story.dek = story.dek or line
