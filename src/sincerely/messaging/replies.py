"""The new text of an inbound reply: what the person wrote, without quotes, headers or signatures.

Real clients quote in three shapes, and all three are handled line by line:

- top-posting (Gmail, Apple Mail, Outlook): the answer, then an attribution line
  ("On … wrote:", "Le … a écrit :", "Am … schrieb …:", "El … escribió:", …, wrapped over
  up to three lines; in any language the sender's address then a "wrote" verb, or a time
  and the address then a colon, as Gmail in Russian, Mail.ru or Zoho write it) or a header
  block ("-----Original Message-----", "From: … Sent: …", "*From:*"/"**From:**",
  "De : … Envoyé :", "Von: … Gesendet:", "Fra:", "发件人:", …, a "____" rule), then the
  original; a rule line ("====", "---") right above the original goes with it; the
  person's own last line right above an attribution stays theirs, even when it opens
  like one ("Am Freitag passt es." over "Am Di., … schrieb …");
- bottom-posting: the attribution, the `>` quote, then the answer below it;
- inline answers: the person's lines between `>` quoted lines.

`>` lines are dropped wherever they are, so answers below and between quotes are kept. An
attribution followed by a `>` block only introduces that block; one followed by unquoted
text (Outlook, HTML clients) starts the original, and everything from it on is cut.
A header block always starts the original. HTML-only replies are turned into text with
blockquotes as `>` lines and Outlook's reply header as a cut, then read the same way.
Signatures: from an RFC 3676 `-- ` line on, and a short trailing "Sent from my iPhone"
(in seven languages), never such words inside a sentence the person wrote. What the
person's company server adds is no text of theirs either: an "external sender" banner on
top, a legal notice ("Disclaimer", "This email … is confidential") below their words.
Gmail on Android wraps long quoted lines and the tail loses its `>`: such a tail (between
two quoted lines, in lower case, under a long line cut mid-sentence) is quoted too.
"""

from __future__ import annotations

import re
from email.message import EmailMessage
from html.parser import HTMLParser

_DATE_WORD = r".{0,250}?"
# Attribution lines, one regex per language; matched on up to three joined lines.
ATTRIBUTIONS = [
    re.compile(p, re.I | re.S)
    for p in (
        r"^on\b" + _DATE_WORD + r"\bwrote\s*:$",  # EN
        r"^le\b" + _DATE_WORD + r"\ba\s+[ée]crit\s*:$",  # FR
        r"^am\b" + _DATE_WORD + r"\bschrieb\b.{0,200}:$",  # DE
        r"^.{1,200}\bschrieb\s+am\b.{0,120}:$",  # DE (Gmail)
        r"^el\b" + _DATE_WORD + r"\bescribi[óo]\s*:$",  # ES
        r"^op\b" + _DATE_WORD + r"\bschreef\b.{0,200}:$",  # NL
        r"^il\b" + _DATE_WORD + r"\bha\s+scritto\s*:$",  # IT
        r"^em\b" + _DATE_WORD + r"\bescreveu\s*:$",  # PT
        r"^\d{4}-\d\d-\d\d .{0,200}<[^<>@\s]+@[^<>\s]+>:$",  # Gmail, old
        # EN without the colon (some webmails), only with the sender's address or a time in it
        r"^on\b(?=.{0,250}(?:@|\d:\d\d)).{0,250}?\bwrote$",
    )
]
# Any client, any language: the sender's address (or a date) then a "wrote" verb and a colon
# ("Ana <a@b.c> wrote:", "… <a@b.c> kirjoitti:", "In data … <a@b.c> ha scritto:",
# "… <a@b.c>于2020年3月9日 …写道："), or, with no verb, a line with a time and the sender's
# address and nothing after it but a colon ("30.09.2017, 18.30, Ana <a@b.c>:",
# "ср, 30 апр. 2025 г. в 15:19, Ana <a@b.c>:", Mail.ru's "… from a@b.c <a@b.c>:").
_WROTE = (
    r"wrote|a\s+[ée]crit|schrieb|escribi[óo]|schreef|ha\s+scritto|escreveu|kirjoitti|skrev|"
    r"napisa[łl](?:a|\(a\))?|naps[aá]l(?:a|\(a\))?|nap[íi]sal(?:a|\(a\))?|írta|"
    r"написал[аи]?|пишет|写道|寫道"
)
_WROTE_END = re.compile(r"(?:" + _WROTE + r")$", re.I)  # searched in the last few characters
_ADDRESS = r"[^\s<>()\[\]@]+@[^\s<>()\[\]]+\.[^\s<>()\[\]]+"
# Checked as separate linear searches, not one pattern: an attribution is short, and the
# person's long lines must cost no backtracking.
_ADDRESS_RE = re.compile(_ADDRESS)
_DATE = re.compile(r"\d{1,2}[:.]\d\d|\b\d{4}\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d\d\b")
_ADDRESS_END = re.compile(r"[<(\[]?" + _ADDRESS + r"[>)\]]?\s*[:：]$")
# A wrapped attribution's last line: the sender's address, then the verb.
_ADDRESS_TAIL = re.compile(r"^\s*[<(\[]?" + _ADDRESS)


