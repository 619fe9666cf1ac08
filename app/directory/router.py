from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, status
from starlette.concurrency import run_in_threadpool

from app.auth.dependencies import AdminUser, CurrentUser
from app.deps import SessionDep, SettingsDep
from app.directory import importer, repository, service
from app.directory.schemas import (
    ImportResult,
    OrganizationCreate,
    OrganizationList,
    OrganizationPublic,
    OrganizationUpdate,
    RivalGroup_,
    RivalGroupMember,
)
from app.directory.tables import read_table
from app.directory.upload import XLSX_TYPE, Upload, read_directory_upload
from app.validation import SafeText

router = APIRouter(prefix="/v1/organizations", tags=["directory"])
groups_router = APIRouter(prefix="/v1/rival-groups", tags=["directory"])


@groups_router.get("", response_model=list[RivalGroup_])
def list_rival_groups(session: SessionDep, auth: CurrentUser) -> list[RivalGroup_]:
    """Customers that compete with each other, group by group (an organization's `rival_group` tag)."""
    groups: dict[str, list[RivalGroupMember]] = {}
    for org_id, name, kind, group in repository.rival_group_members(session, auth.tenant.id):
        groups.setdefault(group, []).append(RivalGroupMember(id=org_id, name=name, kind=kind))
    return [RivalGroup_(name=group, members=members) for group, members in groups.items()]


@router.get("", response_model=OrganizationList)
def list_organizations(
    session: SessionDep,
    auth: CurrentUser,
    q: Annotated[SafeText | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> OrganizationList:
    items, total = repository.search(session, auth.tenant.id, (q or "").strip() or None, limit, offset)
    return OrganizationList(
        items=[OrganizationPublic.model_validate(o) for o in items], total=total, limit=limit, offset=offset
    )


@router.post("", response_model=OrganizationPublic, status_code=status.HTTP_201_CREATED)
def create_organization(session: SessionDep, auth: AdminUser, body: OrganizationCreate) -> OrganizationPublic:
    org = service.create(session, auth.tenant, body)
    session.commit()
    return OrganizationPublic.model_validate(org)


@router.post(
    "/import",
    response_model=ImportResult,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                XLSX_TYPE: {"schema": {"type": "string", "format": "binary"}},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {"file": {"type": "string", "format": "binary"}},
                        "required": ["file"],
                    }
                },
            },
        }
    },
)
async def import_organizations(
    request: Request,
    session: SessionDep,
    auth: AdminUser,
    settings: SettingsDep,
    dry_run: Annotated[bool, Query(description="Only report what would be created, updated and rejected")] = False,
) -> ImportResult:
    """CSV (`,` `;` or tab separated, UTF-8) or XLSX, as the body with its content type or as the form field `file`."""
    upload = await read_directory_upload(request, settings.max_csv_bytes)
    return await run_in_threadpool(_import, session, auth, upload, settings.max_csv_rows, dry_run)


def _import(session: SessionDep, auth: AdminUser, upload: Upload, max_rows: int, dry_run: bool) -> ImportResult:
    result = importer.import_table(session, auth.tenant, read_table(upload), max_rows, dry_run=dry_run)
    if not dry_run:
        session.commit()
    return result


@router.get("/{org_id:uuid}", response_model=OrganizationPublic)
def get_organization(session: SessionDep, auth: CurrentUser, org_id: uuid.UUID) -> OrganizationPublic:
    return OrganizationPublic.model_validate(service.get(session, auth.tenant, org_id))


@router.patch("/{org_id:uuid}", response_model=OrganizationPublic)
def update_organization(
    session: SessionDep, auth: AdminUser, org_id: uuid.UUID, body: OrganizationUpdate
) -> OrganizationPublic:
    org = service.update(session, auth.tenant, org_id, body)
    session.commit()
    return OrganizationPublic.model_validate(org)


@router.delete("/{org_id:uuid}", status_code=status.HTTP_204_NO_CONTENT)
def delete_organization(session: SessionDep, auth: AdminUser, org_id: uuid.UUID) -> None:
    service.delete(session, auth.tenant, org_id)
    session.commit()
