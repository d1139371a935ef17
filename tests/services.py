"""Real servers the tests talk to (Redis, ...): found, or the test is skipped.

CI sets NEWSROOM_REQUIRE_SERVICES=1, which turns a missing server into a failure.
"""

import os
import socket
from urllib.parse import urlparse

import pytest

REDIS_URL = os.environ.get("NEWSROOM_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def require(url, name):
    address = urlparse(url)
    try:
        socket.create_connection((address.hostname, address.port), timeout=1).close()
    except OSError:
        message = f"{name} is not reachable at {address.hostname}:{address.port}"
        if os.environ.get("NEWSROOM_REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return url
