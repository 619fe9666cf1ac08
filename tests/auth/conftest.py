from collections.abc import Iterator

import pytest

# Google's signing key and certificate server, shared with the Gmail add-on tests.
from tests.addons.conftest import certs_url, google
from tests.auth.http_server import Server, serve

__all__ = ["certs_url", "google"]


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as state:
        yield state
