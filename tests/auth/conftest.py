# Google's signing key and certificate server, shared with the Gmail add-on tests.
from tests.addons.conftest import certs_url, google

__all__ = ["certs_url", "google"]
