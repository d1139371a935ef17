"""Photo credits as agencies print them, read into the photo desk's parts."""

import pytest

from wire.formats.credits import credit_parts


@pytest.mark.parametrize(
    ("printed", "creator", "agency", "pool", "handle"),
    [
        ("(AP Photo/Jeff Chiu, File)", "Jeff Chiu", "AP", False, ""),
        ("Photo: Jonathan Nackstrand/AFP", "Jonathan Nackstrand", "AFP", False, ""),
        ("(REUTERS/Denis Balibouse)", "Denis Balibouse", "Reuters", False, ""),
        ("(Evan Vucci / AP)", "Evan Vucci", "AP", False, ""),
        (
            "(Ministerio de Defensa de Rusia vía AP)",
            "Ministerio de Defensa de Rusia",
            "AP",
            False,
            "",
        ),
        ("(Photo by Jane Doe/Getty Images)", "Jane Doe", "Getty Images", False, ""),
        ("Efe", "", "EFE", False, ""),
        ("PHOTO/Mark Schiefelbein/POOL/AFP", "Mark Schiefelbein", "AFP", True, ""),
        ("PHOTO/X/@SecBlinken", "", "", False, "@SecBlinken"),
    ],
)
def test_printed_credit_in_parts(printed, creator, agency, pool, handle):
    parts = credit_parts(printed)
    assert (parts.creator, parts.agency, parts.pool, parts.handle) == (
        creator,
        agency,
        pool,
        handle,
    )


def test_the_photo_desk_reads_credit_lines_with_the_same_function(settings):
    from media.credits import parse_credit_line

    settings.NEWSROOM_CREDIT_LINE_STYLE = {"separator": "/"}
    parsed = parse_credit_line("PHOTO/Mark Schiefelbein/POOL/AFP")
    assert (parsed.creator, parsed.agency, parsed.pool) == ("Mark Schiefelbein", "AFP", True)
