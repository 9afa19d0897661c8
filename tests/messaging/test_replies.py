"""Reply extraction on the client corpus, on the shapes the issue names, and as properties."""

from __future__ import annotations

import json
import re
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sincerely.messaging.inbound import extract_new_text as from_inbound
from sincerely.messaging.replies import extract_new_html, extract_new_text, new_text_of

CORPUS = Path(__file__).parent / "data" / "replies"
CASES = sorted(CORPUS.glob("*/*.eml"))
HELD_OUT = set(json.loads((CORPUS / "split.json").read_text())["held_out"])


def _even(text: str) -> str:
    text = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text)


def test_the_corpus_has_client_families_held_out():
    families = {path.parent.name for path in CASES}
    assert len(CASES) >= 100 and len(families) >= 30
    assert families > HELD_OUT and len(HELD_OUT) >= 10


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_corpus_reply_gives_the_persons_text(path):
    parsed = message_from_bytes(path.read_bytes(), policy=policy.default)
    expected = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert _even(new_text_of(parsed)) == _even(expected)


def test_inbound_still_exports_the_extractor():
    assert from_inbound is extract_new_text


QUOTE = "> Hello Rita,\n> Would you like the prices?\n> Which sizes?\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # bottom-posting: the answer below the quote
        (
            f"On Tue, 4 Nov 2025 at 09:12, Mara <m@x.test> wrote:\n{QUOTE}\nYes please.",
            "Yes please.",
        ),
        # inline answers between quoted lines
        (
            "Le 04/11/2025 à 09:12, Mara a écrit :\n> Prices?\nOui.\n> Sizes?\nM et L.\n",
            "Oui.\nM et L.",
        ),
        # an attribution wrapped over three lines
        (
            "Ja.\n\nAm Dienstag, 4. November 2025 um 09:12\nschrieb Mara Lopez\n<m@x.test>:\n"
            + QUOTE,
            "Ja.",
        ),
        ("Sí.\n\nEl mar, 4 nov 2025 a las 9:12, Mara (<m@x.test>)\nescribió:\n" + QUOTE, "Sí."),
        # Outlook blocks, plain and bold, in French with the spaced colon
        ("Yes.\n\n*From:* Mara <m@x.test>\n*Sent:* Tuesday\n*To:* Rita\n\nHello", "Yes."),
        (
            "Oui.\n\nDe : Mara <m@x.test>\nEnvoyé : mardi\nÀ : Rita\nObjet : Gamme\n\nBonjour",
            "Oui.",
        ),
        ("Ja.\n\nVon: Mara\nGesendet: Dienstag\nAn: Rita\nBetreff: x\n\nHallo", "Ja."),
        ("Yes.\n________________________________\nFrom: Mara\nSent: Tuesday\n\nHello", "Yes."),
        ("Yes.\n\n-----Original Message-----\nFrom: Mara\nHello", "Yes."),
        # signatures: trailing mobile lines go, the same words inside a sentence stay
        ("Yes.\n\nSent from my iPhone", "Yes."),
        ("Ja.\n\nVon meinem iPhone gesendet\n\n" + QUOTE, "Ja."),
        ("Sí.\n\nEnviado desde mi iPhone", "Sí."),
        (
            "Sent from my iPhone the form fails: send the PDF?",
            "Sent from my iPhone the form fails: send the PDF?",
        ),
        ("I sent from my iPhone.\nThanks", "I sent from my iPhone.\nThanks"),
        ("Yes.\n-- \nRita Ruiz\nBuyer", "Yes."),
        # a line that merely starts like a header stays
        ("From: our side, all good.\nThanks", "From: our side, all good.\nThanks"),
    ],
)
def test_shapes_from_real_clients(body, expected):
    assert extract_new_text(body) == expected


