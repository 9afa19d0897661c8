"""The honesty guard: the linter catches claimed familiarity, the renderer never prints blanks."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sincerely.errors import DomainError
from sincerely.messaging.guard.claims import CLAIM_EVIDENCE
from sincerely.messaging.guard.linter import lint_template
from sincerely.messaging.guard.renderer import HeldBack, compile_message, render_message
from sincerely.people.models import SourceKind
from sincerely.people.services import EvidenceInput, record_fact
from sincerely.timeline.services import record_touchpoint
from tests import factories

ISSUE_EXAMPLE = (
    "Hi Anna, it was great meeting you at Web Summit — you seemed really excited about "
    "our analytics module."
)

# (sentence, claim kind, a guard call of an evidence kind that backs it)
CLAIMS = [
    (ISSUE_EXAMPLE, "meeting", 'evidence.attended("Web Summit")'),
    ("It was lovely to meet you last week.", "meeting", "evidence.met()"),
    ("As we discussed, here is the proposal.", "conversation", "evidence.met()"),
    ("Following up on our call, the quote is attached.", "call", "evidence.called()"),
    ("Here is the brochure you asked for.", "request", 'evidence.asked("brochure")'),
    ("As promised, the slides.", "promise", "evidence.met()"),
    ("You seemed really interested in the new range.", "interest", "evidence.called()"),
    ("Thanks for your recent visit to our Lyon shop.", "visit", 'evidence.visited("/lyon")'),
    (
        "Since you bought the espresso machine, here are beans.",
        "purchase",
        'evidence.bought("espresso")',
    ),
    ("Thanks for attending our open day.", "attendance", 'evidence.attended("open day")'),
    ("Ravi de vous avoir rencontré au salon.", "meeting", 'evidence.attended("salon")'),
    ("Comme nous en avons discuté, voici le devis.", "conversation", "evidence.called()"),
    ("Suite à notre appel, voici les détails.", "call", "evidence.called()"),
    ("Voici la documentation que vous avez demandé.", "request", "evidence.asked()"),
    ("Comme promis, la présentation.", "promise", "evidence.met()"),
    ("Vous sembliez très intéressée par notre offre.", "interest", "evidence.met()"),
    ("Merci pour votre visite à notre boutique.", "visit", 'evidence.visited("/boutique")'),
    ("Vous avez acheté une cafetière chez nous.", "purchase", 'evidence.bought("cafetière")'),
]

BENIGN = [
    "Our analytics module is out today.",
    "We would love to meet you at our next event.",
    "Looking forward to meeting you in Lisbon.",
    "Reply to this email with any question; a person reads every reply.",
    "Place your order before Friday for free delivery.",
    "Plan your visit with our opening hours.",
    "Call us on 01 23 45 67 89 if anything is unclear.",
    "Here is what is new this month.",
    "The talk by our CEO is on YouTube.",
    "Read the full call for papers on our blog.",
    "Thanks for reading.",
    "This newsletter comes out once a month.",
    "New: the espresso machine now comes in red.",
    "Voici les nouveautés du mois.",
    "Passez votre commande avant vendredi.",
    "Nous serions ravis de vous voir à notre prochain salon.",
    "Préparez votre visite grâce à nos horaires.",
    "Répondez à ce message : une personne lit chaque réponse.",
    "Bonne lecture !",
    "Découvrez notre nouvelle gamme de thés.",
]


def test_issue_example_is_caught_with_line_sentence_and_kind():
    findings = lint_template("Subject line\n\n" + ISSUE_EXAMPLE + "\n", field="text")
    kinds = {f.kind for f in findings}
    assert {"meeting", "interest"} <= kinds
    assert all(f.line == 3 for f in findings)
    assert findings[0].sentence == ISSUE_EXAMPLE


def test_issue_example_inside_attendance_guard_passes():
    source = '{% if evidence.attended("Web Summit") %}' + ISSUE_EXAMPLE + "{% endif %}"
    assert lint_template(source) == []


def test_guard_of_the_wrong_kind_does_not_count():
    source = '{% if evidence.bought("x") %}As we discussed, here it is.{% endif %}'
    assert [f.kind for f in lint_template(source)] == ["conversation"]


def test_named_things_match_across_inflections_but_not_across_things():
    def guarded(test: str, sentence: str) -> list[str]:
        return [f.kind for f in lint_template(f"{{% if {test} %}}{sentence}{{% endif %}}")]

    # A plural or case ending is the same thing: "Preisen" is "Preise", "zapatillas" one pair.
    asked_prices = "Sie haben nach unseren Preisen gefragt, hier sind sie."
    assert guarded('evidence.asked("Preise")', asked_prices) == []
    bought = "Las zapatillas que compró están ahora en oferta."
    assert guarded('evidence.bought("zapatilla")', bought) == []
    # Another topic, event or product is not.
    assert guarded('evidence.asked("Lieferzeiten")', asked_prices) == ["request"]
    assert guarded('evidence.bought("botas")', bought) == ["purchase"]
    web_summit = "It was great meeting you at Web Summits in Lisbon."
    assert guarded('evidence.attended("VivaTech Lisbon")', web_summit) == ["meeting"]
    # A relative clause after the preposition is not a topic to match.
    talked = "Ich melde mich wegen der Preise, über die wir gesprochen haben."
    assert guarded('evidence.said("Preise")', talked) == []


def test_what_a_person_told_us_is_one_claim_with_its_content():
    """ "You told me you wanted more recipes": what the person said, backed by a note of it
    or the call it was said in; the wanting is its content, not a request of its own."""
    for sentence in (
        "Me dijiste el otro día que querías más recetas.",
        "Du meintest letztens, dass du gerne mehr Rezepte hättest.",
    ):
        for test in ("evidence.said()", "evidence.called()"):
            assert lint_template(f"{{% if {test} %}}{sentence}{{% endif %}}") == [], (
                sentence,
                test,
            )
        assert lint_template(sentence)


def test_else_branch_and_negation_are_not_guarded():
    source = (
        "{% if evidence.met() %}Hello.{% else %}As we discussed, hi.{% endif %}"
        "{% if not evidence.called() %}Following up on our call.{% endif %}"
    )
    assert {f.kind for f in lint_template(source)} == {"conversation", "call"}


def test_or_guard_counts_only_when_every_branch_backs_the_claim():
    both = "{% if evidence.met() or evidence.called() %}As we discussed, hi.{% endif %}"
    assert lint_template(both) == []
    mixed = '{% if evidence.met() or evidence.bought("x") %}As we discussed, hi.{% endif %}'
    assert [f.kind for f in lint_template(mixed)] == ["conversation"]


def test_set_alias_of_evidence_guards():
    source = (
        '{% set ws = evidence.attended("Web Summit") %}'
        "{% if ws %}Great meeting you at {{ ws }}.{% endif %}"
    )
    assert lint_template(source) == []


def test_html_claims_are_found_between_tags():
    findings = lint_template("<p>Hello</p><p>As <b>we discussed</b>, hi.</p>", is_html=True)
    assert [f.kind for f in findings] == ["conversation"]


def test_unknown_variables_and_python_internals_are_findings():
    kinds = {f.kind for f in lint_template("{{ foo }} {{ person.__class__.__mro__ }}")}
    assert kinds == {"unknown_variable", "internals"}


def test_syntax_error_names_the_line():
    with pytest.raises(DomainError) as info:
        lint_template("Hi\n{% if %}\n", field="text")
    assert info.value.line == 2 and info.value.field == "text"


@pytest.mark.parametrize(("sentence", "kind", "guard"), CLAIMS)
def test_each_claim_is_caught_unguarded_and_passes_guarded(sentence, kind, guard):
    assert kind in {f.kind for f in lint_template(sentence)}
    assert lint_template(f"{{% if {guard} %}}{sentence}{{% endif %}}") == []


@pytest.mark.parametrize("sentence", BENIGN)
def test_benign_sentences_are_not_flagged(sentence):
    assert lint_template(sentence) == []


@settings(max_examples=150, deadline=None)
@given(
    claim=st.sampled_from(CLAIMS),
    before=st.lists(st.sampled_from(BENIGN), max_size=3),
    after=st.lists(st.sampled_from(BENIGN), max_size=3),
    name=st.sampled_from(
        ["{{ person.first_name | fallback('there') }}", "Anna", "{{ sender.name }}"]
    ),
)
def test_property_claims_caught_unless_wrapped_in_matching_guard(claim, before, after, name):
    sentence, kind, guard = claim
    head = " ".join(before)
    tail = " ".join(after)
    unguarded = f"Hi {name},\n\n{head}\n{sentence}\n{tail}\n"
    findings = lint_template(unguarded)
    assert kind in {f.kind for f in findings}
    flagged = [f for f in findings if f.kind == kind]
    assert all(sentence.split()[1] in f.sentence for f in flagged)
    guarded = f"Hi {name},\n\n{head}\n{{% if {guard} %}}{sentence}{{% endif %}}\n{tail}\n"
    assert lint_template(guarded) == []


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(BENIGN), min_size=1, max_size=6), st.sampled_from(["\n", " ", "\n\n"])
)
def test_property_benign_text_is_never_flagged(sentences, joiner):
    assert lint_template(joiner.join(sentences)) == []


def test_claim_table_covers_every_issue_kind():
    assert {
        "meeting",
        "conversation",
        "call",
        "request",
        "promise",
        "interest",
        "visit",
        "purchase",
    } <= set(CLAIM_EVIDENCE)


# The renderer.


def _render(person, text, sender=None, subject="Hello"):
    return render_message(compile_message(subject, text, ""), person, sender=sender)


@pytest.mark.django_db
def test_fact_is_rendered_and_recorded_in_the_ledger(marketer):
    person = factories.make_person("ana@example.com", facts={"first_name": "Ana"})
    rendered = _render(person, "Hi {{ person.first_name }}!", sender=marketer)
    assert rendered.text == "Hi Ana!"
    [entry] = rendered.ledger
    assert entry["type"] == "fact" and entry["key"] == "first_name" and entry["value"] == "Ana"
    assert entry["source"] == SourceKind.SELF_DECLARED and entry["source_ref"] == "signup form"


@pytest.mark.django_db
def test_missing_fact_uses_fallback_or_holds_back(marketer):
    person = factories.make_person("nobody@example.com")
    assert _render(person, 'Hi {{ person.first_name | fallback("there") }}!').text == "Hi there!"
    assert _render(person, 'Hi {{ person.first_name or "there" }}!').text == "Hi there!"
    assert _render(person, 'Hi {{ person.first_name | default("you") }}!').text == "Hi you!"
    with pytest.raises(HeldBack):
        _render(person, "Hi {{ person.first_name | upper }}!")
    with pytest.raises(HeldBack) as info:
        _render(person, "Hi {{ person.first_name }}!")
    assert "person.first_name" in info.value.reason
    with pytest.raises(HeldBack):
        _render(person, "Hi {{ 'dear ' ~ person.company }}!")


@pytest.mark.django_db
def test_unknown_variable_and_internals_hold_back(marketer):
    person = factories.make_person("x@example.com", facts={"first_name": "X"})
    with pytest.raises(HeldBack, match="template error"):
        _render(person, "{{ coupon }}")
    with pytest.raises(HeldBack, match="internals"):
        _render(person, "{{ person.first_name.__class__.__mro__ }}")
    with pytest.raises(HeldBack):
        _render(person, "{{ ''.__class__.__subclasses__() }}")


@pytest.mark.django_db
def test_evidence_attended_from_fact_or_touchpoint(marketer):
    anna = factories.make_person(
        "anna@example.com", facts={"first_name": "Anna", "attended_event": "Web Summit 2025"}
    )
    bob = factories.make_person("bob@example.com", facts={"first_name": "Bob"})
    cara = factories.make_person("cara@example.com")
    record_touchpoint(cara, "event_attendance", properties={"event": "Web Summit Lisbon"})
    text = '{% if evidence.attended("Web Summit") %}Great meeting you at Web Summit.{% endif %}Bye'
    assert _render(anna, text).text.startswith("Great meeting you")
    assert _render(bob, text).text == "Bye"
    rendered = _render(cara, text)
    assert rendered.text.startswith("Great meeting you")
    assert rendered.ledger[0]["kind"] == "attended" and rendered.ledger[0]["record"] == "touchpoint"


@pytest.mark.django_db
def test_evidence_met_needs_a_meeting_with_the_sender(marketer, sales):
    person = factories.make_person("p@example.com")
    record_touchpoint(person, "meeting", recorded_by=sales, properties={"note": "demo"})
    text = "{% if evidence.met() %}As we discussed.{% endif %}."
    assert _render(person, text, sender=sales).text == "As we discussed.."
    assert _render(person, text, sender=marketer).text == "."


@pytest.mark.django_db
def test_evidence_bought_visited_asked_called(marketer):
    from decimal import Decimal

    from django.utils import timezone

    from sincerely.catalogue.models import Product
    from sincerely.timeline.models import PurchaseLine

    person = factories.make_person("q@example.com")
    product = Product.objects.create(sku="ESP-1", name="Espresso machine")
    PurchaseLine.objects.create(
        order_id="A1",
        person=person,
        product=product,
        quantity=1,
        unit_price=Decimal("99.00"),
        at=timezone.now(),
    )
    record_touchpoint(person, "page_view", url="https://shop.example/lyon/opening")
    record_touchpoint(person, "form_submit", properties={"topic": "catalogue request"})
    record_touchpoint(person, "call", properties={"note": "pricing"})
    text = (
        '{% if evidence.bought("espresso") %}B{% endif %}'
        '{% if evidence.visited("/lyon") %}V{% endif %}'
        '{% if evidence.asked("catalogue") %}A{% endif %}'
        "{% if evidence.called() %}C{% endif %}"
        '{% if evidence.bought("tea") %}X{% endif %}'
        '{% if evidence.asked("pricing sheet") %}Y{% endif %}'
    )
    rendered = _render(person, text)
    assert rendered.text == "BVAC"
    assert [e["kind"] for e in rendered.ledger] == ["bought", "visited", "asked", "called"]


@pytest.mark.django_db
def test_last_purchase_is_a_record_not_a_guess(marketer):
    person = factories.make_person("r@example.com")
    assert _render(person, "{{ person.last_purchase | fallback('our shop') }}").text == "our shop"


FACT_KEYS = st.sampled_from(["first_name", "company", "city", "last_name"])
VALUES = st.text(
    alphabet=st.characters(whitelist_categories=("L", "N"), whitelist_characters=" -'"),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip())


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    facts=st.dictionaries(FACT_KEYS, VALUES, max_size=4),
    used=st.lists(FACT_KEYS, min_size=1, max_size=3),
    with_fallback=st.booleans(),
)
def test_property_renderer_never_prints_an_empty_variable(marketer, facts, used, with_fallback):
    from sincerely.people.models import Person

    person = Person.objects.create(email="h@example.com")
    evidence = EvidenceInput(SourceKind.IMPORTED, "test file")
    for key, value in facts.items():
        record_fact(person, key, value, evidence)
    parts = [
        f"[{{{{ person.{key} | fallback('FB') }}}}]"
        if with_fallback
        else f"[{{{{ person.{key} }}}}]"
        for key in used
    ]
    try:
        rendered = _render(person, "".join(parts))
    except HeldBack as held:
        assert not with_fallback
        assert any(f"person.{k}" in held.reason for k in used if k not in facts)
    else:
        assert "[]" not in rendered.text
        for key in used:
            expected = facts[key].strip() if key in facts else "FB"
            assert f"[{expected}]" in rendered.text
        assert {e["key"] for e in rendered.ledger} == {k for k in used if k in facts}
    person.delete()


# Properly guarded claims the guard accepts, and the same claims under evidence that does
# not back them, which it still refuses (our own sentences, not the corpus's).
GUARDED = [
    # Time given to see someone is a meeting, not a call taken.
    ("evidence.met()", "Merci beaucoup d'avoir pris le temps de me rencontrer jeudi.", True),
    ('evidence.attended("VivaTech")', "Merci d'avoir pris le temps de me voir à VivaTech.", True),
    ("evidence.called()", "Merci beaucoup d'avoir pris le temps de me rencontrer jeudi.", False),
    (
        'evidence.attended("Web Summit")',
        "Merci d'avoir pris le temps de me voir à VivaTech.",
        False,
    ),
    ("evidence.called()", "Merci d'avoir pris le temps de m'appeler lundi.", True),
    ("evidence.met()", "Merci d'avoir pris le temps de m'appeler lundi.", False),
    # "New" names nothing: the shoes are the ones the evidence is of, boots are not.
    ('evidence.bought("Trail shoes")', "We hope you love your new shoes.", True),
    ('evidence.bought("Trail shoes")', "We hope you love your new boots.", False),
    ('evidence.bought("Laufschuhe")', "Wir hoffen, Ihre neuen Laufschuhe passen perfekt.", True),
    # "Auf der Messe" names no more than "at the fair"; a named one still has to match.
    ('evidence.attended("VivaTech")', "Schön, dass wir uns auf der Messe gesehen haben.", True),
    ('evidence.attended("VivaTech")', "Schön, dass wir uns auf der IAA gesehen haben.", False),
    # The occasion a later clause invites the reader to is not where the claim happened.
    (
        'evidence.attended("Workshop")',
        "Sie haben unseren Workshop besucht, deshalb laden wir Sie zur Fortsetzung ein.",
        True,
    ),
    (
        'evidence.attended("Workshop")',
        "Sie waren auf der IAA, deshalb laden wir Sie zum Workshop ein.",
        False,
    ),
    (
        'evidence.attended("VivaTech")',
        "Great to see you at Web Summit; we invite you to VivaTech.",
        False,
    ),
    # Seen at our own premises, the person visited us.
    ('evidence.visited("Bristol")', "It was so nice to see you at our Bristol showroom.", True),
    ('evidence.visited("Leeds")', "It was so nice to see you at our Bristol showroom.", False),
    ('evidence.visited("Bristol")', "It was so nice to see you at Web Summit.", False),
    ("evidence.visited()", "Es war schön, Sie in unserem Kölner Laden zu sehen.", True),
    ("evidence.called()", "Es war schön, Sie in unserem Kölner Laden zu sehen.", False),
    ("evidence.visited()", "Since you came to our bakery on Friday, here is a coupon.", True),
    ("evidence.visited()", "Since you came to our webinar on Friday, here is a coupon.", False),
    # The year someone joined us is tenure, in Spanish as in English.
    ('evidence.customer_since("2014")', "Se unió a nosotros en 2014.", True),
    ("evidence.asked()", "Se unió a nosotros en 2014.", False),
    # "Nos acordamos de que te chifla…" is a taste remembered.
    (
        'evidence.prefers("chocolate negro")',
        "Nos acordamos de que te chifla el chocolate negro.",
        True,
    ),
    ('evidence.prefers("café")', "Nos acordamos de que te chifla el chocolate negro.", False),
    # Keen on something, seen then: interest, which an attendance may back.
    ('evidence.attended("Salon")', "I noticed you were really into the ceramic vases.", True),
    ('evidence.bought("vases")', "I noticed you were really into the ceramic vases.", False),
    ('evidence.attended("Salon")', "J'ai vu que vous étiez passionné de céramique.", True),
    ("evidence.visited()", "Vous étiez fan de nos vases en grès.", False),
    # "You were telling me…" is what the person said.
    ("evidence.called()", "You were telling us about your new bakery.", True),
    ("evidence.bought()", "You were telling us about your new bakery.", False),
    # A trip's destination is what the person was keen on, not where the interest was shown.
    ('evidence.attended("Web Summit")', "You seemed so excited about the trip to Iceland.", True),
    (
        'evidence.attended("VivaTech")',
        "You seemed so excited about the keynote at Web Summit.",
        False,
    ),
    ('evidence.attended("VivaTech")', "Thanks for joining us on the trip to Iceland.", False),
    # An agreement placed in an exchange is that exchange.
    (
        'evidence.attended("Salon")',
        "Tal como quedamos en nuestra charla, le mando el presupuesto.",
        True,
    ),
    ("evidence.called()", "As promised on our call, here is the deck.", True),
    ("evidence.met()", "As promised on our call, here is the deck.", False),
    ("evidence.met()", "Wie am Telefon vereinbart, schicke ich Ihnen das Angebot.", False),
    # Ordering a brochure is asking for it.
    ('evidence.asked("brochure")', "Thanks for ordering our brochure.", True),
    ('evidence.asked("pricing")', "Thanks for ordering our brochure.", False),
    ("evidence.asked()", "Thanks for ordering the blue kettle from our catalogue.", False),
    ('evidence.bought("Broschüre")', "Sie haben unsere Broschüre bestellt.", True),
    # That a visit was liked is the visit.
    ("evidence.visited()", "Nous espérons que votre visite de la cave vous a plu.", True),
    ("evidence.said()", "Nous espérons que votre visite de la cave vous a plu.", False),
]


@pytest.mark.parametrize(("test", "sentence", "accepted"), GUARDED)
def test_proper_guards_are_accepted_and_wrong_ones_refused(test, sentence, accepted):
    findings = lint_template(f"{{% if {test} %}}{sentence}{{% endif %}}")
    assert (findings == []) is accepted, [str(f) for f in findings]
    assert lint_template(sentence), "unguarded, the claim is refused"
