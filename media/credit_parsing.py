"""Reading a printed photo credit line back into its parts, in plain Python.

Kept free of Django so that code outside a configured project (the wire readers, which
meet credit lines in agency copy) can use the same reading as the photo desk.
"""

from dataclasses import dataclass

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


def read_credit_line(line, *, creator="", separator="/"):
    """Read a credit line such as ``PHOTO/Mark Schiefelbein/POOL/AFP`` into parts.

    Understands ``separator`` (the photo desk passes its house style's) and " / ",
    " via ", "|", a leading "PHOTO:", "POOL", "HANDOUT", platforms with an @handle, and
    the big agencies' spellings ("AP Photo" is AP). Of what is left, the name matching
    ``creator`` (from the file's own creator field) or, failing that, the first part is
    the creator and the last one the agency.
    """
    text = (line or "").strip()
    if not text:
        return ParsedCredit(creator=creator.strip())
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
