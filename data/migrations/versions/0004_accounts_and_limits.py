"""Accounts and limits: a user table, a usage ledger, and an owner and size on every design.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

# Designs made without a conversation belonged to the one local studio, whose owner has always
# been "designer" (Settings.user_id); STUDIO_AUTH=none keeps showing them there.
LOCAL_OWNER = "designer"


def upgrade() -> None:
    """Add the tables, then give every design the owner of its conversation (or the local one)."""
    op.create_table(
        "user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "usage_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_usage_event_owner_kind_time", "usage_event", ["owner", "kind", "created_at"]
    )
    with op.batch_alter_table("generated_image") as batch:
        batch.add_column(sa.Column("owner", sa.String(length=128), nullable=True))
        # Sizes of existing designs are measured from their files by the app's sweeper.
        batch.add_column(sa.Column("size_bytes", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE generated_image SET owner = COALESCE("
        "(SELECT conversation.user_id FROM conversation"
        " WHERE conversation.id = generated_image.conversation_id), "
        f"'{LOCAL_OWNER}')"
    )
    with op.batch_alter_table("generated_image") as batch:
        batch.alter_column("owner", existing_type=sa.String(length=128), nullable=False)
        batch.create_index("ix_generated_image_owner", ["owner"])


def downgrade() -> None:
    """Drop what the upgrade added (accounts, counted uses, owners and sizes of designs)."""
    with op.batch_alter_table("generated_image") as batch:
        batch.drop_index("ix_generated_image_owner")
        batch.drop_column("size_bytes")
        batch.drop_column("owner")
    op.drop_index("ix_usage_event_owner_kind_time", table_name="usage_event")
    op.drop_table("usage_event")
    op.drop_table("user")