def _without_rule_ends(line: str) -> str:
    """The line without the dashes Zoho wraps its attribution in ("---- On … wrote ----")."""
    if line.startswith("--") or line.endswith("--"):
        return line.strip("-").strip()
    return line


_ATTRIBUTION_START = re.compile(r"^(?:on|le|am|el|op|il|em|\d{4}-)\b|\bschrieb\b", re.I)
# Lines that start the original message outright.
SEPARATORS = [
    re.compile(p, re.I)
    for p in (
        r"^-{2,}\s*(?:original message|message d'origine|message original|"
        r"ursprüngliche nachricht|originalnachricht|mensaje original|mensagem original|"
        r"oorspronkelijk bericht|messaggio originale|forwarded message|message transféré|"
        r"weitergeleitete nachricht|mensaje reenviado|doorgestuurd bericht|oprindelig besked|"
        r"oprindelig meddelelse|opprinnelig melding|ursprungligt meddelande|alkuperäinen viesti|"
        r"oryginalna wiadomość|"
        r"исходное сообщение|videresendt meddelelse|vidarebefordrat meddelande)\s*-{2,}\s*$",
        r"^_{20,}\s*$",
        r"^(?:begin forwarded message|début du message réexpédié|anfang der weitergeleiteten "
        r"nachricht|inicio del mensaje reenviado)\s*:\s*$",
    )
]
# A header block: "From:" (any language, maybe *bold*) followed by another header line.
_HEADER_NAME = (
    r"from|sent|date|to|cc|subject|de|envoy[ée]|date|[àa]|objet|von|gesendet|datum|an|betreff|"
    r"enviado|fecha|para|asunto|van|verzonden|aan|onderwerp|da|inviato|oggetto|a|enviada|assunto|"
    r"copie\s+[àa]|sujet|message\s+du|data|ogg|"  # FR webmails, IT
    r"fra|dato|til|emne|sendt|från|skickat|till|ämne|"  # DA, NO, SV
    r"lähettäjä|lähetetty|päivämäärä|vastaanottaja|aihe|"  # FI
    r"od|wysłano|temat|от|отправлено|кому|тема|дата|"  # PL, RU
    r"发件人|發件人|寄件者|日期|发送时间|收件人|抄送|主题|主旨|差出人|送信日時|宛先|件名"  # ZH, JA
)
_HEADER_LINE = re.compile(
    r"^\s*\*{0,2}(?:" + _HEADER_NAME + r")\s*[:：]\*{0,2}\s*[:：]?\s*\S", re.I
)
_FROM_LINE = re.compile(
    r"^\s*\*{0,2}(?:from|de|von|van|da|fra|från|lähettäjä|od|от|发件人|發件人|寄件者|差出人)"
    r"\s*[:：]\*{0,2}\s*[:：]?\s*\S",
    re.I,
)
SIGNATURE_DASHES = re.compile(r"^-- ?$")
# A rule drawn above the quoted original ("====", "---", "* * *"), dropped when it ends the text.
_RULE_LINE = re.compile(r"^\s*(?:[-=_*~—–]\s*){2,}$")
# Short mobile/webmail signatures: only a whole line, only at the end of the new text.
MOBILE_SIGNATURE = re.compile(
    r"^\s*(?:sent from my|sent from|sent with|sent via|get outlook for|download outlook for|"
    r"hanki outlook for|scarica outlook per|descargar outlook para|outlook für \w+ herunterladen|"
    r"lähetetty|skickat från|sendt fra|envoy[ée] de mon|"
    r"envoy[ée] depuis|envoy[ée] à partir de|t[ée]l[ée]charger outlook pour|obtenir outlook pour|"
    r"von meinem|gesendet von|enviado desde mi|enviado desde|enviado do meu|enviado de meu|"
    r"inviato da|verzonden met|verstuurd vanaf)\b[\w \-()'’]{0,40}(?:\s*<[^<>\s]+>)?\s*\.?\s*$",
    re.I,
)
# What the person's company server adds, not the person: an "external sender" banner put on
# top of the message, and a legal notice under it (a "Disclaimer" heading, or a paragraph
# that opens by calling the message confidential). Cut only below some text of their own.
_GATEWAY_BANNER = re.compile(
    r"^\W*(?:\[?external\]?|caution|warning|attention|achtung|vorsicht|atenci[óo]n)\b.{0,300}?"
    r"(?:originated\s+(?:from\s+)?outside|from\s+outside\s+(?:of\s+)?(?:the|this|your|our)\s+"
    r"(?:organi[sz]ation|company)|external\s+(?:sender|e-?mail|source)|von\s+(?:au(?:ß|ss)erhalb|extern)|"
    r"externe[nr]?\s+absender|provient\s+de\s+l'ext[ée]rieur|exp[ée]diteur\s+externe|"
    r"remitente\s+externo|fuera\s+de\s+la\s+organizaci[óo]n)",
    re.I,
)
# …and a banner always tells the reader to be careful with links, attachments or the sender.
_BANNER_ADVICE = re.compile(
    r"\b(?:click|links?|attachments?|recogni[sz]e|trust|safe|verify|vigilant|careful|"
    r"phishing|liens?|pi[èe]ces?\s+jointes?|anh[äa]nge?|enlaces?|adjuntos?)\b",
    re.I,
)
_LEGAL_NOTICE = re.compile(
    r"^\W*(?:(?:legal\s+)?disclaimer|confidentiality\s+(?:notice|note|statement)|"
    r"avertissement|avis\s+de\s+confidentialit[ée]|haftungsausschluss|vertraulichkeitshinweis|"
    r"aviso\s+legal|aviso\s+de\s+confidencialidad)\W*$"
    r"|^\W*(?:the\s+information\s+(?:contained\s+)?in\s+this\s+(?:e-?mail|communication|message|"
    r"transmission)|this\s+(?:e-?mail|message|communication|transmission)(?:\s+and\s+any\s+"
    r"(?:files|attachments)[^.]{0,60}?)?\s+(?:is|are|may\s+be|may\s+contain|contains)\s+"
    r"(?:strictly\s+)?(?:confidential|privileged|intended\s+(?:solely|only)))",
    re.I,
)
# A paragraph that opens like a notice is one only when it talks like one: a person's own
# "This email is confidential: we are planning a surprise" goes on with their words.
_NOTICE_WORDS = re.compile(
    r"\b(?:intended|addressee|in\s+error|notify|privileged|legally|unauthori[sz]ed|prohibited|"
    r"destinataire|par\s+erreur|empf[äa]nger|irrt[üu]mlich|destinatario|por\s+error)",
    re.I,
)


