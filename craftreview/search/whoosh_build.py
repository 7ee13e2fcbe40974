"""Whoosh writing: document fields, and the rebuild that indexes in parallel worker processes.

Indexing is pure-Python analysis under one GIL, so a rebuild in one process used one core. Here
this process only reads the documents (one database snapshot, one iterator) and turns them into
field dicts; worker processes index them. Each worker writes one *segment*: the maker index is one
segment, the review index is split into contiguous parts (first reviews, next reviews, ...) written
side by side. When every worker is done, each kind's segments are committed in stream order, so
documents get exactly the numbers a single writer would have given them and results (ties
included) do not depend on how many workers built the index.
"""
from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from whoosh import index
from whoosh.codec import whoosh3
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from . import whoosh_postings
from .documents import Doc
from .spelling import doc_vocabulary

# Postings a worker keeps in memory before spilling sorted runs to disk. Spilling and merging
# runs is pure Python and nearly doubled rebuild time, so the default holds a 50,000-review part
# (about 480 MB resident per worker at 10,000 makers / 100,000 reviews); SEARCH_REBUILD_WORKER_MB
# lowers it on a small machine at the cost of speed.
DEFAULT_WORKER_MB = 512
# Workers per kind. At 10,000 makers / 100,000 reviews the reviews were about twice the makers'
# indexing work (worker CPU 64 + 65 s against 63 s), so two review parts and one maker part make
# three workers of about equal size, which keep both cores busy until the end.
PARTS = {"review": 2}
MIN_PART_DOCS = 5_000  # below this a kind is one segment: each worker is a fresh Python process
BATCH = 200            # documents per message: fewer, larger pipe writes
# Fields whose values repeat across documents (see _memoize_repeated_fields).
REPEATED_FIELDS = ("craft", "location", "maker_name", "craft_key", "city", "country", "tier", "accepts_custom",
                   "verified", "score_bucket", "craftsmanship", "consistency", "delivery")
MEMO_SIZE = 50_000     # distinct values remembered per field
# Spawn, not fork: rebuilds run beside request and search threads whose locks a fork would copy.
_CONTEXT = multiprocessing.get_context("spawn")


def _cache_has_column() -> None:
    """Whoosh stats a file for every posting of a field without a length column (ID fields),
    which was a third of rebuild time. Segment files are write-once, so the answer can be
    cached for the life of the reader."""
    original = whoosh3.W3PerDocReader.has_column
    if getattr(original, "craftreview_cached", False):
        return

    def has_column(self, fieldname):
        cache = self.__dict__.setdefault("_craftreview_columns", {})
        if fieldname not in cache:
            cache[fieldname] = original(self, fieldname)
        return cache[fieldname]
    has_column.craftreview_cached = True
    whoosh3.W3PerDocReader.has_column = has_column


_cache_has_column()  # at import, so the rebuild's worker processes get it too


def doc_fields(doc: Doc) -> dict:
    """The Whoosh fields of a document."""
    fields = dict(
        key=doc.key, maker_id=doc.maker_id, maker=doc.maker_id, fp=doc.fingerprint(),
        title=doc.title, craft=doc.craft_text, location=doc.location, body=doc.body, maker_name=doc.maker_name,
        # Each vocabulary word once (not every occurrence through an analyzer): a third of the
        # postings of a maker document, and only their document frequency is ever read.
        spell=" ".join(sorted(doc_vocabulary(doc))),
        craft_key=doc.craft, city=doc.city, country=doc.country, tier=doc.tier,
        accepts_custom="1" if doc.accepts_custom else "0", verified="1" if doc.verified else "0",
        score_bucket=doc.score_bucket, stars=doc.stars,
        review_count=doc.review_count, created=int(doc.created.timestamp()),
        craftsmanship=_opt(doc.craftsmanship), consistency=_opt(doc.consistency),
        delivery=_opt(doc.delivery))
    # Whoosh cannot index None or empty terms: leave such fields out of the document.
    return {k: v for k, v in fields.items() if v is not None and v != ""}


