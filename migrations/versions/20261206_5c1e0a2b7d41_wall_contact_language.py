"""wall contact language: updates to a family are written in the language they used

Revision ID: 5c1e0a2b7d41
Revises: b7e2c4a91d30
Create Date: 2026-12-06 15:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5c1e0a2b7d41'
down_revision = 'b7e2c4a91d30'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('wall_contact', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=10), server_default='en', nullable=False))


def downgrade():
    with op.batch_alter_table('wall_contact', schema=None) as batch_op:
        batch_op.drop_column('language')
