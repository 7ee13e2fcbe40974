"""Time home and /makers in-process (WSGI test client) beside a hello-world route on the same app.

Usage: seed a database first (`CRAFTREVIEW_INSTANCE=DIR flask --app craftreview seed-demo --makers 10000
--reviews 100000`), then `python -m bench.listings --instance DIR [--rounds 200]`. Pages are requested
round-robin so that machine noise hits every page alike; each figure is reported beside hello-world.
"""
from __future__ import annotations

import argparse
import re
import statistics
import time

from sqlalchemy import event

from craftreview import create_app

PAGES = [
    ("hello-world", "/__hello"),
    ("home", "/"),
    ("browse", "/makers"),
    ("browse craft+country+tier", "/makers?craft=wood&place=United+States&tier=skilled"),
    ("browse on-time sort", "/makers?sort=on_time"),
    ("browse newest, custom, 30 days", "/makers?sort=newest&custom=1&max_lead=30"),
]
DEEP_PAGES = 40


def _app(instance: str):
    app = create_app({"ENV_NAME": "test", "INSTANCE_PATH": instance,
                      "DATABASE_URL": f"sqlite:///{instance}/craftreview.db"})
    app.add_url_rule("/__hello", "bench_hello", lambda: "Hello, World!")
    return app


def _deep_url(client) -> str:
    """The /makers page DEEP_PAGES pages in, reached by following Next links."""
    url = "/makers"
    for _ in range(DEEP_PAGES):
        html = client.get(url).get_data(as_text=True)
        url = re.search(r'href="([^"]*after=[^"]*)" rel="next"', html).group(1).replace("&amp;", "&")
    return url


def _count_queries(app, client, url: str) -> int:
    seen: list[str] = []
    engine = app.extensions["craftreview.engine"]
    listener = lambda *args: seen.append(args[2])  # noqa: E731 - a throwaway recorder
    app.extensions.pop("craftreview.browse_counts", None)
    event.listen(engine, "before_cursor_execute", listener)
    client.get(url)
    event.remove(engine, "before_cursor_execute", listener)
    return sum(1 for s in seen if s.lstrip().upper().startswith("SELECT"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--instance", required=True)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    app = _app(args.instance)
    client = app.test_client()
    pages = PAGES + [(f"browse page {DEEP_PAGES + 1} (keyset)", _deep_url(client))]
    queries = {name: _count_queries(app, client, url) for name, url in pages}
    for _name, url in pages:  # warm-up: caches, compiled statements, templates
        client.get(url)
    times: dict[str, list[float]] = {name: [] for name, _url in pages}
    for _ in range(args.rounds):
        for name, url in pages:
            started = time.perf_counter()
            response = client.get(url)
            times[name].append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
    hello = statistics.median(times["hello-world"])
    print(f"{args.rounds} rounds, in-process WSGI, sequential\n")
    print("| page | SELECTs (cold) | median ms | p99 ms | max ms | req/s | × hello-world |")
    print("|---|---|---|---|---|---|---|")
    for name, _url in pages:
        values = sorted(times[name])
        median = statistics.median(values)
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        print(f"| {name} | {queries[name]} | {median * 1000:.2f} | {p99 * 1000:.2f} | {values[-1] * 1000:.2f} "
              f"| {1 / median:.0f} | {hello / median:.2f} |")


if __name__ == "__main__":
    main()
