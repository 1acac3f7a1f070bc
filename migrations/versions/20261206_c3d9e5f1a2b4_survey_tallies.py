"""survey tallies: a wave's responses become counts after five years (research §6.9)

Revision ID: c3d9e5f1a2b4
Revises: b7d4e2a9c1f0
Create Date: 2026-12-06 20:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c3d9e5f1a2b4'
down_revision = 'b7d4e2a9c1f0'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('survey_response_tally',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('survey_id', sa.Integer(), nullable=False),
        sa.Column('quadrant', sa.String(length=20), nullable=True),
        sa.Column('channel', sa.String(length=20), nullable=False),
        sa.Column('responses', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_survey_response_tally_survey_id_survey'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_response_tally'))
    )
    with op.batch_alter_table('survey_response_tally', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_response_tally_survey_id'), ['survey_id'], unique=False)

    op.create_table('survey_answer_tally',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('survey_id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.Integer(), nullable=False),
        sa.Column('quadrant', sa.String(length=20), nullable=True),
        sa.Column('channel', sa.String(length=20), nullable=False),
        sa.Column('value', sa.JSON(), nullable=True),
        sa.Column('themes', sa.JSON(), nullable=False),
        sa.Column('coded', sa.Boolean(), nullable=False),
        sa.Column('had_text', sa.Boolean(), nullable=False),
        sa.Column('answers', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['question_id'], ['survey_question.id'], name=op.f('fk_survey_answer_tally_question_id_survey_question'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_survey_answer_tally_survey_id_survey'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_answer_tally'))
    )
    with op.batch_alter_table('survey_answer_tally', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_answer_tally_question_id'), ['question_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_answer_tally_survey_id'), ['survey_id'], unique=False)


def downgrade():
    with op.batch_alter_table('survey_answer_tally', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_answer_tally_survey_id'))
        batch_op.drop_index(batch_op.f('ix_survey_answer_tally_question_id'))
    op.drop_table('survey_answer_tally')
    with op.batch_alter_table('survey_response_tally', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_response_tally_survey_id'))
    op.drop_table('survey_response_tally')
