"""checks and confusion pairs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 12:29:03.007661
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachmentscan",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("doc_class", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("organization_ids", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("truncated", sa.Boolean(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("index_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant_id", "sha256"),
    )
    with op.batch_alter_table("attachmentscan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachmentscan_tenant_id"), ["tenant_id"], unique=False)

    op.create_table(
        "confusionpair",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("intended", sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
        sa.Column("wrong", sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant_id", "intended", "wrong"),
    )
    with op.batch_alter_table("confusionpair", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_confusionpair_tenant_id"), ["tenant_id"], unique=False)

    op.create_table(
        "checkrecord",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("client", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("trigger", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("verdict", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("finding_codes", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("finding_targets", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("recipient_count", sa.Integer(), nullable=False),
        sa.Column("attachment_count", sa.Integer(), nullable=False),
        sa.Column("latency_ms", sa.Float(), nullable=False),
        sa.Column("index_version", sa.Integer(), nullable=False),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("outcome_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("dismissed", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenant.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("checkrecord", schema=None) as batch_op:
        batch_op.create_index("ix_checkrecord_tenant_created", ["tenant_id", "created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_checkrecord_user_id"), ["user_id"], unique=False)

    op.create_table(
        "correspondent",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("address_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenant.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant_id", "user_id", "address_hash"),
    )
    with op.batch_alter_table("correspondent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_correspondent_tenant_id"), ["tenant_id"], unique=False)

    op.create_table(
        "dismissal",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("check_id", sa.Uuid(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("recipient_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["check_id"], ["checkrecord.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenant.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("dismissal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dismissal_check_id"), ["check_id"], unique=False)
        batch_op.create_index("ix_dismissal_lookup", ["tenant_id", "user_id", "created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("dismissal", schema=None) as batch_op:
        batch_op.drop_index("ix_dismissal_lookup")
        batch_op.drop_index(batch_op.f("ix_dismissal_check_id"))

    op.drop_table("dismissal")
    with op.batch_alter_table("correspondent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_correspondent_tenant_id"))

    op.drop_table("correspondent")
    with op.batch_alter_table("checkrecord", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checkrecord_user_id"))
        batch_op.drop_index("ix_checkrecord_tenant_created")

    op.drop_table("checkrecord")
    with op.batch_alter_table("confusionpair", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_confusionpair_tenant_id"))

    op.drop_table("confusionpair")
    with op.batch_alter_table("attachmentscan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachmentscan_tenant_id"))

    op.drop_table("attachmentscan")
