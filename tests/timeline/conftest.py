"""Fixtures for timeline tests; the Chromium fixtures come from tests/browser_fixtures.py."""
