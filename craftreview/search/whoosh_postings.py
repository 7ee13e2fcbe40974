"""Reading a term's postings (document numbers and weights) from a Whoosh segment, fast on first use.

Whoosh stores postings in blocks of 128, each one pickle of (ids, weights, positions), compressed:
reading a word's ids decompresses and unpickles its positions too. On first use in a process that was
most of a search page's time (a word in 26,000 reviews: 23 ms a segment; `"lampwork bead set"` read
610 blocks). So every segment a rebuild or `flask search optimize` writes gets a *postings file*
beside it (`<segment>.crp`): each indexed field's postings (spelling and key fields excepted) as two
flat arrays with each posting's positions, and each document's entity and maker ids, read with
pread (no mapping: see PostingsFile): a term is one read of its slice (microseconds, no decoding), a
phrase a gather over its candidates' positions, a hit's identity two array reads instead of
unpickling its stored fields.

The file is derived data: a segment without one (written by a drain: at most a few hundred documents,
or by an older version) is read from Whoosh's blocks as before, with the same answer. Its name follows
Whoosh's segment pattern, so Whoosh deletes it with its segment when a merge retires it.
"""
from __future__ import annotations

import os
import pickle
import struct
import threading
import time
import weakref
from collections import OrderedDict

import numpy as np
from whoosh.reading import SegmentReader

SUFFIX = ".crp"
MAGIC = b"CRPOST02"  # 02: each document's entity and maker ids too
SKIPPED_FIELDS = ("key", "spell")  # unique keys, and words whose document frequency alone is read
RETRY_SECONDS = 60.0  # a segment seen without its file is looked at again after this long
SLICE_CACHE_BYTES = 4 * 2**20  # the most recently read terms' postings kept per process (PostingsFiles)
_HEADER = struct.Struct("<8sQ")
_EMPTY_IDS = np.empty(0, dtype=np.int32)
_EMPTY_WEIGHTS = np.empty(0, dtype=np.float32)
_EMPTY_POSITIONS = np.empty(0, dtype=np.int64)


