"""Benchmark: `flask seed-demo` at 10,000 makers / 100,000 reviews (target: under two minutes)."""
