"""The tables the PostgreSQL search backend keeps beside the directory (PostgreSQL only).

    search_document   one row per listed service: its words as a weighted tsvector (name A,
                      summary B, the rest C), its name's words apart, every filter value, its
                      venues and the fingerprint `flask search check` compares
    search_word       every word services use, as typed, and how many use it: the vocabulary
                      of "did you mean" (found by pg_trgm similarity)
    search_state      one row: a number that goes up in every transaction that changes
                      entries, so each node can keep answers until the entries change

These are not models: SQLite has no tsvector, and the Whoosh backend never needs them. They
are created by the migration `20261206_b7d4e2a9c1f0` on PostgreSQL only (a no-op on SQLite),
and by `create_search_schema` for test databases built with `db.create_all()`.
"""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, Column, Date, Float, Index, Integer, MetaData, SmallInteger, String,
                        Table, Text, Uuid, text)
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR

from ...extensions import NAMING

metadata = MetaData(naming_convention=NAMING)

search_document = Table(
    "search_document", metadata,
    # No foreign key: an entry goes with the change that removes its service (as in Whoosh),
    # so its words can be uncounted; one deleted behind the app's back shows in `search check`.
    Column("service_id", Uuid, primary_key=True),
    # Filter values come first: fixed-width columns at the start of a row are the cheapest to
    # read. Bit sets in vocabulary order (entries.LAYOUT); a countywide service has every
    # quadrant's bit.
    Column("need_bits", Integer, nullable=False),
    Column("quadrant_bits", Integer, nullable=False),
    Column("delivery_bits", Integer, nullable=False),
    Column("day_bits", Integer, nullable=False),
    Column("min_age", SmallInteger, nullable=False),
    Column("max_age", SmallInteger, nullable=False),
    Column("is_free", Boolean, nullable=False),
    # Seasonal listings are findable only between these dates, checked when searching.
    Column("visible_from", Date),
    Column("visible_to", Date),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),  # text.normalize_name(name): "exact name first"
    Column("venue_lat", ARRAY(Float)),  # NULL when the service has no venue
    Column("venue_lon", ARRAY(Float)),
    Column("fingerprint", String(64), nullable=False),
    Column("name_vector", TSVECTOR, nullable=False),  # the name alone: "every word in the name"
    Column("document", TSVECTOR, nullable=False),
    Column("words", ARRAY(Text), nullable=False),  # words as typed, counted in search_word
    Index("ix_search_document_document", "document", postgresql_using="gin"),
    # Everything but the words: a search without words reads this small index, not the table.
    Index("ix_search_document_filters", "min_age", "max_age", postgresql_include=[
        "service_id", "need_bits", "quadrant_bits", "delivery_bits", "day_bits", "is_free", "visible_from",
        "visible_to", "name_key", "name", "venue_lat", "venue_lon"]),
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
