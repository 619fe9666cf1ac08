"""Who is calling the add-on endpoints: Google (the systemIdToken) on behalf of whom (the userIdToken).

Both are Google-signed ID tokens, checked by app.auth.google. Tokens are never logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.addons.gmail.models import AddonEvent
from app.auth.exceptions import AuthModeNotAvailable, InvalidCredentials, MissingCredentials
from app.auth.google import GoogleIdTokens, principal_from_claims
from app.auth.principal import Principal
from app.config import Settings


@dataclass(frozen=True, slots=True)
class AddonCaller:
    principal: Principal
    user_oauth_token: str | None


class AddonVerifier:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._tokens = GoogleIdTokens(settings)

    def endpoint_url(self, path: str) -> str:
        return self._settings.public_base_url.rstrip("/") + path

    def _verify(self, token: str, audience: str) -> dict[str, Any]:
        return self._tokens.verify(token, audience)

    def verify(self, event: AddonEvent, path: str, bearer: str | None) -> AddonCaller:
        """Check that Google sent this event to this endpoint, and tell who the user is."""
        settings = self._settings
        if not settings.gmail_addon_service_account or not settings.google_client_id:
            raise AuthModeNotAvailable("The Gmail add-on is not configured on this server.")
        auth = event.authorization_event_object
        system_token = auth.system_id_token or bearer
        if not system_token:
            raise MissingCredentials("The add-on event carries no systemIdToken.")
        system = self._verify(system_token, self.endpoint_url(path))
        if system.get("email") != settings.gmail_addon_service_account or system.get("email_verified") is not True:
            raise InvalidCredentials(details={"reason": "not_the_addon_service_account"})
        if not auth.user_id_token:
            raise MissingCredentials("The add-on event carries no userIdToken.")
        user = self._verify(auth.user_id_token, settings.google_client_id)
        return AddonCaller(
            principal=principal_from_claims(user, event.locale, settings), user_oauth_token=auth.user_oauth_token
        )
