"""Staff accounts' roles and profiles, and the API keys they own."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models

from sincerely.accounts.roles import ROLE_LABELS, Role, role_allows


class StaffProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile"
    )
    role = models.CharField(max_length=16, choices=[(r.value, ROLE_LABELS[r]) for r in Role])
    title = models.CharField(max_length=120, blank=True, help_text="Shown to customers")
    bio = models.TextField(blank=True)
    photo = models.FileField(upload_to="staff/", blank=True)

    class Meta:
        # Moved from the console app; the table keeps its name (no data moved).
        db_table = "console_staffprofile"

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.role})"

    def can(self, capability: str) -> bool:
        return role_allows(self.role, capability)


class ApiKey(models.Model):
    """A bearer key; only its SHA-256 is stored, the key itself is shown once at creation."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "console_apikey"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @staticmethod
    def new_key() -> str:
        return "sk_" + secrets.token_urlsafe(32)
