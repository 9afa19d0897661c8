"""The trained classifier beside the detector's rules: deterministic, under the scope vetoes,
quiet on close innocents."""

from __future__ import annotations

import pytest

from sincerely.messaging.guard import claims as claims_module
from sincerely.messaging.guard import classifier
from sincerely.messaging.guard.claims import claim_kinds, classifier_scope


def test_training_files_parse_and_cover_every_kind_in_every_language():
    for language in classifier.LANGUAGES:
        examples = classifier.load_examples(language)
        labels = {example.label for example in examples}
        assert len(examples) >= 300
        assert "none" in labels and len(labels) == 15


def test_the_model_is_deterministic():
    examples = classifier.training_examples()[::3]
    texts, labels = [e.text for e in examples], [e.label for e in examples]
    probe = ["Lovely to bump into you at the expo.", "Ravi de t'avoir croisé au salon."]
    first = classifier.ClaimModel(texts, labels).predict(probe)
    second = classifier.ClaimModel(texts, labels).predict(probe)
    assert first == second


# Phrasing no rule matches, which the classifier finds: the reason it is there.
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Appreciate you hopping on the line with me earlier.", "call"),
    ],
)
def test_the_classifier_finds_claims_the_rules_miss(sentence, kind):
    assert claims_module._detect(sentence, learned=False) == ()
    assert classifier.claim_kind(sentence) == kind
    assert claim_kinds(sentence) == [kind]


# Each is a claim the classifier would report, put under a scope veto.
VETOED = [
    '"Appreciate you hopping on the line with me earlier," says Laura, a customer.',
    "If you hopped on the line with me earlier, thanks.",
    "Did you hop on the line with me earlier?",
    "You did not hop on the line with me earlier.",
    "Many of you hopped on the line with us earlier.",
]


@pytest.mark.parametrize("sentence", VETOED)
def test_the_classifier_never_overrides_a_scope_veto(sentence, monkeypatch):
    # Even a classifier sure of a call is not asked: the scope rules veto the sentence.
    monkeypatch.setattr(classifier, "claim_kind", lambda text, threshold=0.0: "call")
    assert classifier_scope(sentence) is None
    assert claims_module._detect(sentence) == ()


INNOCENTS = [
    "Our CEO bumped into the minister at the expo.",
    "Your call: the green one or the blue one?",
    "Your order qualifies for free shipping.",
    "Click the link below to reset your password.",
    "Join us at the expo in Porto next month.",
    "Customers love how fast our app is.",
    "Nos clients adorent notre nouvelle application.",
    "Ihr Passwort wurde erfolgreich geändert.",
    "Su pedido tiene envío gratuito.",
]


@pytest.mark.parametrize("sentence", INNOCENTS)
def test_close_innocents_stay_clean(sentence):
    assert claim_kinds(sentence) == []
