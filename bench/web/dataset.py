"""The 10k-maker / 100k-review worlds the web bench serves: built once with the real CLI, reused."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from craftreview.config import PROJECT_ROOT, postgres_test_url
from craftreview.db import make_engine

WORK = Path(__file__).resolve().parent / "work"
PG_SCHEMA = "bench_web"


@dataclass(frozen=True)
class Target:
    """One database + search backend combination the bench serves."""

    name: str
    database_url: str
    search_backend: str
    instance: Path
    schema: str = PG_SCHEMA

    def env(self) -> dict[str, str]:
        """Environment for flask/gunicorn processes serving this target."""
        env = {**os.environ, "CRAFTREVIEW_INSTANCE": str(self.instance), "DATABASE_URL": self.database_url,
               "CRAFTREVIEW_SEARCH_BACKEND": self.search_backend, "CRAFTREVIEW_ENV": "production",
               "SECRET_KEY": "bench-only-secret-key", "RATELIMIT_ENABLED": "0",
               # Production refuses to start without the site's address (the base of mailed links).
               "CRAFTREVIEW_PUBLIC_URL": "https://bench.example"}
        env.pop("CRAFTREVIEW_SEARCH_INDEX", None)
        return env


def targets(include_postgres: bool = True, work: Path = WORK, schema: str = PG_SCHEMA) -> list[Target]:
    """SQLite+Whoosh always; PostgreSQL (+ its search backend) when a test database is configured.

    Each bench keeps its worlds apart: its own work directory and PostgreSQL schema.
    """
    found = [Target("sqlite+whoosh", f"sqlite:///{work / 'sqlite' / 'craftreview.db'}", "whoosh", work / "sqlite")]
    url = postgres_test_url()
    if include_postgres and url:
        engine = make_engine(url)
        rendered = engine.url.update_query_dict({"options": f"-csearch_path={schema}"})
        engine.dispose()
        found.append(Target("postgresql+pg-search", rendered.render_as_string(hide_password=False), "postgres",
                            work / "postgres", schema))
    return found


def flask(target: Target, *args: str) -> str:
    """Run a `flask --app craftreview` command against the target."""
    done = subprocess.run([sys.executable, "-m", "flask", "--app", "craftreview", *args], cwd=PROJECT_ROOT,
                          env=target.env(), capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"flask {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def ensure(target: Target, makers: int, reviews: int, log) -> None:
    """Seed the world unless this size was already built (marker file in the instance); migrate; store pages."""
    marker = target.instance / f"seeded-{makers}-{reviews}"
    if not marker.exists():
        target.instance.mkdir(parents=True, exist_ok=True)
        _reset(target)
        log(f"{target.name}: seeding {makers} makers / {reviews} reviews (once; reused by later runs)")
        flask(target, "migrate")
        log(flask(target, "seed-demo", "--makers", str(makers), "--reviews", str(reviews)).strip())
        marker.write_text("ok\n")
    # A world seeded by older code gains later migrations, and its stored maker pages (only the
    # missing or stale ones are rendered: after a template change, all of them once).
    flask(target, "migrate")
    log(f"{target.name}: {flask(target, 'pages', 'render').strip()}")


def _reset(target: Target) -> None:
    if target.database_url.startswith("sqlite"):
        for path in target.instance.glob("craftreview.db*"):
            path.unlink()
        return
    engine = make_engine(postgres_test_url())
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {target.schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {target.schema}"))
        # Extensions live in public (migration 0011 names public.unaccent); created under the
        # bench schema's search_path they would land in bench_web and the migration would fail.
        for extension in ("unaccent", "fuzzystrmatch"):
            conn.execute(text(f"CREATE EXTENSION IF NOT EXISTS {extension} SCHEMA public"))
    engine.dispose()
