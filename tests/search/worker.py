"""A separate writer process for the crash and concurrency tests.

python -m tests.search.worker DB_URL BACKEND INDEX_DIR INSTANCE MODE MAKER_ID COUNT TAG
MODE "crash": commit one review with its outbox rows, then SIGKILL ourselves before any drain.
MODE "write": commit COUNT reviews one transaction each, draining after every commit.
"""
from __future__ import annotations

import os
import signal
import sys

from craftreview import create_app
from craftreview.search.outbox import run_drain

from .conftest import World


def main(argv: list[str]) -> None:
    url, backend, index_dir, instance, mode, maker_id, count, tag = argv
    app = create_app({"ENV_NAME": "test", "TESTING": True, "SECRET_KEY": "t", "DATABASE_URL": url,
                      "SEARCH_BACKEND": backend, "SEARCH_INDEX_DIR": index_dir, "INSTANCE_PATH": instance})
    world = World(app)
    from craftreview import search
    for i in range(int(count)):
        world.review(int(maker_id), f"{tag} review {i}", f"uniqueword{tag}x{i} arrived well packed")
        if mode == "crash":
            os.kill(os.getpid(), signal.SIGKILL)  # after commit, before indexing
        run_drain(app.extensions["craftreview.engine"], search.get_backend(app), lock_timeout=30.0)


if __name__ == "__main__":
    main(sys.argv[1:])
