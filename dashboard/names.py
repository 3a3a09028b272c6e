"""Name normalisation shared by the gazetteer (indexing) and the extractor (lookup).

Both sides go through the same functions so that a name typed in a data file and the same name
inflected in an article meet on one key:

* ``fold``: case, ``ё``, Latin diacritics, apostrophes and dashes, so "Türkiye" == "turkiye".
* ``ru_forms``: the nominative forms a Russian word may come from ("Шымкентом" -> "шымкент",
  "Корее" -> "корея", "Туркестанской" -> "туркестанская"); rules are a table, not a stemmer, so the
  index keeps real names and an inflected common word only matches if its base form is a name.
* ``kk_forms``: Kazakh case, possessive and plural endings peeled off (Шымкенттен, Астанаға,
  облысының), driven by suffix tables with vowel-harmony variants.
* ``translit``: Cyrillic -> Latin for the spelling-variant fallback (Стивенейдж ~ Stevenage).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dashboard.lang import kk

# A word: letters with inner hyphens/apostrophes ("Южно-Казахстанской", "Aleška", "Qo'qon"),
# or a dotted abbreviation ("U.S.", "U.K.").
WORD_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’\-‐][^\W\d_]+)*")

_APOSTROPHES = "'’ʼ`"
_DASHES = "‐‑–—"


def is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


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


# ----------------------------------------------------------------------------------------- Russian

# ending -> nominative endings it may replace. Longest ending first wins per rule, but every rule
# that fits contributes candidates: the index decides which candidate is a real name.
_RU_NOUN = {
    "ом": ("", "о"), "ем": ("", "ь", "й", "е"), "ой": ("а",), "ей": ("я", "ь"), "ою": ("а",),
    "ью": ("ь",), "а": ("", "о", "ь"), "я": ("ь", "й", "е"), "у": ("", "а", "о"), "ю": ("я", "ь", "й"),
    "е": ("", "а", "я", "о", "й", "ь"), "и": ("ь", "я", "а", "й"), "ы": ("а", ""), "ах": ("ы", "и", "а"),
    "ях": ("и", "я"), "ов": ("ы",), "ев": ("и",), "ам": ("ы", "а"), "ям": ("и",), "ами": ("ы",),
    "ями": ("и",),
}
_RU_ADJ_STEMS_ENDINGS = ("ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ой", "ей", "ую", "юю",
                         "ая", "яя", "ое", "ее", "ий", "ый", "ые", "ие", "ых", "их", "ыми", "ими")
_RU_ADJ_NOMINATIVES = ("ий", "ый", "ая", "ое", "ые", "ие", "ой")
_MIN_STEM = 2


@lru_cache(maxsize=100_000)
def ru_forms(word: str) -> tuple[str, ...]:
    """Folded candidate base forms of a Russian word, the word itself first."""
    w = fold(word)
    out = [w]
    if not is_cyrillic(w):
        return (w,)
    for end, bases in _RU_NOUN.items():
        if w.endswith(end) and len(w) - len(end) >= _MIN_STEM:
            stem = w[: -len(end)]
            out.extend(stem + b for b in bases)
    for end in _RU_ADJ_STEMS_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3:
            stem = w[: -len(end)]
            out.extend(stem + b for b in _RU_ADJ_NOMINATIVES)
    head, dash, tail = w.partition("-")
    if dash and tail:
        # a compound adjective's first part is invariable (Восточно-Казахстанской); writers often inflect it
        # too (Восточной-Казахстанской): read it back as the compound stem
        for end in _RU_ADJ_STEMS_ENDINGS:
            if head.endswith(end) and len(head) - len(end) >= 3:
                out.extend(f"{head[: -len(end)]}о-{form}" for form in ru_forms(tail))
                break
    return tuple(dict.fromkeys(out))


# ----------------------------------------------------------------------------------------- Kazakh

# Suffix tables (after a stem ending in a vowel or a consonant, front or back vowels): case endings,
# attributive -ғы/-гі (Шымкенттегі), plural and 3rd person possessive (облысы, облысының).
_KK_SUFFIXES = (
    # genitive
    "ның", "нің", "дың", "дің", "тың", "тің",
    # dative
    "ға", "ге", "қа", "ке", "на", "не", "а", "е",
    # locative
    "да", "де", "та", "те", "нда", "нде",
    # ablative
    "дан", "ден", "тан", "тен", "нан", "нен",
    # accusative
    "ны", "ні", "ды", "ді", "ты", "ті", "н",
    # instrumental
    "мен", "бен", "пен", "менен", "бенен", "пенен",
    # attributive locative: Шымкенттегі, Астанадағы
    "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі", "ғы", "гі", "қы", "кі",
    # plural
    "лар", "лер", "дар", "дер", "тар", "тер",
    # possessive 1st and 2nd person plural: Қазақстанымыз (our Kazakhstan), елімізде
    "ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз",
    # possessive 3rd person (облыс -> облысы), kept last so облысы is tried as a whole first
    "сы", "сі", "ы", "і",
)
_KK_MAX_DEPTH = 3


# Kazakh letters -> the Russian letters the same names are spelled with in GeoNames, whose Cyrillic
# alternates are mostly Russian (Алға ~ Алга, Сарыағаш ~ Сарыагаш).


@lru_cache(maxsize=100_000)
def kk_forms(word: str) -> tuple[str, ...]:
    """Folded candidate bases of a Kazakh word: the word, then with up to three suffixes peeled off,
    then the same bases respelled with Russian letters (tried last: a Kazakh name wins)."""
    w = fold(word)
    seen = {w: None}
    frontier = [w]
    for depth in range(_KK_MAX_DEPTH):
        nxt = []
        for form in frontier:
            for suf in _KK_SUFFIXES:
                # a two-letter base only straight off the word: Ошта -> Ош
                if form.endswith(suf) and len(form) - len(suf) >= (2 if depth == 0 else 3):
                    base = form[: -len(suf)]
                    if base not in seen:
                        seen[base] = None
                        nxt.append(base)
        frontier = nxt
    respelled = [f.translate(kk.TO_RUSSIAN) for f in seen]
    # Kazakh spelling drops the Russian soft sign or keeps it (Астрахан / Астрахань облысы): try both
    unsoftened = [f.replace("ь", "") for f in seen if "ь" in f]
    return tuple(dict.fromkeys([*seen, *respelled, *unsoftened]))


# Adjective-forming suffixes: қазақстандық (Kazakhstani), британдық -> evidence of a country.
KK_ADJ_SUFFIXES = ("лық", "лік", "дық", "дік", "тық", "тік")


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
