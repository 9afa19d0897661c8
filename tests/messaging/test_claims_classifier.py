"""The trained classifier beside the detector's rules: deterministic, cached on disk across
processes, under the scope vetoes, quiet on close innocents."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from sincerely.messaging.guard import claims as claims_module
from sincerely.messaging.guard import classifier, encoder
from sincerely.messaging.guard.claims import claim_kinds, classifier_scope


def test_training_files_parse_and_cover_every_kind_in_every_language():
    for language in classifier.LANGUAGES:
        examples = classifier.load_examples(language)
        labels = {example.label for example in examples}
        assert len(examples) >= 300
        assert "none" in labels and len(labels) == 15


def test_the_model_is_deterministic():
    examples = classifier.training_examples()
    texts, labels = [e.text for e in examples], [e.label for e in examples]
    embeddings = encoder.training_embeddings([classifier.flatten(t) for t in texts])
    probe = ["Lovely to bump into you at the expo.", "Ravi de t'avoir croisé au salon."]
    first = classifier.ClaimModel(texts[::3], labels[::3], embeddings=embeddings[::3])
    second = classifier.ClaimModel(texts[::3], labels[::3], embeddings=embeddings[::3])
    assert first.predict(probe) == second.predict(probe)


def test_scoring_one_sentence_gives_scikit_learns_numbers():
    # The fast path reads the vectorisers' own analyzers and weights; scikit-learn's sparse
    # transform (beside the weighted embedding) is the reference, on training sentences
    # and on text it never saw; the n-gram gate likewise.
    import numpy as np
    from scipy.sparse import csr_matrix, hstack

    model = classifier.model()
    assert model.uses_encoder
    texts = [e.text for e in classifier.training_examples()][::97] + [
        "",
        "zzz qqq",
        "Hi Ana, 20 % off — only today!!",
        "Ünïcödé wörds ça va ñandú",
    ]
    prepared = [classifier.prepare(t) for t in texts]
    vectors = encoder.embed([classifier.flatten(t) for t in texts])
    ngrams = model.features.transform(prepared)
    stacked = hstack([ngrams, csr_matrix(vectors * classifier.ENCODER_WEIGHT)])
    reference = model.model.decision_function(stacked)
    fast = np.array([model._scores(t, v) for t, v in zip(prepared, vectors, strict=True)])
    assert np.abs(reference - fast).max() < 1e-6
    gate = np.array([model._gate_scores(t) for t in prepared])
    assert np.abs(model.gate.decision_function(ngrams) - gate).max() < 1e-9


def test_the_shipped_training_embeddings_are_the_encoders_own():
    # training/embeddings.npz is of today's training text (else: python -m
    # sincerely.messaging.guard.encoder), and the encoder gives the same vectors now.
    import numpy as np

    texts = [classifier.flatten(e.text) for e in classifier.training_examples()]
    stored = encoder.load_stored(texts)
    assert stored is not None, "run: python -m sincerely.messaging.guard.encoder"
    sample = list(range(0, len(texts), 1500))
    now = encoder.embed([texts[i] for i in sample])
    assert np.abs(stored[sample] - now).max() < 0.01
    assert np.allclose(np.linalg.norm(now, axis=1), 1.0, atol=1e-3)


def test_a_sentence_the_ngrams_find_innocent_is_not_embedded(monkeypatch):
    model = classifier.model()

    def refuse(texts):
        raise AssertionError(f"embedded {texts}")

    monkeypatch.setattr(encoder, "embed", refuse)
    kind, probability = model.predict(["Click the link below to reset your password."])[0]
    assert probability < classifier.GATE


PROBE = [
    "Appreciate you hopping on the line with me earlier.",
    "Ravi de t'avoir croisé au salon.",
    "Schön, Sie letzte Woche auf der Messe getroffen zu haben.",
    "Su pedido tiene envío gratuito.",
]


@pytest.fixture(scope="module")
def cached(tmp_path_factory):
    """A data directory holding the shipped model's cache file, and the model written."""
    directory = tmp_path_factory.mktemp("data")
    trained = classifier.cached_model(directory)
    assert classifier.cache_path(directory).is_file()
    return directory, trained


