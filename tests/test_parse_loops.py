"""A dependency parse may loop: two words each the other's head (seen from natasha on a long Russian sentence of
a written test article, which hung the whole build). Every climb up the heads must end on such a parse. The
parses here are written by hand in the adapters' Token form; each call runs in a thread so that a hang fails
the test instead of stopping the run."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from dashboard.lang import LOOP_CUT, Token, realis, ru, without_loops
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


def _climbs_to_a_root(tokens: tuple[Token, ...]) -> bool:
    for first in range(len(tokens)):
        seen, node = set(), first
        while node >= 0:
            if node in seen:
                return False
            seen.add(node)
            node = tokens[node].head
    return True


def test_a_loop_is_cut_at_its_source_so_every_climb_ends():
    assert not _climbs_to_a_root(LOOPING)
    tree = without_loops(LOOPING)
    assert _climbs_to_a_root(tree)
    # the loop is cut at its first word (no verb in it); the rest of the parse is untouched
    assert [(t.head, t.dep) for t in tree][2] == (-1, LOOP_CUT)
    assert [t.head for t in tree] == [5, 2, -1, 4, 2, -1]


def test_a_loop_is_cut_at_its_verb():
    # the same words, now "Гости" and the verb each other's head ("Бурсы" hangs on "Гости")
    guests, of, bursa, and_, izmir, verb = LOOPING
    looping_verb = (guests, of, replace(bursa, dep="nmod", head=0), and_, izmir, replace(verb, head=0))
    tree = without_loops(looping_verb)
    assert _climbs_to_a_root(tree)
    assert [t.head for t in tree] == [5, 2, 0, 4, 2, -1]


def test_a_tree_is_returned_as_it_is():
    tree = without_loops(LOOPING)
    assert without_loops(tree) is tree


def test_russian_parses_are_trees():
    tokens = ru.parse("Делегация Шымкента во главе с акимом посетила Бурсу и Измир, где стороны подписали "
                      "меморандум о сотрудничестве, а затем провела переговоры в Анкаре.")
    if tokens is None:
        pytest.skip("natasha is not installed")
    assert _climbs_to_a_root(tokens)
