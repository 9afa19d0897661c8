"""The honesty guard: the claims linter, the sandboxed renderer and the evidence ledger."""
