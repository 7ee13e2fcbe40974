"""Search benchmark: `python -m bench.search` (writes bench/search/RESULTS.md)."""
