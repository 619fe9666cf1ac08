"""identity lengths: tenant keys and user subjects for the longest addresses, 256-character display names

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 15:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

String = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table("tenant") as batch_op:
        batch_op.alter_column("key", type_=String(length=400), existing_type=String(length=255), nullable=False)
    with op.batch_alter_table("user") as batch_op:
        batch_op.alter_column("subject", type_=String(length=400), existing_type=String(length=255), nullable=False)
        batch_op.alter_column(
            "display_name", type_=String(length=256), existing_type=String(length=255), nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table("user") as batch_op:
        batch_op.alter_column(
            "display_name", type_=String(length=255), existing_type=String(length=256), nullable=False
        )
        batch_op.alter_column("subject", type_=String(length=255), existing_type=String(length=400), nullable=False)
    with op.batch_alter_table("tenant") as batch_op:
        batch_op.alter_column("key", type_=String(length=255), existing_type=String(length=400), nullable=False)
