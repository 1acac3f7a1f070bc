"""search entries: category and countywide filters, names in code point order, the first venue as a point (PostgreSQL only)

Searches with a page to rank now read only what the page needs: services with the words in
their name through their own index, and a page in name order straight from an index in that
order. Categories and countywide services become filters, as in the Whoosh backend. What
every search reads sits at the start of each row, fixed width.

search_document only holds entries made from the directory, so it is made again, empty:
run `flask search rebuild` straight after this upgrade (docs/deployment.md "Upgrading");
until then searches on the PostgreSQL backend find nothing. `flask search check` says so.

Revision ID: e5f9a3b8c2d7
Revises: d4e8f2a7b6c1
Create Date: 2026-12-06 22:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = 'e5f9a3b8c2d7'
down_revision = 'd4e8f2a7b6c1'
branch_labels = None
depends_on = None

STORAGE = ("ALTER TABLE search_document ALTER COLUMN document SET STORAGE MAIN, "
           "ALTER COLUMN name_vector SET STORAGE MAIN, ALTER COLUMN words SET STORAGE EXTERNAL")


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _empty_entries() -> None:
    """Entries and word counts go together; the version tells every node its answers are old."""
    op.drop_table('search_document')
    op.execute("DELETE FROM search_word")
    op.execute("UPDATE search_state SET version = version + 1")


def upgrade():
    if not _postgresql():
        return
    _empty_entries()
    op.create_table('search_document',
    sa.Column('service_id', sa.Uuid(), nullable=False),
    sa.Column('need_bits', sa.Integer(), nullable=False),
    sa.Column('quadrant_bits', sa.Integer(), nullable=False),
    sa.Column('delivery_bits', sa.Integer(), nullable=False),
    sa.Column('day_bits', sa.Integer(), nullable=False),
    sa.Column('category_bits', sa.Integer(), nullable=False),
    sa.Column('min_age', sa.SmallInteger(), nullable=False),
    sa.Column('max_age', sa.SmallInteger(), nullable=False),
    sa.Column('venues', sa.SmallInteger(), nullable=False),
    sa.Column('is_free', sa.Boolean(), nullable=False),
    sa.Column('is_countywide', sa.Boolean(), nullable=False),
    sa.Column('venue_x', sa.Float(), nullable=False),
    sa.Column('venue_y', sa.Float(), nullable=False),
    sa.Column('venue_z', sa.Float(), nullable=False),
    sa.Column('visible_from', sa.Date(), nullable=True),
    sa.Column('visible_to', sa.Date(), nullable=True),
    sa.Column('name', sa.Text(collation='C'), nullable=False),
    sa.Column('name_key', sa.Text(collation='C'), nullable=False),
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
    op.create_index('ix_search_document_name_vector', 'search_document', ['name_vector'], unique=False,
                    postgresql_using='gin')
    op.create_index('ix_search_document_names', 'search_document', ['name_key', 'name', 'service_id'],
                    unique=False, postgresql_include=[
                        'min_age', 'max_age', 'need_bits', 'quadrant_bits', 'delivery_bits', 'day_bits',
                        'category_bits', 'is_free', 'is_countywide', 'venues', 'venue_x', 'venue_y', 'venue_z',
                        'visible_from', 'visible_to', 'venue_lat', 'venue_lon'])
    op.execute(STORAGE)


def downgrade():
    if not _postgresql():
        return
    _empty_entries()
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
    op.execute(STORAGE)
