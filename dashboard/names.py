"""Name normalisation shared by the gazetteer (indexing) and the extractor (lookup).

Both sides go through the same functions so that a name typed in a data file and the same name
inflected in an article meet on one key:

* ``fold``: case, ``ё``, Latin diacritics, apostrophes and dashes, so "Türkiye" == "turkiye".
The word forms a name may take in an article live in the language drawers (``lang.ru.forms``,
``lang.kk.forms``); they return keys of this module's ``fold``.
* ``translit``: Cyrillic -> Latin for the spelling-variant fallback (Стивенейдж ~ Stevenage).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A word: letters with inner hyphens/apostrophes ("Южно-Казахстанской", "Aleška", "Qo'qon"),
# or a dotted abbreviation ("U.S.", "U.K.").
WORD_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’\-‐][^\W\d_]+)*")

_APOSTROPHES = "'’ʼ`"
_DASHES = "‐‑–—"


def is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


# Latin letters with no decomposition into a base letter and a mark, as news written without them spells them
_LATIN_UNDECOMPOSED = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d",
                       "ħ": "h"}


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name; Cyrillic letters are kept (й, ә, і are letters)."""
    out = []
    for ch in text.lower():
        if ch == "ё":
            out.append("е")
        elif ch in _APOSTROPHES:
            continue  # Qo'qon == Qoqon, Ehskal'des
        elif ch in _DASHES:
            out.append("-")
        elif unicodedata.combining(ch):
            continue  # the dot "İ" lower-cases to ("İzmir" -> "i̇zmir"), or an accent written apart
        elif ch in _LATIN_UNDECOMPOSED:
            out.append(_LATIN_UNDECOMPOSED[ch])  # letters Unicode writes without a base letter: Łódź == Lodz
        elif "a" <= ch <= "z" or ch.isspace() or not ch.isalpha() or is_cyrillic(ch):
            out.append(ch)
        else:  # Latin with diacritics: ü -> u, ş -> s
            base = unicodedata.normalize("NFKD", ch)
            out.append("".join(c for c in base if not unicodedata.combining(c)))
    return "".join(out).replace(".", "")


# A key keeps numbers as words: "Village 1" and "Village 2" are two places, though an article's words
# (WORD_RE) are letters only.
_KEY_WORD_RE = re.compile(f"{WORD_RE.pattern}|\\d+")


def name_key(name: str) -> str:
    """The one key of a place name: the gazetteer's index, the geocode cache, the overrides and the search
    all use it, so "Türkiye", "Turkiye" and «Türkiye» meet. Folded words (and numbers) joined by one space."""
    return " ".join(fold(w) for w in _KEY_WORD_RE.findall(name))


# --------------------------------------------------------------------------------- transliteration

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u",
    "ү": "u", "һ": "h", "і": "i",
}


def translit(text: str) -> str:
    """Lower-case Latin rendering of a Cyrillic name (a rough key, not a romanisation standard)."""
    return "".join(_TRANSLIT.get(ch, ch) for ch in fold(text))
