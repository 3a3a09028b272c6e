"""Russian: natasha's models behind small functions (the only module that imports natasha).

- ``ner(text)``: named entities (PER, LOC, ORG) with character offsets, and each entity's dictionary form
  on demand (``NerText.lemma``: "Стивенейджем" -> "Стивенейдж");
- ``morph_vocab()``: the dictionary morphology (pymorphy2 through natasha's MorphVocab, no neural model).

Each model is loaded on first use (NER about 1 s, morphology 0.15 s) and dropped by ``release()``: a
long-running dashboard frees them after a build, and only a cache miss or an upload loads them again.
"""

from __future__ import annotations

import logging

from dashboard.lang import Entity, LazyModel

log = logging.getLogger(__name__)

PERSON, PLACE = "PER", "LOC"
_MISSING = "natasha is not installed; Russian NER and morphology off"


def _load_ner() -> dict:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    emb = NewsEmbedding()
    return {"segmenter": Segmenter(), "ner": NewsNERTagger(emb), "emb": emb}


def _load_morph_tagger():
    from natasha import NewsMorphTagger

    return NewsMorphTagger(_NER.get()["emb"])


def _load_vocab():
    from natasha import MorphVocab

    return MorphVocab()


_NER = LazyModel(_load_ner, missing=_MISSING)
_MORPH_TAGGER = LazyModel(_load_morph_tagger, missing=_MISSING)  # only for lemmas of unknown LOC spans
_VOCAB = LazyModel(_load_vocab, missing=_MISSING)


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
            self._doc.tag_morph(_MORPH_TAGGER.get())
            self._morph_done = True
        try:
            span.normalize(morph_vocab())
            return span.normal or span.text
        except Exception as err:  # natasha's normaliser fails on odd tokens; the surface form still serves
            log.debug("no dictionary form for %r: %s", span.text, err)
            return span.text


def ner(text: str) -> NerText | None:
    """Named entities of ``text``; None when natasha is not installed."""
    models = _NER.get()
    if models is None:
        return None
    from natasha import Doc

    doc = Doc(text)
    doc.segment(models["segmenter"])
    doc.tag_ner(models["ner"])
    return NerText(doc)


def morph_vocab():
    return _VOCAB.get()


def loaded() -> bool:
    return _NER.loaded() or _MORPH_TAGGER.loaded() or _VOCAB.loaded()


def release() -> None:
    for model in (_MORPH_TAGGER, _NER, _VOCAB):
        model.release()
