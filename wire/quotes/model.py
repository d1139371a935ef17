"""What the quote engine returns."""

from dataclasses import asdict, dataclass, field


@dataclass
class Speaker:
    """Who said it: the name as the story gives it in full (or an unnamed source as the
    story describes them), what they are, and how the attribution named them."""

    name: str
    kind: str  # "person", "organisation", "unnamed" or "unknown"
    mention: str = ""
    known: bool = False


@dataclass
class Quote:
    """A quotation: the words between the marks, who said them in which role, whether
    they stand alone ("direct") or inside the reporter's sentence ("partial"), and
    where they stand (the part, the paragraph's index for the body, the character
    offset where the words begin; ``spans`` lists every piece of a quotation that runs
    over paragraphs)."""

    text: str
    speaker: Speaker | None
    role: str
    kind: str
    confidence: float
    part: str
    paragraph: int | None
    offset: int
    spans: list = field(default_factory=list)

    def to_dict(self):
        return asdict(self)