def _is_legal_notice(lines: list[str], i: int) -> bool:
    """A legal notice starts at line i: a "Disclaimer" heading, or a paragraph that calls
    the message confidential and says who it is meant for or what to do if it went astray."""
    match = _LEGAL_NOTICE.match(lines[i])
    if not match:
        return False
    if not any(c.isalpha() for c in lines[i][match.end() :]) and len(lines[i].split()) <= 3:
        return True  # the heading alone
    paragraph = []
    for line in lines[i : i + 6]:
        if not line.strip():
            break
        paragraph.append(line)
    return bool(_NOTICE_WORDS.search(" ".join(paragraph)))


_CID_IMAGE = re.compile(r"^\s*\[cid:[^\]]*\]\s*$", re.I)


def _is_quoted(line: str) -> bool:
    return line.lstrip().startswith(">")


def _is_gateway_banner(line: str) -> bool:
    """An "external sender" banner: it says where the mail came from, in the words servers
    use ("originated outside"), or with advice about links, attachments or the sender."""
    return bool(
        _GATEWAY_BANNER.match(line)
        and ("originated" in line.lower() or _BANNER_ADVICE.search(line))
    )


def _opens(line: str) -> bool:
    """Whether the line opens like a per-language attribution ("On …", "Le …", "Am …")."""
    return bool(_ATTRIBUTION_START.search(_without_rule_ends(line.strip())))


