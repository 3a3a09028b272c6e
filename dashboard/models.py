"""Values that cross module boundaries: frozen, slotted dataclasses, stdlib only.

Data flows one way:

    file --articles--> Article --toponyms--> Extraction(Toponym, Demonym, unresolved Mention)
         --geocoding--> Place --relations--> Link --pipeline--> AnalyzedArticle / Dataset

Every offset (``start``/``end``) is a character offset into ``Article.text``, the whole decoded file,
so the dashboard can highlight a mention and evaluation can score spans.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

PLACE_KINDS = ("city", "region", "country", "organization", "landmark")
# a continent, a macro-region or a sea ("Europe", "Central Asia", "the Caspian"): found and reported with the
# article's places, but no marker on the map and no end of a line
AREA = "area"
LINK_KINDS = ("partnership", "visit", "meeting")  # strongest first
LANGS = ("en", "ru", "kk")
HOME_COUNTRY = "KZ"  # the country whose places are the home side of every link
GEO_SOURCES = ("override", "cache", "gazetteer", "nominatim")


@dataclass(frozen=True, slots=True)
class Mention:
    """A piece of the article text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    def to_json(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as loaded from a file.

    ``body_ranges`` are the (start, end) ranges of ``text`` that are the article itself, without
    page furniture (navigation, "Читайте также", popular-news lists). Extraction looks only there.
    """

    id: str
    path: str
    text: str
    title: str
    date: str | None  # ISO YYYY-MM-DD
    lang: str  # en | ru | kk
    source: str | None
    url: str | None = None
    body_ranges: tuple[tuple[int, int], ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        """The cleaned article text (furniture removed), paragraphs separated by blank lines."""
        return "\n\n".join(self.text[s:e].strip() for s, e in self.body_ranges if self.text[s:e].strip())

    @property
    def content_key(self) -> str:
        """The text as a reader sees it (body, case and spacing ignored): two files holding the same article
        share it, whatever their names, headers or line breaks."""
        text = " ".join((self.body or self.text).split()).casefold()
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]

    def segments(self):
        """Yield (offset, substring) for each body range; offsets index ``text``."""
        for s, e in self.body_ranges:
            yield s, self.text[s:e]


@dataclass(frozen=True, slots=True)
class Location:
    """A point on the map for a named thing, whatever resolved it (gazetteer, cache, Nominatim).

    ``key`` is stable across runs and sources of the same thing: "gn:<geonameid>" for GeoNames
    places, "cc:<ISO2>" for countries, "adm:<id>" for curated regions, "org:<id>" for organisations,
    "osm:<type><id>" for Nominatim answers, "ovr:<id>" for user overrides.
    ``names`` holds (lang, name) pairs for tooltips in the article languages.
    """

    key: str
    name: str
    kind: str  # one of PLACE_KINDS
    country: str | None  # ISO 3166-1 alpha-2, None for international organisations
    lat: float
    lon: float
    names: tuple[tuple[str, str], ...] = ()
    population: int = 0

    def name_in(self, lang: str) -> str:
        return next((n for lg, n in self.names if lg == lang), self.name)

    @property
    def is_district(self) -> bool:
        """A district is a region on the map, but a text tells it apart ("облыс әкімі" never means "Келес
        ауданы") and names rivers after it ("the Keles River"); the gazetteer names every district "X District"."""
        return self.kind == "region" and self.name.endswith(" District")

    def to_json(self) -> dict:
        if self.kind == AREA:  # no point: a continent's or a sea's centre is nowhere a reader could go
            return {"name": self.name, "country": self.country, "kind": self.kind, "lat": None, "lon": None}
        return {"name": self.name, "country": self.country, "kind": self.kind,
                "lat": round(self.lat, 5), "lon": round(self.lon, 5)}


@dataclass(frozen=True, slots=True)
class Toponym:
    """One real place named in one article, with all its mentions, before geocoding.

    ``query`` is the normalised lookup form (lemma / nominative, as a person would type it);
    ``location`` is the offline gazetteer's pick in this article's context, or None.
    """

    query: str
    lang: str
    mentions: tuple[Mention, ...]
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Demonym:
    """An adjective or people name (Korean, турецкий, казахстанский): not a place, but evidence
    of a country for relations ("Korean ambassador")."""

    country: str  # ISO2
    mention: Mention


@dataclass(frozen=True, slots=True)
class NamedBody:
    """A place inside the name of a body that acts for itself, a university or a hospital ("University of
    Nairobi", "Қарағанды ... университеті"): not a place of the article, but the body's side for relations
    when the sentence names no other."""

    location: Location
    mention: Mention


@dataclass(frozen=True, slots=True)
class Extraction:
    toponyms: tuple[Toponym, ...] = ()
    demonyms: tuple[Demonym, ...] = ()
    bodies: tuple[NamedBody, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place of one article."""

    location: Location
    source: str  # one of GEO_SOURCES
    mentions: tuple[Mention, ...]

    def to_json(self) -> dict:
        return {**self.location.to_json(), "source": self.source,
                "mentions": [m.to_json() for m in self.mentions]}


@dataclass(frozen=True, slots=True)
class Link:
    """A relation drawn as a line: the Kazakh side (home) and the foreign counterpart (partner)."""

    kind: str  # one of LINK_KINDS
    home: Location
    partner: Location
    date: str | None
    evidence: Mention  # the supporting sentence

    def to_json(self) -> dict:
        return {"kind": self.kind, "home": self.home.to_json(), "partner": self.partner.to_json(),
                "date": self.date, "evidence": self.evidence.to_json()}


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    article: Article
    places: tuple[Place, ...] = ()
    unresolved: tuple[Mention, ...] = ()
    links: tuple[Link, ...] = ()
    demonyms: tuple[Demonym, ...] = ()

    def to_json(self) -> dict:
        a = self.article
        return {"id": a.id, "path": a.path, "title": a.title, "date": a.date, "lang": a.lang,
                "source": a.source, "url": a.url, "warnings": list(a.warnings),
                "places": [p.to_json() for p in self.places],
                "unresolved": [m.to_json() for m in self.unresolved],
                "links": [lk.to_json() for lk in self.links]}


@dataclass(frozen=True, slots=True)
class Correction:
    """A person's correction of a place: one row of the overrides file (geodata/overrides.csv), or of the
    library's corrections, which the geocoding chain reads after that file."""

    name: str
    lang: str  # en | ru | kk | *
    lat: float
    lon: float
    kind: str  # one of PLACE_KINDS
    country: str | None = None
    note: str = ""
    key: str = ""  # the gazetteer key of the place meant, when it is one (gn:2636940)

    def cells(self) -> list[str]:
        return [" ".join(self.name.split()), self.lang, f"{self.lat:.5f}", f"{self.lon:.5f}", self.kind,
                self.country or "", " ".join(self.note.split()), self.key]


@dataclass(frozen=True, slots=True)
class SkippedFile:
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Dataset:
    articles: tuple[AnalyzedArticle, ...] = ()
    skipped: tuple[SkippedFile, ...] = ()


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine on a 6371 km sphere: the reference scorer's distance, so thresholds agree exactly."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
