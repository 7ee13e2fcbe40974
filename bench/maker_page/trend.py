"""`python -m bench.maker_page.trend [--makers N --reviews M]`: the cost of the stored 24-month trends.

Synthetic signals (no database): fit once, then time `monthly_trends` for every maker (what `flask rescore`
adds) and for one busy maker (what each review write adds), beside `score_makers` (the fit-and-score that
rescore already runs) in the same process. Writes bench/maker_page/TREND.md.
"""
from __future__ import annotations

import argparse
import os
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from statistics import median

from craftreview import scoring
from craftreview.scoring.trend import monthly_trends

RESULTS = Path(__file__).resolve().parent / "TREND.md"
NOW = datetime(2026, 11, 30, tzinfo=UTC)


def signals(makers: int, reviews: int, seed: int = 3) -> list:
    """Reviews spread over three years, a few busy makers, dated deliveries."""
    rng = random.Random(seed)
    weights = [rng.paretovariate(1.5) for _ in range(makers)]
    out = []
    for maker in rng.choices(range(makers), weights=weights, k=reviews):
        created = NOW - timedelta(days=rng.uniform(1, 1100))
        promised = created.date() - timedelta(days=10)
        out.append(scoring.ReviewSignal(
            maker_id=maker, reviewer_id=rng.randrange(reviews // 3), craftsmanship=rng.randint(2, 5),
            consistency=rng.randint(2, 5), delivery=rng.randint(1, 5), created_at=created,
            verified=rng.random() < 0.4, promised_on=promised, delivered_on=promised + timedelta(days=rng.randint(-4, 8))))
    return out


def timed(function, *args, **kwargs) -> float:
    started = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--makers", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    args = parser.parse_args()
    sigs = signals(args.makers, args.reviews)
    model = scoring.fit_model(sigs, now=NOW)
    by_maker: dict = {}
    for s in sigs:
        by_maker.setdefault(s.maker_id, []).append(s)
    busy = max(by_maker.values(), key=len)
    reference = timed(scoring.score_makers, sigs, now=NOW)
    everyone = timed(monthly_trends, model, sigs, now=NOW)
    one = median(timed(monthly_trends, model, busy, now=NOW) for _ in range(5))
    stored = monthly_trends(model, busy, now=NOW)[busy[0].maker_id]
    known = dict(zip(stored["months"][:-1], stored["points"][:-1], strict=True))
    write = median(timed(monthly_trends, model, busy, now=NOW, known=known) for _ in range(5))
    path = "posterior only" if hasattr(scoring.model, "_posterior") else "full MakerScore packing per month"
    text = "\n".join([
        "# Stored 24-month trends: cost", "",
        f"`python -m bench.maker_page.trend --makers {args.makers} --reviews {args.reviews}`, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} CPUs (shared), synthetic signals; "
        f"scoring path: {path}.", "",
        "| what | seconds |", "|---|---|",
        f"| `score_makers` on all signals (reference: rescore's fit and score) | {reference:.1f} |",
        f"| `monthly_trends` for all {len(by_maker)} makers (added to `flask rescore`) | {everyone:.1f} |",
        f"| `monthly_trends` for the busiest maker ({len(busy)} reviews), all 24 months, median of 5 | {one:.3f} |",
        f"| same, finished months known (what each review write adds), median of 5 | {write:.3f} |", ""])
    RESULTS.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
