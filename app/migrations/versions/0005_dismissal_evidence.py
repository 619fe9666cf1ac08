"""dismissals keyed to the finding's evidence

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 15:40:00

A dismissal used to be code + recipient, so dismissing one mention of a customer silenced that customer's
PI later. Dismissals now carry the hash of what triggered the finding; older rows have none and are
dropped, since they cannot say which evidence they meant.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("DELETE FROM dismissal")
    with op.batch_alter_table("dismissal") as batch:
        batch.add_column(
            sa.Column("evidence_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("dismissal") as batch:
        batch.drop_column("evidence_hash")
