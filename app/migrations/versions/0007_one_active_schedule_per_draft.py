"""One pending (or sending) scheduled send per draft.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = "status IN ('pending', 'sending')"

# Before the index, concurrent requests could schedule one draft several times: keep the earliest of each draft's
# active schedules and cancel the others, so that the draft is still sent once.
CANCEL_DUPLICATES = f"""
UPDATE scheduledsend SET status = 'cancelled', last_error = 'A second schedule of the same draft.'
WHERE {ACTIVE} AND EXISTS (
    SELECT 1 FROM scheduledsend AS earlier
    WHERE earlier.tenant_id = scheduledsend.tenant_id
      AND earlier.provider = scheduledsend.provider
      AND earlier.draft_id = scheduledsend.draft_id
      AND earlier.{ACTIVE}
      AND (earlier.created_at < scheduledsend.created_at
           OR (earlier.created_at = scheduledsend.created_at AND earlier.id < scheduledsend.id))
)
"""


def upgrade() -> None:
    op.execute(CANCEL_DUPLICATES)
    op.create_index(
        "uq_scheduledsend_active_draft",
        "scheduledsend",
        ["tenant_id", "provider", "draft_id"],
        unique=True,
        sqlite_where=sa.text(ACTIVE),
        postgresql_where=sa.text(ACTIVE),
    )


def downgrade() -> None:
    op.drop_index("uq_scheduledsend_active_draft", table_name="scheduledsend")
