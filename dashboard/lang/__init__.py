"""One drawer per language: word lists, word forms and the NLP model adapters of that language.

The engines (toponyms, relations) stay language-neutral and ask the drawer. Each model adapter loads
its model on first use and frees it on ``release()``; the pipeline owns those lifetimes.

``sentences`` is shared by every language: razdel's splitter (natasha's) handles Russian, Kazakh and
English abbreviations and initials alike.
"""

from __future__ import annotations


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, stop) offsets of the sentences of ``text``."""
    from razdel import sentenize  # imported here to keep the package's import cheap

    return [(s.start, s.stop) for s in sentenize(text)]
