"""import proposals: import runs, and revisions that carry a feed record for approval

Revision ID: a5c0e1f2b3d4
Revises: 12756631b921
Create Date: 2026-12-06 13:46:52.846518

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a5c0e1f2b3d4'
down_revision = '12756631b921'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('import_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('actor', sa.String(length=255), nullable=False),
    sa.Column('requires_approval', sa.Boolean(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created', sa.Integer(), nullable=False),
    sa.Column('updated', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.Column('sent_for_approval', sa.Integer(), nullable=False),
    sa.Column('skipped', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_run'))
    )
    with op.batch_alter_table('service_revision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('import_run_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('imported_record', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('import_digest', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_service_revision_import_run_id'), ['import_run_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_service_revision_import_run_id_import_run'), 'import_run', ['import_run_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('service_revision', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_service_revision_import_run_id_import_run'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_service_revision_import_run_id'))
        batch_op.drop_column('import_digest')
        batch_op.drop_column('imported_record')
        batch_op.drop_column('import_run_id')

    op.drop_table('import_run')
