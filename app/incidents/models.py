import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.common import created_at_field, id_field


class ConfusionPair(SQLModel, table=True):
    """Learned from incidents: mail meant for `intended` went to `wrong`; `known_confusion` warns next time."""

    __table_args__ = (UniqueConstraint("tenant_id", "intended", "wrong"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", index=True, ondelete="CASCADE")
    intended: str = Field(max_length=320)
    wrong: str = Field(max_length=320)
    count: int = 1
    updated_at: datetime = created_at_field()
