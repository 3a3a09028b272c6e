"""Russian: natasha's models behind small functions (the only module that imports natasha).

- ``ner(text)``: named entities (PER, LOC, ORG) with character offsets, and each entity's dictionary form
  on demand (``NerText.lemma``: "Стивенейджем" -> "Стивенейдж");
- ``morph_vocab()``: the dictionary morphology (pymorphy2 through natasha's MorphVocab, no neural model).

Each model is loaded on first use (NER about 1 s, morphology 0.15 s) and dropped by ``release()``: a
long-running dashboard frees them after a build, and only a cache miss or an upload loads them again.
"""

from __future__ import annotations

import gc
import logging
import threading
from dataclasses import dataclass

log = logging.getLogger(__name__)

PERSON, PLACE = "PER", "LOC"

_LOCK = threading.Lock()
_VOCAB = None
_NER: dict | None = None  # {} when natasha is not installed: the gazetteer rules work without it
_MORPH_TAGGER = None


@dataclass(frozen=True, slots=True)
class Entity:
    start: int  # offsets into the text given to ``ner``
    end: int
    label: str
    text: str


class NerText:
    """natasha's reading of one text: its entities, and their dictionary forms when asked (the
    morphology runs over the text only then: most articles never need it)."""

    def __init__(self, doc) -> None:
        self._doc = doc
        self._spans = list(doc.spans)
        self.entities = [Entity(s.start, s.stop, s.type, s.text) for s in self._spans]
        self._morph_done = False

    def lemma(self, index: int) -> str:
        span = self._spans[index]
        if not self._morph_done:
            self._doc.tag_morph(_morph_tagger())
            self._morph_done = True
        try:
            span.normalize(morph_vocab())
            return span.normal or span.text
        except Exception as err:  # natasha's normaliser fails on odd tokens; the surface form still serves
            log.debug("no dictionary form for %r: %s", span.text, err)
            return span.text


def _ner_models() -> dict | None:
    global _NER
    with _LOCK:
        if _NER is None:
            try:
                from natasha import NewsEmbedding, NewsNERTagger, Segmenter
            except ImportError:
                log.warning("natasha is not installed; Russian NER disabled")
                _NER = {}
                return None
            emb = NewsEmbedding()
            _NER = {"segmenter": Segmenter(), "ner": NewsNERTagger(emb), "emb": emb}
        return _NER or None


def _morph_tagger():
    global _MORPH_TAGGER
    models = _ner_models()
    with _LOCK:
        if _MORPH_TAGGER is None:
            from natasha import NewsMorphTagger

            _MORPH_TAGGER = NewsMorphTagger(models["emb"])
        return _MORPH_TAGGER


def ner(text: str) -> NerText | None:
    """Named entities of ``text``; None when natasha is not installed."""
    models = _ner_models()
    if models is None:
        return None
    from natasha import Doc

    doc = Doc(text)
    doc.segment(models["segmenter"])
    doc.tag_ner(models["ner"])
    return NerText(doc)


def morph_vocab():
    global _VOCAB
    with _LOCK:
        if _VOCAB is None:
            from natasha import MorphVocab

            _VOCAB = MorphVocab()
        return _VOCAB


def loaded() -> bool:
    return bool(_NER) or _MORPH_TAGGER is not None or _VOCAB is not None


def release() -> None:
    global _VOCAB, _NER, _MORPH_TAGGER
    with _LOCK:
        _VOCAB = _NER = _MORPH_TAGGER = None
    gc.collect()
