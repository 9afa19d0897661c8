"""The render-time gate: no false claim of shared history reaches an SMTP server, whatever
the template does to hide it, and evidence cannot be forged or be of the wrong thing.

Every case goes through the public paths: the campaign API (or a one-to-one message),
the outbox, and the bytes a real SMTP server on loopback receives.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import orjson
import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from sincerely.messaging import outbox, services
from sincerely.messaging.guard.gate import claims_in
from sincerely.messaging.guard.linter import lint_template
from sincerely.messaging.models import Message
from sincerely.people.services import EvidenceInput, record_consent, record_fact
from sincerely.timeline.services import record_touchpoint
from tests import factories

pytestmark = pytest.mark.django_db

CLAIM = "It was great meeting you at Web Summit."

# Each way an author (or data) has been seen to get a claim past a literal-text linter.
BYPASSES = {
    "concatenation": '{{ "It was great meeting" ~ " you at Web Summit." }}',
    "format": '{{ "It was great {} you at Web Summit.".format("meeting") }}',
    "join": '{{ ["It was great meeting you", "at Web Summit."] | join(" ") }}',
    "replace": '{{ "It was great greeting you at Web Summit." | replace("greeting", "meeting") }}',
    "macro argument": "{% macro say(x) %}{{ x }}{% endmacro %}"
    '{{ say("It was great " ~ "meeting you at Web Summit.") }}',
    "set": '{% set x = "It was great " ~ "meeting you at Web Summit." %}{{ x }}',
    "fallback text": '{{ person.nickname | fallback("It was great meeting you at Web Summit.") }}',
    "zero-width": "It was great mee\u200bting you at Web Summit.",
    "soft hyphen": "It was great mee\u00adting you at Web Summit.",
    "bidi control": "It was great meet\u202aing you at Web Summit.",
    "cyrillic look-alike": "It was great m\u0435\u0435ting you at Web Summit.",
    "fact value": "{{ person.note }}",
    "alias rebinding": '{% set ws = evidence.attended("Web Summit") %}{% set ws = "yes" %}'
    "{% if ws %}It was great meeting you at Web Summit.{% endif %}",
    "wrong event": '{% if evidence.attended("VivaTech") %}'
    "It was great meeting you at Web Summit.{% endif %}",
}
HTML_BYPASSES = {
    "alt text": '<p>News</p><img src="https://example.com/a.png" alt="It was great meeting '
    'you at Web Summit">',
    "link title": '<p><a href="https://example.com/" title="It was great meeting you at Web '
    'Summit">News</a></p>',
    "entities": "<p>It was great me&#101;ting you at Web Summit.</p>",
    "empty span": "<p>It was great mee<span></span>ting you at Web Summit.</p>",
    "br mid-sentence": "<p>It was great meeting<br>you at Web Summit.</p>",
}


@pytest.fixture
def audience(newsletter, marketer):
    """Two people on the newsletter; only Anna attended VivaTech (not Web Summit)."""
    anna = factories.make_person(
        "anna@example.com",
        facts={"first_name": "Anna", "attended_event": "VivaTech 2025"},
        on_list=newsletter,
    )
    bob = factories.make_person("bob@example.com", facts={"first_name": "Bob"}, on_list=newsletter)
    for person in (anna, bob):
        record_fact(
            person,
            "note",
            CLAIM,
            EvidenceInput("imported", "crm-export.csv", recorded_by=marketer),
        )
    return {"anna": anna, "bob": bob}


def _campaign(api, marketer, *, text="News for you.", html="", **extra) -> int:
    body = {
        "name": "Gate",
        "list": "newsletter",
        "sender": marketer.username,
        "subject": "Our news",
        "text": text,
        **({"html": html} if html else {}),
        **extra,
    }
    status, data = api.post("/campaigns", body)
    assert status == 201, data
    return data["id"]


def _send(api, campaign_id: int) -> tuple[int, dict]:
    status, data = api.post(f"/campaigns/{campaign_id}/send", {})
    if status == 202:
        services.prepare_campaign(campaign_id)
        outbox.deliver_outbox()
    return status, data


def _delivered_text(smtp_server) -> str:
    """Everything a recipient could read: headers and every text part, decoded."""
    out = []
    for m in smtp_server.messages:
        parsed = m["parsed"]
        out += [f"{k}: {v}" for k, v in parsed.items()]
        out += [p.get_content() for p in parsed.walk() if p.get_content_maintype() == "text"]
    return "\n".join(out)


def _assert_no_claim_delivered(smtp_server):
    wire = _delivered_text(smtp_server)
    assert "Web Summit" not in wire, wire[:2000]


@pytest.mark.parametrize("name", sorted(BYPASSES))
def test_text_bypasses_deliver_no_false_claim(name, audience, marketer, smtp_server):
    api = factories.ApiClient(marketer)
    campaign_id = _campaign(api, marketer, text="Hello.\n\n" + BYPASSES[name] + "\n")
    status, data = _send(api, campaign_id)
    _assert_no_claim_delivered(smtp_server)
    if status == 202:
        held = Message.objects.filter(campaign_id=campaign_id, status="held_back")
        assert held.count() == 2
        assert all("claim" in m.held_reason for m in held), [m.held_reason for m in held]
    else:
        assert status == 422 and data["findings"], data


@pytest.mark.parametrize("name", sorted(HTML_BYPASSES))
def test_html_bypasses_deliver_no_false_claim(name, audience, marketer, smtp_server):
    api = factories.ApiClient(marketer)
    campaign_id = _campaign(api, marketer, html=HTML_BYPASSES[name])
    status, data = _send(api, campaign_id)
    _assert_no_claim_delivered(smtp_server)
    if status == 202:
        held = Message.objects.filter(campaign_id=campaign_id, status="held_back")
        assert held.count() == 2 and all("claim" in m.held_reason for m in held)


def test_a_claim_in_data_names_is_held_back(audience, marketer, newsletter, smtp_server):
    """The sender's display name and the list's name are read as the recipient reads them."""
    api = factories.ApiClient(marketer)
    campaign_id = _campaign(api, marketer, sender_name="We met you at Web Summit")
    status, _ = _send(api, campaign_id)
    assert status == 202
    held = Message.objects.filter(campaign_id=campaign_id)
    assert all("sender name" in m.held_reason for m in held)
    _assert_no_claim_delivered(smtp_server)

    newsletter.name = "People we met at Web Summit"
    newsletter.save()
    campaign_id = _campaign(api, marketer)
    _send(api, campaign_id)
    held = Message.objects.filter(campaign_id=campaign_id)
    reasons = set(held.values_list("held_reason", flat=True))
    assert len(reasons) == 1 and "footer" in reasons.pop()
    _assert_no_claim_delivered(smtp_server)


def test_a_backed_claim_is_delivered_and_its_evidence_recorded(newsletter, marketer, smtp_server):
    cara = factories.make_person(
        "cara@example.com",
        facts={"first_name": "Cara", "attended_event": "Web Summit 2025"},
        on_list=newsletter,
    )
    factories.make_person("dan@example.com", on_list=newsletter)
    api = factories.ApiClient(marketer)
    text = (
        'Hello.\n\n{% if evidence.attended("Web Summit") %}'
        '{{ "It was great meeting" ~ " you at Web Summit." }}{% endif %}\n'
    )
    campaign_id = _campaign(api, marketer, text=text)
    status, _ = _send(api, campaign_id)
    assert status == 202
    by_rcpt = {m["to"][0]: m["parsed"] for m in smtp_server.messages}
    assert set(by_rcpt) == {"cara@example.com", "dan@example.com"}
    assert CLAIM in by_rcpt["cara@example.com"].get_body(("plain",)).get_content()
    assert "Web Summit" not in by_rcpt["dan@example.com"].get_body(("plain",)).get_content()
    ledger = Message.objects.get(person=cara).ledger
    claims = [e for e in ledger if e["type"] == "claim"]
    assert claims and claims[0]["kind"] == "meeting"
    assert claims[0]["backed_by"]["kind"] == "attended"
    from sincerely.messaging.queries import explain_message

    explained = explain_message(Message.objects.get(person=cara).pk, cara)
    lines = {line["said"]: line["because"] for line in explained["ledger"]}
    assert "backed by attended" in lines[f"“{CLAIM}”"]


def test_wrong_or_vague_evidence_is_not_evidence(newsletter, marketer, smtp_server):
    factories.make_person(
        "eve@example.com", facts={"attended_event": "VivaTech 2025"}, on_list=newsletter
    )
    wrong = f'{{% if evidence.attended("VivaTech") %}}{CLAIM}{{% endif %}}'
    findings = lint_template(wrong, field="text")
    assert findings and "VivaTech" in findings[0].message
    api = factories.ApiClient(marketer)
    vague = '{% if evidence.attended("20") %}It was great meeting you at Web Summit.{% endif %}'
    campaign_id = _campaign(api, marketer, text="Hello.\n" + vague)
    _send(api, campaign_id)
    _assert_no_claim_delivered(smtp_server)


def test_the_template_cannot_rebind_or_shadow_evidence():
    for template in (
        '{% set evidence = {"attended": 1} %}Hi',
        "{% for evidence in [1] %}Hi{% endfor %}",
        "{% macro m(evidence) %}Hi{% endmacro %}",
        "{% set person = 1 %}Hi",
    ):
        kinds = {f.kind for f in lint_template(template, field="text")}
        assert "rebinding" in kinds, template


SITE = "https://www.shop.example"
VISITOR = "0123456789abcdef0123456789abcdef"


def test_anonymous_tracker_events_cannot_forge_evidence(
    newsletter, marketer, smtp_server, settings
):
    """Anyone can identify as a known address on the public tracker and send events; none of
    it may make a guarded sentence render."""
    from django.core.cache import cache

    settings.TRACKING_ORIGINS = [SITE]
    settings.TRACKING_RATE_LIMIT = 1000
    cache.clear()
    victim = factories.make_person("victim@example.com", on_list=newsletter)
    body = orjson.dumps(
        {
            "visitor": VISITOR,
            "events": [
                {"kind": "identify", "email": "victim@example.com"},
                {"kind": "event_attendance", "properties": {"event": "Web Summit"}},
                {"kind": "request", "properties": {"topic": "pricing"}},
                {"kind": "form_submit", "form": "pricing", "action": f"{SITE}/pricing"},
                {"kind": "meeting", "properties": {"note": "met at Web Summit"}},
                {"kind": "page_view", "url": f"{SITE}/pricing", "title": "Pricing"},
            ],
        }
    )
    response = Client().post(
        "/t/collect", body, content_type="text/plain", HTTP_ORIGIN=SITE, REMOTE_ADDR="198.51.100.7"
    )
    assert response.status_code in (200, 202, 204)
    api = factories.ApiClient(marketer)
    text = (
        "Hello.\n\n"
        f'{{% if evidence.attended("Web Summit") %}}{CLAIM}{{% endif %}}\n'
        '{% if evidence.asked("pricing") %}You asked us about pricing.{% endif %}\n'
        "{% if evidence.met() %}As we discussed, here it is.{% endif %}\n"
        '{% if evidence.visited("/pricing") %}We noticed you looked at our pricing.{% endif %}\n'
    )
    campaign_id = _campaign(api, marketer, text=text)
    assert _send(api, campaign_id)[0] == 202
    body = smtp_server.messages[0]["parsed"].get_body(("plain",)).get_content()
    assert smtp_server.messages[0]["to"] == [victim.email]
    for phrase in ("Web Summit", "asked us", "discussed", "pricing"):
        assert phrase not in body


def test_a_signed_link_makes_page_views_evidence_but_never_an_attendance(
    newsletter, marketer, smtp_server, settings
):
    from django.core.cache import cache

    from sincerely.timeline.services import visitor_token

    settings.TRACKING_ORIGINS = [SITE]
    cache.clear()
    person = factories.make_person("fay@example.com", on_list=newsletter)
    body = orjson.dumps(
        {
            "visitor": VISITOR,
            "events": [
                {"kind": "identify", "sid": visitor_token(person)},
                {"kind": "page_view", "url": f"{SITE}/pricing", "title": "Pricing"},
                {"kind": "event_attendance", "properties": {"event": "Web Summit"}},
            ],
        }
    )
    Client().post("/t/collect", body, content_type="text/plain", HTTP_ORIGIN=SITE)
    api = factories.ApiClient(marketer)
    text = (
        "Hello.\n\n"
        '{% if evidence.visited("/pricing") %}We noticed you looked at our pricing.{% endif %}\n'
        f'{{% if evidence.attended("Web Summit") %}}{CLAIM}{{% endif %}}\n'
    )
    _send(api, _campaign(api, marketer, text=text))
    body = smtp_server.messages[0]["parsed"].get_body(("plain",)).get_content()
    assert "looked at our pricing" in body and "Web Summit" not in body


def test_unverified_facts_do_not_back_claims(newsletter, marketer, smtp_server):
    """A fact from an anonymous form (not confirmed) is shown to staff but backs nothing."""
    factories.make_person(
        "gus@example.com",
        facts={"attended_event": "Web Summit 2025"},
        on_list=newsletter,
        verified=False,
    )
    api = factories.ApiClient(marketer)
    text = (
        'Hi.\n{% if evidence.attended("Web Summit") %}'
        "It was great meeting you at Web Summit.{% endif %}\n"
    )
    _send(api, _campaign(api, marketer, text=text))
    _assert_no_claim_delivered(smtp_server)


def test_tenure_and_selection_claims_need_their_own_evidence(newsletter, marketer, smtp_server):
    from sincerely.catalogue.models import Product
    from sincerely.offers.models import Offer
    from sincerely.timeline.models import PurchaseLine

    hal = factories.make_person("hal@example.com", on_list=newsletter)
    ida = factories.make_person("ida@example.com", on_list=newsletter)
    teapot = Product.objects.create(sku="T1", name="Blue teapot", category="Kitchen", price=20)
    cups = Product.objects.create(sku="C1", name="Tea cups", category="Kitchen", price=9)
    PurchaseLine.objects.create(
        order_id="A1",
        person=hal,
        product=teapot,
        quantity=1,
        unit_price=Decimal("20"),
        at=timezone.now().replace(year=2015),
    )
    Offer.objects.create(
        person=hal,
        product=cups,
        rank=1,
        score=0.9,
        source="bought_together",
        reason="because you bought Blue teapot",
        created_at=timezone.now() - timedelta(days=1),
    )
    api = factories.ApiClient(marketer)
    text = (
        "Hello.\n\n"
        "{% if evidence.customer_since(2015) %}A loyal customer since 2015: thank you.{% endif %}\n"
        "{% for offer in offers.top(1) %}Hand-picked just for you: {{ offer.name }}.{% endfor %}\n"
    )
    assert _send(api, _campaign(api, marketer, text=text))[0] == 202
    by_rcpt = {
        m["to"][0]: m["parsed"].get_body(("plain",)).get_content() for m in smtp_server.messages
    }
    assert "loyal customer since 2015" in by_rcpt[hal.email]
    assert "Hand-picked just for you: Tea cups" in by_rcpt[hal.email]
    assert "loyal" not in by_rcpt[ida.email] and "Hand-picked" not in by_rcpt[ida.email]


def test_one_to_one_needs_consent_or_a_conversation_they_started(marketer, sales, smtp_server):
    api = factories.ApiClient(sales)
    stranger = factories.make_person("stranger@example.com", facts={"first_name": "Sol"})
    status, data = api.post(
        "/messages", {"person": stranger.pk, "subject": "Hi", "text": "Our catalogue is out."}
    )
    assert status == 422 and data["field"] == "person" and "no basis" in data["detail"]
    assert Message.objects.count() == 0

    record_touchpoint(stranger, "email_replied", properties={"subject": "Question"})
    status, data = api.post(
        "/messages", {"person": stranger.pk, "subject": "Hi", "text": "Our catalogue is out."}
    )
    assert status == 201, data

    lead = factories.make_person("lead@example.com")
    record_consent(
        lead,
        "sales_contact",
        granted=True,
        where="trade account form",
        wording="Yes, a salesperson may contact me.",
        method="web form",
    )
    status, data = api.post(
        "/messages", {"person": lead.pk, "subject": "Hi", "text": "Our catalogue is out."}
    )
    assert status == 201, data
    outbox.deliver_outbox()
    assert {m["to"][0] for m in smtp_server.messages} == {stranger.email, lead.email}
    footer = Message.objects.get(person=lead).why
    assert "agreed" in footer


def test_one_to_one_with_a_hidden_claim_is_refused(marketer, sales, smtp_server):
    api = factories.ApiClient(sales)
    person = factories.make_person("joy@example.com")
    record_touchpoint(person, "email_replied", properties={"subject": "Question"})
    status, data = api.post(
        "/messages",
        {"person": person.pk, "subject": "Hi", "text": '{{ "As we " ~ "discussed" }}, here it is.'},
    )
    assert status == 422
    outbox.deliver_outbox()
    assert smtp_server.messages == []


def test_a_claim_imported_in_a_csv_value_is_held_back(newsletter, marketer, smtp_server, tmp_path):
    """A fact value from an import is data: printed, it is read like any sentence."""
    from django.core.management import call_command

    csv = tmp_path / "crm.csv"
    csv.write_text(
        "email,first_name,consent,note\n"
        f"kim@example.com,Kim,yes,{CLAIM}\n"
        "lou@example.com,Lou,yes,Prefers phone calls after 5pm\n",
        encoding="utf-8",
    )
    call_command(
        "import_data", "people", str(csv), "--list", "newsletter", "--source", "CRM export"
    )
    api = factories.ApiClient(marketer)
    text = "Hello.\n\n{{ person.note }}\n"
    assert _send(api, _campaign(api, marketer, text=text))[0] == 202
    assert [m["to"][0] for m in smtp_server.messages] == ["lou@example.com"]
    held = Message.objects.get(to_email="kim@example.com")
    assert held.status == "held_back" and "meeting claim" in held.held_reason
    _assert_no_claim_delivered(smtp_server)


def test_a_claim_in_an_offer_reason_is_held_back(newsletter, marketer, smtp_server):
    from sincerely.catalogue.models import Product
    from sincerely.offers.models import Offer

    mo = factories.make_person("mo@example.com", on_list=newsletter)
    mug = Product.objects.create(sku="M1", name="Mug", category="Kitchen", price=5)
    Offer.objects.create(
        person=mo,
        product=mug,
        rank=1,
        score=0.9,
        source="popular",
        reason=f"{CLAIM} We thought of you",
        created_at=timezone.now(),
    )
    api = factories.ApiClient(marketer)
    text = "Hello.\n\n{% for offer in offers.top(1) %}{{ offer.name }}: {{ offer.reason }}"
    text += "{% endfor %}\n"
    assert _send(api, _campaign(api, marketer, text=text))[0] == 202
    held = Message.objects.get(person=mo)
    assert held.status == "held_back" and "meeting" in held.held_reason
    _assert_no_claim_delivered(smtp_server)


def test_a_claim_in_a_translation_is_held_back(newsletter, marketer, smtp_server):
    nina = factories.make_person("nina@example.com", facts={"language": "fr"}, on_list=newsletter)
    api = factories.ApiClient(marketer)
    campaign_id = _campaign(api, marketer)
    status, data = api._call(
        "put",
        f"/campaigns/{campaign_id}/translations/fr",
        {
            "subject": "Nos nouvelles",
            "text": 'Bonjour.\n\n{{ "Ravie de vous avoir " ~ "rencontrée au Web Summit." }}\n',
        },
    )
    assert status == 200, data
    status, data = _send(api, campaign_id)
    if status == 202:
        held = Message.objects.get(person=nina)
        assert held.status == "held_back" and "meeting" in held.held_reason
    else:  # the editor's linter already saw it in the translation
        assert status == 422 and data["findings"][0]["field"] == "text[fr]"
    _assert_no_claim_delivered(smtp_server)


INVISIBLE = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u202a",
    "\u202c",
    "\u2066",
    "\u2069",
    "\u200e",
    "\u200f",
]
LOOKALIKE = {
    "a": "\u0430",
    "e": "\u0435",
    "o": "\u043e",
    "p": "\u0440",
    "c": "\u0441",
    "i": "\u0456",
    "y": "\u0443",
    "s": "\u0455",
}


@hypothesis_settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    positions=st.lists(st.integers(min_value=1, max_value=len(CLAIM) - 1), max_size=6),
    marks=st.lists(st.sampled_from(INVISIBLE), min_size=6, max_size=6),
    swaps=st.sets(st.sampled_from(sorted(LOOKALIKE)), max_size=4),
)
def test_hidden_characters_never_hide_a_claim(positions, marks, swaps):
    """Property: invisible characters anywhere and look-alike letters never hide the claim."""
    text = CLAIM
    for position, mark in sorted(zip(positions, marks, strict=False), reverse=True):
        text = text[:position] + mark + text[position:]
    text = "".join(LOOKALIKE[ch] if ch in swaps else ch for ch in text)
    assert "meeting" in {claim.kind for claim in claims_in(text)}, repr(text)