# Shapes that replies collected by other people showed us (the public test fixtures of the
# crisp-oss and zapier email-reply-parser projects, read as reference, scored outside this
# repository): each is a client's general pattern, written here in our own words.
ORIGINAL = "Hello Rita,\nOur new range is out.\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # no verb: time, name and address, then a colon (Gmail in Russian, Mail.ru, others)
        (
            f'Yes, Thursday.\n\n04.11.2025, 09.12, "Mara Lopez" <m@x.test>:\n\n{ORIGINAL}',
            "Yes, Thursday.",
        ),
        (f"Да.\n\nвт, 4 нояб. 2025 г. в 09:12, Mara <m@x.test>:\n\n{ORIGINAL}", "Да."),
        (
            "Yes.\n\nTuesday, 4 November 2025, 9:12 +01:00 from m@x.test <m@x.test>:\n\n"
            + ORIGINAL,
            "Yes.",
        ),
        # the address, then a "wrote" verb in any language, wrapped or not
        (
            "Kyllä.\n\nti 4. marrask. 2025 klo 9.12 Mara Lopez\n<m@x.test> kirjoitti:\n\n"
            + ORIGINAL,
            "Kyllä.",
        ),
        (
            f"Sì.\n\nIn data 4 novembre 2025 09:12:00 Mara <m@x.test> ha scritto:\n\n{ORIGINAL}",
            "Sì.",
        ),
        (f"Fine by me.\n\nMara <m@x.test> wrote:\n\n{ORIGINAL}", "Fine by me."),
        ("好的。\n\nMara <m@x.test> 于2025年11月4日周二 09:12写道：\n\n> 你好", "好的。"),
        # English without the colon, and Zoho's dashes around it
        (
            f"Good.\n\nOn Tue, 4 Nov 2025 09:12:00 +0100 Mara <m@x.test> wrote\n\n{ORIGINAL}",
            "Good.",
        ),
        (
            f"Good.\n\n---- On Tue, 04 Nov 2025 09:12:00 +0100 m@x.test wrote ----\n\n{ORIGINAL}",
            "Good.",
        ),
        # the person's own last lines right above a generic attribution stay theirs
        (
            f"Yes please,\nsend them Monday\nMara <m@x.test> wrote:\n\n{ORIGINAL}",
            "Yes please,\nsend them Monday",
        ),
        # a line of theirs that opens like an attribution, right above a wrapped one
        (
            "Am Freitag passt es mir.\nAm Di., 4. Nov. 2025 um 09:12 Uhr schrieb Mara <\n"
            f"m@x.test>:\n\n{ORIGINAL}",
            "Am Freitag passt es mir.",
        ),
        (
            "On Friday then.\nOn Tue, 4 Nov 2025 at 09:12, Mara Lopez\n<m@x.test> wrote:\n\n"
            + ORIGINAL,
            "On Friday then.",
        ),
        # Czech and Slovak Gmail: "… <address>\nnapsal(a):"
        (
            f"Ano, díky.\n\nDne út 4. 11. 2025 9:12 Mara <m@x.test>\nnapsal(a):\n\n{ORIGINAL}",
            "Ano, díky.",
        ),
        # header blocks in more languages, and helpdesk Markdown's **bold** names
        (
            "Ja tak.\n\n-------- Oprindelig besked --------\nFra: Mara <m@x.test>\n"
            f"Dato: 04.11.2025\nTil: r@y.test\nEmne: Priser\n\n{ORIGINAL}",
            "Ja tak.",
        ),
        (
            "Ja tak.\n\n-----Oprindelig meddelelse-----\nFra: Mara\nSendt: 4. november 2025\n"
            f"Til: Rita\nEmne: Priser\n\n{ORIGINAL}",
            "Ja tak.",
        ),
        (
            "Ja tack.\n\nFrån: Mara <m@x.test>\nSkickat: den 4 november 2025 09:12\nTill: Rita\n"
            f"Ämne: Priser\n\n{ORIGINAL}",
            "Ja tack.",
        ),
        (
            "好的。\n\n发件人: Mara <m@x.test>\n日期: 2025年11月4日 09:12\n收件人: r@y.test\n"
            f"主题: 价格\n\n{ORIGINAL}",
            "好的。",
        ),
        (
            f"Yes.\n\n**From:** Mara <m@x.test>\n**Sent:** Tuesday\n**To:** Rita\n\n{ORIGINAL}",
            "Yes.",
        ),
        # a rule drawn above the original goes with it; the person's own rule without a cut stays
        (f"Yes.\n\n---\n\n**From:** Mara <m@x.test>\n**Sent:** Tuesday\n\n{ORIGINAL}", "Yes."),
        (
            "Oui.\n\n====\n\nMessage du : 04/11/2025 09:12\nDe : Mara <m@x.test>\nA : r@y.test\n"
            f"Sujet : Prix\n\n{ORIGINAL}",
            "Oui.",
        ),
        ("Sizes:\n\nM and L\n\n----", "Sizes:\n\nM and L\n\n----"),
        # "Download Outlook for …" is the same signature as "Get Outlook for …"
        (
            f"Yes.\n\nDownload Outlook for Android<https://aka.ms/x1>\n\n{'_' * 32}\n"
            f"From: Mara <m@x.test>\nSent: Tuesday\n\n{ORIGINAL}",
            "Yes.",
        ),
        # a company server's "external sender" banner on top, its legal notice below
        (
            "[EXTERNAL] This email came from an external sender. Check links first.\n\n"
            "Hi Mara,\nYes please.\n\nRita",
            "Hi Mara,\nYes please.\n\nRita",
        ),
        (
            "CAUTION: This email originated from outside of the organisation.\n\nYes please.",
            "Yes please.",
        ),
        (
            "Yes please.\n\nRita Ruiz\n\nDisclaimer\nThis email and any attachments are "
            "confidential and meant for the addressee only.",
            "Yes please.\n\nRita Ruiz",
        ),
        (
            "Yes.\n\nThe information contained in this email is confidential and may be "
            "privileged.",
            "Yes.",
        ),
        # …but the same words are the person's when nothing of theirs comes before or they
        # are not on top
        (
            "This email is confidential: we pay the invoice on Friday.",
            "This email is confidential: we pay the invoice on Friday.",
        ),
        (
            "Hi Mara,\n\nThis email is confidential: we are planning a surprise for Tom.\n"
            "Can you keep the blue one aside?",
            "Hi Mara,\n\nThis email is confidential: we are planning a surprise for Tom.\n"
            "Can you keep the blue one aside?",
        ),
        (
            "Hi Mara,\n\nCaution: the parcel from outside the company gate got wet.",
            "Hi Mara,\n\nCaution: the parcel from outside the company gate got wet.",
        ),
        (
            "Caution: the parcel came from outside the company and got wet.\nThanks",
            "Caution: the parcel came from outside the company and got wet.\nThanks",
        ),
        (
            "Attention: the external email you sent had a broken size chart.\nResend it?",
            "Attention: the external email you sent had a broken size chart.\nResend it?",
        ),
        # a generic attribution shape on top with no quote under it is the person's line
        (
            "We met at 10:30 with Ana <ana@b.test>:\nshe liked the blue one",
            "We met at 10:30 with Ana <ana@b.test>:\nshe liked the blue one",
        ),
        ("Mara <m@x.test> wrote:\n> Prices?\nYes, please.", "Yes, please."),
        # Gmail on Android wraps a long quoted line and the tail loses its "> "
        (
            "Yes.\n\nOn Tue, 4 Nov 2025 at 09:12, Mara <m@x.test> wrote:\n"
            "> Our new range is out, and we kept a few of the summer colours you liked\n"
            "last year as well.\n> Would you like the prices?\n",
            "Yes.",
        ),
        # …while an answer under a short quoted question is an inline answer
        (
            "On Tue, 4 Nov 2025 at 09:12, Mara <m@x.test> wrote:\n"
            "> Prices?\nyes please\n> Sizes?\nM",
            "yes please\nM",
        ),
    ],
)
def test_shapes_other_people_collected(body, expected):
    assert extract_new_text(body) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<div>Yes.</div><div class="gmail_quote"><div class="gmail_attr">On Tue, Mara '
            'wrote:</div><blockquote class="gmail_quote">Prices?</blockquote></div>',
            "Yes.",
        ),
        (
            '<p>Yes.</p><div id="divRplyFwdMsg"><b>From:</b> Mara</div><div>Hello Rita</div>',
            "Yes.",
        ),
        ('<p>Yes.</p><div id="OutlookMessageHeader">From: Mara</div><p>Hello</p>', "Yes."),
        (
            '<p>Ja.</p><div class="moz-cite-prefix">Am 04.11.25 um 09:12 schrieb Mara:</div>'
            '<blockquote type="cite">Hallo</blockquote>',
            "Ja.",
        ),
        ('<div>Yes.</div><div class="yahoo_quoted">On Tuesday, Mara wrote: Hello</div>', "Yes."),
        ("<style>p{color:red}</style><p>Only &amp; this</p>", "Only & this"),
    ],
)
def test_html_only_replies(html, expected):
    assert extract_new_html(html) == expected


