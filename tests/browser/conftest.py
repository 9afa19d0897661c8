"""Browser tests of the foundation; the Chromium fixtures live in tests/browser_fixtures.py."""
