"""What a template may know about its recipient: `person.<fact>` and `evidence.<kind>(…)`.

Every value a template reads through these objects is written to the message's ledger,
so the recipient can later see exactly which record stood behind each sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache

from django.db.models import Q

from sincerely import registry
from sincerely.messaging.guard.ledger import Ledger
from sincerely.people.models import Fact, Person, Trust

# Names a template may use besides `person`, `evidence` and `sender`. Another app adds a
# variable with `EXTRA_VARIABLES["offers"] = factory` where factory(person, ledger) returns
# the object the template sees (and records what it reveals in the ledger).
EXTRA_VARIABLES: dict[str, Callable[[Person, Ledger], object]] = registry.TEMPLATE_VARIABLES

# Touchpoint kinds that stand behind each evidence kind (see docs/messaging.md).
ATTENDANCE_KIND = "event_attendance"
ATTENDANCE_FACT = "attended_event"
MEETING_KIND = "meeting"
CALL_KIND = "call"
REQUEST_KINDS = ("form_submit", "request")
VISIT_KIND = "page_view"
# What the person said to us: a reply to our mail, a confirmed comment, a privacy-centre note.
SAID_KINDS = ("email_replied", "comment", "privacy_message")
# Facts that record a remembered preference ("prefers" evidence) when they are verified.
PREFERENCE_FACTS = ("preference", "preferences", "interest", "interests", "likes", "favourite")


class TemplateProblem(Exception):
    """The template asked for something impossible (a bad argument, an unsafe name)."""


class Missing:
    """A fact the recipient does not have: falsy, and it refuses to be printed.

    `{{ person.first_name | fallback("there") }}` (or `{{ person.first_name or "there" }}`)
    replaces it with the author's words; printed bare, the recipient is held back.
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        raise MissingValue(self.name)

    __html__ = __str__

    def __getattr__(self, name: str) -> Missing:
        if name.startswith("_"):
            raise AttributeError(name)
        return Missing(f"{self.name}.{name}")

    def __iter__(self):
        return iter(())

    def __len__(self) -> int:
        return 0


