"""One drawer per language: word lists, word forms and the NLP model adapters of that language.

The engines (toponyms, relations) stay language-neutral and ask the drawer. Each model adapter loads
its model on first use and frees it on ``release()``; the pipeline owns those lifetimes.

``sentences`` is shared by every language: razdel's splitter (natasha's) handles Russian, Kazakh and
English abbreviations and initials alike.
"""

from __future__ import annotations

import gc
import logging
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

Model = TypeVar("Model")


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity a model found: offsets into the text it was given, the model's label, the words."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a parsed sentence: offsets into the text parsed, dictionary form, universal part of speech,
    dependency relation to ``head`` (an index into the sentence's tokens; -1 for the root) and morphological
    features ("Tense": "Past", "VerbForm": "Inf", ...)."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    feats: dict[str, str]


# relative pronouns that stand for a noun before them ("the memorandum that the city signed", "которую подписали")
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "который"})
# the relations of what a verb acts on: its object, or its passive subject ("которую подписали", "which was signed")
ACTED_ON = ("obj", "dobj", "nsubj:pass", "nsubjpass")


def relative_objects(tokens: Sequence[Token], verb: int) -> list[int]:
    """The relative pronouns the verb at ``verb`` acts on ("которую ... подписали", "that the city signed", "which
    was signed"): its relative clause is about the noun they stand for."""
    direct = [i for i, t in enumerate(tokens)
              if t.head == verb and t.dep in ACTED_ON and t.lemma.lower() in RELATIVE_PRONOUNS]
    # a relative pronoun opening the verb's clause that the parse hung on a noun, which takes no object ("карты,
    # которую Туркестанская область и Минская область подписали": natasha makes "которую" the object of
    # "область"): the verb's, no other verb between them
    misplaced = [i for i, t in enumerate(tokens)
                 if i < verb and t.head != verb and t.dep in ACTED_ON and t.lemma.lower() in RELATIVE_PRONOUNS
                 and i > 0 and tokens[i - 1].text == "," and t.head >= 0 and tokens[t.head].pos in ("NOUN", "PROPN")
                 and not any(tokens[k].pos in ("VERB", "AUX") for k in range(i + 1, verb))]
    return direct + misplaced

LOOP_CUT = "loop"  # the relation ``without_loops`` gives the word where it cut a loop: no role is known


def without_loops(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """``tokens`` with every chain of heads ending at a root. natasha predicts each word's head on its own, so
    two words may be each other's head (seen on a long Russian sentence, where a walk up the parse never
    ended); such a loop is cut at its first verb, else its first word, which becomes a root of relation
    ``LOOP_CUT``: the parse tells nothing of the role of the words that hang on it."""
    heads = [t.head for t in tokens]
    done: set[int] = set()
    for first in range(len(heads)):
        path: list[int] = []
        node = first
        while node >= 0 and node not in done and node not in path and node < len(heads):
            path.append(node)
            node = heads[node]
        if node in path:  # the walk came back to itself: a loop
            loop = path[path.index(node):]
            cut = next((i for i in sorted(loop) if tokens[i].pos in ("VERB", "AUX")), min(loop))
            heads[cut] = -1
        done.update(path)
    if heads == [t.head for t in tokens]:
        return tokens
    return tuple(t if t.head == h else replace(t, head=h, dep=LOOP_CUT) for t, h in zip(tokens, heads, strict=True))


# A dateline before the lead's words: a place of words, a comma, a date (a day, a month's word and a year, in
# either order) and a dash ("SHYMKENT, 14 March 2025 – ", "Шымкент, 29 сентября 2022 г. – ", "ALMATY, Kazakhstan,
# March 14, 2025 – "). Parsed with the sentence, it takes the subject: the parsers hang "The EBRD and the city
# administration signed" on the date, as a clause describing it. (The shape alone: no month list here, below the
# dates module.)
_DATELINE = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+){0,3},\s*(?:[^\W\d_]+,\s*)?"
                       r"(?:\d{1,2}\s+[^\W\d_]+\.?|[^\W\d_]+\.?\s+\d{1,2},?)\s+\d{4}"
                       r"(?:\s*(?:года|год|г\.|жылы|жылғы))?\s*[-–—]\s+")


def dateline_end(text: str) -> int | None:
    """Where a dateline that opens ``text`` ends ("In 2023, trade reached $1.2 billion – " and "Kazakhstan,
    which signed 12 deals in 2024 – " are none)."""
    found = _DATELINE.match(text)
    return found.end() if found else None


def parse(lang: str, text: str) -> tuple[Token, ...] | None:
    """The dependency parse of one sentence by its language's drawer (English: spaCy; Russian: natasha), or
    None: Kazakh has no parser here, or the model is not installed. A dateline that opens the sentence is parsed
    apart from it, as a sentence of its own."""
    cut = dateline_end(text) if lang in ("en", "ru") else None
    if cut is None or not text[cut:].strip():
        return _parse(lang, text)
    dateline_tokens, body = _parse(lang, text[:cut]), _parse(lang, text[cut:])
    if dateline_tokens is None or body is None:
        return None
    index_shift = len(dateline_tokens)
    return dateline_tokens + tuple(replace(t, start=t.start + cut, end=t.end + cut,
                                           head=t.head + index_shift if t.head >= 0 else -1) for t in body)


def _parse(lang: str, text: str) -> tuple[Token, ...] | None:
    from dashboard.lang import en, ru  # the drawers import this module: imported when first asked

    if lang == "en":
        return en.parse(text)
    if lang == "ru":
        return ru.parse(text)
    return None


def words(text: str) -> frozenset[str]:
    """A word list kept readable in the source as one space-separated string."""
    return frozenset(text.split())


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, stop) offsets of the sentences of ``text``."""
    from razdel import sentenize  # imported here to keep the package's import cheap

    return [(s.start, s.stop) for s in sentenize(text)]


class LazyModel(Generic[Model]):
    """A model loaded on first ``get()`` (thread-safe) and dropped by ``release()``. A missing package
    (ImportError while loading) is logged once and ``get()`` then answers None: the rules still work."""

    def __init__(self, load: Callable[[], Model], *, missing: str) -> None:
        self._load, self._missing = load, missing
        self._lock = threading.Lock()
        self._model: Model | None = None
        self._unavailable = False

    def get(self) -> Model | None:
        with self._lock:
            if self._model is None and not self._unavailable:
                try:
                    self._model = self._load()
                except ImportError as err:
                    log.warning("%s (%s)", self._missing, err)
                    self._unavailable = True
            return self._model

    def loaded(self) -> bool:
        return self._model is not None

    def release(self) -> None:
        with self._lock:
            self._model = None
        gc.collect()
