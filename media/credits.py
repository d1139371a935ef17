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

from dataclasses import asdict, dataclass

from django.conf import settings

from media.credit_parsing import read_credit_line

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

    def as_dict(self):
        """The structured credit as the public JSON and the API give it."""
        return asdict(self)

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


def parse_credit_line(line, *, creator="", separator=None):
    """Read a credit line into parts (``media.credit_parsing.read_credit_line``), with
    the house style's separator unless one is given."""
    separator = separator or house_style()["separator"]
    return read_credit_line(line, creator=creator, separator=separator)
