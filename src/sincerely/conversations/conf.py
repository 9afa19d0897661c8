"""Settings of conversations, read from the environment (SINCERELY_*) with safe defaults."""

from __future__ import annotations

import os


def _int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(f"SINCERELY_{name}", default))
    except ValueError:
        return default


# A conversation is overdue when it is open and its oldest unanswered message has waited
# longer than this.
INBOX_OVERDUE_HOURS = _int("INBOX_OVERDUE_HOURS", 24)
# Rate limits on new comments, counted in Django's cache (the default cache is per process:
# with several web processes each one counts separately; point CACHES at a shared backend
# to make them exact).
COMMENTS_PER_IP_PER_HOUR = _int("COMMENTS_PER_IP_PER_HOUR", 10)
COMMENTS_PER_EMAIL_PER_HOUR = _int("COMMENTS_PER_EMAIL_PER_HOUR", 5)
# A comment scoring at least this is filed as spam instead of held or published.
SPAM_THRESHOLD = _int("SPAM_THRESHOLD", 5)
# How long an emailed comment-confirmation or reader link stays valid (seconds).
COMMENT_LINK_MAX_AGE = _int("COMMENT_LINK_MAX_AGE", 7 * 24 * 3600)
# Anonymous readers get cached post pages; a change shows at once on the process that made
# it and within this many seconds on the others (unless CACHES is shared).
PAGE_CACHE_SECONDS = _int("BLOG_PAGE_CACHE_SECONDS", 5)
