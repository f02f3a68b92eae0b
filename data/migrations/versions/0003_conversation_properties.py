"""Keep each conversation's current design properties on the conversation; page by id.

A turn used to work out the properties from every message and design of its conversation;
now it reads them from `conversation.properties`. Existing conversations get the value the
old code would have computed: the properties established last, by an assistant message
(`metadata.properties`) or by a design, whichever is newer. Two indexes let pages of the
newest messages and designs be read at the same cost whatever a conversation's length.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

conversation = sa.table(
    "conversation", sa.column("id", sa.Integer()), sa.column("properties", sa.JSON())
)
message = sa.table(
    "message",
    sa.column("id", sa.Integer()),
    sa.column("conversation_id", sa.Integer()),
    sa.column("metadata", sa.JSON()),
    sa.column("created_at", sa.DateTime(timezone=True)),
)
design = sa.table(
    "generated_image",
    sa.column("id", sa.Integer()),
    sa.column("conversation_id", sa.Integer()),
    sa.column("properties", sa.JSON()),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    """Add the column and the indexes, then fill the column from each conversation's rows."""
    with op.batch_alter_table("conversation") as batch:
        batch.add_column(sa.Column("properties", sa.JSON(), nullable=True))
    op.create_index("ix_message_conversation_id_id", "message", ["conversation_id", "id"])
    op.create_index(
        "ix_generated_image_conversation_id_id", "generated_image", ["conversation_id", "id"]
    )
    bind = op.get_bind()
    for (conversation_id,) in bind.execute(sa.select(conversation.c.id)).all():
        established = _established(bind, conversation_id)
        if established is not None:
            bind.execute(
                conversation.update()
                .where(conversation.c.id == conversation_id)
                .values(properties=established)
            )


def _established(bind: sa.Connection, conversation_id: int) -> dict[str, Any] | None:
    """The properties set last in a conversation, exactly as the first release chose them."""
    messages = bind.execute(
        sa.select(message.c.created_at, message.c.metadata)
        .where(message.c.conversation_id == conversation_id)
        .order_by(message.c.created_at, message.c.id)
    ).all()
    designs = bind.execute(
        sa.select(design.c.created_at, design.c.properties)
        .where(design.c.conversation_id == conversation_id)
        .order_by(design.c.id)
    ).all()
    candidates = [(at, (meta or {}).get("properties")) for at, meta in messages]
    candidates = [(at, props) for at, props in candidates if props]
    candidates += [(at, props) for at, props in designs]
    if not candidates:
        return None
    return max(candidates, key=lambda candidate: candidate[0])[1]


def downgrade() -> None:
    """Drop the indexes and the column (the first releases work it out from the rows)."""
    op.drop_index("ix_generated_image_conversation_id_id", table_name="generated_image")
    op.drop_index("ix_message_conversation_id_id", table_name="message")
    with op.batch_alter_table("conversation") as batch:
        batch.drop_column("properties")
