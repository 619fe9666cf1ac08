from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app.auth.dependencies import AdminUser, CurrentUser
from app.deps import SessionDep, SettingsDep
from app.privacy import service

router = APIRouter(prefix="/v1", tags=["privacy"])


@router.get("/me/data")
def export_my_data(session: SessionDep, auth: CurrentUser) -> dict[str, Any]:
    """Everything SendGuard stores about the caller's mail, as JSON."""
    return service.export_user_data(session, auth.user)


@router.delete("/me/data")
def delete_my_data(session: SessionDep, auth: CurrentUser) -> dict[str, dict[str, int]]:
    deleted = service.delete_user_data(session, auth.user)
    session.commit()
    return {"deleted": deleted}


@router.post("/admin/retention/purge")
def purge(session: SessionDep, _: AdminUser, settings: SettingsDep) -> dict[str, dict[str, int]]:
    """Run the retention purge now (it also runs hourly with the scheduled-send worker)."""
    return {"deleted": service.purge_expired(session, settings.retention_days)}
