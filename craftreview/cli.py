"""Flask commands: migrate, backup, restore, seed-demo, rescore, create-user, search, pages."""
from __future__ import annotations

import time
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import func, select

from .db import write_transaction
from .errors import DomainError
from .models import User
from .search.cli import search_group
from .services import accounts, scores, signals
from .web import page_values, stored_pages
from .web.context import session_factory

RESCORE_REBUILD_ABOVE = 500  # makers whose score changed: above this, rescore rebuilds the index


def init_app(app: Flask) -> None:
    """Register the project's commands on `flask --app craftreview`."""
    for command in (migrate_command, backup_command, restore_command, seed_demo, rescore, create_user, signals_command):
        app.cli.add_command(command)
    app.cli.add_command(search_group)
    app.cli.add_command(pages_group)


@click.command("migrate")
@with_appcontext
def migrate_command() -> None:
    """Apply database migrations up to the latest revision."""
    from . import migrate  # here, not at import: Alembic costs every web worker ~11 MB it never uses

    click.echo(migrate.upgrade_and_describe(current_app.config["DATABASE_URL"]))


BACKUP_PATH = click.Path(dir_okay=False, path_type=Path)


@click.command("backup")
@with_appcontext
@click.argument("path", type=BACKUP_PATH)
@click.option("--force", is_flag=True, help="Replace PATH if it already exists.")
def backup_command(path: Path, force: bool) -> None:
    """Copy the database to PATH while the site runs (SQLite online backup API, or pg_dump -Fc)."""
    from . import backup

    try:
        click.echo(str(backup.backup_database(current_app.config["DATABASE_URL"], path, overwrite=force)))
    except backup.BackupError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command("restore")
@with_appcontext
@click.argument("path", type=BACKUP_PATH)
@click.option("--force", is_flag=True, help="Replace a database that holds data without asking.")
def restore_command(path: Path, force: bool) -> None:
    """Replace the whole database with the backup at PATH, then rebuild the search index from it."""
    from . import backup

    app = current_app._get_current_object()
    url, engine = app.config["DATABASE_URL"], app.extensions["craftreview.engine"]
    try:
        backup.check_backup_file(url, path)  # before asking: a bad file is refused at once
        rows = backup.rows_held(engine)
        if rows and not force:
            click.confirm(f"The database holds {rows:,} rows. Replace all of them with {path}?", abort=True)
        engine.dispose()  # no pooled connection of ours may hold a lock the restore waits for
        click.echo(backup.restore_database(url, path))
    except backup.BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        engine.dispose()
    _rebuild_after_restore(app)


def _rebuild_after_restore(app: Flask) -> None:
    """Bring an older backup's schema up to date, then rebuild the derived search index from the data."""
    from . import migrate, search

    url = app.config["DATABASE_URL"]
    revision = migrate.current_revision(url)
    if revision is not None and revision != migrate.head_revision():
        click.echo(f"the backup was at schema revision {revision}: " + migrate.upgrade_and_describe(url))
    scores.forget_fitted_models()
    started = time.perf_counter()
    documents = search.rebuild(app)
    click.echo(f"rebuilt the search index from the restored data: {documents} documents in "
               f"{time.perf_counter() - started:.1f} s (scores and model fits are stored in the database "
               "and came back with it)")
    click.echo("restart the web workers so that none keeps state cached from before the restore")


@click.command("create-user")
@with_appcontext
@click.argument("email")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--name", default=None, help="Display name (defaults to the part before @).")
@click.option("--moderator", is_flag=True, help="Give the user moderator rights.")
def create_user(email: str, password: str, name: str | None, moderator: bool) -> None:
    """Create an account from the command line (e.g. the first moderator)."""
    with session_factory()() as session:
        try:
            user = accounts.register_user(session, email=email, display_name=name or _default_name(email),
                                          password=password, is_moderator=moderator, email_confirmed=True)
        except DomainError as exc:
            raise click.ClickException(exc.message) from exc
        click.echo(f"created {'moderator' if user.is_moderator else 'user'} {user.email}")


def _default_name(email: str) -> str:
    """The part before @, or the whole address when that is too short for a display name."""
    local = email.split("@")[0]
    return local if len(local) >= 2 else email[:60]


