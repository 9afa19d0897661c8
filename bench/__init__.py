"""Benchmarks: each prints our figure beside its ceiling measured in the same run."""
