from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from app.auth.dependencies import AdminUser, CurrentUser
from app.checks.recorder import CheckRecorder
from app.deps import SessionDep, SettingsDep
from app.privacy import service

router = APIRouter(prefix="/v1", tags=["privacy"])


def _write_queued_rows(request: Request) -> None:
    """What the last checks queued (records, correspondents) is the user's data too: write it first, so an
    export shows it and an erasure is not undone by the next batch."""
    recorder: CheckRecorder | None = request.app.state.recorder
    if recorder is not None:
        recorder.flush()


@router.get("/me/data")
def export_my_data(request: Request, session: SessionDep, auth: CurrentUser) -> dict[str, Any]:
    """Everything SendGuard stores about the caller's mail, as JSON."""
    _write_queued_rows(request)
    return service.export_user_data(session, auth.user)


@router.delete("/me/data")
def delete_my_data(request: Request, session: SessionDep, auth: CurrentUser) -> dict[str, dict[str, int]]:
    _write_queued_rows(request)
    deleted = service.delete_user_data(session, auth.user)
    session.commit()
    return {"deleted": deleted}


@router.post("/admin/retention/purge")
def purge(session: SessionDep, _: AdminUser, settings: SettingsDep) -> dict[str, dict[str, int]]:
    """Run the retention purge now (it also runs hourly with the scheduled-send worker)."""
    return {"deleted": service.purge_expired(session, settings.retention_days)}
