"""An analysed article <-> JSON for the library database (no pickle: a hosted database is data, not code).

The article's own text is stored once, in the articles table; the analysis holds what the extractor read
from it (title, date, language, body ranges, warnings) and what it found. Locations are listed once and
referred to by position, since a line's two ends repeat across links.
"""

from __future__ import annotations

from typing import Any

from dashboard.models import AnalyzedArticle, Article, Demonym, Link, Location, Mention, Place

FORMAT = 1
FAILED = "failed"  # the key of a stored failure: {"format": 1, "failed": "why"}


def _mention(m: Mention) -> list:
    return [m.text, m.start, m.end]


def _unmention(v: list) -> Mention:
    return Mention(str(v[0]), int(v[1]), int(v[2]))


def _location(loc: Location) -> dict[str, Any]:
    return {"key": loc.key, "name": loc.name, "kind": loc.kind, "country": loc.country, "lat": loc.lat,
            "lon": loc.lon, "names": [list(n) for n in loc.names], "population": loc.population}


def _unlocation(v: dict) -> Location:
    return Location(key=v["key"], name=v["name"], kind=v["kind"], country=v["country"], lat=float(v["lat"]),
                    lon=float(v["lon"]), names=tuple((lg, n) for lg, n in v["names"]),
                    population=int(v.get("population", 0)))


def encode(analyzed: AnalyzedArticle) -> dict[str, Any]:
    a = analyzed.article
    locations: list[Location] = []
    index: dict[Location, int] = {}

    def ref(loc: Location) -> int:
        if loc not in index:
            index[loc] = len(locations)
            locations.append(loc)
        return index[loc]

    return {
        "format": FORMAT,
        "article": {"title": a.title, "date": a.date, "lang": a.lang, "source": a.source, "url": a.url,
                    "body_ranges": [list(r) for r in a.body_ranges], "warnings": list(a.warnings)},
        "places": [[ref(p.location), p.source, [_mention(m) for m in p.mentions]] for p in analyzed.places],
        "unresolved": [_mention(m) for m in analyzed.unresolved],
        "links": [[lk.kind, ref(lk.home), ref(lk.partner), lk.date, _mention(lk.evidence)] for lk in analyzed.links],
        "demonyms": [[d.country, _mention(d.mention)] for d in analyzed.demonyms],
        "locations": [_location(loc) for loc in locations],
    }


def decode(payload: dict[str, Any], *, article_id: str, path: str, text: str) -> AnalyzedArticle:
    """The analysed article back, around its stored text. ValueError when the payload is not ours."""
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ValueError(f"analysis format {payload.get('format') if isinstance(payload, dict) else payload!r}, "
                         f"this program reads {FORMAT}")
    try:
        meta = payload["article"]
        article = Article(id=article_id, path=path, text=text, title=meta["title"], date=meta["date"],
                          lang=meta["lang"], source=meta["source"], url=meta["url"],
                          body_ranges=tuple((int(s), int(e)) for s, e in meta["body_ranges"]),
                          warnings=tuple(meta["warnings"]))
        locs = [_unlocation(v) for v in payload["locations"]]
        places = tuple(Place(location=locs[i], source=src, mentions=tuple(_unmention(m) for m in ms))
                       for i, src, ms in payload["places"])
        links = tuple(Link(kind=kind, home=locs[h], partner=locs[p], date=day, evidence=_unmention(ev))
                      for kind, h, p, day, ev in payload["links"])
        return AnalyzedArticle(article=article, places=places,
                               unresolved=tuple(_unmention(m) for m in payload["unresolved"]), links=links,
                               demonyms=tuple(Demonym(cc, _unmention(m)) for cc, m in payload["demonyms"]))
    except (KeyError, IndexError, TypeError) as err:
        raise ValueError(f"analysis payload is malformed: {type(err).__name__}: {err}") from err


def index_rows(payload: dict[str, Any], *, text: str) -> dict[str, Any]:
    """What the page's index keeps of one stored analysis (see store.INDEX_*), locations as JSON. ValueError when
    the payload is not ours."""
    if isinstance(payload, dict) and FAILED in payload:
        return {"article": {"lang": None, "day": None, "title": None, "content_key": None,
                            "failed": str(payload[FAILED])},
                "places": [], "links": [], "unresolved": [], "locations": {}}
    index = index_of(decode(payload, article_id="", path="", text=text))
    return {**index, "locations": {key: _location(loc) for key, loc in index["locations"].items()}}


def index_of(analysed: AnalyzedArticle) -> dict[str, Any]:
    """The index rows of one analysed article: its language, date, title and content key, one row per place,
    line and unresolved name, and the locations they name. Small, so a library of 100,000 articles is read for
    the map without reading any analysis whole. The one place these rows are derived: the library's index
    (``index_rows``) and the catalog of articles held in memory both use it."""
    art = analysed.article
    locations: dict[str, Location] = {}
    for loc in [p.location for p in analysed.places] + [end for lk in analysed.links for end in (lk.home, lk.partner)]:
        locations.setdefault(loc.key, loc)
    return {
        "article": {"lang": art.lang, "day": art.date, "title": art.title, "content_key": art.content_key,
                    "failed": None},
        "places": [{"seq": i, "place_key": p.location.key, "mentions": len(p.mentions), "source": p.source,
                    "forms": "\n".join(dict.fromkeys(" ".join(m.text.split()) for m in p.mentions))}
                   for i, p in enumerate(analysed.places)],
        "links": [{"seq": i, "kind": lk.kind, "home_key": lk.home.key, "partner_key": lk.partner.key,
                   "day": lk.date or art.date} for i, lk in enumerate(analysed.links)],
        "unresolved": [{"seq": i, "text": " ".join(m.text.split())} for i, m in enumerate(analysed.unresolved)],
        "locations": locations,
    }


def location_of(value: dict[str, Any]) -> Location:
    """A location as ``index_rows`` keeps it."""
    return _unlocation(value)


def location_json(loc: Location) -> dict[str, Any]:
    return _location(loc)
