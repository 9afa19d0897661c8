"""Staff accounts and API keys: creating, keying and revoking them."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from sincerely.accounts.models import ApiKey, StaffProfile
from sincerely.accounts.roles import Role
from sincerely.errors import DomainError, NotFound
from sincerely.headers import check_header_value

NOREPLY_WORDS = ("noreply", "no-reply", "donotreply", "do-not-reply")


def check_real_address(email: str) -> None:
    """Mail from us comes from a person who reads replies; a noreply sender is refused."""
    local = email.split("@", 1)[0].lower()
    if any(word in local.replace("_", "-") for word in NOREPLY_WORDS):
        raise DomainError(
            "a sender must be a real inbox that reads replies, not a noreply address",
            field="email",
        )


def check_password(password: str, user) -> None:
    """Django's password validators (AUTH_PASSWORD_VALIDATORS), as one named error."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), field="password") from None


@transaction.atomic
def create_staff(
    username: str,
    *,
    role: str,
    email: str,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    title: str = "",
    bio: str = "",
):
    User = get_user_model()
    if role not in Role.__members__.values() and role not in [r.value for r in Role]:
        raise DomainError(
            f"unknown role '{role}'; one of {', '.join(r.value for r in Role)}", field="role"
        )
    if User.objects.filter(username=username).exists():
        raise DomainError(f"a user '{username}' already exists", field="username")
    if not email:
        raise DomainError("staff need an email address that reaches them", field="email")
    check_real_address(email)
    # The display name is the From name of every message this person sends.
    check_header_value(first_name, "first_name")
    check_header_value(last_name, "last_name")
    if password is not None:
        check_password(password, User(username=username, email=email, first_name=first_name))
    user = User.objects.create_user(
        username,
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    StaffProfile.objects.create(user=user, role=role, title=title, bio=bio)
    return user


def create_api_key(username: str, name: str = "") -> str:
    """Create a key for a staff user and return it; only its hash is stored."""
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise NotFound(f"no active staff user '{username}'", field="username")
    key = ApiKey.new_key()
    ApiKey.objects.create(user=user, name=name, prefix=key[:10], key_hash=ApiKey.hash_key(key))
    return key
