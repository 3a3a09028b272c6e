"""Finding places by name, forgiving spelling: the page's search box and the correction form.

Both match across the English, Russian and Kazakh names (and, for places in the library, the forms
the articles wrote: "Стивенейджем"), case-, accent- and ё-insensitively (``names.name_key``), and rank
by rapidfuzz's weighted ratio, so "Стивенидж", "Stevenage" and "steven" all find Stevenage.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from dashboard.models import Location
from dashboard.names import name_key

MIN_SCORE = 72.0  # below this a "match" is a different name (checked on the seeds' places)


@dataclass(frozen=True, slots=True)
class Hit:
    location: Location
    score: float
    matched: str  # the name that matched, as written


def _score(query: str, name: str) -> float:
    """100 for the same name; a name that starts with the query (typed so far) just below; else the
    closeness of the two spellings (rapidfuzz's ratio, word order ignored). Not WRatio: its partial
    match gives a short name inside a long query ("ena" in "stevenage") 90."""
    if not query or not name:
        return 0.0
    if name == query:
        return 100.0
    if len(query) >= 3 and name.startswith(query):
        return 95.0 - min(10.0, (len(name) - len(query)) / 2)
    return float(max(fuzz.ratio(query, name), fuzz.token_sort_ratio(query, name)))


def find_places(places, query: str, *, limit: int = 8, min_score: float = MIN_SCORE) -> list[Hit]:
    """Places of a view (``PlaceSummary`` items) whose names match ``query``, best first; ties go to the
    place with more articles."""
    q = name_key(query)
    if not q:
        return []
    scored = []
    for p in places:
        loc = p.location
        names = dict.fromkeys([loc.name, *(n for _, n in loc.names), *getattr(p, "surfaces", ())])
        best, matched = 0.0, ""
        for name in names:
            s = _score(q, name_key(name))
            if s > best:
                best, matched = s, name
        if best >= min_score:
            scored.append((best, getattr(p, "article_count", 0), loc, matched))
    scored.sort(key=lambda t: (-t[0], -t[1], t[2].name))
    return [Hit(loc, round(score, 1), matched) for score, _, loc, matched in scored[:limit]]


_KEYS_LOCK = threading.Lock()
_KEYS: dict[int, tuple[object, tuple[str, ...]]] = {}


def _gazetteer_keys(gaz) -> tuple[str, ...]:
    """Every name key of the gazetteer, listed once per gazetteer object."""
    with _KEYS_LOCK:
        hit = _KEYS.get(id(gaz))
        if hit is None or hit[0] is not gaz:
            _KEYS.clear()
            hit = _KEYS[id(gaz)] = (gaz, tuple(gaz.index))
        return hit[1]


def search_gazetteer(query: str, *, gaz=None, limit: int = 10, min_score: float = MIN_SCORE) -> list[Hit]:
    """Gazetteer places named like ``query`` in any of its languages (its alternate names included),
    best match first, then the bigger place."""
    q = name_key(query)
    if len(q) < 2:
        return []
    if gaz is None:
        from dashboard import gazetteer

        gaz = gazetteer.load()
    keys = _gazetteer_keys(gaz)
    found: dict[int, tuple[float, str]] = {}

    def note(key: str, score: float) -> None:
        for loc_id in gaz.candidates(key, upper=True):
            if loc_id not in found or found[loc_id][0] < score:
                found[loc_id] = (score, key)

    for key, _ratio, _ in process.extract(q, keys, scorer=fuzz.ratio, limit=60, score_cutoff=min_score):
        note(key, _score(q, key))
    if len(q) >= 3:
        for key in keys:
            if key.startswith(q):
                note(key, _score(q, key))
    ranked = sorted(found.items(), key=lambda kv: (-kv[1][0], -gaz.locations[kv[0]].population,
                                                   gaz.locations[kv[0]].name))
    return [Hit(gaz.locations[i], round(score, 1), key) for i, (score, key) in ranked[:limit]]
