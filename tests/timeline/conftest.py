"""Fixtures for timeline tests; the Chromium fixtures come from tests/browser."""

from tests.browser.conftest import browser, page  # noqa: F401 - re-exported fixtures
