"""Regenerate bench/scoring/RESULTS.md: `python -m bench.scoring [--reps N]`."""
from __future__ import annotations

import argparse
import os
import platform
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import scipy

from craftreview.scoring import MODEL_VERSION

from . import experiments, narrative, report
from .ablation import ablation_table, run_ablations
from .family_report import run_family
from .family_report import section as family_section
from .monotone import search as monotone_search
from .monotone import sentence as monotone_sentence
from .run import run_all
from .simulate import SimConfig
from .timing import run_million, run_timing
from .wider import margins, run_wider, wider_table, wider_targets

OUT = Path(__file__).with_name("RESULTS.md")
FAMILY_HEADING = "## A family of worlds and attackers (issue 8)"


def family_part(n_worlds: int) -> str:
    """The family section, heading included."""
    reps, seeds = run_family(n_worlds)
    return "\n\n".join((FAMILY_HEADING, narrative.FAMILY_NOTE, family_section(reps, seeds), narrative.VALIDATION_NOTE)
                       + experiments.NOTES)


def splice_family(text: str, part: str) -> str:
    """Replace (or append) the family section of an existing RESULTS.md."""
    if FAMILY_HEADING not in text:
        return text.rstrip("\n") + "\n\n" + part + "\n"
    head, rest = text.split(FAMILY_HEADING, 1)
    tail = rest[rest.find("\n## "):] if "\n## " in rest else "\n"
    return head + part + "\n" + tail


def machine() -> str:
    """One line describing where the benchmark ran."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} logical CPUs, Python {platform.python_version()}, "
            f"numpy {np.__version__}, scipy {scipy.__version__}, {platform.system()} {platform.release()}")


def _timed() -> dict:
    """The 100k-signal timings, one-maker rescoring and the million-signal runs."""
    timing = run_timing()
    timing["million"] = run_million()
    return timing


def splice_timing(text: str, timing: dict) -> str:
    """An existing RESULTS.md with its speed targets and Speed section from timing (the rest as it was written)."""
    for name, ok, fig in report.timing_targets(timing):
        lines = text.split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith("- ") and f": {name} — " in line)
        was_met = lines[at].startswith("- MET")
        lines[at] = f"- {'MET' if ok else '**MISSED**'}: {name} — {fig}"
        text = "\n".join(lines)
        if was_met != ok:  # keep the "N of M checks met" count in step
            count = re.search(r"(\d+) of (\d+) checks met\.", text)
            met = int(count.group(1)) + (1 if ok else -1)
            text = text.replace(count.group(0), f"{met} of {count.group(2)} checks met.", 1)
    start = text.index("## Speed\n")
    end = text.index("\n## ", start + 1)
    return text[:start] + "## Speed\n\n" + narrative.timing_text(timing) + "\n" + text[end:]


def main() -> None:
    """Run everything and write RESULTS.md."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--ablation-reps", type=int, default=10)
    parser.add_argument("--worlds", type=int, default=96, help="worlds drawn for the family section")
    parser.add_argument("--family-only", action="store_true", help="rerun only the family section")
    parser.add_argument("--timing-only", action="store_true",
                        help="rerun only the timings (speed targets and the Speed section), e.g. on a quieter machine")
    args = parser.parse_args()
    t0 = time.perf_counter()
    if args.family_only:
        OUT.write_text(splice_family(OUT.read_text(), family_part(args.worlds)))
        print(f"family section rewritten in {time.perf_counter() - t0:.0f} s")
        return
    if args.timing_only:
        OUT.write_text(splice_timing(OUT.read_text(), _timed()))
        print(f"timings rewritten in {time.perf_counter() - t0:.0f} s")
        return
    seeds = list(range(1, args.reps + 1))
    reps = run_all(seeds)
    wider = margins(run_wider())
    ablations = run_ablations(list(range(101, 101 + args.ablation_reps)))
    timing = _timed()
    family = family_part(args.worlds)  # before the clock is read: the intro's time covers the whole run
    elapsed = time.perf_counter() - t0
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        narrative.INTRO.format(version=MODEL_VERSION, when=started, machine=machine(), elapsed=elapsed,
                               reps=args.reps, n_signals=int(np.mean([r["n_signals"] for r in reps]))),
        family,
        "## Headline\n\n" + narrative.HEADLINE_NOTE + "\n\n" + report.headline(reps) + "\n\n"
        + narrative.WIDER_NOTE + "\n\n" + wider_table(wider),
        "## Targets met / missed\n\n" + report.targets_section(reps, timing, wider_targets(wider)) + "\n\n"
        + narrative.target_notes(reps),
        "## Simulation\n\n" + narrative.SIMULATION.format(bands=report.band_shares(reps)) + "\n\n"
        + report.config_table(SimConfig()),
        "## Model\n\n" + narrative.MODEL,
        "## Kendall τ against true current quality\n\n" + narrative.TAU_NOTE + "\n\nτ-b (scipy's default):\n\n"
        + report.tau_table(reps) + "\n\nτ-a (tied scores earn no credit):\n\n" + report.tau_table(reps, "tau_a"),
        "## 90% interval coverage (mean width in stars), model only\n\n" + narrative.COVERAGE_NOTE
        + "\n\n" + report.coverage_table(reps),
        "## Tiers (model only)\n\n" + report.tier_table(reps),
        "## Shill attacks\n\n" + narrative.ATTACK_NOTE + "\n\n" + report.attack_table(reps),
        "## Does a higher rating ever lower the score? (random search)\n\n" + narrative.MONOTONE_NOTE + "\n\n"
        + monotone_sentence(monotone_search(6000)),
        "## Speed\n\n" + narrative.timing_text(timing),
        "## Ablations: what each part buys\n\n" + narrative.ABLATION_NOTE + "\n\n" + ablation_table(ablations),
        "## Decisions and known limitations\n\n" + narrative.DECISIONS,
    ]
    OUT.write_text("\n\n".join(parts) + "\n")
    print(f"wrote {OUT} in {elapsed:.0f} s")


if __name__ == "__main__":
    main()
