"""Test data built through the real services, so tests exercise the same rules users hit."""

from __future__ import annotations

from urllib.parse import urlencode

import orjson
from django.contrib.auth import get_user_model
from django.test import Client

from sincerely.accounts.services import create_api_key, create_staff
from sincerely.people import services
from sincerely.people.models import SourceKind

PASSWORD = "correct horse battery staple"


def make_staff(username: str, role: str, **extra):
    User = get_user_model()
    existing = User.objects.filter(username=username).first()
    if existing:
        return existing
    return create_staff(
        username,
        role=role,
        email=extra.pop("email", f"{username}@sincerely.test"),
        password=PASSWORD,
        first_name=extra.pop("first_name", username.title()),
        **extra,
    )


def make_list(slug: str, name: str = "", purpose: str = "newsletter"):
    from sincerely.people.models import AudienceList

    existing = AudienceList.objects.filter(slug=slug).first()
    return existing or services.create_list(slug, name or slug.title(), purpose)


def make_person(
    email: str,
    *,
    facts: dict[str, str] | None = None,
    consent: str | None = None,
    on_list=None,
    source_ref: str = "signup form",
    source_kind: str = SourceKind.SELF_DECLARED,
    verified: bool = True,
):
    """A person whose facts came from a confirmed signup form (verified unless told not)."""
    evidence = services.EvidenceInput(source_kind, source_ref, verified_channel=verified)
    person = services.create_person(email, facts or {}, evidence)
    purpose = consent or (on_list.purpose.slug if on_list is not None else None)
    if purpose:
        services.record_consent(
            person,
            purpose,
            granted=True,
            where="signup form at /newsletter",
            wording="Yes, send me the monthly newsletter.",
            method="checkbox",
        )
    if on_list is not None:
        services.add_to_list(person, on_list, "signed up on /newsletter", evidence)
    return person


class ApiClient:
    """Calls the API with a real bearer key, returning (status, JSON body)."""

    def __init__(self, user):
        self.key = create_api_key(user.get_username(), "tests")
        self.client = Client()

    def _call(self, method: str, path: str, body=None, **params):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {self.key}"}
        url = "/api/v1" + path
        if method in {"get", "delete"}:
            query = ("?" + urlencode(params)) if params else ""
            response = getattr(self.client, method)(url + query, **headers)
        else:
            data = body if isinstance(body, (bytes, str)) else orjson.dumps(body)
            response = getattr(self.client, method)(
                url, data, content_type="application/json", **headers
            )
        content = response.content
        return response.status_code, (orjson.loads(content) if content else None)

    def get(self, path, **params):
        return self._call("get", path, **params)

    def post(self, path, body):
        return self._call("post", path, body)

    def patch(self, path, body):
        return self._call("patch", path, body)

    def delete(self, path, **params):
        return self._call("delete", path, **params)
