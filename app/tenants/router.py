from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel

from app.auth.dependencies import CurrentUser

router = APIRouter(prefix="/v1/me", tags=["me"])


class Me(BaseModel):
    email: str
    display_name: str
    locale: str
    role: Literal["member", "admin"]
    tenant: str


@router.get("", response_model=Me)
def who_am_i(auth: CurrentUser) -> Me:
    """The signed-in user: clients show their name and offer admin screens only to admins."""
    return Me(
        email=auth.user.email,
        display_name=auth.user.display_name or auth.user.email,
        locale=auth.user.locale,
        role="admin" if auth.is_admin else "member",
        tenant=auth.tenant.name,
    )