def _is_generic_attribution(joined: str) -> bool:
    """Whether joined lines are one of the generic attributions: short, ending in a colon,
    after a "wrote" verb with the sender's address or a date before it, or after the
    sender's address with a time before it."""
    if len(joined) > 450 or not joined.endswith((":", "：")):
        return False
    body = joined[:-1].rstrip()
    verb = _WROTE_END.search(body, max(0, len(body) - 16))
    if verb:
        before = body[: verb.start()]
        return bool(_DATE.search(before) or ("@" in before and _ADDRESS_RE.search(before)))
    at = joined.rfind("@")
    if at < 0 or at < len(joined) - 150:
        return False
    start = max(joined.rfind(c, 0, at) for c in " \t<([") + 1  # where the address begins
    if start and joined[start - 1] in "<([":
        start -= 1
    return bool(_ADDRESS_END.match(joined, start) and _TIME.search(joined, 0, start))


def _attribution_length(lines: list[str], i: int, *, specific_only: bool = False) -> int:
    """How many lines (1–3) the attribution starting at line i spans; 0 if none starts there.

    The per-language forms need their opening word on line i; the generic forms (an address
    and a "wrote" verb, or a time and an address, then a colon) may start anywhere. A span of
    several lines is not taken when a later line of it starts an attribution of the same kind
    or, for a generic one, of any kind (except the wrapped "<address> wrote:" tail) that ends
    on the same line: the person's last line right above the attribution ("Am Dienstag passt
    es.", "Thanks") stays theirs.
    """
    first = _without_rule_ends(lines[i].strip())
    if not first:
        return 0
    specific = bool(_ATTRIBUTION_START.search(first))
    if not specific and (
        specific_only or not any(line.rstrip().endswith((":", "：")) for line in lines[i : i + 3])
    ):
        return 0
    joined = first
    for span in range(1, 4):
        if specific and any(p.match(joined) for p in ATTRIBUTIONS):
            if any(
                _attribution_length(lines, i + k, specific_only=True) == span - k
                for k in range(1, span)
            ):
                return 0
            return span
        if not specific_only and _is_generic_attribution(joined):
            if any(
                _attribution_length(lines, i + k) == span - k
                and not _ADDRESS_TAIL.match(lines[i + k])
                for k in range(1, span)
            ):
                return 0
            return span
        if i + span >= len(lines) or not lines[i + span].strip() or _is_quoted(lines[i + span]):
            return 0
        joined = f"{joined} {_without_rule_ends(lines[i + span].strip())}"
    return 0


def _is_wrapped_quote(lines: list[str], i: int) -> bool:
    """A quoted line's wrapped tail that lost its `>` (Gmail on Android wraps the quote at
    ~76 columns after quoting): between two quoted lines, right under a long quoted line
    that stops mid-sentence, and going on in lower case."""
    if i == 0 or i + 1 >= len(lines):
        return False
    above, line = lines[i - 1].rstrip(), lines[i].strip()
    return (
        _is_quoted(above)
        and _is_quoted(lines[i + 1])
        and len(above) >= 60
        and not above.endswith((".", "!", "?", ":", ";"))
        and line[:1].islower()
    )


def _is_header_block(lines: list[str], i: int) -> bool:
    """A quoted message's header block: `From: …` and another header line within 4 lines,
    or (GMX, web.de: "Gesendet: …" first) three header lines of which one is `From:`/`Von:`."""
    if not _HEADER_LINE.match(lines[i]):
        return False
    following = [line for line in lines[i + 1 : i + 6] if line.strip()][:4]
    headers = [line for line in following if _HEADER_LINE.match(line)]
    if _FROM_LINE.match(lines[i]):
        return bool(headers)
    return len(headers) >= 2 and any(_FROM_LINE.match(line) for line in headers)


def _next_text_line(lines: list[str], start: int) -> str | None:
    for line in lines[start:]:
        if line.strip():
            return line
    return None


def extract_new_text(body: str) -> str:
    """The text the person wrote in a plain-text reply (see the module's docstring).

    Applied until nothing changes: removing a quote can turn what was left into an
    attribution of its own, and the new text of the new text is the new text.
    """
    text = _extract_once(body)
    for _ in range(3):
        again = _extract_once(text)
        if again == text:
            break
        text = again
    return text


