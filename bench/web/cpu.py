"""CPU time per request, in one process, beside /bench/hello: `python -m bench.web.cpu [--requests N]`.

The throughput bench (`python -m bench.web`) measures wall time through gunicorn, which on a
shared, loaded machine mostly measures the other tenants. Process CPU time per request is far
steadier under load: this serves each page through the bench app's WSGI stack in-process (Flask
test client, no sockets) over the same rotating subjects and prints CPU ms per request and the
hello-world route's CPU divided by the page's (the "× hello-world" a CPU-bound server would see).
"""
from __future__ import annotations

import argparse
import os
import time

from . import dataset


def _measure(client, paths, n: int) -> float:
    for i in range(5):  # warm-up: templates compiled, statements cached
        client.get(paths(10_000 + i))
    started = time.process_time()
    for i in range(n):
        response = client.get(paths(i))
        if response.status_code != 200:
            raise RuntimeError(f"{paths(i)} answered {response.status_code}")
    return 1000 * (time.process_time() - started) / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--target", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    target = next(t for t in dataset.targets() if args.target in t.name)
    os.environ.update(target.env())
    from .__main__ import pages, subjects  # after the environment is set: imports the app's config
    from .app import app

    s = subjects(target, 0)
    client = app.test_client()
    rows = [(label, _measure(client, paths, args.requests)) for label, paths in pages(s) if label != "search"]
    hello = sum(ms for label, ms in rows if label.startswith("hello")) / 2
    print(f"{target.name}: CPU ms per request in-process ({args.requests} requests each)")
    print("| page | CPU ms/request | hello-world CPU ÷ page CPU |\n|---|---:|---:|")
    for label, ms in rows:
        print(f"| {label} | {ms:.2f} | {hello / ms:.2f} |")


if __name__ == "__main__":
    main()
