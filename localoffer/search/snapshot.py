"""One generation of the index as a process sees it, with the sets every search needs.

Whoosh keeps an index as segments. A segment never changes once written (only its list of
deleted documents grows), and a sync commit just adds a small new segment. So everything
expensive is worked out once per SEGMENT and kept across generations (SegmentData):
ids and names, facet and age sets, word matches with their scores, venue distances and the
spelling vocabulary. A Snapshot (one per generation) stitches the segments together, which
after an edit costs a few milliseconds instead of re-reading the whole index.

Reopening per request would throw all of this away (research/perf-anchors.md, pitfall 1).
"""
from __future__ import annotations

from array import array
from collections import OrderedDict

from whoosh.reading import TermNotFound

from ..vocab import AGE_MAX, AGE_MIN, COUNTYWIDE, QUADRANTS
from .bitsets import Membership, bits_of, members
from .query import FILTER_VOCAB, Place
from .spelling import Speller
from .text import NAME_ONLY, Unit, normalize_name, unit_query

UNIT_CACHE = 512  # query units remembered per segment (and per snapshot)
# ...and at most this much memory each: a unit's scores take 4 bytes per document, so at
# 50,000 services a common word costs 200 KB and 512 of them would not fit a worker.
UNIT_CACHE_BYTES = 16 * 2**20
DISTANCE_CACHE = 64  # places remembered
DISTANCE_CACHE_BYTES = 8 * 2**20
NO_VENUE = float("nan")


class LRU(OrderedDict):
    """At most `size` entries and, with `weigh`, at most `budget` bytes by its measure."""

    def __init__(self, size: int, budget: int = 0, weigh=None):
        super().__init__()
        self.size = size
        self.budget, self.weigh, self.weight = budget, weigh, 0

    def remember(self, key, value):
        if self.weigh is not None:
            if key in self:
                self.weight -= self.weigh(self[key])
            self.weight += self.weigh(value)
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.size or (self.weigh is not None and self.weight > self.budget and len(self) > 1):
            _key, dropped = self.popitem(last=False)
            if self.weigh is not None:
                self.weight -= self.weigh(dropped)
        return value

    def clear(self) -> None:
        super().clear()
        self.weight = 0

    def recall(self, key):
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value


def _unit_bytes(found) -> int:
    bits, scores = found if isinstance(found, tuple) else (found, None)
    return 64 + (bits.bit_length() >> 3) + (len(scores) * scores.itemsize if scores is not None else 0)


def unit_cache() -> LRU:
    return LRU(UNIT_CACHE, UNIT_CACHE_BYTES, _unit_bytes)


def distance_cache() -> LRU:
    return LRU(DISTANCE_CACHE, DISTANCE_CACHE_BYTES, lambda miles: len(miles) * miles.itemsize)


