"""Models of messaging."""
