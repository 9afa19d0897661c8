"""Scale-out tests: health, metrics, aggregates, several hosts."""
