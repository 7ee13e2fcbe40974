"""Demo world for `flask --app craftreview seed-demo [--makers N --reviews M]`.

`seed_demo(engine, makers=40, reviews=400, seed=7)` fills an EMPTY database (it
raises ValueError when the users table already has rows) with makers across all
crafts, buyers, orders, reviews, replies, helpful votes and open flags, and
returns a SeedReport with the row counts, elapsed seconds and the demo logins.
It leaves index_outbox and maker_scores alone: afterwards the caller rebuilds
the search index and recomputes scores.

Well-known accounts, all with the password ``demo-password-2026``:

- ``buyer@demo.example.com``: a buyer with a few reviews.
- ``maker@demo.example.com``: owns a maker with reviews, the latest few unreplied.
- ``moderator@demo.example.com``: a moderator; some flags are open.

Every other demo user shares the same password (one scrypt hash, reused) and has
an ``@example.org`` address. The same seed and `now` give the same rows.
"""
from .seed import DEMO_ACCOUNTS, DEMO_PASSWORD, DemoAccount, SeedReport, seed_demo

__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "DemoAccount", "SeedReport", "seed_demo"]
