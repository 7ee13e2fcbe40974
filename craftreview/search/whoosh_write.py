"""Opening and writing the Whoosh index: no mapped copies; small commits from the web workers'
drains, big merges elsewhere.

Every drain commit adds a segment per kind. Whoosh's default merge policy (MERGE_SMALL, on every
commit) follows a Fibonacci rule that sooner or later takes in the big segments a rebuild wrote, so
a web worker's drain thread would now and then rewrite the whole maker index (10,000 documents that
hold every review's text) with its postings in memory: workers grew to 600-800 MB and glibc kept
most of it. Here a drain merges only segments of at most DRAIN_MERGE_MAX_DOCS documents among
themselves (the same Fibonacci rule, so they stay few), and its writer spills postings to disk past
DRAIN_WRITER_MB. Segments that outgrow that are merged by `flask search optimize` (scheduled, see
docs/OPERATIONS.md) in its own process.
"""
from __future__ import annotations

from collections.abc import Iterable

from whoosh.filedb.filestore import FileStorage
from whoosh.writing import MERGE_SMALL

from . import whoosh_postings
from .documents import Doc
from .whoosh_build import doc_fields

DRAIN_MERGE_MAX_DOCS = 500  # a segment this small may be merged inside a web worker
DRAIN_WRITER_MB = 16  # Whoosh's posting pool (counted its way) before it spills a sorted run to disk
OPTIMIZE_WRITER_MB = 128  # the `flask search optimize` command's pool (its own process)


def open_index(path: str):
    """A kind's index, read through ordinary file reads rather than mmap: with mmap, Whoosh wraps each
    part of a segment it opens in a BytesIO, which copies that part into the process (every searcher
    held a full copy of the index, 60 MB at 100,000 reviews, beside the mapped pages themselves)."""
    return FileStorage(path, supports_mmap=False).open_index()


def merge_small_segments(writer, segments: list) -> list:
    """Whoosh merge policy: MERGE_SMALL among the small segments only; big ones stay as they are.

    Returns the segments kept unchanged, in their index order (merged ones become the new segment).
    """
    small = [s for s in segments if s.doc_count_all() <= DRAIN_MERGE_MAX_DOCS]
    kept = {id(s) for s in MERGE_SMALL(writer, small)} if len(small) > 1 else {id(s) for s in small}
    return [s for s in segments if id(s) in kept or s.doc_count_all() > DRAIN_MERGE_MAX_DOCS]


def write(ix, upserts: Iterable[Doc], deletes: Iterable[str], schema) -> None:
    """One drain commit on one kind's index: deletes, then replacements (caller holds the writer lock).
    Fields of `schema` the index lacks (written before they were added) are added first."""
    writer = ix.writer(timeout=10.0, limitmb=DRAIN_WRITER_MB)
    try:
        for name in schema.names():
            if name not in writer.schema:
                writer.add_field(name, schema[name])
        for key in deletes:
            writer.delete_by_term("key", key)
        for doc in upserts:
            writer.update_document(**doc_fields(doc))
        writer.commit(mergetype=merge_small_segments)
    except BaseException:
        cancel(writer)
        raise


def optimize(ix) -> int:
    """Merge every segment of one kind's index into one, and give it its postings file (see
    whoosh_postings); returns how many segments were merged away."""
    segments = len(ix._segments())
    if segments > 1:
        writer = ix.writer(timeout=10.0, limitmb=OPTIMIZE_WRITER_MB)
        try:
            writer.commit(optimize=True)
        except BaseException:
            cancel(writer)
            raise
    whoosh_postings.ensure(ix)  # also for an index written before postings files existed
    return max(segments - 1, 0)


def cancel(writer) -> None:
    """Give up a writer whose adding or commit failed: its index lock must never outlive it (a
    leaked WRITELOCK would refuse every later drain until the process exits)."""
    try:
        if not writer.is_closed:
            writer.cancel()
    finally:
        # cancel() itself may fail half-way (the failed commit closed some files): release anyway.
        if not writer.is_closed and writer.writelock is not None:
            writer.writelock.release()
            writer.is_closed = True
