"""PostgreSQL search backend: pg_trgm, search_document and search_word (PostgreSQL only)

The tables belong to SEARCH_BACKEND=postgres (localoffer/search/postgres/schema.py). SQLite
has no tsvector and the Whoosh backend never needs them, so on SQLite this is a no-op.
Created whichever backend is configured, so switching to `postgres` later only needs
`flask search rebuild`.

Revision ID: b7d4e2a9c1f0
Revises: 5c1e0a2b7d41
Create Date: 2026-12-06 14:30:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = 'b7d4e2a9c1f0'
down_revision = '5c1e0a2b7d41'
branch_labels = None
depends_on = None


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade():
    if not _postgresql():
        return
    # Trusted since PostgreSQL 13: the database owner may create it.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_table('search_document',
    sa.Column('service_id', sa.Uuid(), nullable=False),
    sa.Column('need_bits', sa.Integer(), nullable=False),
    sa.Column('quadrant_bits', sa.Integer(), nullable=False),
    sa.Column('delivery_bits', sa.Integer(), nullable=False),
    sa.Column('day_bits', sa.Integer(), nullable=False),
    sa.Column('min_age', sa.SmallInteger(), nullable=False),
    sa.Column('max_age', sa.SmallInteger(), nullable=False),
    sa.Column('is_free', sa.Boolean(), nullable=False),
    sa.Column('visible_from', sa.Date(), nullable=True),
    sa.Column('visible_to', sa.Date(), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_key', sa.Text(), nullable=False),
    sa.Column('venue_lat', postgresql.ARRAY(sa.Float()), nullable=True),
    sa.Column('venue_lon', postgresql.ARRAY(sa.Float()), nullable=True),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('name_vector', postgresql.TSVECTOR(), nullable=False),
    sa.Column('document', postgresql.TSVECTOR(), nullable=False),
    sa.Column('words', postgresql.ARRAY(sa.Text()), nullable=False),
    sa.PrimaryKeyConstraint('service_id', name=op.f('pk_search_document'))
    )
    op.create_index('ix_search_document_document', 'search_document', ['document'], unique=False,
                    postgresql_using='gin')
    op.create_index('ix_search_document_filters', 'search_document', ['min_age', 'max_age'], unique=False,
                    postgresql_include=['service_id', 'need_bits', 'quadrant_bits', 'delivery_bits', 'day_bits',
                                        'is_free', 'visible_from', 'visible_to', 'name_key', 'name', 'venue_lat',
                                        'venue_lon'])
    # Tsvectors stay in the row (read for every hit); the typed words go out of it.
    op.execute("ALTER TABLE search_document ALTER COLUMN document SET STORAGE MAIN, "
               "ALTER COLUMN name_vector SET STORAGE MAIN, ALTER COLUMN words SET STORAGE EXTERNAL")
    op.create_table('search_word',
    sa.Column('word', sa.Text(), nullable=False),
    sa.Column('services', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('word', name=op.f('pk_search_word'))
    )
    op.create_index('ix_search_word_word', 'search_word', ['word'], unique=False, postgresql_using='gin',
                    postgresql_ops={'word': 'gin_trgm_ops'})


def downgrade():
    if not _postgresql():
        return
    op.drop_index('ix_search_word_word', table_name='search_word', postgresql_using='gin',
                  postgresql_ops={'word': 'gin_trgm_ops'})
    op.drop_table('search_word')
    op.drop_index('ix_search_document_filters', table_name='search_document')
    op.drop_index('ix_search_document_document', table_name='search_document', postgresql_using='gin')
    op.drop_table('search_document')
    # pg_trgm stays: other things in the database may use it, and it holds no data.
