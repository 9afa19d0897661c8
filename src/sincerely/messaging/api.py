"""API routes of messaging: each (prefix, router) in `routers` is mounted under /api/v1/."""

routers: list = []
