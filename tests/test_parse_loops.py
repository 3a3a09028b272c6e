"""A dependency parse may loop: two words each the other's head (seen from natasha on a long Russian sentence of
a written test article, which hung the whole build). Every climb up the heads must end on such a parse. The
parses here are written by hand in the adapters' Token form; each call runs in a thread so that a hang fails
the test instead of stopping the run."""

from __future__ import annotations

import threading

import pytest

from dashboard.lang import Token, realis
from dashboard.relations import frames

TEXT = "Гости из Бурсы и Измира осмотрели заводы"


def _token(text: str, i: int, lemma: str, pos: str, dep: str, head: int, **feats: str) -> Token:
    start = TEXT.index(text)
    return Token(start, start + len(text), text, lemma, pos, dep, head, dict(feats))


# "Бурсы" and "Измира" are each the other's conjunct: a loop with no way up to the root
LOOPING = (
    _token("Гости", 0, "гость", "NOUN", "nsubj", 5),
    _token("из", 1, "из", "ADP", "case", 2),
    _token("Бурсы", 2, "бурса", "PROPN", "conj", 4),
    _token("и", 3, "и", "CCONJ", "cc", 4),
    _token("Измира", 4, "измир", "PROPN", "conj", 2),
    _token("осмотрели", 5, "осмотреть", "VERB", "root", -1, Tense="Past", VerbForm="Fin"),
)


def _ends(call) -> object:
    box: dict[str, object] = {}
    worker = threading.Thread(target=lambda: box.update(value=call()), daemon=True)
    worker.start()
    worker.join(timeout=30)  # microseconds of work: only a loop takes this long
    assert not worker.is_alive(), "the climb up the parse did not end"
    return box["value"]


@pytest.fixture
def looping_parse(monkeypatch):
    monkeypatch.setattr(frames, "parse", lambda lang, text: LOOPING)
    monkeypatch.setattr(realis, "parse", lambda lang, text: LOOPING)


def test_places_of_things_ends_on_a_looping_parse(looping_parse):
    bursa = TEXT.index("Бурсы")
    assert _ends(lambda: frames.places_of_things("ru", TEXT, [(bursa, bursa + 5)], lambda t: False)) == []


def test_countries_of_unnamed_places_ends_on_a_looping_parse(looping_parse):
    bursa = TEXT.index("Бурсы")
    assert isinstance(_ends(lambda: frames.countries_of_unnamed_places("ru", TEXT, [(bursa, bursa + 5)])), list)


def test_realis_of_a_gerund_ends_on_a_looping_parse(monkeypatch):
    # a gerund whose governor climb never reaches a verb
    gerund = (
        _token("Гости", 0, "гость", "NOUN", "conj", 2),
        _token("из", 1, "из", "ADP", "case", 2),
        _token("Бурсы", 2, "бурса", "PROPN", "conj", 0),
        _token("осмотрели", 3, "осмотреть", "VERB", "acl", 0, VerbForm="Ger"),
    )
    monkeypatch.setattr(realis, "parse", lambda lang, text: gerund)
    start = TEXT.index("осмотрели")
    assert _ends(lambda: realis.realis("ru", TEXT, start, start + len("осмотрели"))) in (None, realis.HAPPENED,
                                                                                      realis.PLANNED, realis.NEGATED)
