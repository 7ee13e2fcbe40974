"""`flask search check|rebuild`. (Placeholder; the search work fills this in.)"""
from __future__ import annotations

import click
from flask.cli import AppGroup

search_group = AppGroup("search", help="Search index maintenance.")


@search_group.command("rebuild")
def rebuild() -> None:
    """Rebuild the search index from the database."""
    click.echo("search is not implemented yet")


@search_group.command("check")
def check() -> None:
    """Compare index and database; exit non-zero when they disagree."""
    click.echo("search is not implemented yet")