class MissingValue(Exception):
    """Raised while rendering when a missing value would have been printed."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(name)


class EvidenceRecord:
    """The record behind an interaction; truthy, with what a template may print about it."""

    __slots__ = ("kind", "summary", "at", "source", "record_id", "name")

    def __init__(
        self, kind: str, *, summary: str, at: datetime, source: str, record_id: int, name: str = ""
    ) -> None:
        self.kind = kind
        self.summary = summary
        self.at = at
        self.source = source
        self.record_id = record_id
        self.name = name

    @classmethod
    def of_touchpoint(cls, kind: str, tp, summary: str, name: str = "") -> EvidenceRecord:
        return cls(kind, summary=summary, at=tp.at, source="touchpoint", record_id=tp.pk, name=name)

    @classmethod
    def of_fact(cls, kind: str, fact, summary: str) -> EvidenceRecord:
        return cls(
            kind,
            summary=f"{summary} ({fact.evidence_text})",
            at=fact.recorded_at,
            source="fact",
            record_id=fact.pk,
            name=fact.value,
        )

    def __bool__(self) -> bool:
        return True

    def __str__(self) -> str:
        return self.name or self.summary

    def as_ledger(self) -> dict:
        return {
            "id": self.record_id,
            "record": self.source,
            "summary": self.summary,
            "name": self.name,
            "at": self.at.isoformat(),
        }


def _text_arg(value: object, what: str) -> str:
    if isinstance(value, Missing) or value is None:
        raise TemplateProblem(f"{what} needs a value, not a missing fact")
    text = str(value).strip()
    if not any(len(word) >= 2 and not word.isdigit() for word in name_words(text)):
        raise TemplateProblem(f"{what} needs a name in words, not {text!r}")
    return text


_WORD = re.compile(r"\w+", re.UNICODE)


def name_words(text: str) -> tuple[str, ...]:
    """Words of a name, case- and accent-folded: "Café Münster" -> ("cafe", "munster")."""
    return _name_words(text or "")


@lru_cache(maxsize=65_536)
def _name_words(text: str) -> tuple[str, ...]:
    # Every recipient's evidence names the same few events and products: fold each once.
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return tuple(_WORD.findall(plain))


def names_match(wanted: str, recorded: str) -> bool:
    """Every word of `wanted` is a whole word of `recorded`.

    "Web Summit" matches "Web Summit 2025"; "20" matches no event of 2025 and "VivaTech"
    never matches "Web Summit": evidence must be of exactly the thing a sentence names.
    """
    wanted_words = name_words(wanted)
    if not wanted_words:
        return False
    have = set(name_words(recorded))
    return all(word in have or _inflected_in(word, have) for word in wanted_words)


# Plural and case endings: "Preisen" is "Preise", "zapatillas" "zapatilla", "shoes" "shoe".
_ENDINGS = frozenset({"s", "es", "e", "n", "en", "er", "ern", "x"})


def _inflected_in(word: str, have: set[str]) -> bool:
    """`word` is a word of `have` with another plural or case ending (stems of 4 letters or
    more, so "Web" never stands for "Webs" and a number never for another)."""
    for other in have:
        short, long = (word, other) if len(word) <= len(other) else (other, word)
        if len(short) >= 4 and long.startswith(short) and long[len(short) :] in _ENDINGS:
            return True
    return False


class PersonFacts:
    """`person.<key>` in a template: the current fact, recorded in the ledger, or Missing."""

    __slots__ = ("_facts", "_ledger", "_person")

    def __init__(self, person: Person, facts: dict[str, Fact], ledger: Ledger) -> None:
        self._person = person
        self._facts = facts
        self._ledger = ledger

    def __getattr__(self, key: str):
        if key.startswith("_"):
            raise AttributeError(key)
        fact = self._facts.get(key)
        if fact is not None:
            self._ledger.add_fact(fact)
            return fact.value
        if key == "last_purchase":
            return self._last_purchase()
        return Missing(f"person.{key}")

    __getitem__ = __getattr__

    def _last_purchase(self):
        from sincerely.timeline.models import PurchaseLine

        line = (
            PurchaseLine.objects.select_related("product")
            .filter(person=self._person, quantity__gt=0)
            .order_by("-at", "-id")
            .first()
        )
        if line is None:
            return Missing("person.last_purchase")
        self._ledger.add_evidence(
            "last_purchase",
            "",
            {
                "id": line.pk,
                "record": "purchase",
                "summary": f"bought {line.product.name} (order {line.order_id})",
                "at": line.at.isoformat(),
            },
        )
        return line.product.name


class EvidenceIndex:
    """The low-volume evidence of a batch of recipients, loaded in one query when first asked.

    Rendering a campaign asks the same question of thousands of people; one query per
    batch instead of one per person is what keeps the guard cheap. Page views (the
    high-volume kind) and purchases stay per-person queries that the database filters.
    """

    PREFETCHED = (ATTENDANCE_KIND, MEETING_KIND, CALL_KIND, *REQUEST_KINDS, *SAID_KINDS)

    def __init__(self, person_ids: list[int]) -> None:
        self.person_ids = person_ids
        self._touchpoints: dict[int, list] | None = None
        self._attended: dict[int, list[Fact]] | None = None

    def touchpoints(self, person_id: int, kinds: tuple[str, ...]) -> list:
        if self._touchpoints is None:
            from sincerely.timeline.models import Touchpoint, TouchpointTrust

            self._touchpoints = {}
            # Only what staff, an authenticated key, an import or our own verified flows
            # recorded: the public tracker can never stand behind a claim (rule 3a).
            rows = Touchpoint.objects.filter(
                person_id__in=self.person_ids,
                kind__in=self.PREFETCHED,
                trust=TouchpointTrust.RECORDED,
            ).order_by("-at", "-id")
            for tp in rows:
                self._touchpoints.setdefault(tp.person_id, []).append(tp)
        return [tp for tp in self._touchpoints.get(person_id, []) if tp.kind in kinds]

    def attended_facts(self, person_id: int) -> list[Fact]:
        if self._attended is None:
            self._attended = {}
            rows = Fact.objects.filter(
                person_id__in=self.person_ids, key=ATTENDANCE_FACT, trust=Trust.VERIFIED
            ).order_by("-recorded_at")
            for fact in rows:
                self._attended.setdefault(fact.person_id, []).append(fact)
        return self._attended.get(person_id, [])


class Evidence:
    """`evidence.<kind>(…)`: the record of an interaction with this recipient, or None."""

    __slots__ = ("_person", "_facts", "_ledger", "_sender", "_index")

    def __init__(
        self,
        person: Person,
        facts: dict[str, Fact],
        ledger: Ledger,
        sender,
        index: EvidenceIndex | None = None,
    ) -> None:
        self._person = person
        self._facts = facts
        self._ledger = ledger
        self._sender = sender
        self._index = index or EvidenceIndex([person.pk])

    def _found(self, kind: str, argument: str, record: EvidenceRecord | None):
        if record is None:
            return None
        self._ledger.add_evidence(kind, argument, record.as_ledger())
        return record

    def _touchpoints(self, *kinds: str) -> list:
        return self._index.touchpoints(self._person.pk, kinds)

    def attended(self, event) -> EvidenceRecord | None:
        """An `event_attendance` touchpoint or an `attended_event` fact naming the event."""
        name = _text_arg(event, "evidence.attended(event)")
        for tp in self._touchpoints(ATTENDANCE_KIND):
            recorded = str((tp.properties or {}).get("event", ""))
            if names_match(name, recorded):
                record = EvidenceRecord.of_touchpoint(
                    "attended",
                    tp,
                    f"attended {recorded}",
                    recorded,
                )
                return self._found("attended", name, record)
        for fact in self._index.attended_facts(self._person.pk):
            if names_match(name, fact.value):
                record = EvidenceRecord.of_fact("attended", fact, f"attended {fact.value}")
                return self._found("attended", name, record)
        return None

    def met(self) -> EvidenceRecord | None:
        """A logged meeting with the sender of this message."""
        meetings = self._touchpoints(MEETING_KIND)
        sender = self._sender
        if sender is not None:
            names = {sender.get_username(), sender.email}
            meetings = [
                tp
                for tp in meetings
                if tp.recorded_by_id == sender.pk or (tp.properties or {}).get("with") in names
            ]
        return self._logged("met", meetings, "a logged meeting")

    def _logged(self, kind: str, touchpoints: list, default: str) -> EvidenceRecord | None:
        """The newest logged interaction (a meeting, a call) as evidence, with its note."""
        if not touchpoints:
            return None
        tp = touchpoints[0]
        note = str((tp.properties or {}).get("note", "")) or default
        record = EvidenceRecord.of_touchpoint(kind, tp, note)
        return self._found(kind, "", record)

    def called(self) -> EvidenceRecord | None:
        """A logged call with this person."""
        return self._logged("called", self._touchpoints(CALL_KIND), "a logged call")

    def asked(self, topic=None) -> EvidenceRecord | None:
        """A form submission or request from this person, about `topic` when one is named."""
        wanted = _text_arg(topic, "evidence.asked(topic)") if topic is not None else ""
        for tp in self._touchpoints(*REQUEST_KINDS):
            props = tp.properties or {}
            said = " ".join(str(v) for v in props.values()) + " " + tp.url
            if not wanted or names_match(wanted, said):
                about = str(props.get("topic") or props.get("subject") or wanted or tp.kind)
                record = EvidenceRecord.of_touchpoint(
                    "asked",
                    tp,
                    f"asked about {about}",
                    about,
                )
                return self._found("asked", wanted, record)
        return None

    def bought(self, product) -> EvidenceRecord | None:
        """A purchase line of a product named `product` (every word of it) or with that SKU."""
        from sincerely.timeline.models import PurchaseLine

        if isinstance(product, Missing) or product is None or not str(product).strip():
            raise TemplateProblem("evidence.bought(product) needs a product name or SKU")
        wanted = str(product).strip()
        first_word = max(name_words(wanted) or (wanted,), key=len)
        lines = (
            PurchaseLine.objects.select_related("product")
            .filter(person=self._person, quantity__gt=0)
            .filter(Q(product__name__icontains=first_word) | Q(product__sku__iexact=wanted))
            .order_by("-at", "-id")[:50]
        )
        line = next(
            (
                row
                for row in lines
                if row.product.sku.casefold() == wanted.casefold()
                or names_match(wanted, row.product.name)
            ),
            None,
        )
        if line is None:
            return None
        return self._found(
            "bought",
            wanted,
            EvidenceRecord(
                "bought",
                summary=f"bought {line.product.name} (order {line.order_id})",
                at=line.at,
                source="purchase",
                record_id=line.pk,
                name=line.product.name,
            ),
        )

    def visited(self, path) -> EvidenceRecord | None:
        """A page view whose address contains `path`, from a browser we know is theirs.

        Only page views recorded after the person followed a signed link from our mail (or
        recorded by staff or the API) count; an address typed into a form proves nothing.
        """
        wanted = _text_arg(path, "evidence.visited(path)")
        from sincerely.timeline.models import Touchpoint, TouchpointTrust

        tp = (
            Touchpoint.objects.filter(
                person=self._person,
                kind=VISIT_KIND,
                url__icontains=wanted,
                trust__in=(TouchpointTrust.RECORDED, TouchpointTrust.VISITOR_VERIFIED),
            )
            .order_by("-at", "-id")
            .first()
        )
        if tp is None:
            return None
        title = str((tp.properties or {}).get("title", ""))
        return self._found(
            "visited",
            wanted,
            EvidenceRecord.of_touchpoint(
                "visited",
                tp,
                f"viewed {tp.url}" + (f" ({title})" if title else ""),
                f"{tp.url} {title}".strip(),
            ),
        )

    def said(self, topic=None) -> EvidenceRecord | None:
        """Something the person wrote to us: a reply, a confirmed comment, a privacy-centre note."""
        wanted = _text_arg(topic, "evidence.said(topic)") if topic is not None else ""
        for tp in self._touchpoints(*SAID_KINDS):
            props = tp.properties or {}
            about = " ".join(str(props.get(k, "")) for k in ("subject", "post", "topic", "text"))
            if wanted and not names_match(wanted, about):
                continue
            record = EvidenceRecord.of_touchpoint(
                "said",
                tp,
                f"{tp.kind.replace('_', ' ')}: {about.strip() or 'a message'}",
                about.strip(),
            )
            return self._found("said", wanted, record)
        return None

    def prefers(self, topic) -> EvidenceRecord | None:
        """A verified preference fact (`preference`, `interests`, `likes` …) naming `topic`."""
        wanted = _text_arg(topic, "evidence.prefers(topic)")
        for key in PREFERENCE_FACTS:
            fact = self._facts.get(key)
            if fact is None or fact.trust != Trust.VERIFIED or not names_match(wanted, fact.value):
                continue
            record = EvidenceRecord.of_fact(
                "prefers", fact, f"{key.replace('_', ' ')}: {fact.value}"
            )
            return self._found("prefers", wanted, record)
        return None

    def customer_since(self, year=None) -> EvidenceRecord | None:
        """The person's first purchase, in or before `year` when one is named."""
        from sincerely.timeline.models import PurchaseLine

        line = (
            PurchaseLine.objects.filter(person=self._person, quantity__gt=0)
            .order_by("at", "id")
            .first()
        )
        if line is None:
            return None
        if year is not None:
            try:
                wanted_year = int(str(year).strip())
            except ValueError:
                raise TemplateProblem("evidence.customer_since(year) needs a year") from None
            if line.at.year > wanted_year:
                return None
        record = EvidenceRecord(
            "customer_since",
            summary=f"first order {line.order_id} on {line.at:%Y-%m-%d}",
            at=line.at,
            source="purchase",
            record_id=line.pk,
            name=str(line.at.year),
        )
        return self._found("customer_since", "" if year is None else str(year), record)

    def offered(self, product=None) -> EvidenceRecord | None:
        """An offer our recommender chose for this person (of `product` when named)."""
        from sincerely.offers.queries import top_offers

        for offer in top_offers(self._person, 10):
            if product is not None and not names_match(str(product), offer.product.name):
                continue
            record = EvidenceRecord(
                "offered",
                summary=f"offered {offer.product.name}: {offer.reason}",
                at=offer.created_at,
                source="offer",
                record_id=offer.pk,
                name=offer.product.name,
            )
            return self._found("offered", "" if product is None else str(product), record)
        return None


class Sender:
    """`sender` in a template: the staff member the message comes from (not personal data)."""

    __slots__ = ("name", "first_name", "email", "title")

    def __init__(self, user, display_name: str = "") -> None:
        self.first_name = user.first_name or user.get_username()
        self.name = display_name or user.get_full_name() or user.get_username()
        self.email = user.email
        profile = getattr(user, "staff_profile", None)
        self.title = profile.title if profile else ""

    def __str__(self) -> str:
        return self.name
