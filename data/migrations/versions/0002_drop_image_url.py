"""Drop generated_image.image_url: file URLs are built by the UI from image_path.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Drop the stored URL (SQLite copies the table without it)."""
    with op.batch_alter_table("generated_image") as batch:
        batch.drop_column("image_url")


def downgrade() -> None:
    """Put the column back, empty: the first release only passes it on in API answers."""
    with op.batch_alter_table("generated_image") as batch:
        batch.add_column(sa.Column("image_url", sa.String(), nullable=False, server_default=""))
    with op.batch_alter_table("generated_image") as batch:
        batch.alter_column("image_url", server_default=None)
