"""API routes of timeline: each (prefix, router) in `routers` is mounted under /api/v1/."""

routers: list = []