def _opt(value: int | None) -> str | None:
    return None if value is None else str(value)


def part_count(kind: str, expected: int) -> int:
    """How many contiguous segments (one worker each) to write `expected` documents of `kind` in."""
    return max(1, min(PARTS.get(kind, 1), expected // MIN_PART_DOCS))


def build_indexes(path: str, kinds: Iterable[str], docs: Iterator[Doc], progress=None,
                  expected: Mapping[str, int] | None = None, worker_mb: int = DEFAULT_WORKER_MB) -> int:
    """Write `docs` into the empty index of each kind under `path`; all are committed on return.

    `expected` (documents per kind, a hint) decides where each kind's parts split: a wrong hint
    only unbalances the workers, it never loses or reorders a document.
    """
    expected = expected or {}
    lanes = {k: [_Lane.start(os.path.join(path, k), worker_mb) for _ in range(part_count(k, expected.get(k, 0)))]
             for k in kinds}
    workers = [lane for kind_lanes in lanes.values() for lane in kind_lanes]
    try:
        count = _feed(lanes, expected, docs, progress)
        _collect(workers, progress)
    except BaseException:
        for lane in workers:
            lane.kill()
        raise
    finally:
        for lane in workers:
            lane.join()
    for kind, kind_lanes in lanes.items():
        _commit_segments(os.path.join(path, kind), [lane.segment for lane in kind_lanes])
    return count


@dataclass
class _Lane:
    """One worker process writing one segment, fed field dicts in batches."""

    process: multiprocessing.Process
    queue: object
    results: object
    batch: list = field(default_factory=list)
    segment: object = None
    done: bool = False

    @classmethod
    def start(cls, directory: str, worker_mb: int) -> _Lane:
        queue = _CONTEXT.Queue()
        results, child_end = _CONTEXT.Pipe(duplex=False)
        process = _CONTEXT.Process(target=_worker_main, name="whoosh-rebuild", daemon=True,
                                   args=(directory, worker_mb, queue, child_end))
        process.start()
        child_end.close()  # so that the worker's death reads as EOF here
        return cls(process, queue, results)

    def add(self, fields: dict) -> None:
        self.batch.append(fields)
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            # The queue's feeder thread pickles and sends: the reader never waits for a worker.
            self.queue.put(self.batch)
            self.batch = []

    def finish(self) -> None:
        self.flush()
        self.queue.put(None)  # end of documents: the worker finishes its segment and answers
        self.queue.close()

    def receive(self, progress) -> None:
        """Handle one message from the worker: progress, its finished segment, or its failure."""
        try:
            status, detail = self.results.recv()
        except EOFError:
            raise RuntimeError("search rebuild: an index worker process died") from None
        if status == "indexed":
            if progress:
                progress(detail)
        elif status == "ok":
            self.segment, self.done = detail, True
        else:
            raise RuntimeError(f"search rebuild: an index worker failed:\n{detail}")

    def kill(self) -> None:
        self.queue.cancel_join_thread()  # a dead or killed worker never drains its queue
        self.process.kill()

    def join(self) -> None:
        self.process.join()
        self.results.close()


def _feed(lanes: dict[str, list[_Lane]], expected: Mapping[str, int], docs: Iterator[Doc],
          progress) -> int:
    """Route each document to its kind's current part; parts advance with the running count."""
    seen = dict.fromkeys(lanes, 0)
    count = 0
    for count, doc in enumerate(docs, 1):
        kind_lanes = lanes[doc.kind]
        part = min(len(kind_lanes) - 1, seen[doc.kind] * len(kind_lanes) // max(1, expected.get(doc.kind, 1)))
        seen[doc.kind] += 1
        kind_lanes[part].add(doc_fields(doc))
        if count % (BATCH * 10) == 0:
            _poll([lane for ls in lanes.values() for lane in ls], progress)
    for kind_lanes in lanes.values():
        for lane in kind_lanes:
            lane.finish()
    return count


def _poll(workers: list[_Lane], progress) -> None:
    """Take whatever the workers have said so far, without waiting (a failure raises here)."""
    for lane in workers:
        while not lane.done and lane.results.poll():
            lane.receive(progress)


def _collect(workers: list[_Lane], progress) -> None:
    """Wait until every worker has finished its segment."""
    pending = {lane.results: lane for lane in workers if not lane.done}
    while pending:
        for conn in wait(list(pending)):
            lane = pending[conn]
            lane.receive(progress)
            if lane.done:
                del pending[conn]


def _commit_segments(directory: str, segments: list) -> None:
    """Publish the workers' segments, in order, as the index's one commit."""
    writer = index.open_dir(directory).writer()
    try:
        writer._close_segment()  # the writer's own (empty) segment is never used
        # Whoosh's private commit steps, as its own multi-process writer uses them.
        writer._commit_toc([s for s in segments if s is not None])
    finally:
        writer._finish()


def _memoize_repeated_fields(schema) -> None:
    """Analyse each value of a repeating field once: a maker's craft, location and score fields are
    in every one of its review documents. The patched schema is this worker's own copy (the
    parent writes the index's schema), so the index never stores the patch."""
    for name in REPEATED_FIELDS:
        field = schema[name]
        analyse, seen = field.index, {}

        def index_once(value, _analyse=analyse, _seen=seen, **kwargs):
            if kwargs:
                return _analyse(value, **kwargs)
            postings = _seen.get(value)
            if postings is None:
                if len(_seen) >= MEMO_SIZE:
                    _seen.clear()
                # Whoosh adds postings from this list as they are: (term, freq, weight, value bytes).
                postings = _seen[value] = list(_analyse(value))
            return postings
        field.index = index_once


class _LaneWriter(SegmentWriter):
    """A segment writer whose final posting pass reads field lengths from memory."""

    def per_document_reader(self):
        return _PreloadedLengths(super().per_document_reader())


class _PreloadedLengths:
    """The per-document reader as the posting writer uses it (doc_field_length, close), with each
    length column read whole once: Whoosh otherwise reads one byte from the file per posting."""

    def __init__(self, reader):
        self._reader, self._lengths = reader, {}

    def doc_field_length(self, docnum: int, fieldname: str, default=0):
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            lengths = self._lengths[fieldname] = self._load(fieldname)
        return default if lengths is False else lengths[docnum]

    def _load(self, fieldname: str):
        column = self._reader._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        if column is None:
            return False  # a field without lengths
        # As Whoosh's own reader: a zero byte means no length (None).
        return [byte_to_length(b) if b else None for b in column]

    def close(self) -> None:
        self._reader.close()


def _worker_main(directory: str, worker_mb: int, queue, results) -> None:
    """Worker process: add the field dicts it is sent to one new segment, and send it back."""
    try:
        # No lock: the rebuild's parent process owns this brand-new index until it commits.
        writer = _LaneWriter(index.open_dir(directory), _lk=False, limitmb=worker_mb)
        _memoize_repeated_fields(writer.schema)
        while (batch := queue.get()) is not None:
            for fields in batch:
                writer.add_document(**fields)
            results.send(("indexed", len(batch)))
        # Not commit(): the parent commits every worker's segment together, in order. And no
        # cleanup on failure: the workers share the index's temporary folder, and the parent
        # deletes the whole unpublished generation anyway.
        segment = writer._finalize_segment() if writer.doc_count() else None
        if segment is not None:  # here, in parallel: about a second per 50,000 reviews
            whoosh_postings.write(directory, writer.schema, segment)
        results.send(("ok", segment))
    except BaseException:
        results.send(("error", traceback.format_exc()))
    finally:
        results.close()