def read_blocks(reader, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """Document numbers (int32) and weights of a term in one segment from Whoosh's own blocks
    (deleted documents included), weights as float32 when that is exact."""
    btext = reader._text_to_bytes(field, text)
    if (field, btext) not in reader:
        return _EMPTY_IDS, _EMPTY_WEIGHTS
    return _decode(reader, field, btext)


def _decode(reader, field: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
    matcher = reader._terms.matcher(field, btext, reader.schema[field].format)
    ids, weights = [], []
    while matcher.is_active():  # one step per block of postings, not per posting
        matcher._read_ids()
        matcher._read_weights()
        ids.append(np.asarray(matcher._ids, dtype=np.int32))  # a segment's document numbers
        weights.append(np.asarray(matcher._weights, dtype=np.float64))
        matcher._next_block()
    if not ids:
        return _EMPTY_IDS, _EMPTY_WEIGHTS
    wide = np.concatenate(weights)
    narrow = wide.astype(np.float32)
    return np.concatenate(ids), narrow if np.array_equal(narrow, wide) else wide


def path_of(directory: str, segment) -> str:
    return os.path.join(directory, segment.make_filename(SUFFIX))


def write(directory: str, schema, segment) -> str:
    """Write the postings file of a segment of the index in `directory` (atomically: readers see the
    whole file or none); returns its path."""
    reader = SegmentReader(_storage(directory), schema, segment)
    try:
        terms, ids, weights, lengths, positions, start = {}, [], [], [], [], 0
        for field in sorted(set(reader.indexed_field_names()) - set(SKIPPED_FIELDS)):
            with_positions = reader.schema[field].format.supports("positions")
            for btext in reader.lexicon(field):
                found_ids, found_weights = _decode(reader, field, btext)
                terms[(field, btext)] = (start, len(found_ids))
                ids.append(found_ids)
                weights.append(found_weights)
                if with_positions:
                    found_lengths, found_positions = _positions_of(reader, field, btext)
                else:
                    found_lengths, found_positions = np.zeros(len(found_ids), np.int64), _EMPTY_POSITIONS
                lengths.append(found_lengths)
                positions.append(found_positions)
                start += len(found_ids)
        doc_count = reader.doc_count_all()
        entities, makers = _identities(reader, doc_count)
    finally:
        reader.close()
    arrays = [*_arrays(ids, weights, lengths, positions), ("entities", entities), ("makers", makers)]
    header = {"docs": doc_count, "count": start, "terms": terms,
              "arrays": [(name, a.dtype.str, len(a)) for name, a in arrays]}
    return _write_file(path_of(directory, segment), header, [a for _name, a in arrays])


def _positions_of(reader, field: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
    """How many positions each posting has, and all of them one posting after another."""
    fmt = reader.schema[field].format
    matcher = reader._terms.matcher(field, btext, fmt)
    found: list[list[int]] = []
    while matcher.is_active():
        matcher._read_values()
        found.extend(fmt.decode_positions(v) for v in matcher._values)
        matcher._next_block()
    lengths = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
    return lengths, np.fromiter((p for ps in found for p in ps), dtype=np.int64, count=int(lengths.sum()))


def _arrays(ids, weights, lengths, positions) -> list[tuple[str, np.ndarray]]:
    """The file's arrays, each in the narrowest type that holds it exactly (weights are float32 in
    Whoosh's own blocks; positions fit 16 bits unless a document is very long)."""
    flat = _cat(positions, _EMPTY_POSITIONS)
    starts = np.concatenate([[0], np.cumsum(_cat(lengths, _EMPTY_POSITIONS))])
    return [("ids", _cat(ids, _EMPTY_IDS).astype("<i4")),
            ("weights", _cat(weights, _EMPTY_WEIGHTS).astype("<f4")),
            ("starts", starts.astype("<u4" if starts[-1] < 2**32 else "<i8")),
            ("positions", flat.astype("<u2" if not len(flat) or flat.max() < 2**16 else "<u4"))]


def _identities(reader, doc_count: int) -> tuple[np.ndarray, np.ndarray]:
    """Each document's entity id and maker id (stored fields; deleted documents too): a page's hits
    then need no unpickling."""
    stored = [reader._perdoc.stored_fields(n) for n in range(doc_count)]
    return (np.array([entity_of(f["key"]) if "key" in f else 0 for f in stored], dtype="<i8"),
            np.array([f.get("maker_id") or 0 for f in stored], dtype="<i8"))


def entity_of(key: str) -> int:
    """The entity id in a document key ("maker:12", "review:345")."""
    return int(key.split(":", 1)[1])


def _cat(parts: list[np.ndarray], empty: np.ndarray) -> np.ndarray:
    return np.concatenate(parts) if parts else empty


def _write_file(final: str, header: dict, arrays: list[np.ndarray]) -> str:
    data = pickle.dumps(header, protocol=pickle.HIGHEST_PROTOCOL)
    data += b"\0" * (-(len(data) + _HEADER.size) % 8)  # arrays start 8-byte aligned
    tmp = f"{final}.{os.getpid()}.tmp"
    with open(tmp, "wb") as fh:
        fh.write(_HEADER.pack(MAGIC, len(data)))
        fh.write(data)
        for array in arrays:
            fh.write(array.tobytes())
            fh.write(b"\0" * (-array.nbytes % 8))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)
    return final


def _storage(directory: str):
    from whoosh.filedb.filestore import FileStorage
    return FileStorage(directory, supports_mmap=False)


def ensure(ix) -> int:
    """Write the missing (or outdated) postings files of an index's segments (after `flask search
    optimize` merged them, or for an index written before these files); returns how many."""
    directory = ix.storage.folder
    missing = [s for s in ix._segments() if not _is_current(path_of(directory, s))]
    for segment in missing:
        write(directory, ix.schema, segment)
    return len(missing)


def _is_current(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


class PostingsFile:
    """One segment's postings file, read with pread: each term's slice is read when a query asks for it
    and dropped with the query's arrays (the kernel's page cache keeps the file for every process).

    Mapped, the file's pages that any query had touched stayed in each worker's resident memory: ~10 MB
    per worker after the web bench's searches, growing with every new word searched (issue #12). A read
    costs a system call and a copy of the slice, microseconds beside the arrays a query builds from it.
    The descriptor stays open, so a merge that deletes the file under a reader that still has its
    segment leaves it readable. Each document's entity and maker ids (read for every hit) are loaded
    once, in the narrowest type that holds them."""

    def __init__(self, path: str):
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        weakref.finalize(self, os.close, fd)
        self._fd = fd
        magic, size = _HEADER.unpack(os.pread(fd, _HEADER.size, 0))
        if magic != MAGIC:
            raise ValueError(f"not a postings file: {path}")
        header = pickle.loads(os.pread(fd, size, _HEADER.size))
        self.docs, self.terms = header["docs"], header["terms"]
        offset, self._arrays = _HEADER.size + size, {}
        for name, dtype, count in header["arrays"]:
            self._arrays[name] = (offset, np.dtype(dtype), count)
            nbytes = np.dtype(dtype).itemsize * count
            offset += nbytes + (-nbytes % 8)
        self.entities = _narrow(self._read("entities", 0, self.docs))
        self.makers = _narrow(self._read("makers", 0, self.docs))

    def _read(self, name: str, first: int, count: int) -> np.ndarray:
        """Items first .. first + count - 1 of one of the file's arrays (read-only, as the mapped ones were)."""
        offset, dtype, total = self._arrays[name]
        count = max(0, min(count, total - first))
        if not count:
            return np.empty(0, dtype=dtype)
        data = os.pread(self._fd, count * dtype.itemsize, offset + first * dtype.itemsize)
        if len(data) != count * dtype.itemsize:
            raise OSError(f"postings file ends early ({name})")
        return np.frombuffer(data, dtype=dtype)

    def postings(self, field: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
        """A term's document numbers and weights (empty when the segment lacks the term)."""
        start, count = self.terms.get((field, btext), (0, 0))
        return self._read("ids", start, count), self._read("weights", start, count)

    def positions(self, field: str, btext: bytes, docs: np.ndarray) -> np.ndarray:
        """(document << 32 | position) of each occurrence of a term in any of `docs` (sorted)."""
        start, count = self.terms.get((field, btext), (0, 0))
        ids = self._read("ids", start, count)
        at = np.flatnonzero(np.isin(ids, docs, assume_unique=True))
        if not len(at):
            return _EMPTY_POSITIONS
        # The term's postings' position ranges, from the first wanted posting's to the last's end.
        starts = self._read("starts", start + int(at[0]), int(at[-1] - at[0]) + 2)
        first, within_range = int(starts[0]), at - at[0]
        firsts = starts[within_range].astype(np.int64) - first
        lengths = starts[within_range + 1].astype(np.int64) - first - firsts
        flat_positions = self._read("positions", first, int(starts[-1]) - first)
        # Every occurrence's index into the positions read: each posting's first, then +1, +2 ...
        within = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        flat = np.repeat(firsts, lengths) + within
        return np.repeat(ids[at].astype(np.int64), lengths) << 32 | flat_positions[flat].astype(np.int64)


def _narrow(values: np.ndarray) -> np.ndarray:
    """int64 ids as int32 when every one fits (half the memory)."""
    if not len(values) or (values.min() >= np.iinfo(np.int32).min and values.max() <= np.iinfo(np.int32).max):
        return values.astype(np.int32)
    return values


class PostingsFiles:
    """The postings files of the segments a process reads, opened once each; a segment without one
    is looked at again after RETRY_SECONDS (`flask search optimize` may write it meanwhile).

    The terms read most recently are kept, at most `slice_budget` bytes of them (least recently used
    dropped first): a popular word searched again costs no read. A read is a system call per array
    (~13 us each for a few KB on the bench's VM), and a search reads ~50 terms across its segments."""

    def __init__(self, slice_budget: int = SLICE_CACHE_BYTES):
        self._files: dict[str, tuple[PostingsFile | None, float]] = {}
        self.slice_budget, self.slice_bytes = slice_budget, 0
        self._slices: OrderedDict[tuple, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, reader) -> PostingsFile | None:
        segment = reader.segment()
        key = segment.segment_id()
        found = self._files.get(key)
        if found is not None and (found[0] is not None or time.monotonic() < found[1]):
            return found[0]
        opened = _open(reader, segment)
        self._files[key] = (opened, time.monotonic() + RETRY_SECONDS)
        return opened

    def postings(self, file: PostingsFile, segment_id, field: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
        """`file.postings(field, btext)`, kept for next time when it is small beside the budget."""
        key = (segment_id, field, btext)
        with self._lock:
            found = self._slices.get(key)
            if found is not None:
                self._slices.move_to_end(key)
                return found
        found = file.postings(field, btext)
        cost = _slice_cost(found)
        if cost <= self.slice_budget // 8:  # one common word never empties the cache
            with self._lock:
                if key not in self._slices:
                    self._slices[key] = found
                    self.slice_bytes += cost
                    while self.slice_bytes > self.slice_budget:
                        self.slice_bytes -= _slice_cost(self._slices.popitem(last=False)[1])
        return found

    def forget(self, segment_ids: set) -> None:
        for key in segment_ids:
            self._files.pop(key, None)
        with self._lock:
            for key in [k for k in self._slices if k[0] in segment_ids]:
                self.slice_bytes -= _slice_cost(self._slices.pop(key))


def _slice_cost(found: tuple[np.ndarray, np.ndarray]) -> int:
    """Bytes a kept term holds: its two arrays, with their buffers' and the entry's overhead."""
    return found[0].nbytes + found[1].nbytes + 400


def _open(reader, segment) -> PostingsFile | None:
    folder = getattr(reader._storage, "folder", None) or getattr(getattr(reader._storage, "b", None), "folder", None)
    if folder is None:
        return None
    try:
        opened = PostingsFile(path_of(folder, segment))
    except (OSError, ValueError):
        return None  # no file (a drain's segment, an older index): Whoosh's blocks answer
    return opened if opened.docs == segment.doc_count_all() else None
