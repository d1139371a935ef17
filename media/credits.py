"""Photo credits: the structured facts and the house-style line rendered from them.

A credit is stored as parts (who took it, for which agency, whether it was a pool
photo, which platform and handle it came from) so the line can be restyled without
retyping every caption. The default style reproduces the wire convention of the seed
story: ``PHOTO/Mark Schiefelbein/POOL/AFP`` and ``PHOTO/X/@SecBlinken``.

``NEWSROOM_CREDIT_LINE_STYLE`` overrides any of these keys:

``prefix``      written first when there is anything to credit ("PHOTO"; "" for none)
``separator``   between parts ("/")
``pool_label``  the word for a pool photo ("POOL")
``order``       the parts in order, from ``creator``, ``platform``, ``handle``,
                ``pool`` and ``agency``
"""

from dataclasses import dataclass

from django.conf import settings

DEFAULT_STYLE = {
    "prefix": "PHOTO",
    "separator": "/",
    "pool_label": "POOL",
    "order": ("creator", "platform", "handle", "pool", "agency"),
}
PARTS = frozenset(DEFAULT_STYLE["order"])


@dataclass(frozen=True)
class Credit:
    creator: str = ""
    agency: str = ""
    pool: bool = False
    platform: str = ""
    handle: str = ""

    def __bool__(self):
        return bool(self.creator or self.agency or self.handle or self.platform)

    def line(self, style=None):
        """Render the credit line in the house style (or the ``style`` given)."""
        style = house_style() if style is None else {**DEFAULT_STYLE, **style}
        values = {
            "creator": self.creator.strip(),
            "platform": self.platform.strip(),
            "handle": self.handle.strip(),
            "pool": style["pool_label"] if self.pool else "",
            "agency": self.agency.strip(),
        }
        parts = [values[name] for name in style["order"] if values[name]]
        if not parts:
            return ""
        if style["prefix"]:
            parts.insert(0, style["prefix"])
        return style["separator"].join(parts)


def house_style():
    """Return the configured credit-line style, checked, with defaults filled in."""
    style = {**DEFAULT_STYLE, **getattr(settings, "NEWSROOM_CREDIT_LINE_STYLE", {})}
    unknown = set(style["order"]) - PARTS
    if unknown:
        raise ValueError(
            f"NEWSROOM_CREDIT_LINE_STYLE['order'] names unknown parts: {sorted(unknown)}"
        )
    return style


# --- Reading a credit line back into parts ------------------------------------------------

PLATFORMS = {
    "x": "X",
    "twitter": "X",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "tiktok": "TikTok",
    "telegram": "Telegram",
    "youtube": "YouTube",
    "bluesky": "Bluesky",
    "threads": "Threads",
}
# Spellings of the big agencies in credit lines, and the name we file them under.
AGENCY_ALIASES = {
    "afp": "AFP",
    "afp photo": "AFP",
    "agence france-presse": "AFP",
    "ap": "AP",
    "ap photo": "AP",
    "associated press": "AP",
    "reuters": "Reuters",
    "epa": "EPA",
    "epa-efe": "EPA-EFE",
    "efe": "EFE",
    "dpa": "dpa",
    "ansa": "ANSA",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "getty images": "Getty Images",
    "getty": "Getty Images",
    "pa": "PA",
    "pa images": "PA",
}
PREFIXES = ("photo", "photos", "foto", "fotos", "picture", "pic", "image", "credit", "©", "(c)")
POOL_WORDS = {"pool", "pool photo"}
HANDOUT_WORDS = {"handout", "handout photo", "courtesy"}


@dataclass(frozen=True)
class ParsedCredit:
    """A credit line read back into parts. ``agency_category`` says what kind of
    distributor the agency is ("wire", "pool", "handout", "social")."""

    creator: str = ""
    agency: str = ""
    agency_category: str = ""
    pool: bool = False
    platform: str = ""
    handle: str = ""


def parse_credit_line(line, *, creator="", separator=None):
    """Read a credit line such as ``PHOTO/Mark Schiefelbein/POOL/AFP`` into parts.

    Understands the house style's separator (and " / ", " via ", "|"), a leading
    "PHOTO:", "POOL", "HANDOUT", platforms with an @handle, and the big agencies'
    spellings ("AP Photo" is AP). Of what is left, the name matching ``creator`` (from
    the file's own creator field) or, failing that, the first part is the creator and
    the last one the agency.
    """
    text = (line or "").strip()
    if not text:
        return ParsedCredit(creator=creator.strip())
    separator = separator or house_style()["separator"]
    for other in (" via ", " | ", "|", " / ", ";"):
        text = text.replace(other, separator)
    parts = [part.strip(" :,") for part in text.split(separator)]
    parts = [part for part in parts if part]
    if parts:
        head = parts[0]
        for prefix in PREFIXES:
            if head.lower() == prefix:
                parts = parts[1:]
                break
            if head.lower().startswith(f"{prefix}:") or head.lower().startswith(f"{prefix} "):
                rest = head[len(prefix) :].strip(" :")
                if prefix in ("©", "(c)") or head[len(prefix)] == ":":
                    parts = [rest, *parts[1:]] if rest else parts[1:]
                break
    found = {"pool": False, "platform": "", "handle": "", "agency": "", "category": ""}
    names = []
    for part in parts:
        lowered = part.lower()
        if lowered in POOL_WORDS:
            found["pool"] = True
        elif lowered in HANDOUT_WORDS:
            found["category"] = "handout"
        elif lowered in PLATFORMS and not found["platform"]:
            found["platform"] = PLATFORMS[lowered]
        elif part.startswith("@") and not found["handle"]:
            found["handle"] = part
        elif lowered in AGENCY_ALIASES and not found["agency"]:
            found["agency"] = AGENCY_ALIASES[lowered]
            found["category"] = found["category"] or "wire"
        else:
            names.append(part)
    creator = creator.strip()
    if creator and any(name.lower() == creator.lower() for name in names):
        names = [name for name in names if name.lower() != creator.lower()]
    elif names and (len(names) > 1 or found["agency"] or found["handle"]):
        creator = creator or names.pop(0)
    if names and not found["agency"]:
        found["agency"] = names.pop()
    if found["handle"] and not found["agency"]:
        found["category"] = "social"
    if found["pool"] and not found["category"]:
        found["category"] = "pool"
    return ParsedCredit(
        creator=creator,
        agency=found["agency"],
        agency_category=found["category"] or ("wire" if found["agency"] else ""),
        pool=found["pool"],
        platform=found["platform"],
        handle=found["handle"],
    )
