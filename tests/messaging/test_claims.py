"""The claims detector and the text it reads: normalisation, visible HTML text, sentences.

Disguises a reader cannot see must not hide a claim; close innocents must not be flagged;
the held-out families of the guard corpus must not regress (bench/guard_corpus).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.guard_corpus import LANGUAGES, load, load_all, score
from sincerely.messaging.guard import claims as claims_module
from sincerely.messaging.guard import detector_rules as rules
from sincerely.messaging.guard.claims import (
    CLAIM_EVIDENCE,
    EVIDENCE_KINDS,
    Claim,
    claim_kinds,
    detect_claims,
)
from sincerely.messaging.guard.normalise import normalise_text, sentences, visible_text
from sincerely.messaging.guard.prefilter import required_literals

# The issue's targets are recall ≥ 95% and false positives ≤ 3% on a corpus written outside
# the project; `python -m bench guard` reports our held-out figures against them. This test
# holds the line at what the held-out families measured with the rules and the trained
# classifier (guard/classifier.py), so any change
# that loses ground fails here (bench/RESULTS.md has the figures).
# en and fr were 0.96 and 0.98 until 2026-12-06, when 29 sentences of the classifier's
# training files turned out to be copies of held-out rows (10 more of independent rows):
# they were removed (the test below keeps them out) and these are the honest figures.
HELD_OUT_FLOOR = {
    "en": (0.95, 0.0),
    "fr": (0.97, 0.03),
    "de": (0.94, 0.03),
    "es": (0.96, 0.04),
}
# The held-out families written before the sixth round of families (`*-w6-*`), which were
# added without tuning on them: their floors from before that round still hold, so the new
# families' lower scores cannot hide a loss on the old ones.
BEFORE_ROUND_6_FLOOR = {"en": 0.97, "fr": 0.99, "de": 0.91, "es": 0.97}


def _held_out(language: str, *, before_round_6: bool = False):
    rows = [row for row in load(language) if row.held_out]
    if before_round_6:
        rows = [row for row in rows if "-w6-" not in row.family]
    return score(rows)


@pytest.mark.parametrize("language", LANGUAGES)
def test_held_out_families_do_not_regress(language):
    held = _held_out(language)
    recall_floor, fp_ceiling = HELD_OUT_FLOOR[language]
    assert held.claims >= 40 and held.innocents >= 8
    # Only counts in the message: the held-out sentences stay unread while tuning.
    assert held.recall >= recall_floor, f"{len(held.misses)} held-out claims missed"
    assert held.fp_rate <= fp_ceiling, f"{len(held.false_alarms)} held-out innocents flagged"
    earlier = _held_out(language, before_round_6=True)
    assert earlier.recall >= BEFORE_ROUND_6_FLOOR[language], (
        f"{len(earlier.misses)} claims of the earlier held-out families missed"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_tune_families_are_all_right(language):
    tune = score([row for row in load(language) if not row.held_out])
    assert tune.misses == [] and tune.false_alarms == []


def test_the_table_and_the_linter_interface():
    assert set(EVIDENCE_KINDS) >= {e for kinds in CLAIM_EVIDENCE.values() for e in kinds}
    assert {
        "meeting",
        "attendance",
        "conversation",
        "call",
        "visit",
        "request",
        "promise",
        "said",
        "preference",
        "purchase",
        "behaviour",
        "tenure",
        "selection",
        "interest",
    } == set(CLAIM_EVIDENCE)
    [claim] = detect_claims("It was great meeting you at Web Summit.")
    assert claim == Claim("meeting", "It was great meeting you at Web Summit.", "en", claim.named)
    assert claim_kinds("It was great meeting you at Web Summit.") == ["meeting"]


# Every kind the issue names, in each language, with what the sentence names.
EXAMPLES = [
    ("It was great meeting you at Web Summit.", "meeting", "en", {"event": "Web Summit"}),
    ("As a loyal customer since 2015, you get early access.", "tenure", "en", {"date": "2015"}),
    ("You asked about pricing, so here it is.", "request", "en", {"topic": "pricing"}),
    ("How do you like the blue teapot you bought?", "purchase", "en", {"product": "blue teapot"}),
    ("I know you love dark roast, so this one is for you.", "preference", "en", {}),
    ("We noticed you downloaded our guide.", "behaviour", "en", {}),
    ("I saw you looked at our pricing page.", "behaviour", "en", {}),
    ("You left items in your cart.", "behaviour", "en", {}),
    ("You've been with us for 5 years.", "tenure", "en", {}),
    ("We reserved this just for you.", "selection", "en", {}),
    ("An exclusive offer only for you.", "selection", "en", {}),
    ("Thanks for stopping by our stand.", "visit", "en", {}),
    ("You told us you were moving house.", "said", "en", {}),
    ("Comme promis, voici les diapositives.", "promise", "fr", {}),
    ("Merci d'avoir participé à VivaTech lundi.", "attendance", "fr", {"event": "VivaTech"}),
    ("Je sais que vous adorez le thé vert.", "preference", "fr", {}),
    ("Wie telefonisch besprochen, hier das Angebot.", "call", "de", {}),
    ("Sie haben letzte Woche unseren Stand besucht.", "visit", "de", {}),
    ("Danke für Ihren Besuch in unserem Büro in Hamburg.", "visit", "de", {"place": "Hamburg"}),
    ("Als treuer Kunde seit 2015 erhalten Sie Vorrang.", "tenure", "de", {"date": "2015"}),
    ("Como hablamos, aquí está la propuesta.", "conversation", "es", {}),
    ("Dejaste artículos en tu carrito.", "behaviour", "es", {}),
    ("Lo hemos reservado solo para usted.", "selection", "es", {}),
    # Promised to this person, and selected for them, still claim.
    ("As promised on our call, here are the slides.", "promise", "en", {}),
    ("Nous avons préparé cette sélection pour vous.", "selection", "fr", {}),
    ("Ustedes compraron entradas para el concierto.", "purchase", "es", {}),
    ("Thanks for being part of yesterday's workshop.", "attendance", "en", {}),
    ("Nos visitó el pasado martes en Madrid.", "visit", "es", {}),
]


@pytest.mark.parametrize(("sentence", "kind", "language", "named"), EXAMPLES)
def test_each_kind_is_found_with_its_language_and_named_things(sentence, kind, language, named):
    claims = {claim.kind: claim for claim in detect_claims(sentence)}
    assert kind in claims
    assert claims[kind].language == language
    for key, value in named.items():
        assert claims[kind].named.get(key) == value


# Close innocents from the issue, and the scope rules of docs/messaging.md.
INNOCENTS = [
    # A promise made in a publication, to every reader.
    "As promised in our last newsletter, here is part two of the guide.",
    "Comme promis dans notre dernier numéro, voici la suite du dossier.",
    "Wie im letzten Newsletter versprochen, hier der zweite Teil.",
    "Como prometimos en nuestro último boletín, aquí está la segunda parte.",
    "Comme promis dans notre charte, nos emballages sont recyclables.",
    "Wie in unserem Leitbild versprochen, ist jede Verpackung recycelbar.",
    # A purpose, not a selection; third parties, not the reader.
    "Nous avons préparé ce guide pour vous aider à choisir.",
    "Varios socios compraron entradas para el concierto.",
    # Belonging is not attending; someone else visited us.
    "Thank you for being part of our community.",
    "Gracias por formar parte de nuestra comunidad.",
    "Danke, dass Sie Teil unserer Community sind.",
    "El lunes nos visitaron varios periodistas de Sevilla.",
    "We met our targets this quarter.",
    "I spoke at the conference about privacy.",
    "Our team attended CES this year.",
    "Join us at Web Summit.",
    "Meet us at booth 12.",
    "Your call: red or blue?",
    "A strong call to action helps.",
    "Call us on 0123 456 789.",
    "Suite à notre déménagement, nos bureaux sont à Lyon.",
    '"I met the team and loved it" - a customer.',
    "« J'ai rencontré l'équipe et j'ai adoré », raconte une cliente.",
    "If you attended, you can skip this part.",
    "Did you attend the webinar?",
    "Waren Sie auf dem Web Summit?",
    "¿Asistió a Web Summit?",
    "Si vous avez acheté une théière avant mai, lisez ceci.",
    "Falls Sie vor Mai eine Teekanne gekauft haben, lesen Sie dies.",
    "Customers who bought this also bought that.",
    "Many of you asked about pricing, so we wrote a guide.",
    "We haven't met yet, but I'd love to say hello.",
    "Looking forward to meeting you in Lisbon.",
    "Nuestro equipo asistió al CES este año.",
    "Unser Team hat sich mit dem Bürgermeister getroffen.",
    # Yes/no questions ask: German verb first, Spanish after "¿" (also mid-sentence).
    "Haben Sie sich schon unsere neue Preisliste angesehen?",
    "¿Nos visitaste en la tienda de Valencia?",
    "Hola Ana, ¿ya has descargado nuestra guía gratuita?",
    # An offer on a first order to come; asking about a taste; asking the reader to choose.
    "Get 10% off your first order.",
    "-10 % sur votre première commande avec le code BIENVENUE.",
    "10 % Rabatt auf Ihre erste Bestellung.",
    "Für Ihre erste Bestellung schenken wir Ihnen einen Gutschein über 10 €.",
    "Jetzt anmelden und für deine erste Bestellung 5 € sparen.",
    "What is your favourite colour?",
    "Quel est votre parfum préféré ?",
    "Book early to reserve your preferred seats.",
    # Testimonials: the attribution after the quotation describes the speaker.
    '"It just works," says Ben, a customer since 2019.',
    "« Comme promis, le technicien est venu à l'heure », note un client sur Google.",
    "„Wie versprochen war der Techniker pünktlich da“, lobt eine Kundin aus Ulm.",
    "«Fue un placer conocer al equipo en la feria», dice Alberto, cliente desde 2019.",
    # …in single quotation marks too.
    "'It just works,' says Ben, a customer since 2019.",
    "'As promised, the technician came on time,' one customer told us.",
    "‚Wie versprochen kam der Techniker pünktlich‘, schreibt eine Kundin.",
    "'Como prometimos, el técnico llegó puntual', comenta un cliente.",
    # An opinion asked for is not yet given.
    "Nos gustaría conocer tu opinión sobre nuestros productos.",
    "Déjanos tu opinión sobre el nuevo menú.",
]


@pytest.mark.parametrize("sentence", INNOCENTS)
def test_close_innocents_are_not_claims(sentence):
    assert detect_claims(sentence) == []


def test_what_could_be_done_and_was_is_no_plan():
    assert claim_kinds("So glad we could finally meet in person last week.")
    assert detect_claims("Maybe we could meet next week?") == []


def test_german_told_with_few_function_words_is_read_as_german():
    from sincerely.messaging.guard.claims import guess_language

    assert (
        guess_language("Falls du deinen Warenkorb schon geleert hast, vergiss diese Mail.") == "de"
    )


def test_a_claim_next_to_a_question_or_a_quote_is_still_a_claim():
    assert "said" in claim_kinds("Tu comentario sobre el envío nos ayudó mucho.")
    assert "meeting" in claim_kinds("Great meeting you at Web Summit, did you get home safely?")
    assert "behaviour" in claim_kinds("Still thinking about the shoes you viewed?")
    assert "visit" in claim_kinds('Thanks for your "quick" visit to our shop.')
    assert "visit" in claim_kinds("Thanks for your 'quick' visit to our shop.")
    assert "meeting" in claim_kinds("We read our customers' reviews: it was great meeting you.")
    # The attribution ends with its sentence: a claim after it is the sender's own.
    assert "meeting" in claim_kinds('"Great product", says Ana. We loved meeting you in Lisbon.')
    assert "behaviour" in claim_kinds("¿Sigues pensando en las botas que viste?")
    assert "purchase" in claim_kinds("Thanks for your first order!")
    assert "purchase" in claim_kinds("Danke für Ihre erste Bestellung!")
    assert "purchase" in claim_kinds("Wir bedanken uns für Ihre erste Bestellung bei uns.")
    assert "preference" in claim_kinds("Votre café préféré vous attend en boutique.")
    assert "visit" in claim_kinds("Hola Ana, ¿qué tal tu visita a la tienda?")


# Disguises: what a reader sees is what is checked.

CLAIM = "As we discussed, here is the proposal."
ADVERSARIAL_TEXT = [
    "As we dis\u200bcussed, here is the proposal.",
    "As we dis\u00adcussed, here is the proposal.",
    "As we \u202ediscussed\u202c, here is the proposal.",
    "As we d\u0456scussed, here is the proposal.",  # Cyrillic і
    "\u0410s w\u0435 discussed, here is the proposal.",  # Cyrillic А, е
    "As we &#100;iscussed, here is the proposal.",
    "As we &amp;#100;iscussed, here is the proposal.",
    "\uff21\uff53 \uff57\uff45 discussed, here is the proposal.",  # fullwidth
    "As\u00a0we\u2060 discussed, here is the proposal.",
    "As we discussed\ufeff, here is the proposal.",
]


@pytest.mark.parametrize("text", ADVERSARIAL_TEXT)
def test_invisible_and_look_alike_characters_do_not_hide_a_claim(text):
    assert claim_kinds(text) == ["conversation"]


ADVERSARIAL_HTML = [
    "<p>As we dis<span></span>cussed, here is the proposal.</p>",
    "<p>As we d<b>i</b>scussed, here is the proposal.</p>",
    "<p>As we<br>discussed, here is the proposal.</p>",
    '<p>Hello.</p><img src="x.png" alt="As we discussed, here is the proposal.">',
    '<p>Hello.</p><a href="/x" title="As we discussed, here is the proposal.">link</a>',
    "<p>As we <!-- hidden -->discussed, here is the proposal.</p>",
    "<div>As we dis&shy;cussed, here is the proposal.</div>",
]


@pytest.mark.parametrize("html", ADVERSARIAL_HTML)
def test_html_disguises_do_not_hide_a_claim(html):
    found = [kind for sentence in sentences(visible_text(html)) for kind in claim_kinds(sentence)]
    assert found == ["conversation"]


def test_visible_text_joins_inline_tags_and_ends_paragraphs_at_blocks():
    html = (
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<p>me<span></span>et m<b>e</b>et</p><div>one<br>two</div><script>var x;</script>"
        '<ul><li>a</li><li>b</li></ul><img alt="Alt text"></body></html>'
    )
    assert visible_text(html) == "meet meet\n\none two\n\na\n\nb\n\nAlt text"
    assert sentences(visible_text("<p>As we<br>discussed, hi.</p>")) == ["As we discussed, hi."]


def test_sentences_split_on_ends_not_on_abbreviations_or_decimals():
    text = (
        "Dr. Smith met you e.g. at the fair. Wir haben uns am 3. März getroffen! "
        "It costs 3.5 EUR. M. Dupont est là… Was it z.B. Sr. García?\n\nNew paragraph"
    )
    assert sentences(text) == [
        "Dr. Smith met you e.g. at the fair.",
        "Wir haben uns am 3. März getroffen!",
        "It costs 3.5 EUR.",
        "M. Dupont est là...",
        "Was it z.B. Sr. García?",
        "New paragraph",
    ]


def test_a_testimonial_stays_one_sentence_with_its_source():
    # Split inside the quotation, the source ("- Marc, client depuis 2019") was checked
    # alone and read as the reader's tenure, and the quotation lost its attribution.
    text = (
        "« J'ai tout de suite été convaincu. » — Marc, client depuis 2019\n\n"
        '"We\'ve been customers for ten years. Never again elsewhere." – Hughes Bakery. '
        'You visited our shop. It was 5" tall. You met Anna.'
    )
    split = sentences(text)
    assert split == [
        '" J\'ai tout de suite été convaincu. " - Marc, client depuis 2019',
        '"We\'ve been customers for ten years. Never again elsewhere." - Hughes Bakery.',
        "You visited our shop.",
        'It was 5" tall.',
        "You met Anna.",
    ]
    assert [claim_kinds(s) for s in split] == [[], [], ["visit"], [], ["meeting"]]


# Properties.

INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e"])
CLAIMS = [
    "As we discussed, here is the proposal.",
    "Thanks for stopping by our stand.",
    "Comme promis, voici les diapositives.",
    "Wie telefonisch besprochen, hier das Angebot.",
    "Dejaste artículos en tu carrito.",
    "You left items in your cart.",
]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_property_normalise_is_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_property_normalised_text_has_no_invisible_format_characters(text):
    import unicodedata

    assert not any(unicodedata.category(c) == "Cf" for c in normalise_text(text))


@settings(max_examples=150, deadline=None)
@given(
    claim=st.sampled_from(CLAIMS),
    cuts=st.lists(st.tuples(st.integers(0, 60), INVISIBLE), max_size=6),
)
def test_property_invisible_characters_anywhere_change_nothing(claim, cuts):
    text = claim
    for position, char in cuts:
        position = min(position, len(text))
        text = text[:position] + char + text[position:]
    assert claim_kinds(text) == claim_kinds(claim) != []


LOOKALIKE = {
    "a": "\u0430",
    "e": "\u0435",
    "o": "\u043e",
    "p": "\u0440",
    "c": "\u0441",
    "i": "\u0456",
}


@settings(max_examples=150, deadline=None)
@given(claim=st.sampled_from(CLAIMS), picks=st.lists(st.integers(0, 60), max_size=8))
def test_property_cyrillic_look_alikes_change_nothing(claim, picks):
    chars = list(claim)
    for pick in picks:
        index = pick % len(chars)
        chars[index] = LOOKALIKE.get(chars[index], chars[index])
    assert claim_kinds("".join(chars)) == claim_kinds(claim)


@settings(max_examples=150, deadline=None)
@given(
    claim=st.sampled_from(CLAIMS),
    tags=st.lists(
        st.tuples(st.integers(0, 60), st.sampled_from(["<span></span>", "<b>", "</b>", "<i></i>"])),
        max_size=5,
    ),
    breaks=st.lists(st.integers(0, 10), max_size=3),
)
def test_property_inline_tags_and_line_breaks_change_nothing(claim, tags, breaks):
    html = claim
    for position, tag in sorted(tags, reverse=True):
        html = html[: min(position, len(html))] + tag + html[min(position, len(html)) :]
    # A <br> stands where a space was (inside a word it really shows as a break).
    words = html.split(" ")
    for index in breaks:
        if index < len(words) - 1:
            words[index] += "<br>"
    html = " ".join(words).replace("<br> ", "<br>")
    joined = " ".join(sentences(visible_text(f"<p>{html}</p>")))
    assert claim_kinds(joined) == claim_kinds(claim)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(CLAIMS + INNOCENTS[:8]), min_size=1, max_size=6))
def test_property_sentences_round_trip(parts):
    text = "\n\n".join(parts)
    split = sentences(text)
    assert sentences("\n\n".join(split)) == split
    assert all("\n" not in s and s == s.strip() and "  " not in s for s in split)
    assert len(split) >= len(parts)


# The prefilter (guard/prefilter.py) skips a kind's pattern when none of its literals is in
# the sentence; it must never change what is found.
CORPUS_TEXTS = sorted({row.text for row in load_all()})
CORPUS_WORDS = sorted({word for text in CORPUS_TEXTS for word in text.split()})


def _both_ways(text: str) -> tuple[object, object]:
    flat = normalise_text(text)
    return claims_module._detect(flat), claims_module._detect(flat, prefilter=False)


def test_prefilter_changes_nothing_on_the_corpus():
    for text in CORPUS_TEXTS:
        filtered, unfiltered = _both_ways(text)
        assert filtered == unfiltered, text


@settings(max_examples=400, deadline=None)
@given(
    first=st.sampled_from(CORPUS_TEXTS),
    second=st.sampled_from(CORPUS_TEXTS),
    cut=st.integers(0, 200),
    words=st.lists(st.sampled_from(CORPUS_WORDS), max_size=12),
    noise=st.text(max_size=20),
)
def test_property_prefilter_changes_nothing(first, second, cut, words, noise):
    # Spliced sentences and shuffled corpus words reach patterns in odd places; the noise
    # brings characters no sentence has.
    for text in (first[:cut] + second[cut:], " ".join(words), noise + " ".join(words) + noise):
        filtered, unfiltered = _both_ways(text)
        assert filtered == unfiltered, text


def test_every_pattern_has_literals_that_every_match_contains():
    for lang, patterns in rules.PATTERNS.items():
        for kind, pattern in patterns:
            literals = required_literals(pattern)
            assert literals, (lang, kind)
            for text in CORPUS_TEXTS:
                for match in pattern.finditer(text.lower()):
                    assert any(literal in match.group(0) for literal in literals), (kind, text)


def test_the_independent_corpus_is_complete_and_well_formed():
    """Read only for its shape here: its figures are the bench's, never a test's floor."""
    from bench.guard_independent import FOLDER

    for language in LANGUAGES:
        rows = load(language, FOLDER)
        kinds = {row.label for row in rows}
        assert kinds == {*CLAIM_EVIDENCE, "none"}, language
        assert sum(row.label != "none" for row in rows) >= 200
        assert sum(row.label == "none" for row in rows) >= 120


def test_one_claim_read_two_ways_is_backed_by_evidence_of_either_kind():
    """ "Tu nous as écrit que…" is a request and what the person said, in the same words: one
    claim, which a recorded request or a recorded remark backs."""
    from sincerely.messaging.guard.linter import lint_template

    sentence = "Tu nous as écrit que la couleur ne te plaisait pas."
    [claim] = detect_claims(sentence)
    assert claim.alternatives
    assert claim.evidence_kinds == CLAIM_EVIDENCE[claim.kind].union(
        *(CLAIM_EVIDENCE[k] for k in claim.alternatives)
    )
    for evidence in ("asked", "said"):
        assert not lint_template(f"{{% if evidence.{evidence}() %}}{sentence}{{% endif %}}")
    assert lint_template(f"{{% if evidence.bought('x') %}}{sentence}{{% endif %}}")


def test_claims_in_separate_words_each_need_their_own_evidence():
    from sincerely.messaging.guard.linter import lint_template

    sentence = "When we met in Lisbon, you mentioned a few ideas."
    claims = detect_claims(sentence)
    assert len(claims) == 2 and not any(c.alternatives for c in claims)
    only_the_meeting = f'{{% if evidence.attended("Lisbon") %}}{sentence}{{% endif %}}'
    assert lint_template(only_the_meeting)
    both = f'{{% if evidence.attended("Lisbon") and evidence.said() %}}{sentence}{{% endif %}}'
    assert not lint_template(both)


def test_generic_places_and_bare_numbers_name_nothing_to_match():
    """ "At our store", "beim Mittagessen", "in 30 days" name nothing an evidence record is
    of; a real name still has to match."""
    from sincerely.messaging.guard.gate import naming_words
    from sincerely.messaging.guard.linter import lint_template

    assert naming_words("our store") == [] and naming_words("30") == []
    assert naming_words("Mittagessen") == naming_words("la tienda") == []
    assert naming_words("our Leeds showroom") == ["leeds"]
    sentence = "It was lovely to see you at our Leeds showroom."
    assert lint_template(f'{{% if evidence.attended("VivaTech") %}}{sentence}{{% endif %}}')
    assert not lint_template(f'{{% if evidence.attended("Leeds") %}}{sentence}{{% endif %}}')


def test_no_training_sentence_is_a_measured_sentence():
    """The classifier never learns a sentence it is measured on: no line of its training
    files is a held-out or independent corpus sentence (counts only, nothing printed)."""
    import re

    from bench.guard_corpus import HERE
    from sincerely.messaging.guard import classifier, families

    def norm(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.casefold()))

    measured = {norm(row.text) for lang in LANGUAGES for row in load(lang) if row.held_out}
    measured |= {
        norm(row.text) for lang in LANGUAGES for row in families.load(lang, HERE / "independent")
    }
    copies = sum(norm(example.text) in measured for example in classifier.training_examples())
    assert copies == 0, f"{copies} training sentences are measured sentences"


@pytest.mark.parametrize(
    "sentence",
    [
        # What the person's record shows, said with a negation: we still watched.
        "You haven't logged in to your dashboard for three weeks.",
        "Du hast dein Profil seit Wochen nicht mehr aktualisiert.",
        # A statement before a negated part: the negation takes back only its part.
        "It has been a while since you last opened the app, and you haven't finished your profile.",
    ],
)
def test_a_negation_takes_back_only_what_it_negates(sentence):
    assert claim_kinds(sentence) == ["behaviour"]


@pytest.mark.parametrize(
    "sentence",
    [
        "We haven't met yet, but we would love to see you at the fair.",
        "We never sell your data, and we never will.",
        "Our team hasn't stopped working on the new release since March.",
        # Opens as a question: it asks all the way through.
        "Did you see our new jackets, or have you not had the time yet?",
    ],
)
def test_negated_shared_history_and_company_news_claim_nothing(sentence):
    assert claim_kinds(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind", "named"),
    [
        # A German name stops at a pronoun, and "im" + one noun names nowhere in particular.
        (
            "Sie waren so freundlich, mir am Stand Ihre Visitenkarte zu geben.",
            "meeting",
            {"event": "Stand"},
        ),
        ("Sie haben noch ein paar Artikel im Warenkorb.", "behaviour", {}),
        # A city and an event keep their names, so evidence of another cannot back them.
        (
            "Schön, dass Sie beim Sommerfest in Leipzig dabei waren.",
            "attendance",
            {"event": "Sommerfest", "place": "Leipzig"},
        ),
    ],
)
def test_german_names_are_names_not_every_noun(sentence, kind, named):
    claims = {claim.kind: claim for claim in detect_claims(sentence)}
    assert kind in claims
    assert claims[kind].named == named


@pytest.mark.parametrize(
    "sentence",
    [
        # A modal that softens thanks does not move the event into the future.
        "We would like to thank you for attending our webinar on Tuesday.",
        "Nous voudrions vous remercier d'avoir participé à notre atelier.",
        "Wir möchten uns bei Ihnen für Ihre Teilnahme am Workshop bedanken.",
        "Queremos agradecerle su asistencia al webinar del martes.",
        # "tu mañana" is a morning, not tomorrow.
        "Valoramos mucho que dedicaras tu mañana a nuestro seminario.",
    ],
)
def test_polite_thanks_for_a_past_event_is_a_claim(sentence):
    assert "attendance" in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We would like to thank you in advance for attending next week's webinar.",
        "Wir möchten uns schon jetzt für Ihre Teilnahme am nächsten Workshop bedanken.",
        "Queremos agradecerte de antemano tu asistencia a la próxima jornada.",
        "Nous aimerions vous remercier de venir à notre prochain atelier.",
    ],
)
def test_thanks_for_an_event_to_come_claims_nothing(sentence):
    assert claim_kinds(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # Asking for feedback on an event the person went to: the claim is in the past.
        "We'd love your feedback on the workshop you attended last week.",
        "Nous aimerions avoir votre avis sur l'atelier auquel vous avez participé.",
        "Nos encantaría saber qué le pareció el taller al que asistió.",
    ],
)
def test_a_past_claim_after_a_modal_is_still_a_claim(sentence):
    assert "attendance" in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # A recollection asked for sets no condition on the claim before it.
        "We sat next to each other at the gala dinner in Porto, if you remember.",
        "Wir standen beim Empfang in Graz nebeneinander, falls Sie sich erinnern.",
        "Nous étions assis côte à côte au dîner de Lille, si vous vous en souvenez.",
        "Coincidimos en la cena de gala de Oporto, si te acuerdas.",
        # Thanks never said enough, and what could not be missed, are no negation.
        "I never properly thanked you for your visit to the farm.",
        "Ihre Begeisterung für unsere Lastenräder war nicht zu übersehen.",
        "No puedo agradecerte lo suficiente que vinieras a la jornada de puertas abiertas.",
        # "Next steps" follow the conversation up; they do not make it a plan.
        "Betreff: Unser Gespräch vom Donnerstag – nächste Schritte",
    ],
)
def test_recollections_idioms_and_next_steps_leave_the_claim(sentence):
    assert detect_claims(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "If you remember to bring your ticket, entry is free.",
        "Falls Sie die Messe besucht haben, freuen wir uns über Feedback.",
        "We never forget a customer who takes the time to write.",
        "Die nächsten Schritte für unser neues Lager sind geplant.",
        "Nächste Woche treffen wir Sie gern auf der Messe.",
    ],
)
def test_real_conditions_and_plans_still_claim_nothing(sentence):
    assert claim_kinds(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # A memory in a clause of its own, beside a plan: the plan does not take it back.
        (
            "Lovely to bump into you at the Ghent design fair, and I will send the "
            "catalogue next week.",
            "meeting",
        ),
        (
            "Because you joined our pottery class on Saturday, you will get the glaze guide first.",
            "attendance",
        ),
        (
            "Fue estupendo conocerle en la feria de Valencia, espero que volvamos a vernos pronto.",
            "meeting",
        ),
        (
            "Ravi de vous avoir rencontré au salon de Nantes, je vous enverrai le devis demain.",
            "meeting",
        ),
        # "In the post" is British for "in the mail": a promise kept to this person.
        ("As I promised, your samples are in the post.", "promise"),
    ],
)
def test_a_memory_beside_a_plan_is_still_a_claim(sentence, kind):
    assert kind in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We will be at the Ghent design fair, and we would love to see you there.",
        "Join us at our stand next week, we will have coffee and cake for everyone.",
        "Nous serons au salon de Nantes, venez nous rencontrer sur notre stand.",
        "Estaremos en la feria de Valencia, nos encantaría conocerle allí.",
        "As promised in our last post, here is the full recipe.",
    ],
)
def test_plans_in_every_clause_claim_nothing(sentence):
    assert claim_kinds(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "We'd love to meet you at Web Summit.",
        "We will be at the fair in Lyon and would love to meet you there.",
        "Nos encantaría verte en la feria de Madrid.",
        "Nous serions ravis de vous rencontrer au salon de Lyon.",
    ],
)
def test_a_plan_to_meet_claims_nothing(sentence):
    assert claim_kinds(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind", "named"),
    [
        # An infinitive with its object pronoun is no topic.
        ("Merci d'avoir pris le temps de me parler mardi.", "conversation", {"date": "mardi"}),
        # "your usual order" says which order; the thing is in the apposition.
        ("Your usual order, flat white, is ready.", "preference", {"product": "flat white"}),
        # A trip's destination is the topic of the interest, not its event or place.
        ("You looked so excited about the trip to Iceland.", "interest", {}),
        # What was ordered to be sent is the product of the request.
        (
            "Danke, dass Sie unsere Broschüre bestellt haben.",
            "purchase",
            {"product": "unsere Broschüre"},
        ),
        (
            "Se interesó por nuestras tarifas de invierno.",
            "request",
            {"topic": "nuestras tarifas de invierno"},
        ),
    ],
)
def test_named_things_are_what_the_claim_names(sentence, kind, named):
    found = detect_claims(sentence)
    assert [c.kind for c in found] == [kind]
    assert found[0].named == named


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("It was lovely to see you at our Leeds studio.", ("meeting", "visit")),
        ("Wir haben uns gefreut, Sie in unserem Büro begrüßen zu dürfen.", ("attendance", "visit")),
        ("Viniste a nuestra tienda el sábado.", ("attendance", "visit")),
        ("Te uniste a nosotros en 2016.", ("attendance", "tenure")),
        ("Thanks for ordering our free samples.", ("purchase", "request")),
        ("Tal como quedamos en nuestra charla, le mando el presupuesto.", ("conversation",)),
        ("Nous espérons que votre visite de l'usine vous a plu.", ("visit",)),
        # How it happened decides the kind: on the phone, a talk, at our stand or outlet.
        ("Merci de m'avoir accordé dix minutes au téléphone hier.", ("call",)),
        ("Danke, dass du dir gestern am Telefon Zeit für uns genommen hast.", ("call",)),
        (
            "Es war schön, mit Ihnen über Ihre Praxis ins Gespräch zu kommen.",
            ("meeting", "conversation"),
        ),
        ("Es war schön, Sie auf der Messe kennenzulernen.", ("meeting",)),
        ("Nice to see you at our Leeds outlet again!", ("meeting", "visit")),
        # A complaint received is something the person told us; interest noticed anywhere.
        ("Tomamos nota de su queja sobre el ruido.", ("request", "said")),
        ("Nous avons bien noté votre intérêt pour le poste.", ("behaviour", "interest")),
    ],
)
def test_one_claim_read_every_way_it_may_be_backed(sentence, kinds):
    (claim,) = detect_claims(sentence)
    assert (claim.kind, *claim.alternatives) == kinds


def _rule_kinds(sentence: str) -> list[str]:
    """The kinds the rules alone find (no classifier)."""
    flat = " ".join(normalise_text(sentence).split())
    return [kind for kind, *_ in claims_module._detect(flat, learned=False)]


# Rule false alarms of the training families, fixed by cause (sentences of our own):
# testimonials that give a third party's tenure, the reader reading this very mail, the
# company's or other people's meetings and purchases, offers and terms for anyone, wishes,
# and feedback asked for in advance.
@pytest.mark.parametrize(
    "sentence",
    [
        "Priya, a customer since 2016, says the new app saves her an hour a week.",
        "Selon Hélène, cliente depuis 2010, « rien ne vaut le service du samedi ».",
        "Frau Kuhn, Kundin seit 2015, erzählt von ihrem ersten Einkauf.",
        "Don Ramiro, cliente desde 2008, explica por qué sigue con nosotros.",
        "« Tout a été réglé en dix minutes », nous a dit une cliente de Nantes.",
        "«Todo listo en diez minutos», nos escribió una clienta de Cádiz.",
        "Thanks for joining us for this week's roundup.",
        "Thanks for reading all the way to the end of this newsletter!",
        "Ravis de vous retrouver dans cette lettre d'information.",
        "Gracias por acompañarnos un mes más en este boletín.",
        "Great to have you on board, here is what's new.",
        "Our two designers have been friends since they studied in Milan.",
        "Our coffee subscription ships every other Friday.",
        "We visited two mills in Portugal to meet the weavers behind our linen.",
        "Tras nuestra reunión del equipo, os contamos las novedades.",
        "Wir haben uns mit Winzern aus der Pfalz getroffen, um neue Weine zu finden.",
        "Nos reunimos todos los lunes para planificar la semana.",
        "Zahlreiche von Ihnen haben nach dem neuen Katalog gefragt.",
        "Una clienta de Sevilla nos pidió una versión en catalán.",
        "Marta, clienta de Bilbao, nos contó cómo usa la app en su tienda.",
        "Pablo, que compró su primer piso con nosotros, cuenta cómo fue.",
        "Se ha añadido una nueva dirección a su cuenta.",
        "Seit über 20 Jahren vertrauen Familien in der ganzen Region auf unseren Service.",
        "Kunden, die seit drei Jahren bei uns sind, bekommen einen Rabatt.",
        "Try it free before you order from us.",
        "Every menu can be tailored to your tastes.",
        "Conçu pour vous, que vous soyez artisan ou grande entreprise.",
        "Ihre Bestellung ist ab 50 Euro versandkostenfrei.",
        "Your loyalty points never expire.",
        "Thanks for being a valued subscriber.",
        "Schnapp dir jetzt deine Lieblingsteile im Sale.",
        "Hazte con tus favoritos antes de que se agoten.",
        "Subject: Happy birthday to us, 10 years of Acme",
        "Happy 10th anniversary to us!",
        "At the panel we discussed how retailers price their goods.",
        "Déjanos tu correo y te llamamos en breve.",
        "Nuestro equipo está disponible para hablar contigo cuando quieras.",
        "Es wäre toll, Sie bei unserem Sommerfest unter den Gästen zu haben.",
        "Danke im Voraus für Ihr Feedback.",
        "Vos retours sur la nouvelle application nous seraient très utiles.",
        "Sie haben bei uns noch nichts bestellt.",
        "Gracias por suscribirte.",
    ],
)
def test_rules_leave_third_parties_readers_and_offers_alone(sentence):
    assert _rule_kinds(sentence) == []


# The nearest real claims stay claims.
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Priya, as a customer since 2016, you get early access.", "tenure"),
        ("Hélène, vous êtes cliente depuis 2010 et nous vous en remercions.", "tenure"),
        ("Frau Kuhn, Sie sind seit 2015 Kundin bei uns.", "tenure"),
        ("Gracias por la llamada de ayer, nos ayudó mucho.", "call"),
        ("Thanks for joining us at the workshop yesterday.", "attendance"),
        ("Thanks for joining us yesterday, the slides are in this email.", "attendance"),
        ("Gracias por acompañarnos en la feria de Valencia.", "attendance"),
        ("Thank you for being such a loyal customer, we appreciate it.", "tenure"),
        ("Still thinking about our coffee together in Lisbon.", "meeting"),
        ("It was great to chat over our coffee last week.", "meeting"),
        ("Thanks for our lovely lunch on Tuesday.", "meeting"),
        ("Tras nuestra reunión del martes, le envío la propuesta.", "meeting"),
        ("Wir haben uns auf der Messe in Köln getroffen.", "meeting"),
        ("Schön, dass wir uns mit Ihnen auf der Messe getroffen haben.", "meeting"),
        ("Nos reunimos el viernes en su oficina.", "meeting"),
        ("Pablo, usted compró su primer piso con nosotros en 2019.", "purchase"),
        ("Ha añadido una nueva dirección a su cuenta.", "behaviour"),
        ("Seit über 20 Jahren vertrauen Sie auf unseren Service.", "tenure"),
        ("You buy from us every month, so here's a thank-you.", "purchase"),
        ("This menu was tailored to your tastes.", "selection"),
        ("Ihre Bestellung ist unterwegs.", "purchase"),
        ("Thanks for your loyalty over the years.", "tenure"),
        ("Happy anniversary with us, Sam!", "tenure"),
        ("The plan we discussed is attached.", "promise"),
        ("Te llamamos ayer pero no contestaste.", "call"),
        ("Es war schön, Sie gestern unter unseren Gästen zu haben.", "attendance"),
        ("Danke für Ihre Rückmeldung zum neuen Katalog.", "said"),
        ("Sie haben seit Mai nichts mehr bestellt.", "purchase"),
        ("Sie haben bei uns schon zweimal bestellt.", "purchase"),
        ("Gracias por inscribirte al taller del sábado.", "request"),
        ("Thanks for picking our tea again this winter.", "purchase"),
        ("We said we'd fix it, and your new kettle is on its way.", "promise"),
    ],
)
def test_rules_still_find_the_nearest_claims(sentence, kind):
    assert kind in _rule_kinds(sentence)


# Scope vetoes read no wider than what they take back.
@pytest.mark.parametrize(
    "sentence",
    [
        # A negation that states what happened (litotes), or "ne … que" (only).
        "Your interest in our cargo bikes did not go unnoticed.",
        "We haven't forgotten the lovely chat we had at your stand in Lyon.",
        "Votre intérêt pour nos vélos cargo ne nous a pas échappé.",
        "Nous n'avons pas oublié notre échange sur votre stand à Lyon.",
        "Vous qui ne buvez que du café éthiopien, voici notre nouvel arrivage.",
        "Ihr Interesse an unseren Lastenrädern ist uns nicht entgangen.",
        "Wir haben das Gespräch an Ihrem Stand in Lyon nicht vergessen.",
        "Tu interés por nuestras bicis de carga no nos pasó desapercibido.",
        "No hemos olvidado la charla en su stand de Lyon.",
        # A subjunctive after gladness or appearance reports, it sets no condition.
        "Il semble que vous ayez parcouru notre rubrique jardinage.",
        "Contents que tu aies pu passer à la boutique samedi.",
        # The recipient's own words quoted back: what the person said.
        'You wrote: "I want a garden that needs no upkeep".',
        "Tu nous as écrit : « je cherche un vélo pour ma fille ».",
        "Sie schrieben uns: „Ich suche ein Fahrrad für meine Tochter“.",
        "Usted nos escribió: «Busco una bicicleta para mi hija».",
    ],
)
def test_vetoes_leave_statements_to_the_classifier(sentence):
    assert claims_module.classifier_scope(" ".join(normalise_text(sentence).split()))


@pytest.mark.parametrize(
    ("sentence", "opens"),
    [
        # Only a greeting may come before the words that open a question.
        ("Viste la lámpara Oslo en nuestra web, ¿te gustó?", False),
        ("You looked at the Oslo lamp today, did anything catch your eye?", False),
        ("Hola Ana, ¿te gustó la feria?", True),
        ("Hi Anna, did you enjoy the fair?", True),
    ],
)
def test_a_sentence_opens_as_a_question_only_after_a_greeting(sentence, opens):
    vetoes = claims_module._vetoes(" ".join(normalise_text(sentence).split()))[1]
    assert ("opens as a question" in vetoes) == opens


@pytest.mark.parametrize(
    "sentence",
    [
        "Your interest in our cargo bikes did not go unnoticed.",
        "We haven't forgotten the lovely chat we had at your stand in Lyon.",
        "Votre intérêt pour nos vélos cargo ne nous a pas échappé.",
        "Vous qui ne buvez que du café éthiopien, voici notre nouvel arrivage.",
        "Tu interés por nuestras bicis de carga no nos pasó desapercibido.",
        # ("No hemos olvidado la charla en su stand de Lyon" is no longer vetoed, as the
        # test above shows, but today's model gives it 0.75, under the threshold.)
        "Il semble que vous ayez parcouru notre rubrique jardinage.",
        "Nous sommes ravis que vous ayez pu assister à notre atelier de Nantes.",
        'You wrote: "I want a garden that needs no upkeep".',
        "Sie schrieben uns: „Ich suche ein Fahrrad für meine Tochter“.",
        "Usted nos escribió: «Busco una bicicleta para mi hija».",
        # A plan in the closing question leaves the lunch before it in the past.
        "Merci pour le super déjeuner de vendredi à Lyon, on se refait ça bientôt ?",
        "Great lunch with you on Friday in Lyon, shall we do it again soon?",
    ],
)
def test_claims_the_vetoes_used_to_drop_are_claims(sentence):
    assert detect_claims(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # Still negated, still conditional, still someone else's words, still asked.
        "Vous n'avez pas encore acheté chez nous.",
        "Todavía no nos conocemos.",
        "Don't forget: you can still join the workshop.",
        "N'oubliez pas notre vente de dimanche.",
        "Vergessen Sie nicht, Ihre Bestellung abzuholen.",
        "Pour peu que vous ayez visité notre stand, vous savez déjà tout.",
        "À supposer que vous ayez commandé avant lundi, la livraison est gratuite.",
        "Bien que vous ayez peut-être déjà reçu ce message, voici un rappel.",
        "Une cliente nous a écrit : « Je veux un jardin sans entretien ».",
        'One customer wrote: "I want a garden that needs no upkeep".',
        "Una clienta nos escribió: «Quiero un jardín sin mantenimiento».",
        "Did you attend?",
        "Hi Anna, did you enjoy the fair?",
        "Hola Ana, ¿te gustó la feria?",
        "We have new sofas in stock, did you visit our Lyon store?",
    ],
)
def test_what_the_vetoes_keep_claims_nothing(sentence):
    assert detect_claims(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Vous étiez nombreuses à demander le retour de la robe Lina.",
        "Votre inscription à la newsletter est gratuite.",
        "Votre participation au tirage au sort est gratuite et sans obligation d'achat.",
        "Your participation in the survey is anonymous.",
        "Ihre Teilnahme an der Umfrage ist anonym.",
        "Su participación en la encuesta es anónima.",
        "Votre fidélité sera récompensée dès le premier achat.",
        "Ihre Treue wird ab dem ersten Einkauf belohnt.",
        "Su fidelidad será recompensada desde la primera compra.",
        "Ajoutez vos marques préférées à vos favoris.",
        "Save your favourite items to your wishlist.",
        "Speichern Sie Ihre Lieblingsartikel in Ihren Favoriten.",
        "Guarda tus productos preferidos en favoritos.",
    ],
)
def test_rules_leave_terms_for_anyone_alone(sentence):
    assert _rule_kinds(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Merci pour votre participation à notre atelier de mardi.", "attendance"),
        ("Thanks for your loyalty over the years.", "tenure"),
        ("Nous sommes ravis que vous ayez pu assister à notre atelier de Nantes.", "attendance"),
        ("Vous avez consulté la lampe Oslo hier, des questions ?", "behaviour"),
    ],
)
def test_rules_still_find_claims_beside_terms(sentence, kind):
    assert kind in _rule_kinds(sentence)


# Short lines, as a subject or an opening says them: the rules read them, since the
# classifier is not asked about fewer than five words.
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Thanks for coming.", "visit"),
        ("Gracias por venir.", "visit"),
        ("Thanks for the order, Anna!", "purchase"),
        ("Merci pour la commande !", "purchase"),
        ("Gracias por el pedido.", "purchase"),
        ("Your size is back in stock.", "preference"),
        ("Back in stock in your size!", "preference"),
        ("Your favourites are back in stock.", "preference"),
        ("Ihre Größe ist wieder da.", "preference"),
        ("Votre pointure est de nouveau disponible.", "preference"),
        ("Tu talla vuelve a estar disponible.", "preference"),
        # Subject lines.
        ("Re: your enquiry", "request"),
        ("Your order #4471", "purchase"),
        ("We saved your cart", "behaviour"),
        ("Because you loved the Oslo lamp", "preference"),
        ("Still interested in the Oslo lamp?", "behaviour"),
        ("Les documents demandés", "request"),
    ],
)
def test_short_lines_that_claim_are_claims(sentence, kind):
    assert kind in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Find your size in our guide.",
        "If your size is back in stock we will email you.",
        "Wenn Ihre Größe wieder da ist, schreiben wir Ihnen.",
        "Si tu talla vuelve a estar disponible, te avisamos.",
        "Add it to your favourites and come back later.",
        "Send us your enquiry using the form below.",
        "Your order #: enter it below to track.",
        "Les documents demandés par la loi sont en ligne.",
        "If you loved the film, you'll love the book.",
    ],
)
def test_short_lines_for_anyone_are_not_claims(sentence):
    assert detect_claims(sentence) == []


# A yes/no question about what the person has takes for granted that they bought it; one
# that asks whether it is done yet, or about what anyone has, asks.
@pytest.mark.parametrize(
    "sentence",
    [
        "Did your parcel arrive safely?",
        "Sind Sie mit Ihrem neuen Staubsauger zufrieden?",
        "¿Está contento con su nueva aspiradora?",
        "How are you finding your new kettle?",
        "Comment trouvez-vous votre nouvelle veste ?",
        "Que pensez-vous de votre nouveau canapé ?",
        "Comment se passe la prise en main de votre nouvel aspirateur ?",
    ],
)
def test_a_question_about_what_the_person_bought_claims_the_purchase(sentence):
    assert "purchase" in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "How are you finding your new role?",
        "Comment trouvez-vous votre nouvel espace client ?",
        "Que pensez-vous de notre nouvelle collection ?",
        "Comment se passent vos débuts avec votre nouvelle équipe ?",
        "Have you ordered your free sample yet?",
        "Haben Sie Ihre Tickets schon gekauft?",
        "Is your kitchen ready for winter?",
        "Would you like your order gift-wrapped?",
    ],
)
def test_a_question_whether_something_is_done_asks(sentence):
    assert detect_claims(sentence) == []


# A taste told in the negative is still a remembered taste; our not knowing one is not.
@pytest.mark.parametrize(
    "sentence",
    [
        "Da Sie keinen Fisch essen, haben wir Ihnen das vegetarische Menü eingeplant.",
        "Since you don't eat meat, we've left the ham out of your box.",
        "Como no tomas café, te hemos puesto té.",
    ],
)
def test_a_taste_told_in_the_negative_is_a_preference(sentence):
    assert "preference" in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We don't know your favourite colour yet, so here's a bit of everything.",
        "Nous ne connaissons pas encore votre couleur préférée, voici un peu de tout.",
        "No sabemos todavía tu color favorito, así que va un poco de todo.",
    ],
)
def test_not_knowing_a_taste_is_no_claim(sentence):
    assert detect_claims(sentence) == []


# Close innocents the training families of stop 24 brought up: an invitation, our coffee as
# a product, an imperative, an internal discussion, visitors and customers in the third
# person, our own new logo.
@pytest.mark.parametrize(
    "sentence",
    [
        "Nous comptons sur votre présence au lancement de la saison.",
        "Notre café ne contient aucun arôme artificiel.",
        "Faites votre demande de carte de fidélité en magasin.",
        "Nous avons discuté de ce projet en interne pendant des mois.",
        "Schön, dass so viele Besucher den Weg an unseren Stand gefunden haben.",
        "Wie gefällt dir das neue Logo?",
        'Según nuestra clienta Teresa, que nos visitó en mayo, "el trato fue exquisito".',
        "El mes pasado nos visitaron más de 2.000 personas en la tienda.",
        "Items in your basket are not reserved until you check out.",
    ],
)
def test_stop_24_close_innocents(sentence):
    assert detect_claims(sentence) == []


def test_a_record_told_in_the_negative_before_a_closing_question_is_a_claim():
    sentence = "You haven't opened our emails in a while, do you still want them?"
    assert "behaviour" in claim_kinds(sentence)
    assert detect_claims("We haven't met yet, shall we have coffee next week?") == []
    assert detect_claims("We don't know your favourite colour yet, can you tell us?") == []


def test_a_club_evening_is_attended_while_a_story_is_only_belonged_to():
    # A club's evening, night or outing is an event the person came to; "our story" or
    # "our journey" is told to every reader, like "our community".
    assert "attendance" in claim_kinds("Thanks for being part of our quiz club night in March.")
    assert "attendance" in claim_kinds("Thank you for being part of our cycling club's ride.")
    assert detect_claims("Thanks for being part of our story.") == []
    assert detect_claims("Thank you for being part of the journey so far.") == []
    assert detect_claims("Thank you for being part of our community.") == []


def test_a_session_on_a_calling_tool_and_a_show_round_are_claims():
    # A call named by its tool and "session"; the reader shown round our premises, told
    # with "we were pleased" (a past welcome, not the formal "we are pleased to welcome").
    assert "call" in claim_kinds("Following our Skype session, the revised budget is attached.")
    assert "call" in claim_kinds("Since our WebEx yesterday I've spoken to the vendor.")
    assert "visit" in claim_kinds("We were really pleased to show you round the bakery.")
    assert "visit" in claim_kinds("It was lovely to show you round the mill on Friday.")
    assert detect_claims("Our Zoom sessions for beginners run every Tuesday.") == []
    assert detect_claims("Our Zoom session for newcomers starts at 6pm.") == []
    assert detect_claims("We are pleased to welcome you to our new store on Saturday.") == []


def test_a_condition_cut_short_governs_its_whole_sentence():
    # "If so, …" after a question of its own: the condition reaches past the comma.
    assert detect_claims("If so, great to reconnect.") == []
    assert detect_claims("Was that you at the expo? If so, great to reconnect.") == []
    assert detect_claims("If that's you, thanks for coming along to the launch!") == []
    assert "meeting" in claim_kinds("So, great to reconnect at the alumni dinner.")


def test_thanks_a_ton_and_one_of_the_many_guests_are_attendance():
    assert "attendance" in claim_kinds("Thanks a ton for attending the board dinner in Leeds.")
    assert "attendance" in claim_kinds("Thank you for being one of the 120 guests at our gala.")


def test_how_the_reader_finds_what_they_have_so_far_is_a_purchase():
    assert "purchase" in claim_kinds("How are you finding the Family plan so far?")
    assert "purchase" in claim_kinds("How are you getting on with your new e-bike so far?")
    assert detect_claims("How are you finding the new term so far?") == []
    assert detect_claims("How are you finding the weather so far?") == []


def test_being_a_customer_is_thanked_to_all_while_for_so_long_is_tenure():
    assert detect_claims("Thanks for being a subscriber to our magazine.") == []
    assert detect_claims("Thank you for being a customer.") == []
    assert "tenure" in claim_kinds("Thanks for being a member since the very start.")


# A promise made to a public we name (shareholders, residents, our customers at large) is no
# promise to the reader; one made at an occasion ("promis à la réunion") still is.
@pytest.mark.parametrize(
    "sentence",
    [
        "Comme promis à nos actionnaires, le dividende sera versé en juin.",
        "Comme nous l'avions promis aux riverains, le chantier s'arrête à 18 h.",
        "Comme promis à l'ensemble de nos adhérents, la cotisation reste stable.",
    ],
)
def test_a_promise_to_a_named_public_is_no_promise_to_the_reader(sentence):
    assert "promise" not in claim_kinds(sentence)


def test_a_promise_made_at_an_occasion_is_still_a_promise():
    assert "promise" in claim_kinds("Comme promis à la réunion, voici le compte rendu.")


# Close innocents of stop 25 (fr): a promise made in our letter of the month or on our site,
# experts who will be glad to talk, loyal customers named as a public in the plural.
@pytest.mark.parametrize(
    "sentence",
    [
        "Comme promis dans notre lettre de mai, voici le calendrier des ateliers.",
        "Comme promis dans notre infolettre, les inscriptions sont ouvertes.",
        "Nos conseillères seront ravies d'échanger avec vous lors du salon.",
        "Les clients fidèles depuis plus de trois ans recevront un bon d'achat.",
        "Nos abonnés depuis 2012 bénéficieront d'un tarif réduit.",
    ],
)
def test_stop_25_fr_close_innocents(sentence):
    assert detect_claims(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Comme promis dans ma lettre, voici le devis signé.", "promise"),
        ("Cliente fidèle depuis 2009, vous recevez notre cadeau de fin d'année.", "tenure"),
        ("Vous serez content d'apprendre que notre rencontre a porté ses fruits.", "meeting"),
    ],
)
def test_stop_25_fr_claims_kept(sentence, kind):
    assert kind in claim_kinds(sentence)


# German "kein" declines: "an keinem unserer Kurse", "bei keiner Veranstaltung" negate as
# "keinen" and "keine" do.
@pytest.mark.parametrize(
    "sentence",
    [
        "Bisher waren Sie bei keinem unserer Seminare dabei.",
        "Du hast an keiner unserer Führungen teilgenommen, schade!",
    ],
)
def test_german_kein_in_every_case_negates(sentence):
    assert detect_claims(sentence) == []


# Stop 25 (de): claims told in German the rules did not read, each beside a close innocent.
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Wir riefen dich am Freitag wegen der Rechnung an.", "call"),
        ("Ihren Angaben zufolge ist der Schaden beim Transport entstanden.", "said"),
        ("Weil du lieber mit der Bahn reist, liegt das Ticket bei.", "preference"),
        ("Sie legen viel Wert auf Handarbeit, daher dieses Messer.", "preference"),
        ("Das Päckchen mit Ihren Socken ist heute rausgegangen.", "purchase"),
        ("Seit 2017 lesen Sie unsere Zeitung jeden Morgen.", "tenure"),
        ("Sie unterstützen uns bereits seit der Eröffnung.", "tenure"),
        ("Wir legen dir die Jacke bis Montag zur Seite.", "selection"),
        ("Sie wurden als eine von zehn Gewinnerinnen ausgelost.", "selection"),
        ("Dein persönlicher Gutscheincode lautet MAX10.", "selection"),
    ],
)
def test_stop_25_german_claims(sentence, kind):
    assert kind in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Unser Kundendienst rief letzte Woche Hunderte Kunden an.",
        "Laut einer Umfrage kaufen die meisten Menschen online.",
        "Wer lieber mit der Bahn reist, findet hier die Verbindungen.",
        "Wir legen großen Wert auf Handarbeit.",
        "Seit 2017 drucken wir unsere Zeitung klimaneutral.",
        "Gerne legen wir Ihnen Ihr Wunschmodell für drei Tage zurück.",
        "Die Gewinner werden Ende Mai ausgelost.",
    ],
)
def test_stop_25_german_close_innocents(sentence):
    assert detect_claims(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Wir hoffen, die Anreise zu unserem Seminar war nicht zu anstrengend.", "attendance"),
        ("Als Kundin der ersten Stunde bekommen Sie den Gutschein zuerst.", "tenure"),
        ("Und, wie klappt es mit deinem neuen Rasenmäher?", "purchase"),
    ],
)
def test_stop_25_degree_first_hour_and_new_things(sentence, kind):
    assert kind in claim_kinds(sentence)


def test_stop_25_new_things_of_ours_or_life_are_no_purchase():
    assert detect_claims("Wie läuft es mit dem neuen Team in Ihrer Abteilung?") == []
    assert detect_claims("Die Kunden der ersten Stunde erhalten eine Urkunde.") == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Heute ist Ihr fünfjähriges Mitgliedsjubiläum, danke!", "tenure"),
        ("Wie du uns erzähltest, zieht ihr im Mai nach Bern.", "said"),
        ("Seit zwei Jahrzehnten kommen Sie zur Kontrolle zu uns.", "tenure"),
        ("Du bist eine der wenigen, die den Prototyp testen dürfen.", "selection"),
        ("Ihre gebuchte Massage findet am Freitag statt.", "purchase"),
    ],
)
def test_stop_25_german_claims_second_round(sentence, kind):
    assert kind in claim_kinds(sentence)


def test_stop_25_our_own_jubilee_is_news():
    assert detect_claims("Feiern Sie mit uns: Unser Jubiläum steht an, 50 Jahre Bäckerei.") == []


def test_stop_25_a_compound_enquiry_is_a_request():
    assert "request" in claim_kinds(
        "Ihre Serviceanfrage vom Montag wurde an die Technik übergeben."
    )


def test_stop_25_we_phoned_each_other_is_a_call():
    assert "call" in claim_kinds("Weil wir gestern miteinander telefoniert haben, hier die Preise.")
    assert detect_claims("Wir haben noch nie miteinander telefoniert.") == []


# "si" after the person's asking is "whether", no condition; the writer's own "quería saber
# si…" is a question to the reader, no request of theirs.
@pytest.mark.parametrize(
    "sentence",
    [
        "Nos preguntaste si hacemos envíos a Baleares: sí, y sin recargo.",
        "Usted nos ha preguntado si el curso es presencial: lo es.",
        "Nos consultó si quedaban plazas en el turno de tarde: quedan dos.",
    ],
)
def test_spanish_asking_whether_is_a_request(sentence):
    assert "request" in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Quería saber si le interesaría una demostración la semana próxima.",
        "Quería saber si tiene un rato el jueves para una llamada.",
        "Le hemos preguntado si prefiere la entrega por la mañana.",
        "Me preguntaba si usted tendría un momento esta semana.",
    ],
)
def test_spanish_writer_asking_whether_is_no_request(sentence):
    assert detect_claims(sentence) == []


# Stop 25 (es): a booking confirmed, a bill or tickets sent, the reader among our oldest
# customers, a basket or form left, the person's asking told subject-last, a meal remembered.
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Tu reserva del domingo a las 13:30 para dos personas queda confirmada.", "purchase"),
        ("Su factura de septiembre ya está disponible.", "purchase"),
        ("Te confirmamos la cita para la limpieza dental del martes.", "purchase"),
        ("Aquí tienes tus entradas para el partido del sábado.", "purchase"),
        ("Usted es de nuestros socios más antiguos.", "tenure"),
        ("Sos de los primeros en suscribirte al boletín.", "tenure"),
        ("Dejaste unas sandalias en la cesta y quedan pocas.", "behaviour"),
        ("Preguntó usted por las clases de natación; empiezan en octubre.", "request"),
        ("Qué gusto el almuerzo del martes, Elena.", "meeting"),
    ],
)
def test_spanish_stop_25_claims(sentence, kind):
    assert kind in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Su reserva estará confirmada cuando recibamos el pago.",
        "Las reservas quedan confirmadas al pagar la señal.",
        "Genial la cena del viernes: menú degustación para todos.",
        "Fuimos de los primeros en abrir una tienda online en la ciudad.",
        "Los artículos que dejes en la cesta no se reservan.",
    ],
)
def test_spanish_stop_25_close_innocents(sentence):
    assert detect_claims(sentence) == []


# Stop 25 (es), subjunctive thanks and a promise before a clause of its own; a named third
# person with an appositive; wishes in the subjunctive stay wishes.
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Te agradezco que me recibieras en tu estudio el martes.", "meeting"),
        ("Qué buena sorpresa encontrarle en el concierto de anoche.", "meeting"),
        ("Me alegra que te animaras a venir al taller de cerámica.", "attendance"),
        ("Tal y como le aseguré, la tarifa no sube este año.", "promise"),
        ("Tu suscripción se renovó automáticamente el día 3.", "purchase"),
    ],
)
def test_spanish_subjunctive_and_promise_claims(sentence, kind):
    assert kind in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Le agradeceríamos que nos recibiera la próxima semana.",
        "Te agradecería mucho que me recibieras un rato el lunes.",
        "Nos encantaría que se animara a venir al taller del sábado.",
        "Carmen, nuestra socia, nos visitó en abril con su equipo.",
        "Tu suscripción se renueva cada mes.",
    ],
)
def test_spanish_wishes_and_named_third_persons_claim_nothing(sentence):
    assert detect_claims(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Gracias por venir al foro de emprendedores del jueves.", "attendance"),
        ("Me dejaste caer que te mudas a Cádiz en verano.", "said"),
    ],
)
def test_spanish_event_nouns_and_said_verbs(sentence, kind):
    assert kind in claim_kinds(sentence)


def test_spanish_a_third_person_letting_us_know_is_no_reader():
    assert detect_claims("Nuestro proveedor nos adelantó que los precios subirán.") == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # What the person reported holds a negation of its own: still what they told us.
        ("D'après vos dires, le chauffage ne fonctionne plus.", "said"),
        ("Selon vos explications, la machine ne démarre plus depuis lundi.", "said"),
        ("Laut Ihrer Schilderung schließt die Terrassentür nicht richtig.", "said"),
        ("Según nos contaste, la lavadora ya no centrifuga.", "said"),
        # A courtesy negates nothing: the call happened.
        ("Hope you didn't mind me ringing you so early this morning.", "call"),
        ("J'espère que mon appel d'hier ne vous a pas dérangé.", "call"),
        ("Ich hoffe, mein Anruf gestern hat Sie nicht gestört.", "call"),
        ("Espero que mi llamada de ayer no te haya molestado.", "call"),
    ],
)
def test_a_negation_inside_what_was_said_or_a_courtesy_takes_nothing_back(sentence, kind):
    assert claim_kinds(sentence) == [kind]


@pytest.mark.parametrize(
    "sentence",
    [
        "Did the walking boots you ordered fit well?",
        "Are the curtains you bought last month holding up?",
        "Gefällt Ihnen das Sofa, das Sie bestellt haben?",
        "¿Te gustó la chaqueta que compraste?",
    ],
)
def test_a_yes_no_question_about_what_the_person_ordered_is_a_purchase(sentence):
    assert claim_kinds(sentence) == ["purchase"]


@pytest.mark.parametrize(
    "sentence",
    [
        # A request still to make, and a taste to record, told as imperatives.
        "Envoyez-nous votre demande de devis en deux clics.",
        "Envíanos tu solicitud de presupuesto en dos clics.",
        "Marca tus recetas favoritas para encontrarlas rápido.",
        # Liked, if it was: a condition.
        "Si la visite vous a plu, laissez-nous un avis.",
        # Courtesies and negations about the weather or our own news claim nothing.
        "Hope it wasn't too cold at your end this week.",
        "Espero que el frío no te haya molestado este fin de semana.",
        "Did the tickets you were hoping for sell out?",
    ],
)
def test_calls_to_action_conditions_and_courtesies_claim_nothing(sentence):
    assert claim_kinds(sentence) == []


def test_a_request_made_and_handed_back_is_still_a_claim():
    assert claim_kinds("Retrouvez votre demande de devis en pièce jointe.") == ["request"]
    assert claim_kinds("Merci pour votre demande de devis.") == ["request"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # A yes/no question that asks something else takes its occasion for granted.
        ("Did you get home safely after our meeting on Saturday?", "meeting"),
        ("Êtes-vous bien rentré après notre rencontre de samedi ?", "meeting"),
        ("¿Llegaste bien a casa después de nuestra reunión del sábado?", "meeting"),
        # Agreements in the pluperfect or as reached, downloads thanked for, a place held in
        # the person's name, what they were asking for.
        ("Comme nous en étions convenus, la séance d'essai aura lieu jeudi.", "promise"),
        ("Como habíamos quedado, la sesión de prueba será el jueves.", "promise"),
        ("Siguiendo el acuerdo al que llegamos, mantenemos el precio de 2023.", "promise"),
        ("Gemäß unserer Absprache verlängern wir Ihre Testphase um 14 Tage.", "promise"),
        ("Den mit Ihnen vereinbarten Liefertermin halten wir selbstverständlich ein.", "promise"),
        ("Thanks for downloading our digital marketing guide.", "behaviour"),
        ("Danke fürs Herunterladen unseres Leitfadens.", "behaviour"),
        ("Gracias por descargar nuestra guía de marketing digital.", "behaviour"),
        ("Tenemos una plaza reservada a su nombre para el curso de octubre.", "selection"),
        ("Aquí tienes la información que pedías sobre nuestros planes.", "request"),
    ],
)
def test_presupposed_occasions_agreements_downloads_and_held_places(sentence, kind):
    assert kind in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # A question about the occasion itself asks; a plan is no memory.
        "Did you attend our webinar?",
        "Would you like a tour of our brewery?",
        "Haben Sie Interesse an einer Führung durch unsere Brauerei?",
        # Customers counted, a promise to a whole public, a first hello.
        "Über 10.000 zufriedene Kunden seit 2010.",
        "Trusted by 5,000+ customers since 1998.",
        "As promised to our whole community, all shipping is now carbon neutral.",
        "Comme promis à toute notre communauté, les envois sont neutres en carbone.",
        "Tal y como prometimos a toda nuestra comunidad, todos los envíos serán neutros.",
        "Nice to meet you: we are a small coffee roaster from Medellín.",
        "Ravis de faire votre connaissance : nous sommes une petite brûlerie de Lyon.",
    ],
)
def test_asking_counting_publishing_and_first_hellos_claim_nothing(sentence):
    assert claim_kinds(sentence) == []


def test_a_hello_after_a_meeting_remembered_is_still_a_claim():
    assert claim_kinds("So nice to meet you at VivaTech: we are still talking about it.") == [
        "meeting"
    ]
    assert claim_kinds("Great meeting you: we're sending the slides tomorrow.") == ["meeting"]
    assert claim_kinds("Customer since 2010 – thank you!") == ["tenure"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Hat Ihnen die Führung durch unsere Brauerei gefallen?", "visit"),
        ("Konnten Sie aus der Live-Demo letzte Woche etwas für Ihr Team mitnehmen?", "attendance"),
        (
            "Wie mit Ihnen verabredet, kommt unser Techniker am Montag zwischen 8 und 10 Uhr.",
            "promise",
        ),
    ],
)
def test_an_occasion_a_question_names_after_a_preposition_or_enjoyed_is_taken_for_granted(
    sentence, kind
):
    assert claim_kinds(sentence) == [kind]


def test_a_testimonial_labelled_after_the_quotation_is_someone_else_s():
    sentence = (
        "« Je suis membre depuis trois ans et je ne m'en lasse pas » : le témoignage de "
        "Karine, adhérente à Lyon."
    )
    assert claim_kinds(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # Asked whether they remember it, the person is told it happened.
        ("Do you remember our chat about the data migration?", "conversation"),
        ("¿Recuerdas que estuvimos comentando lo de la migración de datos?", "conversation"),
        ("Vous souvenez-vous de notre échange sur la migration des données ?", "conversation"),
        # A plan in a later part of the clause leaves the memory before it.
        ("Thanks for visiting our stand, and see you soon!", "visit"),
        ("Great meeting you – next time let's grab lunch.", "meeting"),
        (
            "Da wir uns ja auf einen Nachlass von 10 % geeinigt haben, ist er berücksichtigt.",
            "promise",
        ),
        ("Die Nachjustierung, die wir Ihnen zugesichert haben, ist kostenlos.", "promise"),
        ("Tras tu paso por nuestro stand en Expo Café, te enviamos el catálogo.", "visit"),
        ("Thanks for expressing interest in volunteering with our food bank.", "interest"),
    ],
)
def test_remembered_occasions_agreements_and_a_plan_in_a_later_part(sentence, kind):
    assert kind in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Do you remember the first phone you ever owned?",
        "Erinnern Sie sich an die 90er?",
        "Wir freuen uns schon darauf, Sie bald auch persönlich kennenzulernen.",
        "Leg dir deine Favoriten am besten gleich in den Warenkorb, bevor sie weg sind.",
        "Wir haben uns mit unseren Lieferanten auf neue Preise geeinigt.",
    ],
)
def test_nostalgia_plans_and_imperatives_claim_nothing(sentence):
    assert claim_kinds(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # The clause that answers an opening condition is conditional too.
        "Si pasaste por nuestra tienda este finde, ya viste la nueva vitrina; si no, mírala aquí.",
        "If you came to our stand, you met Anna.",
    ],
)
def test_the_answer_to_an_opening_condition_claims_nothing(sentence):
    assert claim_kinds(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # Thanks are given whatever the condition, and thanks said again are thanks.
        (
            "Hi Tom, if you have questions about the offer, thanks again for visiting our stand.",
            "visit",
        ),
        ("Si tienes dudas, gracias de nuevo por visitar nuestro stand.", "visit"),
        ("Gracias otra vez por tu pedido.", "purchase"),
    ],
)
def test_thanks_after_a_condition_or_said_again_are_still_claims(sentence, kind):
    assert claim_kinds(sentence) == [kind]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # A question about the way home takes the evening for granted.
        ("Did you make it home safely after the gala on Friday?", "attendance"),
        ("Êtes-vous bien rentrée après la dégustation de samedi ?", "attendance"),
        ("Bist du nach der Weihnachtsfeier gut heimgekommen?", "attendance"),
        ("¿Llegaste bien a casa después de la fiesta de aniversario?", "attendance"),
        # A record in a relative clause stays one under a condition.
        ("Si la chaqueta que te llevaste el sábado te queda grande, cámbiala gratis.", "purchase"),
        ("If the boots you ordered don't fit, send them back for free.", "purchase"),
        # Things received, held in the person's name, a recently viewed heading.
        ("Ist das Paket, das Sie gestern erhalten haben, vollständig?", "purchase"),
        ("Die Jacke ist bis Freitag auf Ihren Namen zurückgelegt.", "selection"),
        ("Zuletzt angesehen: Wanderschuhe Alpin Pro", "behaviour"),
        ("Recently viewed: the Alpine Pro hiking boots", "behaviour"),
        ("Los filtros que nos encargó en enero ya están en camino.", "purchase"),
        ("El coche que estuviste mirando ayer sigue disponible.", "behaviour"),
        # Years of trust, interest noticed, a commitment made, feedback acted on.
        ("Hace ya cinco años que confías en nuestra clínica.", "tenure"),
        ("Como donante desde 2019, recibirás el informe anual.", "tenure"),
        ("Langjährige Kunden wie Sie bekommen den Katalog zuerst.", "tenure"),
        ("Vimos su interés por el máster y le enviamos el programa.", "interest"),
        ("Da du mit dem roten Fahrrad liebäugelst, hier ein Gutschein.", "interest"),
        ("Nos comprometimos a llamarte antes del lunes.", "promise"),
        ("Ihren Vorschlag, früher zu öffnen, haben wir umgesetzt.", "said"),
        ("Gracias a las sugerencias que nos dejaste en la encuesta, abrimos los domingos.", "said"),
        # German nouns of an exchange, a stay, a course finished, a size.
        ("Im Anschluss an unseren Mailverkehr sende ich Ihnen das Angebot.", "conversation"),
        ("Danke für die Zeit bei unserem Teams-Termin gestern.", "call"),
        ("Wir hoffen, Ihr Aufenthalt in unserem Hotel war erholsam.", "visit"),
        ("Nach Ihrem Abschluss des Erste-Hilfe-Kurses erhalten Sie das Zertifikat.", "attendance"),
        ("In deiner Größe 42 sind die Sneaker wieder da.", "preference"),
        ("Vielen Dank für Ihre Terminanfrage.", "request"),
        # A booking confirmed or still standing, a new thing asked after.
        ("Votre séjour à l'hôtel du 3 au 5 mai est bien confirmé.", "purchase"),
        ("Tu reserva de mesa para el domingo sigue en pie.", "purchase"),
        ("¿Qué tal te va con tu nueva bici?", "purchase"),
        ("Wie passt dir deine neue Regenjacke?", "purchase"),
    ],
)
def test_stop_28_constructions(sentence, kind):
    assert kind in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # Counted visitors, a voseo imperative, a third person named with her city.
        "Más de 2.500 personas asistieron a nuestra feria el año pasado.",
        "Mirá el catálogo y elegí tu favorito.",
        "Lucía, de Rosario, nos contó que el curso le cambió la vida.",
        # Loved ones, wondering, a first-order offer, an audience.
        "Ein Geschenk für Ihre Liebsten gefällt immer.",
        "Haben Sie sich je gefragt, warum Ihr Keller feucht ist?",
        "Voici 10 % pour votre première commande.",
        "Für Liebhaber kräftiger Rotweine haben wir genau das Richtige.",
        "Pour les amateurs de vins nature, notre nouvelle cuvée arrive.",
        # A condition on the act itself is still a condition.
        "Si compraste antes del lunes, tu pedido sale hoy.",
        "Wenn Sie gut nach Hause kommen möchten, buchen Sie ein Taxi.",
    ],
)
def test_stop_28_innocents(sentence):
    assert claim_kinds(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # Asides a question does not take back: what was bought, what the person told us.
        ("¿Ya probaste la cafetera que te llevaste en mayo?", "purchase"),
        ("¿Al final cambiaste de coche como nos contaste?", "said"),
        ("Haben Sie nach Ihrem Besuch in unserem Showroom schon eine Farbe gewählt?", "visit"),
        ("Hast du mit deinem neuen Zelt schon die erste Nacht verbracht?", "purchase"),
        ("Passt der Mantel, den du dir im Herbst gegönnt hast?", "purchase"),
        # Amazement is no take-back; the day we met; an agreement kept; a visit asked after.
        ("I still can't believe it snowed the day we met at the fair!", "meeting"),
        ("As per our agreement, your rate stays the same until June.", "promise"),
        ("Following your appointment at our Leeds clinic, here is your care plan.", "visit"),
        ("We trust you found the tour of our brewery worthwhile.", "visit"),
        ("Comment s'est passé votre dîner chez nous samedi ?", "visit"),
        ("¿Qué tal la comida del domingo en nuestro restaurante?", "visit"),
        # Attention caught, details left, a callback promised, words recalled.
        ("Notre atelier de poterie a retenu votre attention ?", "interest"),
        ("Unser Angebot hat Ihr Interesse geweckt.", "interest"),
        ("Thanks for leaving your details at our stand.", "request"),
        ("Gracias por dejarnos tus datos en la web.", "request"),
        ("Te dije que te llamaría en cuanto llegara el repuesto.", "promise"),
        ("Vous vous souvenez de ce qu'on s'était dit sur les pneus neige ?", "conversation"),
        ("Ihre angeforderten Unterlagen finden Sie im Anhang.", "request"),
        # Partnership counted, a fan addressed, a package put together for the person.
        ("Objet : 15 ans de partenariat !", "tenure"),
        (
            "Als begeisterte Gärtnerin und Krimileserin werden Sie diese Neuheit lieben.",
            "preference",
        ),
        ("Für Sie haben wir drei Angebote zusammengestellt.", "selection"),
        ("Hemos diseñado esta propuesta expresamente para tu cocina.", "selection"),
        ("Vous nous aviez suggéré d'ouvrir le dimanche : c'est fait.", "said"),
    ],
)
def test_stop_28_round_two_constructions(sentence, kind):
    assert kind in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We're hosting a cheese evening on 3 May and you're warmly invited.",
        "Alors notre coffret découverte est fait pour vous.",
        "Legen Sie die gewünschten Artikel in den Warenkorb.",
        "Have you already visited our shop since the renovation?",
    ],
)
def test_stop_28_round_two_innocents(sentence):
    assert claim_kinds(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # Set up or noted for the person, a place of ours enjoyed, the nth stay.
        ("Für Sie haben wir einen Termin am 4. Mai vorgemerkt – passt Ihnen das?", "selection"),
        ("Wir haben ein Testkonto mit Ihren Daten für Sie eingerichtet.", "selection"),
        ("Wie hat Ihnen unser Hofladen in Kempten gefallen?", "visit"),
        ("Ihr 10. Aufenthalt in unserem Hotel steht bevor.", "tenure"),
        ("Gute Nachricht: Ihre Rahmengröße 54 ist wieder da.", "preference"),
        ("Gerne beantworten wir Ihre Frage zur Garantie.", "request"),
        ("Wie fanden Sie den Vortrag auf unserem Kundentag?", "attendance"),
        ("Dein Sofa aus unserem Laden ist jetzt zwei Jahre alt.", "purchase"),
        # A request in a subject line, an anniversary with us, a box that arrived.
        ("Subject: Your quote request – next steps", "request"),
        ("Happy two-year Fitbox anniversary, Sam!", "tenure"),
        ("Your spring box arrived on Monday – which tea did you try first?", "purchase"),
        ("Because you'd rather hear from us by text, we'll send an SMS.", "preference"),
        # What we owe the person, not forgotten; a plan bought, a box received, a video seen.
        ("No me olvido de que te debo el presupuesto del tejado.", "promise"),
        ("Como cliente del plan Pro que contrató en marzo, ya puede usar la API.", "purchase"),
        ("¿Ya abriste el vino de la caja que te llegó el lunes?", "purchase"),
        ("¿Te quedaron dudas después de ver el vídeo de montaje?", "behaviour"),
        ("Asunto: ¿Qué te ha parecido tu nueva mochila?", "purchase"),
        # Agreed in Québec French, a slot booked by our staff.
        ("Tel qu'entendu, nous prolongeons votre essai d'un mois.", "promise"),
        ("Le Dr Morel vous a réservé un créneau mardi.", "selection"),
    ],
)
def test_stop_28_round_four_constructions(sentence, kind):
    assert kind in claim_kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Los vinos de este mes los ha elegido nuestro enólogo.",
        "Cuando vengas a la tienda, pregunta por nuestras ofertas.",
    ],
)
def test_stop_28_round_four_innocents(sentence):
    assert claim_kinds(sentence) == []


def test_a_german_ordinal_does_not_end_a_sentence():
    assert sentences("Ihr 20. Aufenthalt steht an. Zum 5. Geburtstag gratulieren wir.") == [
        "Ihr 20. Aufenthalt steht an.",
        "Zum 5. Geburtstag gratulieren wir.",
    ]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Ihr Handy-Vertrag läuft im Juni aus.", "purchase"),
        ("Da Sie keine Anrufe am Abend wünschen, schreiben wir Ihnen.", "preference"),
        ("Da du dich für E-Bikes interessierst, hier unsere Neuheiten.", "interest"),
        ("Unser Schneider hat den Anzug ganz nach Ihren Maßen genäht.", "selection"),
        ("Ist das Sofa, das wir Ihnen geliefert haben, gut angekommen?", "purchase"),
        ("Danke für Ihren Hinweis zur falschen Rechnungsadresse.", "said"),
        ("Im Anschluss an unsere Videokonferenz sende ich die Zugangsdaten.", "call"),
        (
            "Auf Ihren Namen ist bis Ende Juni ein Kontingent von fünf Zimmern geblockt.",
            "selection",
        ),
        ("Ihre Teilnahmebestätigung für den Kurs liegt bei.", "attendance"),
        ("Als Stammgast erhalten Sie zehn Prozent Rabatt.", "tenure"),
        ("Muchas gracias por haber asistido a la charla del jueves.", "attendance"),
        ("Ayer te llamamos para confirmar la cita.", "call"),
        ("Gracias por traernos la moto el martes.", "visit"),
        ("Siguiendo su sugerencia, abrimos también los sábados.", "said"),
        ("Al haber contratado el seguro anual, tiene asistencia gratuita.", "purchase"),
        ("Dejaste a medio completar tu pedido.", "behaviour"),
        ("Le dejamos reservada la mesa del viernes.", "selection"),
        ("Sé que te picó la curiosidad el vermut artesano.", "interest"),
    ],
)
def test_stop_28_round_five_constructions(sentence, kind):
    assert kind in claim_kinds(sentence)


def test_a_tasting_enjoyed_is_taken_for_granted():
    # "Probe" is an occasion a question may take for granted, like "Verkostung".
    assert claim_kinds("Hat Ihnen die Käseprobe am Samstag gefallen?")


@pytest.mark.parametrize(
    "sentence",
    [
        "Nuestra bodega lleva tres generaciones elaborando vino en Rioja.",
        "Les prometimos a nuestros clientes más transparencia y aquí está.",
    ],
)
def test_stop_28_round_five_innocents(sentence):
    assert claim_kinds(sentence) == []
