"""Kazakh: the alphabet facts every Kazakh rule shares (one copy of the letters).

Kazakh Cyrillic is the Russian alphabet plus nine letters. Seven of them are Kazakh's alone among the
Cyrillic alphabets GeoNames mixes in; і and һ are shared (Ukrainian "Стівенидж", Bashkir "Һельсинки"),
so they do not decide a language by themselves.
"""

from __future__ import annotations

LETTERS = "әғқңөұүһі"  # lower case; the letters Russian lacks
LETTERS_UPPER = LETTERS.upper()
DECIDING = frozenset("әғқңөұү")  # a word with one of these is Kazakh (unless NOT_KAZAKH says otherwise)
NOT_KAZAKH = frozenset("їєґўҗҙҫҡӓӧӱӹ")  # letters of neighbouring alphabets Kazakh never writes
# The Russian letter each Kazakh one is heard as: "Шымкенттің" ~ "Шымкенттин", for spelling variants.
TO_RUSSIAN = str.maketrans(LETTERS, "агкноуухи")


def has_letters(text: str) -> bool:
    """Whether ``text`` holds a letter Russian lacks (әғқңөұүһі, either case)."""
    return any(ch in LETTERS for ch in text.lower())


def looks_kazakh(name: str) -> bool:
    """A name only Kazakh would write: a deciding letter and none of a neighbouring alphabet."""
    letters = set(name.lower())
    return bool(letters & DECIDING) and not letters & NOT_KAZAKH
