"""search state: a version of the PostgreSQL search entries, so nodes can keep answers (PostgreSQL only)

Revision ID: d4e8f2a7b6c1
Revises: c3d9e5f1a2b4
Create Date: 2026-12-06 20:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd4e8f2a7b6c1'
down_revision = 'c3d9e5f1a2b4'
branch_labels = None
depends_on = None


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade():
    if not _postgresql():
        return
    op.create_table('search_state',
        sa.Column('id', sa.SmallInteger(), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_search_state'))
    )
    op.execute("INSERT INTO search_state (id, version) VALUES (1, 0)")


def downgrade():
    if not _postgresql():
        return
    op.drop_table('search_state')