class SegmentData:
    """What one segment holds, in segment-local document numbers."""

    def __init__(self, segreader):
        self.size = size = segreader.doc_count_all()
        self.ids: list[str | None] = [None] * size
        # Name order (for "Name (A to Z)" and ties) as one string per document, so a new
        # generation sorts with C string comparisons: key, then name, then id.
        self.sort_keys: list[str] = [""] * size
        self.exact: dict[str, list[int]] = {}  # normalised name -> documents with it
        # Venues as flat columns (a document with several venues appears several times):
        # a tenth of the memory of a dict of lists of tuples.
        self.venue_docs, self.venue_lats, self.venue_lons = array("l"), array("d"), array("d")
        present = []
        ages: dict[int, list[int]] = {age: [] for age in range(AGE_MIN, AGE_MAX + 1)}
        for docnum, fields in segreader.iter_docs():
            present.append(docnum)
            self.ids[docnum] = fields["id"]
            key = fields.get("name_key", "")
            self.sort_keys[docnum] = f"{key}\x00{fields.get('name', '')}\x00{fields['id']}"
            self.exact.setdefault(key, []).append(docnum)
            for latitude, longitude in fields.get("venues") or ():
                self.venue_docs.append(docnum)
                self.venue_lats.append(latitude)
                self.venue_lons.append(longitude)
            low, high = fields.get("ages", (AGE_MIN, AGE_MAX))
            for age in range(max(low, AGE_MIN), min(high, AGE_MAX) + 1):
                ages[age].append(docnum)
        self.present = bits_of(present, size)
        self.with_venue = bits_of(self.venue_docs, size)

        def term_bits(field: str, value: str) -> int:
            try:
                return bits_of(segreader.postings(field, value).all_ids(), size)
            except (TermNotFound, KeyError):  # KeyError: an index built before the field existed
                return 0

        self.values = {group: {v: term_bits(group, v) for v in vocab} for group, vocab in FILTER_VOCAB.items()}
        self.countywide = countywide = term_bits("quadrant", COUNTYWIDE)
        for quadrant in QUADRANTS:  # a countywide service is in every quadrant
            self.values["quadrant"][quadrant] |= countywide
        self.ages = {age: bits_of(docs, size) for age, docs in ages.items()}
        self.units = unit_cache()
        self.distances = distance_cache()
        self.speller: Speller | None = None

    def unit(self, unit: Unit, name_only: bool, subsearcher, context) -> tuple[int, array | None]:
        """(documents matching the unit, their scores) in this segment. Scores use the whole
        index's statistics at the time; they only order results, so a later edit elsewhere
        making them slightly out of date does not matter."""
        key = (unit.alternatives, name_only)
        found = self.units.recall(key)
        if found is None:
            if name_only:
                q = unit_query(unit, NAME_ONLY)
                found = (bits_of(q.docs(subsearcher), self.size), None)
            else:
                scores = array("f", bytes(4 * self.size))
                hits = []
                matcher = unit_query(unit).matcher(subsearcher, context)
                while matcher.is_active():
                    docnum = matcher.id()
                    hits.append(docnum)
                    scores[docnum] = matcher.score()
                    matcher.next()
                found = (bits_of(hits, self.size), scores)
            self.units.remember(key, found)
        return found

    def distances_from(self, place: Place) -> array:
        """Miles from the place to each document's nearest venue (NaN: no venue)."""
        from ..reference.gazetteer import distance_miles

        key = (place.latitude, place.longitude)
        found = self.distances.recall(key)
        if found is None:
            found = array("f", [NO_VENUE]) * self.size
            for d, lat, lon in zip(self.venue_docs, self.venue_lats, self.venue_lons):
                miles = distance_miles(place.latitude, place.longitude, lat, lon)
                if not miles >= found[d]:  # also true while found[d] is NaN
                    found[d] = miles
            self.distances.remember(key, found)
        return found

    def spelling(self, segreader) -> Speller:
        if self.speller is None:
            self.speller = Speller(self._word_counts(segreader))
        return self.speller

    def _word_counts(self, segreader) -> dict[str, int]:
        frequencies: dict[str, int] = {}
        # A segment without the column (one a merge left empty) has no words. Asking Whoosh
        # for it anyway fails inside Whoosh (its stand-in empty column has no default).
        if not self.present or not segreader.has_column("words"):
            return frequencies
        live = Membership(self.present)
        for docnum, words in enumerate(segreader.column_reader("words")):
            if docnum in live and words:
                for word in words.decode().split():
                    frequencies[word] = frequencies.get(word, 0) + 1
        return frequencies