def _extract_once(body: str) -> str:
    lines = (body or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    cut = False  # whether the original was cut off (a rule above it is then no text either)
    has_text = False  # whether a line of the person's text was kept yet
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_quoted(line) or _is_wrapped_quote(lines, i):
            i += 1
            continue
        if SIGNATURE_DASHES.match(line):
            break
        if any(p.match(line) for p in SEPARATORS) or _is_header_block(lines, i):
            cut = True
            break
        if not has_text and _is_gateway_banner(line):
            i += 1
            continue
        if has_text and _is_legal_notice(lines, i):
            cut = True
            break
        span = _attribution_length(lines, i)
        following = _next_text_line(lines, i + span) if span else None
        if span and not has_text and not _is_quoted(following or "") and not _opens(line):
            # A generic form on top with no quote under it is a line of the person's.
            span = 0
        if span:
            if following is None or not _is_quoted(following):
                cut = True
                break
            i += span
            continue
        if not _CID_IMAGE.match(line):
            kept.append(line.rstrip())
            has_text = has_text or bool(line.strip())
        i += 1
    while kept and (
        not kept[-1].strip()
        or MOBILE_SIGNATURE.match(kept[-1])
        or (cut and _RULE_LINE.match(kept[-1]))
    ):
        kept.pop()
    text = "\n".join(kept).strip("\n")
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


# HTML-only replies --------------------------------------------------------------------

_QUOTE_CLASSES = {
    "gmail_quote",
    "gmail_quote_container",
    "yahoo_quoted",
    "protonmail_quote",
    "moz-cite-prefix",
    "zmail_extra",
}
_CUT_IDS = {
    "divrplyfwdmsg",
    "x_divrplyfwdmsg",
    "outlookmessageheader",
    "appendonsend",
    "mail-editor-reference-message-container",
    "stopspelling",
}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "table",
    "ul",
    "ol",
    "hr",
    "pre",
}
_SKIP = {"style", "script", "head", "title"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "source"}


class _HtmlReply(HTMLParser):
    """HTML to text: quote containers become `>` lines, Outlook's reply header ends the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self.current: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, opens a quote)
        self.depth = 0
        self.skip = 0
        self.cut = False
        self.paragraphs: list[bool] = []  # per open <p>: whether it ends with a blank line

    def _flush(self, *, blank: bool = False) -> None:
        """End the current line; `blank` keeps an empty one (a `<br>`, a `<p>&nbsp;</p>`)."""
        raw = "".join(self.current)
        text = re.sub(r"[ \t\r\n\f\u00a0]+", " ", raw).strip()
        self.current = []
        if text or blank or "\u00a0" in raw:
            self.lines.append((self.depth, text))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.cut:
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        ident = values.get("id", "").lower()
        classes = set(values.get("class", "").lower().split())
        style = values.get("style", "").lower().replace(" ", "")
        if (
            ident in _CUT_IDS
            or "outlookmessageheader" in classes
            or ("border-top:solid#e1e1e1" in style or "border-top:solid#b5c4df" in style)
        ):
            self._flush()
            self.cut = True
            return
        if tag in _SKIP:
            self.skip += 1
        if tag == "br":
            self._flush(blank=True)
        elif tag in _BLOCK:
            self._flush()
        if tag in _VOID:
            return
        if tag == "p":
            # A paragraph has a margin (a blank line), except Outlook's one-line MsoNormal.
            self.paragraphs.append("msonormal" not in classes)
        quote = tag == "blockquote" or bool(classes & _QUOTE_CLASSES)
        if quote:
            self.depth += 1
        self.stack.append((tag, quote))

    def handle_endtag(self, tag: str) -> None:
        if self.cut or tag in _VOID:
            return
        if tag in _BLOCK:
            self._flush()
        if tag == "p" and self.paragraphs and self.paragraphs.pop():
            self._flush(blank=True)
        # Close up to the matching open tag (HTML mail is often not well formed).
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                for closed, quote in self.stack[index:]:
                    self.depth -= 1 if quote else 0
                    self.skip -= 1 if closed in _SKIP else 0
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if not self.cut and not self.skip:
            self.current.append(data)

    def text(self) -> str:
        self._flush()
        out = []
        for depth, line in self.lines:
            out.append(("> " * depth + line) if depth else line)
        return "\n".join(out)


def html_to_quoted_text(html: str) -> str:
    """HTML as text with quote containers as `>` lines (see `_HtmlReply`)."""
    parser = _HtmlReply()
    try:
        parser.feed(html or "")
        parser.close()
    except (AssertionError, ValueError):  # a hostile document: keep what was read so far
        pass
    return parser.text()


def extract_new_html(html: str) -> str:
    """The new text of an HTML-only reply."""
    return extract_new_text(html_to_quoted_text(html))


def new_text_of(parsed: EmailMessage) -> str:
    """The new text of a parsed reply: from its text/plain part, else from its HTML."""
    part = parsed.get_body(("plain", "html"))
    if part is None:
        return ""
    try:
        content = str(part.get_content())
    except (LookupError, ValueError, AssertionError):
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", "replace")
    if part.get_content_type() == "text/html":
        return extract_new_html(content)
    return extract_new_text(content)
