from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from app.auth.dependencies import CurrentUser
from app.checks.service import request_locale
from app.deps import SessionDep
from app.templates import prefill, service
from app.templates.schemas import (
    HandoffCreate,
    HandoffPrefill,
    HandoffPrefillRequest,
    HandoffPublic,
    HandoffResult,
    RenderedLetter,
    RenderRequest,
    TemplatePublic,
)

router = APIRouter(prefix="/v1", tags=["templates"])


@router.get("/templates", response_model=list[TemplatePublic])
def list_templates(_: CurrentUser) -> list[TemplatePublic]:
    return service.catalogue()


@router.post("/templates/{name}/render", response_model=RenderedLetter)
def render_template(_: CurrentUser, name: Annotated[str, Path(max_length=64)], body: RenderRequest) -> RenderedLetter:
    return service.render_template(name, body.locale, body.fields)


@router.post("/handoffs", response_model=HandoffResult, status_code=status.HTTP_201_CREATED)
def create_handoff(session: SessionDep, auth: CurrentUser, body: HandoffCreate) -> HandoffResult:
    result = service.create_handoff(session, auth, body)
    session.commit()
    return result


@router.post("/handoffs/prefill", response_model=HandoffPrefill)
def prefill_handoff(session: SessionDep, auth: CurrentUser, body: HandoffPrefillRequest) -> HandoffPrefill:
    """The hand-off e-mail to the colleague who owns a recipient's account, filled in from the directory and
    from the documents SendGuard saw for that customer; nothing is recorded."""
    return prefill.prefill(session, auth, body.recipient, request_locale(body.locale, auth))


@router.get("/handoffs", response_model=list[HandoffPublic])
def list_handoffs(
    session: SessionDep, auth: CurrentUser, organization_id: Annotated[uuid.UUID | None, Query()] = None
) -> list[HandoffPublic]:
    return service.list_handoffs(session, auth.tenant, organization_id)