@click.command("rescore")
@with_appcontext
@click.option("--if-missing", is_flag=True, help="Do nothing when a fit of this model version is stored.")
def rescore(if_missing: bool) -> None:
    """Refit the scoring model on all reviews, store the fit and every maker's score."""
    from . import search

    if if_missing and _fit_is_stored():
        click.echo("a fitted model is stored; not rescoring")
        return
    started, app = time.perf_counter(), current_app._get_current_object()
    with session_factory()() as session, write_transaction(session):
        done = scores.rescore_all(session, drawn=page_values.shown_values(app))
    changed = done.reindexed
    click.echo(f"rescored {done.scored} makers in {time.perf_counter() - started:.1f}s; "
               f"{changed} changed and are being reindexed; {done.pages} maker pages draw differently")
    started = time.perf_counter()
    if changed > RESCORE_REBUILD_ABOVE:
        # Re-indexing each changed maker (and all its reviews) one by one costs far more than
        # one rebuild once thousands changed (a refit moves every score a little).
        search.rebuild(app)
    else:
        search.drain(app)
    click.echo(f"search index updated in {time.perf_counter() - started:.1f}s")
    _render_pages(app)  # the pages that draw differently after the refit


def _render_pages(app: Flask, everything: bool = False) -> None:
    started = time.perf_counter()
    count = stored_pages.render_stale(app, everything=everything)
    click.echo(f"rendered {count} maker pages in {time.perf_counter() - started:.1f}s")


def _fit_is_stored() -> bool:
    from .services.fits import latest_fit_id

    with session_factory()() as session:
        return latest_fit_id(session) is not None


@click.command("seed-demo")
@with_appcontext
@click.option("--makers", default=40, show_default=True, type=click.IntRange(1, 1_000_000))
@click.option("--reviews", default=400, show_default=True, type=click.IntRange(0, 10_000_000))
@click.option("--seed", default=7, show_default=True, type=int)
@click.option("--if-empty", is_flag=True, help="Do nothing (successfully) when the database has users.")
def seed_demo(makers: int, reviews: int, seed: int, if_empty: bool) -> None:
    """Fill an empty database with a believable demo world, then score and index it."""
    from . import search
    from .demo.seed import analyze
    from .demo.seed import seed_demo as run_seed

    factory = session_factory()
    with factory() as session:
        if session.scalar(select(func.count(User.id))):
            if if_empty:
                click.echo("database already has data; not seeding")
                return
            raise click.ClickException("the database is not empty; seed-demo only fills an empty database")
    report = run_seed(factory.kw["bind"], makers=makers, reviews=reviews, seed=seed)
    click.echo(f"seeded {report}")
    # Ring signals first: the model reads them as provenance, and moderators see them from the start.
    _recompute_signals(factory, rescore=False)  # every maker is scored next
    scores.forget_fitted_models()
    started = time.perf_counter()
    with factory() as session, write_transaction(session):
        count = scores.rescore_all(session).scored
    click.echo(f"scored {count} makers in {time.perf_counter() - started:.1f} s")
    analyze(factory.kw["bind"])  # the score, trend and signal rows just written
    started = time.perf_counter()
    # The rebuild also settles the outbox rows that seeding and scoring queued.
    documents = search.rebuild(current_app._get_current_object())
    click.echo(f"indexed {documents} search documents in {time.perf_counter() - started:.1f} s")
    _render_pages(current_app._get_current_object())


@click.command("signals")
@with_appcontext
def signals_command() -> None:
    """Recompute every ring signal for moderators (they inform; they never hide a review) and rescore the makers
    whose implicated reviews changed (the model reads them as weaker provenance)."""
    _recompute_signals(session_factory())


def _recompute_signals(factory, rescore: bool = True) -> None:
    started = time.perf_counter()
    with factory() as session, write_transaction(session):
        counts = signals.recompute_all(session, rescore=rescore)
    found = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "none"
    click.echo(f"ring signals recomputed in {time.perf_counter() - started:.1f}s: {found}")


pages_group = AppGroup("pages", help="Stored maker pages.")


@pages_group.command("render")
@with_appcontext
@click.option("--all", "everything", is_flag=True, help="Render every maker page, stale or not.")
def render_pages_command(everything: bool) -> None:
    """Render and store every maker page whose stored copy is missing or stale (after a deploy or a crash)."""
    _render_pages(current_app._get_current_object(), everything)
