"""Writing a complete index from the database on every core (`flask search rebuild`).

Building an entry (reading a service with everything it shows, analysing its text) and
writing Whoosh postings are pure Python, so one process uses one core: 50,000 services took
well over a minute. Instead the findable services are split into as many contiguous parts
as there are cores; a forked process per part reads its services from the database and
writes them as one Whoosh segment into the new index folder; the parent then commits the
segments together as the index's first generation. A search reads a multi-segment index
exactly like a single-segment one (scores use whole-index statistics), and the content is
the same as a one-process build, which the tests check by fingerprints.
"""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session
from whoosh.writing import SegmentWriter

from ..data.listings import indexed_services
from ..data.services import findable_clause
from ..extensions import db
from ..models import Service
from ..workers import available_cores, fork_map, split
from .documents import service_document
from .store import IndexStore

PARALLEL_FROM = 2000  # findable services; fewer are quicker to index than to start processes
READ_BATCH = 500  # services read from the database at a time
# Whoosh sorts postings in memory up to this size per writer (so per process) before spilling
# to temporary files that it must read back and merge.
WRITER_MEMORY_MB = 256
# Segments as separate files, not one "compound" file per segment: Whoosh maps a compound file
# into memory and then copies each part it opens, so every worker held the index twice over
# (about 150 MB at 50,000 services). Separate files are read through the OS page cache,
# which all workers share.
COMPOUND = False


def findable_ids() -> list[uuid.UUID]:
    with Session(db.engine) as session:
        return list(session.scalars(select(Service.id).where(findable_clause()).order_by(Service.id)))


def documents(session: Session, ids: list[uuid.UUID]):
    """The index documents of the findable services among `ids`, read in batches."""
    for start in range(0, len(ids), READ_BATCH):
        for service in indexed_services(session, ids[start:start + READ_BATCH]):
            yield service_document(service)


def build_index(store: IndexStore, name: str, processes: int | None = None) -> int:
    """Write every findable service into the (new, empty) index `name`; the number written."""
    ids = findable_ids()
    if processes is None:
        processes = available_cores() if len(ids) >= PARALLEL_FROM else 1
    parts = split(ids, max(1, processes)) if ids else []
    written = fork_map(_write_segment, [(str(store.root), name, part) for part in parts],
                       processes)
    segments = [segment for segment, _count in written if segment is not None]
    writer = store.open(name).writer()
    # The parts' segments become the index's segments (Whoosh's own multi-process writer
    # does the same with multisegment=True).
    writer.commit(mergetype=lambda _writer, existing: existing + segments)
    return sum(count for _segment, count in written)


def _write_segment(task) -> tuple[object | None, int]:
    """In a worker: index one part of the services as one new segment of the index."""
    root, name, ids = task
    index = IndexStore(root).open(name)
    # No lock: the parent holds the index's write lock and commits what the parts write.
    writer = SegmentWriter(index, _lk=False, limitmb=WRITER_MEMORY_MB, compound=COMPOUND)
    count = 0
    try:
        with Session(db.engine) as session:
            for document in documents(session, ids):
                writer.add_document(**document)
                count += 1
    except BaseException:
        writer.cancel()
        raise
    if not count:
        writer.cancel()
        return None, 0
    return writer._finalize_segment(), count  # what Whoosh's MpWriter does in its sub-writers
