import pytest

from media.credits import Credit


@pytest.mark.parametrize(
    ("credit", "line"),
    [
        (Credit(platform="X", handle="@SecBlinken"), "PHOTO/X/@SecBlinken"),
        (
            Credit(creator="Mark Schiefelbein", pool=True, agency="AFP"),
            "PHOTO/Mark Schiefelbein/POOL/AFP",
        ),
    ],
)
def test_seed_credit_lines_render_exactly(credit, line):
    assert credit.line() == line


def test_creator_without_agency():
    assert Credit(creator="Jane Doe").line() == "PHOTO/Jane Doe"


def test_agency_without_creator():
    assert Credit(agency="Reuters").line() == "PHOTO/Reuters"


def test_pool_without_creator():
    assert Credit(pool=True, agency="AFP").line() == "PHOTO/POOL/AFP"


def test_platform_handle_with_creator():
    assert Credit(creator="Jane Doe", platform="Instagram", handle="@jane").line() == (
        "PHOTO/Jane Doe/Instagram/@jane"
    )


def test_blank_parts_are_skipped_and_trimmed():
    assert Credit(creator="  Jane Doe ", agency=" ").line() == "PHOTO/Jane Doe"


def test_nothing_to_credit_renders_nothing():
    assert Credit().line() == ""
    assert not Credit()


def test_pool_alone_is_not_a_credit():
    assert not Credit(pool=True)


def test_house_style_is_configurable(settings):
    settings.NEWSROOM_CREDIT_LINE_STYLE = {"prefix": "", "separator": " / "}
    assert Credit(creator="Mark Schiefelbein", pool=True, agency="AFP").line() == (
        "Mark Schiefelbein / POOL / AFP"
    )


def test_style_can_reorder_parts(settings):
    settings.NEWSROOM_CREDIT_LINE_STYLE = {"order": ("agency", "creator")}
    assert Credit(creator="Jane Doe", agency="AP").line() == "PHOTO/AP/Jane Doe"


def test_unknown_part_in_style_is_refused(settings):
    settings.NEWSROOM_CREDIT_LINE_STYLE = {"order": ("creator", "photographer")}
    with pytest.raises(ValueError, match="photographer"):
        Credit(creator="Jane Doe").line()
