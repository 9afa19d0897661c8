"""Models of insight."""
