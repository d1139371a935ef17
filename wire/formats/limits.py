"""What a reader refuses before it looks at the content: too big, empty, binary."""

import os

from wire.errors import WireRefused

# Wire stories are kilobytes; a file this size is a mistake or an attack either way.
MAX_BYTES = 50 * 1024 * 1024

# Control characters wire formats use on purpose (ANPA-1312 and IPTC 7901 framing:
# SOH, STX, ETX, EOT, SYN, DC1, DC3, US, FF, DEL), besides tab and line ends.
FRAMING_CONTROLS = frozenset(b"\x01\x02\x03\x04\x0c\x11\x12\x13\x14\x16\x1f\x7f\t\n\r")
SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"MZ": "a program",
    b"{\\rtf": "an RTF document",
}
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_capped(path, max_bytes=MAX_BYTES):
    """Return the bytes of the file at ``path``, refusing it unread when it is too big."""
    size = os.stat(path).st_size
    if size > max_bytes:
        raise WireRefused(
            f"The file is {size / 1024 / 1024:.0f} MB, over the {max_bytes // 1024 // 1024} MB "
            "a wire story may be."
        )
    with open(path, "rb") as handle:
        # Read one byte more than allowed: a file that grew since stat() is still caught.
        data = handle.read(max_bytes + 1)
    check_size(data, max_bytes)
    return data


def check_size(data, max_bytes=MAX_BYTES):
    """Refuse ``data`` longer than ``max_bytes``."""
    if len(data) > max_bytes:
        raise WireRefused(
            f"The file is over the {max_bytes // 1024 // 1024} MB a wire story may be."
        )


def check_not_empty_or_binary(data):
    """Refuse an empty file and one that holds binary data rather than text."""
    if not data.strip(b" \t\r\n\x00"):
        raise WireRefused("The file is empty.")
    for signature, what in SIGNATURES.items():
        if data.startswith(signature):
            raise WireRefused(f"The file is {what}, not a wire story.")
    if data.startswith(UTF16_BOMS):
        return
    sample = data[:8192]
    if b"\x00" in sample:
        raise WireRefused("The file holds binary data (NUL bytes), not text.")
    controls = sum(1 for byte in sample if byte < 32 and byte not in FRAMING_CONTROLS)
    if controls > len(sample) * 0.02:
        raise WireRefused("The file holds binary data (control characters), not text.")
