"""Benchmark: home and browse pages at 10,000 makers / 100,000 reviews beside a hello-world route."""
