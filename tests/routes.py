"""Every HTTP route the application serves, read from app.routes (not from a hand-kept list)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import get_flat_params
from fastapi.routing import APIRoute, iter_route_contexts

from app.auth.dependencies import require_admin

_PARAM = re.compile(r"{(\w+)(?::\w+)?}")


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    path: str  # as FastAPI declares it, converters included: /v1/incidents/{incident_id:uuid}
    in_schema: bool
    admin_only: bool = False
    has_body: bool = False
    # Path, query or body parameters FastAPI validates (a route reading the raw body has none).
    takes_input: bool = False

    @property
    def params(self) -> list[str]:
        return _PARAM.findall(self.path)

    @property
    def key(self) -> tuple[str, str]:
        """(method, path without converters), the spelling of the OpenAPI schema."""
        return self.method, _PARAM.sub(lambda m: "{" + m.group(1) + "}", self.path)

    def url(self, values: dict[str, str]) -> str:
        return _PARAM.sub(lambda m: values[m.group(1)], self.path)


def _needs_admin(dependant: Dependant) -> bool:
    return dependant.call is require_admin or any(_needs_admin(d) for d in dependant.dependencies)


def api_routes(app: Any) -> list[Route]:
    """The application's own endpoints (FastAPI's docs pages left out), one entry per method."""
    found = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute):
            continue
        takes_input = bool(get_flat_params(route.dependant)) or route.body_field is not None
        for method in sorted(context.methods or ()):
            found.append(
                Route(
                    method.lower(),
                    context.path,
                    bool(context.include_in_schema),
                    admin_only=_needs_admin(route.dependant),
                    has_body=route.body_field is not None,
                    takes_input=takes_input,
                )
            )
    return found
