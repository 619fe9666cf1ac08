from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.auth.dependencies import AdminUser
from app.deps import SessionDep
from app.insight import service
from app.insight.schemas import Insight

router = APIRouter(prefix="/v1/insight", tags=["insight"])


@router.get("", response_model=Insight)
def get_insight(
    session: SessionDep,
    auth: AdminUser,
    weeks: Annotated[int, Query(ge=1, le=52, description="How many weeks back, this week included")] = 12,
) -> Insight:
    """Per week and finding code: fired, fixed, sent anyway, dismissed; incidents by severity (admins)."""
    return service.insight(session, auth.tenant.id, weeks)
