"""`flask search rebuild|check|drain|optimize`."""
from __future__ import annotations

import sys
import time

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import func, select

from ..models import Maker, Review
from ..web.context import session_factory

search_group = AppGroup("search", help="Search index maintenance.")
SHOW_KEYS = 10


@search_group.command("rebuild")
def rebuild() -> None:
    """Rebuild the search index from the database and swap it in atomically."""
    from . import rebuild as do_rebuild
    started = time.perf_counter()
    with click.progressbar(length=_expected_documents(), label="Indexing", file=sys.stderr) as bar:
        count = do_rebuild(current_app, progress=bar.update)
    click.echo(f"Indexed {count} documents in {time.perf_counter() - started:.1f}s.")


def _expected_documents() -> int:
    with session_factory(current_app)() as session:
        return session.scalar(select(func.count()).select_from(Maker)) + session.scalar(
            select(func.count()).select_from(Review))


@search_group.command("check")
def check() -> None:
    """Compare index and database; exit non-zero when they disagree."""
    from . import check as do_check
    report = do_check(current_app)
    click.echo(f"{report.documents} documents expected; {report.pending} outbox rows pending.")
    for label, keys in (("missing", report.missing), ("stale", report.stale), ("extra", report.extra)):
        shown = ", ".join(keys[:SHOW_KEYS]) + (" …" if len(keys) > SHOW_KEYS else "")
        click.echo(f"{label}: {len(keys)}" + (f" ({shown})" if keys else ""))
    if not report.ok:
        click.echo("Index and database disagree: run `flask search drain` or `flask search rebuild`.")
        sys.exit(1)
    click.echo("Index matches the database.")


@search_group.command("drain")
def drain() -> None:
    """Apply pending outbox rows to the index now."""
    from . import drain as do_drain
    click.echo(f"Processed {do_drain(current_app)} outbox rows.")


@search_group.command("optimize")
def optimize() -> None:
    """Merge the Whoosh index's segments (schedule it: web workers only merge small ones)."""
    from . import optimize as do_optimize
    started = time.perf_counter()
    merged = do_optimize(current_app)
    click.echo(f"Merged {merged} segments away in {time.perf_counter() - started:.1f}s.")
