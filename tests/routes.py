"""Every HTTP route the application serves, read from app.routes (not from a hand-kept list)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fastapi.routing import APIRoute, iter_route_contexts

_PARAM = re.compile(r"{(\w+)(?::\w+)?}")


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    path: str  # as FastAPI declares it, converters included: /v1/incidents/{incident_id:uuid}
    in_schema: bool

    @property
    def params(self) -> list[str]:
        return _PARAM.findall(self.path)

    @property
    def key(self) -> tuple[str, str]:
        """(method, path without converters), the spelling of the OpenAPI schema."""
        return self.method, _PARAM.sub(lambda m: "{" + m.group(1) + "}", self.path)

    def url(self, values: dict[str, str]) -> str:
        return _PARAM.sub(lambda m: values[m.group(1)], self.path)


def api_routes(app: Any) -> list[Route]:
    """The application's own endpoints (FastAPI's docs pages left out), one entry per method."""
    found = []
    for context in iter_route_contexts(app.routes):
        if not isinstance(context.original_route, APIRoute):
            continue
        for method in sorted(context.methods or ()):
            found.append(Route(method.lower(), context.path, bool(context.include_in_schema)))
    return found
