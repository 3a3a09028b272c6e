"""Event frames read from a sentence's dependency parse, where word order cannot say it.

A partnership is a signing: a signing verb whose object, passive subject or the noun it qualifies (as a
participle) is a document. The parse finds the pair in any order and at any distance: "Документ, подписанный
сторонами 14 октября в здании правительства", "the memorandum, drafted by both chambers last year, was signed
on Monday", "подписали вчера в Павлодаре дорожную карту". The words are data (``signing_frame`` in
``triggers.json``), as lemmas; which of them happened is the realis step's business, not this one's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from dashboard.lang import Token, en, ru

_OBJECT_RELATIONS = ("obj", "dobj", "nsubj:pass", "nsubjpass", "obl", "iobj", "conj", "appos")
_QUALIFYING_RELATIONS = ("acl", "amod", "acl:relcl", "relcl")


def parse(lang: str, text: str) -> Sequence[Token] | None:
    if lang == "en":
        return en.parse(text)
    if lang == "ru":
        return ru.parse(text)
    return None


def signings(lang: str, text: str, frame: Mapping[str, Sequence[str]]) -> list[tuple[int, int]]:
    """(start, end) of each signing in ``text``: from the verb to its document, whichever comes first."""
    verbs, documents = frozenset(frame.get("verbs", ())), frozenset(frame.get("documents", ()))
    if not verbs or not documents:
        return []
    tokens = parse(lang, text)
    if not tokens:
        return []
    out = []
    for i, tok in enumerate(tokens):
        if tok.lemma not in verbs or tok.pos not in ("VERB", "ADJ", "AUX"):
            continue
        docs = [t for t in tokens if t.head == i and t.dep in _OBJECT_RELATIONS and t.lemma in documents]
        if tok.dep in _QUALIFYING_RELATIONS and tok.head >= 0 and tokens[tok.head].lemma in documents:
            docs.append(tokens[tok.head])  # "Документ, подписанный сторонами": the participle qualifies it
        for doc in docs:
            out.append((min(tok.start, doc.start), max(tok.end, doc.end)))
    return out


_SUBJECT_RELATIONS = ("nsubj", "obl:agent", "agent", "nsubj:pass")
_SIDES_LEMMAS = frozenset({"сторона", "side", "party"})  # in any case: "сторонами", "by both sides"


def signed_by(lang: str, text: str, start: int, end: int, sides: re.Pattern) -> bool:
    """Is the signing in ``text[start:end]`` done by "the sides" / "стороны" (its subject or agent), so that
    its parties are the story's pair and not whatever place the sentence also names?"""
    tokens = parse(lang, text)
    if not tokens:
        return False
    verbs = [i for i, t in enumerate(tokens) if start <= t.start and t.end <= end and t.pos in ("VERB", "AUX")]
    for i in verbs:
        for t in tokens:
            if t.head == i and t.dep in _SUBJECT_RELATIONS:
                phrase_start = min([t.start] + [c.start for c in tokens if c.head == tokens.index(t)])
                if t.lemma in _SIDES_LEMMAS or sides.match(text, phrase_start) or sides.match(text, t.start):
                    return True
    return False
