"""`python -m bench.fuzz REPORT.tsv`: the per-endpoint table of a fuzz run, as Markdown on stdout.

REPORT.tsv is what tests/fuzz writes to $FUZZ_REPORT: one line per database, module and endpoint with
cases, 5xx answers, rejected (4xx) answers, and requests whose before/after state digest was compared
and found equal. Paste the table into bench/fuzz/RESULTS.md beside the command that produced it.
"""
from __future__ import annotations

import sys
from collections import defaultdict

COLUMNS = ("cases", "5xx", "rejected (4xx)", "unchanged-state checks")


def read(paths: list[str]) -> dict[str, dict[tuple[str, str], list[int]]]:
    """{database: {(module, endpoint): counts}} from report files (repeated lines add up)."""
    table: dict = defaultdict(lambda: defaultdict(lambda: [0] * len(COLUMNS)))
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                database, module, endpoint, *counts = line.rstrip("\n").split("\t")
                row = table[database][(module.rsplit(".", 1)[-1], endpoint)]
                row[:] = [a + int(b) for a, b in zip(row, counts, strict=True)]
    return table


def markdown(table) -> str:
    """A section per database: one row per endpoint and a total row."""
    out = []
    for database, rows in sorted(table.items()):
        out += [f"### {database}", "", "| module | endpoint | " + " | ".join(COLUMNS) + " |",
                "|---|---|" + "---:|" * len(COLUMNS)]
        out += [f"| {m} | `{e}` | " + " | ".join(map(str, c)) + " |" for (m, e), c in sorted(rows.items())]
        totals = [sum(c[i] for c in rows.values()) for i in range(len(COLUMNS))]
        out += ["| **total** | " + f"{len(rows)} endpoints | " + " | ".join(map(str, totals)) + " |", ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown(read(sys.argv[1:])))
