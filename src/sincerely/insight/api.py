"""API routes of insight: each (prefix, router) in `routers` is mounted under /api/v1/."""

routers: list = []
