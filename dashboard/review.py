"""What needs a person's eye, and turning their correction into override rows. Pure Python.

- ``unresolved_names``: names the extractor took for places but no geocoder could place, grouped by
  language and spelling, with their articles (an unresolved partner means a missing line).
- ``weak_places``: places resting on weak evidence: small towns (a common word can be one), a single
  mention in a single article, an online answer.
- ``correction_rows``: the corrections (overrides rows) for a gazetteer place the user chose or a point
  they clicked; the library keeps them and the geocoding chain reads them after geodata/overrides.csv.
- ``country_at``: the country under a clicked point, from the shipped country outlines.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dashboard import gazetteer
from dashboard.geocoding import ANY_LANG, override_text
from dashboard.models import LANGS, Correction, Location
from dashboard.names import name_key

SMALL_TOWN = 20_000  # people; GeoNames towns below this are often a common word or a namesake
CONFIDENT_SOURCES = ("override",)


@dataclass(frozen=True, slots=True)
class Unresolved:
    """One name nobody could place, as the articles wrote it."""

    name: str  # the most frequent spelling
    lang: str
    forms: tuple[str, ...]  # every spelling seen (inflected forms too)
    article_ids: tuple[str, ...]
    count: int  # mentions

    @property
    def id(self) -> str:
        return f"name:{self.lang}:{name_key(self.name)}"


@dataclass(frozen=True, slots=True)
class WeakPlace:
    location: Location
    reasons: tuple[str, ...]
    article_count: int
    forms: tuple[tuple[str, str], ...]  # (spelling, article language) as the articles wrote it

    @property
    def id(self) -> str:
        return f"place:{self.location.key}"


def unresolved_names(rows: Iterable[tuple[str, str, str]]) -> list[Unresolved]:
    """Unresolved mentions, given as (article id, language, spelling) rows (catalog.Catalog.unresolved_rows),
    grouped by (language, folded spelling), most mentioned first."""
    groups: dict[tuple[str, str], dict] = {}
    for article_id, lang, m_text in rows:
        text = " ".join(m_text.split())
        if not text:
            continue
        g = groups.setdefault((lang, name_key(text)), {"forms": defaultdict(int), "articles": {}})
        g["forms"][text] += 1
        g["articles"][article_id] = True
    out = []
    for (lang, _), g in groups.items():
        forms = sorted(g["forms"], key=lambda f: (-g["forms"][f], f))
        out.append(Unresolved(name=forms[0], lang=lang, forms=tuple(forms), article_ids=tuple(g["articles"]),
                              count=sum(g["forms"].values())))
    out.sort(key=lambda u: (-len(u.article_ids), -u.count, u.name))
    return out


def weak_places(places, *, sources: Callable[[str], set[str]],
                forms: Callable[[str], tuple[tuple[str, str], ...]]) -> list[WeakPlace]:
    """Of ``places`` (a view's PlaceSummary items), those whose evidence is thin, with why. ``sources`` and
    ``forms`` say, for a place key, how it was geocoded and how the articles wrote it (the catalog knows)."""
    out = []
    for p in places:
        loc, src = p.location, sources(p.location.key)
        if src and src <= set(CONFIDENT_SOURCES):
            continue  # a person already placed it
        reasons = []
        if loc.kind == "city" and 0 < loc.population < SMALL_TOWN:
            reasons.append(f"a small town ({loc.population:,} people)")
        if p.mention_count <= 1 and p.article_count <= 1 and loc.kind not in ("country", "organization"):
            reasons.append("named once, in one article")
        if "nominatim" in src:
            reasons.append("found online (Nominatim), not in the offline gazetteer")
        if reasons:
            out.append(WeakPlace(loc, tuple(reasons), p.article_count, forms(loc.key)))
    out.sort(key=lambda w: (-len(w.reasons), w.location.name))
    return out


def correction_rows(*, forms, target: Location | None = None, point: tuple[float, float] | None = None,
                    name: str | None = None, kind: str = "city", country: str | None = None,
                    note: str = "") -> list[Correction]:
    """Override rows that make every spelling in ``forms`` ((text, lang) pairs) resolve to ``target``
    (a gazetteer place: its key, names and coordinates) or to ``point`` (a clicked spot, named
    ``name``). The target's own names come first: a place's name in each language is that
    language's first row."""
    stamp = f"set on the dashboard {date.today().isoformat()}" + (f": {note}" if note else "")
    rows: list[Correction] = []
    seen: set[tuple[str, str]] = set()

    def add(text: str, lang: str, **kw) -> None:
        text = " ".join(str(text).split())
        lang = lang if lang in LANGS else ANY_LANG
        if not text or (name_key(text), lang) in seen:
            return
        seen.add((name_key(text), lang))
        rows.append(Correction(name=text, lang=lang, note=stamp, **kw))

    if target is not None:
        kw = {"lat": target.lat, "lon": target.lon, "kind": target.kind, "country": target.country,
              "key": target.key}
        names = dict(target.names)
        add(names.get("en", target.name), "en", **kw)
        for lang in ("ru", "kk"):
            if names.get(lang):
                add(names[lang], lang, **kw)
    elif point is not None:
        kw = {"lat": point[0], "lon": point[1], "kind": kind, "country": country, "key": ""}
        if name:
            first_lang = next((lg for _, lg in forms), "en")
            add(name, first_lang, **kw)
    else:
        raise ValueError("a correction needs a gazetteer place or a point on the map")
    for text, lang in forms:
        add(text, lang, **kw)
    return rows


# ---------------------------------------------------------------- the country under a point

@functools.lru_cache(maxsize=1)
def _outlines() -> list[tuple[str, list]]:
    from dashboard.mapview import STATIC_DIR

    try:
        data = json.loads((STATIC_DIR / "geo" / "countries_110m.geojson").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    out = []
    for feature in data.get("features", []):
        geom = feature.get("geometry") or {}
        polys = geom.get("coordinates") or []
        if geom.get("type") == "Polygon":
            polys = [polys]
        out.append(((feature.get("properties") or {}).get("iso_a3", ""), polys))
    return out


def _inside(lon: float, lat: float, ring: list) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def country_at(lat: float, lon: float) -> str | None:
    """ISO alpha-2 of the country whose (coarse, 1:110m) outline holds the point, else None."""
    lon = ((lon + 180) % 360) - 180
    for iso3, polys in _outlines():
        for poly in polys:
            if poly and _inside(lon, lat, poly[0]) and not any(_inside(lon, lat, hole) for hole in poly[1:]):
                return gazetteer.iso2_of(iso3)
    return None


def country_name(iso2: str) -> str | None:
    return gazetteer.country_name(iso2)


def corrections_text(path: str | Path, rows: list[Correction]) -> str:
    """The overrides file as it would be with the rows: for a download where it cannot be written."""
    return override_text(Path(path), rows)
