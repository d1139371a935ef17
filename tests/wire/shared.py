"""Where the wire tests find the agency samples shared beside the repository.

They are read in place from ``../shared/wire`` (never copied into the repository);
without that folder the tests that need them skip, saying why.
"""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
WIRE = SHARED / "wire"
FORMATS = WIRE / "formats"
DEV = WIRE / "dev"
SEED = SHARED / "seed" / "seed-article.txt"
STORIES = Path(__file__).resolve().parent / "stories"

needs_formats = pytest.mark.skipif(
    not FORMATS.is_dir(), reason="../shared/wire/formats (agency samples) is not here"
)
needs_dev = pytest.mark.skipif(
    not DEV.is_dir(), reason="../shared/wire/dev (annotated stories) is not here"
)
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is not here")