# Properties -----------------------------------------------------------------------------

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
NEW_LINE = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
FRAGMENTS = st.sampled_from(
    [
        "On Tue, 4 Nov 2025 at 09:12, Mara <m@x.test> wrote:",
        "On Tue, 4 Nov 2025 at 09:12, Mara <m@x.test>",
        "wrote:",
        "Le 4 nov. 2025 à 09:12, Mara a écrit :",
        "Am 04.11.25 um 09:12 schrieb Mara:",
        "From: Mara <m@x.test>",
        "Sent: Tuesday",
        "-----Original Message-----",
        "_" * 32,
        "-- ",
        "Sent from my iPhone",
        "Envoyé de mon iPhone",
        "",
        "> a quoted line",
        ">",
    ]
)


@given(st.text(max_size=400))
@settings(max_examples=300)
def test_property_never_raises(body):
    assert isinstance(extract_new_text(body), str)
    assert isinstance(extract_new_html(body), str)
    assert isinstance(extract_new_html(f"<div>{body}</div><blockquote>{body}"), str)


@given(
    st.lists(
        st.one_of(
            NEW_LINE.map(lambda s: ("new", s)), st.integers(0, 10**6).map(lambda n: ("q", n))
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(["", "On Tue, 4 Nov 2025 at 09:12, Mara <m@x.test> wrote:\n"]),
)
def test_property_text_only_in_quoted_lines_never_comes_back(parts, attribution):
    lines, markers = [], []
    for kind, value in parts:
        if kind == "new":
            lines.append(value)
        else:
            marker = f"qz{value}qz"
            markers.append(marker)
            lines.append(f"> {marker} said this")
    body = attribution + "\n".join(lines)
    extracted = extract_new_text(body)
    assert not any(marker in extracted for marker in markers)
    html = "".join(
        f"<blockquote>{line[2:]}</blockquote>" if line.startswith("> ") else f"<div>{line}</div>"
        for line in lines
    )
    assert not any(marker in extract_new_html(html) for marker in markers)


@given(st.lists(st.one_of(NEW_LINE, FRAGMENTS), max_size=14))
@settings(max_examples=300)
def test_property_idempotent_on_its_own_output(lines):
    once = extract_new_text("\n".join(lines))
    assert extract_new_text(once) == once
