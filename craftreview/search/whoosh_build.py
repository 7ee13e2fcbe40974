"""Whoosh writing: document fields, and the rebuild that writes the two kind indexes in parallel.

Indexing is pure-Python analysis under one GIL, so a rebuild that wrote both indexes in one
process used one core. Here a second process writes the review index while this one writes the
maker index. Documents still come from the caller's one iterator (one database snapshot); review
documents reach the child as pickled batches of fields, which costs far less than analysing them.
"""
from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Iterable, Iterator

from whoosh import index
from whoosh.codec import whoosh3

from .base import score_bucket
from .documents import Doc

REBUILD_WRITER = {"limitmb": 256}
# Reviews take about twice as long to index as makers (100,000 small documents against 10,000
# large ones), and this process also reads the database and builds every document.
CHILD_KIND = "review"  # written by the child process; every other kind is written here
CHILD_BATCH = 200      # documents per message: fewer, larger pipe writes
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


_cache_has_column()  # at import, so the rebuild's child process gets it too


def doc_fields(doc: Doc) -> dict:
    """The Whoosh fields of a document."""
    fields = dict(
        key=doc.key, maker_id=doc.maker_id, quality=doc.quality, fp=doc.fingerprint(),
        title=doc.title, craft=doc.craft_text, location=doc.location, body=doc.body,
        # Maker documents already hold every visible review's words: the vocabulary lives there only.
        spell=" ".join((doc.title, doc.craft_text, doc.location, doc.body)) if doc.kind == "maker" else None,
        craft_key=doc.craft, city=doc.city, country=doc.country, tier=doc.tier,
        accepts_custom="1" if doc.accepts_custom else "0", verified="1" if doc.verified else "0",
        score_bucket=score_bucket(doc.overall), overall=doc.overall, rank=doc.rank, stars=doc.stars,
        review_count=doc.review_count, created=int(doc.created.timestamp()),
        craftsmanship=_opt(doc.craftsmanship), consistency=_opt(doc.consistency),
        delivery=_opt(doc.delivery))
    # Whoosh cannot index None or empty terms: leave such fields out of the document.
    return {k: v for k, v in fields.items() if v is not None and v != ""}


def _opt(value: int | None) -> str | None:
    return None if value is None else str(value)


def build_indexes(path: str, kinds: Iterable[str], docs: Iterator[Doc], progress=None) -> int:
    """Write `docs` into the empty index of each kind under `path`; all are committed on return."""
    queue = _CONTEXT.Queue()
    results, child_results = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(target=_child_main, name="whoosh-rebuild", daemon=True,
                             args=(os.path.join(path, CHILD_KIND), queue, child_results))
    child.start()
    child_results.close()  # so that the child's death reads as EOF here
    writers = {k: index.open_dir(os.path.join(path, k)).writer(**REBUILD_WRITER)
               for k in kinds if k != CHILD_KIND}
    try:
        count = _feed(writers, queue, results, docs, progress)
        _child_result(results)
    except BaseException:
        for writer in writers.values():
            writer.cancel()
        queue.cancel_join_thread()  # a dead or killed child never drains the queue
        child.kill()
        raise
    finally:
        child.join()
        results.close()
    for writer in writers.values():
        writer.commit()
    return count


def _feed(writers: dict, queue, results, docs: Iterator[Doc], progress) -> int:
    count, batch = 0, []
    for count, doc in enumerate(docs, 1):
        if doc.kind == CHILD_KIND:
            batch.append(doc_fields(doc))  # here: this process has time to spare, the child has not
            if len(batch) >= CHILD_BATCH:
                # The queue's feeder thread pickles and sends: this loop never waits for the child.
                queue.put(batch)
                batch = []
                if results.poll():  # the child only answers early when it failed
                    _child_result(results)
        else:
            writers[doc.kind].add_document(**doc_fields(doc))
        if progress and count % 1000 == 0:
            progress(1000)
    queue.put(batch)
    queue.put(None)  # end of documents: the child commits and answers
    queue.close()
    if progress:
        progress(count % 1000)
    return count


def _child_result(results) -> None:
    """Wait for the child's commit; raise if it failed or vanished."""
    try:
        status, detail = results.recv()
    except EOFError:
        raise RuntimeError("search rebuild: the index process died") from None
    if status != "ok":
        raise RuntimeError(f"search rebuild: the index process failed:\n{detail}")


def _child_main(path: str, queue, results) -> None:
    """Child process: add the documents (as field dicts) it is sent, commit, report."""
    try:
        writer = index.open_dir(path).writer(**REBUILD_WRITER)
        try:
            while (batch := queue.get()) is not None:
                for fields in batch:
                    writer.add_document(**fields)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        results.send(("ok", None))
    except BaseException:
        results.send(("error", traceback.format_exc()))
    finally:
        results.close()
