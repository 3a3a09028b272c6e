"""Russian: the dictionary morphology (pymorphy2 through natasha's MorphVocab, no neural model), one
instance per process, loaded on first use (0.15 s) and dropped by ``release()``."""

from __future__ import annotations

import threading

_LOCK = threading.Lock()
_VOCAB = None


def morph_vocab():
    global _VOCAB
    with _LOCK:
        if _VOCAB is None:
            from natasha import MorphVocab

            _VOCAB = MorphVocab()
        return _VOCAB


def loaded() -> bool:
    return _VOCAB is not None


def release() -> None:
    global _VOCAB
    with _LOCK:
        _VOCAB = None
