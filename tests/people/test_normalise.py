"""Email normalisation: case-insensitive matching, and a clear error for what is not an address."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sincerely.errors import DomainError
from sincerely.people.services import normalise_email


@given(st.emails())
def test_valid_addresses_normalise_to_lower_case_and_are_stable(email):
    try:
        normalised = normalise_email(email)
    except DomainError:
        return  # Django's validator is stricter than RFC 5322 for a few exotic forms.
    assert normalised == normalised.strip().lower()
    assert normalise_email(normalised.upper()) == normalised


@given(st.text(max_size=40))
def test_arbitrary_text_never_crashes(text):
    try:
        result = normalise_email(text)
    except DomainError as exc:
        assert exc.field == "email"
    else:
        assert "@" in result


@pytest.mark.parametrize("raw", ["", "  ", "anna", "anna@", "@example.com", "a b@example.com"])
def test_not_addresses(raw):
    with pytest.raises(DomainError):
        normalise_email(raw)
