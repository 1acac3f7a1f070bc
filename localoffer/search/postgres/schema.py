"""The tables the PostgreSQL search backend keeps beside the directory (PostgreSQL only).

    search_document   one row per listed service: its words as a weighted tsvector (name A,
                      summary B, the rest C), its name's words apart, every filter value, its
                      venues and the fingerprint `flask search check` compares
    search_word       every word services use, as typed, and how many use it: the vocabulary
                      of "did you mean" (found by pg_trgm similarity)
    search_state      one row: a number that goes up in every transaction that changes
                      entries, so each node can keep answers until the entries change

These are not models: SQLite has no tsvector, and the Whoosh backend never needs them. They
are created by migrations on PostgreSQL only (a no-op on SQLite): `20261206_b7d4e2a9c1f0`,
and `20261206_e5f9a3b8c2d7` for today's search_document; and by `create_search_schema` for
test databases built with `db.create_all()`.
"""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, Column, Date, Float, Index, Integer, MetaData, SmallInteger, String,
                        Table, Text, Uuid, text)
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR

from ...extensions import NAMING

metadata = MetaData(naming_convention=NAMING)

# What searches without words read besides the name (ix_search_document_names covers them).
FILTER_COLUMNS = ("min_age", "max_age", "need_bits", "quadrant_bits", "delivery_bits", "day_bits", "category_bits",
                  "is_free", "is_countywide", "venues", "venue_x", "venue_y", "venue_z", "visible_from",
                  "visible_to", "venue_lat", "venue_lon")

search_document = Table(
    "search_document", metadata,
    # No foreign key: an entry goes with the change that removes its service (as in
    # Whoosh), so its words can be uncounted; one deleted behind the app's back shows in
    # `search check`.
    Column("service_id", Uuid, primary_key=True),
    # What every search reads comes first, fixed width and never NULL: PostgreSQL finds
    # these at the same place in every row. Bit sets in vocabulary order (entries.LAYOUT);
    # a countywide service has every quadrant's bit.
    Column("need_bits", Integer, nullable=False),
    Column("quadrant_bits", Integer, nullable=False),
    Column("delivery_bits", Integer, nullable=False),
    Column("day_bits", Integer, nullable=False),
    Column("category_bits", Integer, nullable=False),  # type of service: a filter without a facet
    Column("min_age", SmallInteger, nullable=False),
    Column("max_age", SmallInteger, nullable=False),
    Column("venues", SmallInteger, nullable=False),  # how many venues it has
    Column("is_free", Boolean, nullable=False),
    Column("is_countywide", Boolean, nullable=False),
    # The first venue as a point on the unit sphere (0 without one): the nearest services
    # have the largest dot product with the place searched from, three multiplications a
    # row instead of haversine's trigonometry. The miles shown come from lat/lon.
    Column("venue_x", Float, nullable=False),
    Column("venue_y", Float, nullable=False),
    Column("venue_z", Float, nullable=False),
    # Seasonal listings are findable only between these dates, checked when searching.
    Column("visible_from", Date),
    Column("visible_to", Date),
    # Names compare in code point order ("C"), as Python sorts them for the Whoosh
    # backend, so the name index serves name order directly.
    Column("name", Text(collation="C"), nullable=False),
    Column("name_key", Text(collation="C"), nullable=False),  # normalize_name(name): "exact name first"
    Column("venue_lat", ARRAY(Float)),  # every venue; NULL when the service has none
    Column("venue_lon", ARRAY(Float)),
    Column("fingerprint", String(64), nullable=False),
    Column("name_vector", TSVECTOR, nullable=False),  # the name alone: "every word in the name"
    Column("document", TSVECTOR, nullable=False),
    Column("words", ARRAY(Text), nullable=False),  # words as typed, counted in search_word
    Index("ix_search_document_document", "document", postgresql_using="gin"),
    # The few services with the words in their name, ranked first: found without reading the rest.
    Index("ix_search_document_name_vector", "name_vector", postgresql_using="gin"),
    # In name order, with everything a search without words needs: such a search counts from
    # this small index, not the table, and reads a page in name order from its start.
    Index("ix_search_document_names", "name_key", "name", "service_id", postgresql_include=list(FILTER_COLUMNS)),
)

search_word = Table(
    "search_word", metadata,
    Column("word", Text, primary_key=True),
    Column("services", Integer, nullable=False),  # listed services using it (in season or not)
    Index("ix_search_word_word", "word", postgresql_using="gin", postgresql_ops={"word": "gin_trgm_ops"}),
)

search_state = Table(
    "search_state", metadata,
    Column("id", SmallInteger, primary_key=True),  # always 1
    Column("version", BigInteger, nullable=False),
)

TABLES = (search_document, search_word)  # the entries (search_state is never emptied)

# Keep the tsvectors in the row (uncompressed unless a row would not fit a page): matching
# and ranking read them for every hit, and fetching each from the TOAST table would cost
# several times more. The typed words are only read when an entry is rewritten, so they go
# out of the row.
STORAGE = ("ALTER TABLE search_document ALTER COLUMN document SET STORAGE MAIN, "
           "ALTER COLUMN name_vector SET STORAGE MAIN, ALTER COLUMN words SET STORAGE EXTERNAL")


FIRST_STATE = "INSERT INTO search_state (id, version) VALUES (1, 0) ON CONFLICT DO NOTHING"


def create_search_schema(connection) -> None:
    """pg_trgm and the search tables (for databases made with create_all, e.g. tests)."""
    connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    metadata.create_all(connection)
    connection.execute(text(STORAGE))
    connection.execute(text(FIRST_STATE))


def drop_search_schema(connection) -> None:
    metadata.drop_all(connection)