def test_a_second_process_loads_the_cached_model_and_predicts_the_same(cached):
    directory, trained = cached
    # The other process may not train: the settings' DATA_DIR holds the model.
    script = (
        "import json, sys\n"
        "from sincerely.messaging.guard import classifier\n"
        "def refuse(*args, **kwargs):\n"
        "    raise AssertionError('trained instead of loading the cache')\n"
        "classifier.ClaimModel.__init__ = refuse\n"
        "print(json.dumps(classifier.model().predict(json.loads(sys.argv[1]))))\n"
    )
    env = {
        **os.environ,
        "SINCERELY_DATA_DIR": str(directory),
        "DJANGO_SETTINGS_MODULE": "sincerely.settings",
        "PYTHONPATH": os.pathsep.join(path for path in sys.path if path),
    }
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(PROBE)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [tuple(answer) for answer in json.loads(done.stdout)] == trained.predict(PROBE)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "another key"])
def test_a_damaged_or_foreign_cache_file_is_ignored_and_replaced(
    cached, tmp_path, damage, monkeypatch
):
    import pickle

    directory, trained = cached
    intact = classifier.cache_path(directory).read_bytes()
    target = classifier.cache_path(tmp_path)
    if damage == "garbage":
        target.write_bytes(b"not a pickle at all")
    elif damage == "truncated":
        target.write_bytes(intact[: len(intact) // 2])
    else:
        target.write_bytes(pickle.dumps({"key": "0" * 16, "model": trained}))
    assert classifier.load_cached(tmp_path) is None

    # Training is stood in for by the fixture's model: what is tested is the fallback.
    trainings = []
    monkeypatch.setattr(classifier, "train", lambda: trainings.append(1) or trained)
    assert classifier.cached_model(tmp_path).predict(PROBE) == trained.predict(PROBE)
    assert trainings == [1]
    reloaded = classifier.load_cached(tmp_path)
    assert reloaded is not None and reloaded.predict(PROBE) == trained.predict(PROBE)
    assert [path.name for path in tmp_path.iterdir()] == [target.name]  # no temporary left


def test_an_older_versions_cache_file_is_removed_when_the_model_is_cached(cached, tmp_path):
    _, trained = cached
    stale = (
        tmp_path / f"{classifier.CACHE_PREFIX}0123456789abcdef-sklearn0.0-fedcba9876543210.pickle"
    )
    stale.write_bytes(b"old")
    classifier.save_cached(trained, tmp_path)
    assert sorted(tmp_path.iterdir()) == [classifier.cache_path(tmp_path)]


def test_an_unwritable_cache_directory_costs_only_the_cache(cached, tmp_path):
    _, trained = cached
    blocker = tmp_path / "file"
    blocker.write_text("a file where the directory should be")
    classifier.save_cached(trained, blocker / "data")  # logs, does not raise
    assert classifier.load_cached(blocker / "data") is None


# Phrasing no rule matches, which the classifier finds: the reason it is there.
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Appreciate you hopping on the line with me earlier.", "call"),
        # Words no rule and few n-grams know, placed by the sentence encoder.
        ("J'espère que le retour du salon s'est bien passé pour vous.", "visit"),
        # The trip back from the fair: the person was at the fair (not that we met).
        ("Espero que el viaje de vuelta desde la feria le haya ido bien.", "attendance"),
        ("Tu comentario en la reunión del martes nos ayudó mucho.", "meeting"),
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


# A condition takes back only what it governs: the statement before it still claims.
@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "J'espère que le retour du salon s'est bien passé pour vous, et si vous avez des "
            "questions, écrivez-moi.",
            True,
        ),
        ("Tu comentario en la reunión del martes nos ayudó mucho, si me permites decirlo.", True),
        ("Si vous êtes venu au salon, j'espère que le retour s'est bien passé pour vous.", False),
        ("If you came to the fair, I hope the journey home went smoothly.", False),
    ],
)
def test_a_condition_vetoes_only_what_follows_it(sentence, found):
    assert claims_module._detect(sentence, learned=False) == ()
    assert bool(claim_kinds(sentence)) is found


def test_the_recipients_names_are_the_name_like_words_of_their_names():
    from sincerely.messaging.guard.claims import recipient_names

    assert recipient_names("Anna van der Berg", "Anna", "ANNA", "o'neil", "") == ("Anna", "Berg")
    assert recipient_names("Jean-Luc Müller") == ("Jean-Luc", "Müller")


def test_a_sentence_greeting_each_recipient_by_name_is_embedded_once(monkeypatch):
    # "Anna, we put together…" differs for every recipient; the classifier reads each
    # recipient's own name as one stand-in, so the encoder runs once, not per person.
    from sincerely.messaging.guard import gate
    from sincerely.messaging.guard.claims import recipient_names

    sentence = "{name}, we have a special offer that we think suits you perfectly."
    model = classifier.model()
    assert model.predict([sentence.format(name="Anna")])[0][1] >= classifier.GATE
    embedded = []
    real = encoder.embed
    monkeypatch.setattr(encoder, "embed", lambda texts: embedded.append(texts) or real(texts))
    classifier.classify.cache_clear()
    answers = {
        tuple(c.kind for c in gate.claims_in(sentence.format(name=n), recipient_names(n, "Lopez")))
        for n in ("Anna", "Bruno", "Chiara", "Dmitri")
    }
    assert len(answers) == 1
    assert embedded == [["Alex, we have a special offer that we think suits you perfectly."]]


def test_storing_embeddings_again_embeds_only_the_new_sentences(tmp_path, monkeypatch):
    import numpy as np

    path = tmp_path / "embeddings.npz"
    first = ["We met at the fair.", "Our new catalogue is out."]
    encoder.write_stored(first, path)
    embedded = []
    real = encoder.embed
    monkeypatch.setattr(encoder, "embed", lambda texts: embedded.append(texts) or real(texts))
    second = [*first, "Vous étiez à notre atelier."]
    encoder.write_stored(second, path)
    assert embedded == [["Vous étiez à notre atelier."]]
    stored = encoder.load_stored(second, path)
    assert stored is not None and stored.shape == (3, encoder.DIMENSIONS)
    assert encoder.load_stored(first, path) is None  # another set of sentences
    assert np.abs(stored[2] - real(["Vous étiez à notre atelier."])[0]).max() < 0.01
