"""search log: mark the made-up demo searches

Revision ID: b7e2c4a91d30
Revises: a5c0e1f2b3d4
Create Date: 2026-12-06 14:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7e2c4a91d30'
down_revision = 'a5c0e1f2b3d4'
branch_labels = None
depends_on = None


def upgrade():
    # Searches already logged were made on the site: they are not demo searches.
    with op.batch_alter_table('search_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_demo', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('search_log', schema=None) as batch_op:
        batch_op.drop_column('is_demo')