class Snapshot:
    """The whole index at one generation, in global document numbers."""

    def __init__(self, key: tuple, searcher, segments: dict[str, SegmentData]):
        self.key = key
        self.searcher = searcher
        self._context = searcher.context()
        reader = searcher.reader()
        self.size = size = reader.doc_count_all()
        self.parts: list[tuple[SegmentData, int, object, object]] = []  # data, offset, searcher, reader
        for (segreader, offset), (subsearcher, _) in zip(reader.leaf_readers(), searcher.leaf_searchers()):
            # An empty index has no segments, and merging away deleted documents can leave
            # an empty one: neither holds anything to search (or read columns from).
            if segreader.segment() is None or segreader.doc_count_all() == 0:
                continue
            segment_id = segreader.segment().segment_id()
            data = segments.get(segment_id)
            if data is None:
                data = segments[segment_id] = SegmentData(segreader)
            self.parts.append((data, offset, subsearcher, segreader))
        self.segment_ids = {part[3].segment().segment_id() for part in self.parts}

        self.ids: list[str | None] = [None] * size
        sort_keys: list[str] = [""] * size
        self.all = 0
        self.groups = {group: dict.fromkeys(vocab, 0) for group, vocab in FILTER_VOCAB.items()}
        self.ages = dict.fromkeys(range(AGE_MIN, AGE_MAX + 1), 0)
        self.with_venue = 0
        self.countywide = 0
        for data, offset, _sub, segreader in self.parts:
            live = data.present
            deleted = segreader.deleted_docs_set if segreader.has_deletions() else ()
            if deleted:
                live &= ~bits_of(deleted, data.size)
            self.all |= live << offset
            self.ids[offset:offset + data.size] = data.ids
            sort_keys[offset:offset + data.size] = data.sort_keys
            for group, values in data.values.items():
                for value, bits in values.items():
                    self.groups[group][value] |= bits << offset
            for age, bits in data.ages.items():
                self.ages[age] |= bits << offset
            self.with_venue |= data.with_venue << offset
            self.countywide |= data.countywide << offset
        for values in self.groups.values():
            for value in values:
                values[value] &= self.all
        for age in self.ages:
            self.ages[age] &= self.all
        self.with_venue &= self.all
        self.countywide &= self.all
        self.count = self.all.bit_count()

        self.name_order = sorted(members(self.all), key=sort_keys.__getitem__)
        self.name_rank = array("l", bytes(8 * max(size, 1)))
        for rank, docnum in enumerate(self.name_order):
            self.name_rank[docnum] = rank
        self._units = unit_cache()
        self._distances = distance_cache()

    def close(self) -> None:
        self.searcher.close()

    @property
    def fingerprints(self) -> dict[str, str]:
        """id -> content fingerprint of every live document, for `search check` (read from
        the index when asked: searching never needs them)."""
        out, live = {}, Membership(self.all)
        for _data, offset, _sub, segreader in self.parts:
            for local, fields in segreader.iter_docs():
                if offset + local in live:
                    out[fields["id"]] = fields.get("fingerprint", "")
        return out

    def exact_name(self, text: str) -> int:
        """Services whose name is exactly this text (case and punctuation aside)."""
        key, bits = normalize_name(text), 0
        for data, offset, _sub, _reader in self.parts:
            bits |= bits_of(data.exact.get(key, ()), data.size) << offset
        return bits & self.all

    def unit(self, unit: Unit) -> tuple[int, array]:
        """(services matching one query unit, by any synonym in any field; their scores)."""
        found = self._units.recall((unit.alternatives, False))
        if found is None:
            bits, scores = 0, array("f")
            for data, offset, subsearcher, _reader in self.parts:
                part_bits, part_scores = data.unit(unit, False, subsearcher, self._context)
                bits |= part_bits << offset
                scores += part_scores
            found = self._units.remember((unit.alternatives, False), (bits & self.all, scores))
        return found

    def unit_bits(self, unit: Unit) -> int:
        return self.unit(unit)[0]

    def name_bits(self, unit: Unit) -> int:
        """Services with the unit (by any synonym) in their name."""
        found = self._units.recall((unit.alternatives, True))
        if found is None:
            bits = 0
            for data, offset, subsearcher, _reader in self.parts:
                bits |= data.unit(unit, True, subsearcher, self._context)[0] << offset
            found = self._units.remember((unit.alternatives, True), bits & self.all)
        return found

    def distances(self, place: Place) -> array:
        """Miles from the place to each service's nearest venue, by docnum (NaN: no venue).
        An array, not a dict: 4 bytes a service, which matters at 50,000 services."""
        key = (place.latitude, place.longitude)
        found = self._distances.recall(key)
        if found is None:
            found = array("f")
            for data, offset, _sub, _reader in self.parts:  # parts are in offset order
                found += array("f", [NO_VENUE]) * (offset - len(found))
                found += data.distances_from(place)
            found += array("f", [NO_VENUE]) * (self.size - len(found))
            self._distances.remember(key, found)
        return found

    def spellers(self) -> list[Speller]:
        return [data.spelling(reader) for data, _offset, _sub, reader in self.parts]

