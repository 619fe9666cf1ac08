from __future__ import annotations

from fastapi import APIRouter

from app.auth.dependencies import AdminUser, CurrentUser
from app.deps import SessionDep
from app.policies import service
from app.policies.schemas import PolicyPublic, PolicyUpdate

router = APIRouter(prefix="/v1/policy", tags=["policy"])


@router.get("", response_model=PolicyPublic)
def get_policy(session: SessionDep, auth: CurrentUser) -> PolicyPublic:
    return service.public(session, auth.tenant)


@router.put("", response_model=PolicyPublic)
def put_policy(session: SessionDep, auth: AdminUser, body: PolicyUpdate) -> PolicyPublic:
    result = service.replace(session, auth.tenant, body)
    session.commit()
    return result
