"""Toponym -> Place through one chain: user overrides -> cache -> gazetteer pick -> Nominatim (opt-in).

This is the only module that imports geopy; nothing geopy-typed leaves it (callers get ``Place`` /
``Location`` and ``dashboard.errors`` exceptions).

What is cached (geodata/geocache.json, see geocache.py), and why:
- Nominatim answers, found and not found. Not-found answers expire (``not_found_ttl_days``) so they are
  retried later; failures (timeouts, 429, 5xx, malformed answers, refused connections) are never cached,
  so the name stays unresolved this run and is asked again next run.
- Gazetteer answers are recorded only by the ``geocode`` command (``record_gazetteer=True``), so the
  committed cache lists every place of the articles, and they are used only as a fallback when the
  gazetteer makes no pick for a toponym (e.g. after a data change). The gazetteer's own pick always wins
  over a recorded one: it depends on the article ("Georgia" next to Tbilisi is the country, next to
  Atlanta the US state), and a cached answer must not freeze one article's context onto every other.
- Overrides are a separate, hand-edited file (geodata/overrides.csv) and always win.

Nominatim manners (https://operations.osmfoundation.org/policies/nominatim/): an identifying User-Agent
(``ConfigError`` without one), at most one request per ``min_delay_s`` through geopy's ``RateLimiter``,
retries with exponential backoff on 429 / 5xx / timeouts / refused connections honouring ``Retry-After``,
a cached name is never asked again (unless ``refresh``), and after ``breaker_failures`` names in a row
fail, online lookups stop for the rest of the run instead of hammering a service that is down.
"""

from __future__ import annotations

import csv
import io
import logging
import math
import os
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from geopy.adapters import RequestsAdapter, URLLibAdapter
from geopy.exc import (
    GeocoderParseError,
    GeocoderRateLimited,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
    GeopyError,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from dashboard.errors import CacheError, ConfigError, DashboardError, GeocoderError
from dashboard.geocache import FOUND, NOT_FOUND, CacheEntry, GeoCache, cache_key, iso_utc
from dashboard.models import PLACE_KINDS, Correction, Location, Place, Toponym
from dashboard.names import name_key
from dashboard.settings import ENV_USER_AGENT, GEOCACHE_FILE, OVERRIDES_FILE

log = logging.getLogger(__name__)

NOMINATIM_DOMAIN = "nominatim.openstreetmap.org"

# geopy's documentation examples; Nominatim blocks them, so going online with one is a mistake.
_SAMPLE_AGENTS = ("geopy", "my-application", "specify_your_app_name_here", "my_app", "test")

STAT_KEYS = ("override", "cache", "gazetteer", "nominatim", "unresolved")


def check_user_agent(user_agent: str | None) -> str:
    ua = (user_agent or "").strip()
    if not ua:
        raise ConfigError(f"online geocoding needs an identifying User-Agent (--user-agent or {ENV_USER_AGENT}),"
                          " e.g. 'shymkent-ties/0.1 (you@example.org)'")
    if ua.casefold().split("/")[0] in _SAMPLE_AGENTS:
        raise ConfigError(f"User-Agent {ua!r} is a sample value Nominatim blocks; name your application")
    return ua


# ---------------------------------------------------------------------------------------------
# Overrides: geodata/overrides.csv
# ---------------------------------------------------------------------------------------------
OVERRIDE_COLUMNS = ("name", "lang", "lat", "lon", "kind", "country", "note", "key")
ANY_LANG = "*"
# An optional 8th column names the place's key when it is a place the gazetteer knows (gn:2636940):
# the corrected mentions then join that place's other mentions on the map instead of becoming a twin.
_OVERRIDE_KEY = re.compile(r"^[a-z]{2,5}:[\w.,:|-]{1,80}$")


def load_overrides(path: str | os.PathLike, *, extra: Sequence[Correction] = ()
                   ) -> tuple[dict[str, Location], list[str]]:
    """Read the overrides file, then ``extra`` rows (the library's corrections): ``{cache_key: Location}``
    plus one problem string per bad row.

    Lines starting with ``#`` are comments. ``lang`` empty or ``*`` matches every language. Rows with
    the same coordinates (or the same ``key``) are one place; its name in each language is that
    language's first row, so later rows (inflected forms as articles wrote them) only match.
    A bad row is skipped and reported (file:line and why); it never stops the dashboard.
    """
    path = Path(path)
    problems: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        lines = []
    except (OSError, UnicodeDecodeError) as err:
        lines = []
        problems.append(f"{path}: cannot read overrides: {err}")
    numbered = [(f"{path}:{i}", ln) for i, ln in enumerate(lines, 1) if ln.strip() and not ln.lstrip().startswith("#")]
    fields_of = [*csv.reader([ln for _, ln in numbered])] + [row.cells() for row in extra]
    where_of = [w for w, _ in numbered] + [f"library correction {n}" for n in range(1, len(extra) + 1)]
    rows: list[tuple[str, str, float, float, str, str | None, str]] = []
    for where, fields in zip(where_of, fields_of, strict=True):
        if [f.strip().casefold() for f in fields[:2]] == ["name", "lang"]:
            continue  # header row
        fields = [f.strip() for f in fields] + [""] * (len(OVERRIDE_COLUMNS) - len(fields))
        name, lang, lat_s, lon_s, kind, country = fields[:6]
        key = fields[7]
        try:
            lat, lon = float(lat_s), float(lon_s)
        except ValueError:
            problems.append(f"{where}: lat/lon must be numbers, got {lat_s!r}, {lon_s!r}")
            continue
        if not (name and math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            problems.append(f"{where}: need a name and lat in [-90, 90], lon in [-180, 180]; "
                            f"got {name!r}, {lat_s!r}, {lon_s!r}")
            continue
        if kind not in PLACE_KINDS:
            problems.append(f"{where}: kind must be one of {', '.join(PLACE_KINDS)}; got {kind!r}")
            continue
        if country and not (len(country) == 2 and country.isalpha()):
            problems.append(f"{where}: country must be an ISO 3166-1 alpha-2 code like KZ, got {country!r}")
            continue
        if key and not _OVERRIDE_KEY.match(key):
            problems.append(f"{where}: key must look like gn:2636940 or adm:KZ-61, got {key!r}")
            continue
        group = key or f"ovr:{lat:.5f},{lon:.5f}"
        rows.append((name, (lang or ANY_LANG).casefold(), lat, lon, kind, country.upper() or None, group))
    for p in problems:
        log.warning("override skipped: %s", p)

    by_place: dict[str, list[tuple]] = {}
    for row in rows:
        by_place.setdefault(row[6], []).append(row)
    overrides: dict[str, Location] = {}
    for key, rows_of_place in by_place.items():
        first: dict[str, str] = {}
        for nm, lg, *_ in rows_of_place:
            if lg != ANY_LANG:
                first.setdefault(lg, nm)
        names = tuple(sorted(first.items()))
        main = first.get("en", rows_of_place[0][0])
        _, _, lat, lon, kind, country, _ = rows_of_place[0]
        loc = Location(key=key, name=main, kind=kind, country=country, lat=lat, lon=lon, names=names)
        for nm, lg, *_ in rows_of_place:
            overrides[cache_key(nm, lg)] = loc
    return overrides, problems


_OVERRIDES_HEADER = (
    "# User overrides for geocoding: a row here beats the cache, the offline gazetteer and Nominatim.\n"
    "# Columns: name, lang (en|ru|kk|*), lat, lon, kind, country (ISO2), note, key (optional).\n"
    "name,lang,lat,lon,kind,country,note,key\n")


def override_text(path: str | os.PathLike, rows: list[Correction]) -> str:
    """The overrides file with ``rows`` appended: what is there stays byte for byte."""
    path = Path(path)
    for row in rows:
        if row.kind not in PLACE_KINDS or not row.name.strip():
            raise ValueError(f"an override needs a name and one of {PLACE_KINDS}; got {row!r}")
        if row.key and not _OVERRIDE_KEY.match(row.key):
            raise ValueError(f"override key {row.key!r} is not a place key")
    try:
        old = path.read_text(encoding="utf-8-sig")
    except (FileNotFoundError, NotADirectoryError):
        old = _OVERRIDES_HEADER
    if old and not old.endswith("\n"):
        old += "\n"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for row in rows:
        writer.writerow(row.cells())
    return old + buf.getvalue()


# ---------------------------------------------------------------------------------------------
# Nominatim answer -> our vocabulary
# ---------------------------------------------------------------------------------------------
_REGION_TYPES = {"state", "region", "province", "county", "state_district", "district", "municipality",
                 "territory", "administrative", "archipelago", "island"}
_CITY_TYPES = {"city", "town", "village", "hamlet", "suburb", "borough", "quarter", "neighbourhood",
               "locality", "city_district", "isolated_dwelling", "farm", "croft", "city_block"}
_ORG_CLASSES = {"office", "amenity", "government", "club", "craft"}
_ORG_TYPES = {"university", "college", "school", "embassy", "diplomatic", "townhall", "hospital", "company",
              "government", "ngo", "association", "courthouse", "library", "kindergarten", "research_institute",
              "international_organization", "political_party", "religion", "bank"}


def nominatim_kind(raw: Mapping) -> str:
    """One of PLACE_KINDS from Nominatim's class/type/addresstype (place_rank as the tie-breaker)."""
    cls, typ = raw.get("class") or raw.get("category") or "", raw.get("type") or ""
    addresstype = raw.get("addresstype") or ""
    if "country" in (addresstype, typ):
        return "country"
    if cls in _ORG_CLASSES and (typ in _ORG_TYPES or cls in {"office", "government"}):
        return "organization"
    if addresstype in _CITY_TYPES or (cls == "place" and typ in _CITY_TYPES):
        return "city"
    if addresstype in _REGION_TYPES or (cls == "place" and typ in _REGION_TYPES):
        return "region"
    if cls == "boundary":
        try:
            rank = int(raw.get("place_rank") or 0)
        except (TypeError, ValueError):
            rank = 0
        return "country" if rank == 4 else "region" if 4 < rank <= 12 else "city" if rank else "region"
    return "landmark"


_OSM_PREFIX = {"node": "N", "way": "W", "relation": "R"}
_NAME_LANGS = ("en", "ru", "kk")


def entry_from_nominatim(raw: Mapping, *, query: str, lang: str, fetched_at: str) -> CacheEntry:
    details = raw.get("namedetails") or {}
    address = raw.get("address") or {}
    names = {lg: details[f"name:{lg}"] for lg in _NAME_LANGS if details.get(f"name:{lg}")}
    display = str(raw.get("display_name") or "")
    name = names.get("en") or details.get("name") or raw.get("name") or display.split(",")[0].strip() or query
    osm = f"osm:{_OSM_PREFIX.get(str(raw.get('osm_type')), '?')}{raw.get('osm_id', '')}"
    key = osm if raw.get("osm_id") is not None else f"osm:place{raw.get('place_id', '')}"
    country = str(address.get("country_code") or "").upper() or None
    return CacheEntry(status=FOUND, query=query, lang=lang, origin="nominatim", fetched_at=fetched_at,
                      key=key, name=str(name), display_name=display or None, kind=nominatim_kind(raw),
                      country=country, lat=float(raw["lat"]), lon=float(raw["lon"]), names=names)


def location_from_entry(entry: CacheEntry) -> Location:
    """The Location of a found entry (CacheEntry.from_json has checked it has coordinates)."""
    if entry.lat is None or entry.lon is None:
        raise ValueError(f"cache entry {entry.query!r} has no coordinates")
    return Location(key=entry.key or f"cache:{entry.lang}:{name_key(entry.query)}",
                    name=entry.name or entry.query, kind=entry.kind if entry.kind in PLACE_KINDS else "landmark",
                    country=entry.country, lat=float(entry.lat), lon=float(entry.lon),
                    names=tuple(sorted(entry.names.items())))


# ---------------------------------------------------------------------------------------------
# The polite Nominatim client
# ---------------------------------------------------------------------------------------------
class _InjectedRateLimiter(RateLimiter):
    """geopy's RateLimiter with the clock and sleep injected (tests run on a fake clock, no real sleeping).

    ``_clock`` / ``_sleep`` are geopy's own seams (geopy/extra/rate_limiter.py); retries are ours
    (``max_retries=0`` here) because geopy's retry loop ignores ``Retry-After``.
    """

    def __init__(self, func, *, min_delay_seconds, clock, sleeper):
        super().__init__(func, min_delay_seconds=min_delay_seconds, max_retries=0,
                         error_wait_seconds=min_delay_seconds, swallow_exceptions=False)
        self._clock_fn, self._sleep_fn = clock, sleeper

    def _clock(self):
        return self._clock_fn()

    def _sleep(self, seconds):
        self._sleep_fn(seconds)


def _call(func, *args, **kwargs):
    return func(*args, **kwargs)


_LIMITERS: dict[tuple, _InjectedRateLimiter] = {}
_LIMITERS_LOCK = threading.Lock()


def _shared_limiter(domain: str, min_delay_s: float, clock, sleeper) -> _InjectedRateLimiter:
    """One request slot per service and process: Streamlit runs a Geocoder per session in threads, and
    the policy's 1 request/s is per application, not per Geocoder object."""
    key = (domain, min_delay_s, clock, sleeper)
    with _LIMITERS_LOCK:
        if key not in _LIMITERS:
            _LIMITERS[key] = _InjectedRateLimiter(_call, min_delay_seconds=min_delay_s, clock=clock,
                                                  sleeper=sleeper)
        return _LIMITERS[key]


def _adapter_without_hidden_retries(*, proxies, ssl_context):
    """geopy's requests adapter retries inside urllib3 (``max_retries=2``), which honours Retry-After by
    really sleeping and sends requests our rate limiter never sees. All retries must be ours."""
    if RequestsAdapter.is_available:
        return RequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)
    return URLLibAdapter(proxies=proxies, ssl_context=ssl_context)  # urllib never retries


class _Transient(Exception):
    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.reason, self.wait = reason, wait


@dataclass(frozen=True, slots=True)
class NominatimOptions:
    """Where and how politely to ask: the server, timeouts, the rate, retries. ``clock`` and ``sleeper``
    are seams for tests (time enters only through them, as in geopy's RateLimiter)."""

    domain: str = NOMINATIM_DOMAIN
    scheme: str = "https"
    timeout: float = 10.0
    min_delay_s: float = 1.0  # the public server's policy: one request a second
    max_retries: int = 3
    backoff_s: float = 2.0
    max_wait_s: float = 60.0  # longest Retry-After we honour
    clock: Callable[[], float] = time.monotonic
    sleeper: Callable[[float], None] = time.sleep


class NominatimClient:
    """``search(query) -> raw dict | None``; None means Nominatim really answered "nothing".
    Every failure after retries raises ``GeocoderError`` (never a geopy type)."""

    def __init__(self, *, user_agent: str, options: NominatimOptions = NominatimOptions(), language: str = "en"):
        o = options
        if o.domain == NOMINATIM_DOMAIN and o.min_delay_s < 1.0:
            raise ConfigError(f"the public Nominatim allows 1 request per second; min_delay_s={o.min_delay_s!r}")
        self._geocoder = Nominatim(user_agent=check_user_agent(user_agent), domain=o.domain, scheme=o.scheme,
                                   timeout=o.timeout, adapter_factory=_adapter_without_hidden_retries)
        self._limiter = _shared_limiter(o.domain, o.min_delay_s, o.clock, o.sleeper)
        self._sleep = o.sleeper
        self.max_retries, self.backoff_s, self.max_wait_s = o.max_retries, o.backoff_s, o.max_wait_s
        self.language = language
        self.requests = 0  # HTTP requests attempted, for the summary

    def search(self, query: str) -> dict | None:
        for attempt in range(self.max_retries + 1):
            try:
                return self._once(query)
            except _Transient as err:
                wait = max(err.wait or 0.0, self.backoff_s * 2 ** attempt)
                if attempt == self.max_retries:
                    raise GeocoderError(f"Nominatim failed for {query!r} after {attempt + 1} tries: "
                                        f"{err.reason}") from err
                if wait > self.max_wait_s:
                    raise GeocoderError(f"Nominatim asked to wait {wait:.0f}s for {query!r} (limit "
                                        f"{self.max_wait_s:.0f}s): {err.reason}") from err
                log.warning("Nominatim %s for %r; retry %d/%d in %.1fs", err.reason, query, attempt + 1,
                            self.max_retries, wait)
                self._sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(self, query: str) -> dict | None:
        self.requests += 1
        try:
            loc = self._limiter(self._geocoder.geocode, query, exactly_one=True, addressdetails=True, namedetails=True,
                               language=self.language)
        except GeocoderRateLimited as err:
            raise _Transient("rate limited (429)", wait=err.retry_after) from err
        except (GeocoderTimedOut, GeocoderUnavailable) as err:
            # geopy maps 503/504 to TimedOut; refused connections and DNS failures to Unavailable.
            raise _Transient(f"{type(err).__name__}: {err}") from err
        except GeocoderParseError as err:
            # A garbled answer is not worth repeating at once; the name stays unresolved this run.
            raise GeocoderError(f"Nominatim sent a malformed answer for {query!r}") from err
        except GeocoderServiceError as err:
            status = getattr(err.__cause__, "status_code", None)
            if status is not None and status >= 500:
                raise _Transient(f"HTTP {status}") from err
            raise GeocoderError(f"Nominatim refused {query!r}: {err}") from err
        except GeopyError as err:
            raise GeocoderError(f"Nominatim failed for {query!r}: {err}") from err
        if loc is None:
            return None
        raw = loc.raw
        if not isinstance(raw, Mapping) or "lat" not in raw or "lon" not in raw:
            raise GeocoderError(f"Nominatim answer for {query!r} has no coordinates: {raw!r:.200}")
        return dict(raw)


# ---------------------------------------------------------------------------------------------
# The chain
# ---------------------------------------------------------------------------------------------
class Geocoder:
    """Resolve toponyms: overrides -> cache -> gazetteer pick -> Nominatim (only when ``online``).

    Use as a context manager (or call ``flush()``) so new online answers reach the cache file.
    ``stats`` counts answers per source plus "unresolved" (and "online_errors", "requests").
    ``problems`` lists what a user should see: a broken cache file, bad override rows.
    """

    def __init__(self, *, cache_path: str | os.PathLike = GEOCACHE_FILE,
                 overrides_path: str | os.PathLike = OVERRIDES_FILE, online: bool = False,
                 user_agent: str | None = None, refresh: bool = False,
                 corrections: Sequence[Correction] = (), nominatim: NominatimOptions = NominatimOptions(),
                 learned: Mapping[str, CacheEntry] | None = None,
                 keep_learned: Callable[[Mapping[str, CacheEntry]], None] | None = None,
                 not_found_ttl_days: float = 30.0,
                 breaker_failures: int = 3, now: Callable[[], float] = time.time, record_gazetteer: bool = False):
        self.online, self.refresh = online, refresh
        self._record_gazetteer = record_gazetteer
        self._now = now
        self._ttl_s = not_found_ttl_days * 86400
        self._breaker_failures = breaker_failures
        self._failures_in_row = 0
        self._client: NominatimClient | None = None
        if online:
            self._client = NominatimClient(user_agent=user_agent or "", options=nominatim)
        self.stats: Counter[str] = Counter(dict.fromkeys(STAT_KEYS, 0))
        self.problems: list[str] = []
        self.cache_error: CacheError | None = None  # the cache file was broken at load (kept aside)
        self.write_error: str | None = None  # the last flush failed
        self.written = 0  # cache entries written by flush() so far
        self.overrides, bad_rows = load_overrides(overrides_path, extra=corrections)
        self.problems.extend(bad_rows)
        self.cache = GeoCache(cache_path, now=now)
        try:
            self.cache.load()
        except CacheError as err:  # already moved aside and logged; keep going from the gazetteer
            self.cache_error = err
            self.problems.append(str(err))
        # Geocodes learned online and kept where restarts do not lose them (the library): used like the
        # file's, and new ones handed to ``keep_learned`` at every flush.
        self.cache.adopt(learned or {})
        self._keep_learned = keep_learned
        self._asked_this_run: set[str] = set()

    # -- public ---------------------------------------------------------------------------------
    def locate(self, toponym: Toponym) -> Place | None:
        place = self._locate(toponym)
        self.stats[place.source if place else "unresolved"] += 1
        return place

    def flush(self) -> int:
        """Write new cache entries (merged with the file on disk, and to ``keep_learned``). Returns how many
        were written to the file."""
        new = self.cache.pending_entries()
        if new and self._keep_learned is not None:
            try:
                self._keep_learned(new)
            except DashboardError as err:
                self.problems.append(f"could not keep the new geocodes: {err}")
                log.error("could not keep the new geocodes: %s", err)
        try:
            n = self.cache.flush()
        except (CacheError, OSError) as err:
            self.write_error = f"could not write the geocode cache {self.cache.path}: {err}"
            self.problems.append(self.write_error)
            log.error("%s", self.write_error)
            return 0
        self.written += n
        return n

    def __enter__(self) -> Geocoder:
        return self

    def __exit__(self, *exc) -> None:
        self.flush()

    @property
    def requests(self) -> int:
        return self._client.requests if self._client else 0

    # -- the chain ------------------------------------------------------------------------------
    def _locate(self, toponym: Toponym) -> Place | None:
        key = cache_key(toponym.query, toponym.lang)
        if key.endswith(":"):  # nothing to look up by name; only the gazetteer's pick can place it
            return Place(toponym.location, "gazetteer", toponym.mentions) if toponym.location else None
        surface_keys = [cache_key(m.text, toponym.lang) for m in toponym.mentions]

        def place(loc: Location, source: str) -> Place:
            return Place(location=loc, source=source, mentions=toponym.mentions)

        for k in [key, *surface_keys]:
            loc = self.overrides.get(k) or self.overrides.get(cache_key(k.split(":", 1)[1], ANY_LANG))
            if loc:
                return place(loc, "override")

        entry = self.cache.get(key)
        use_cache = not self.refresh or key in self._asked_this_run
        recorded_pick = entry is not None and entry.origin == "gazetteer"
        if entry and entry.found and use_cache and not (recorded_pick and toponym.location is not None):
            return place(location_from_entry(entry), "cache")
        if toponym.location is not None:
            if self._record_gazetteer and (entry is None or recorded_pick):
                self._record(key, toponym)
            return place(toponym.location, "gazetteer")
        if self._client is None or key in self._asked_this_run:
            return None
        if entry and not entry.found and use_cache and not entry.expired(self._now()):
            return None  # Nominatim said "nothing" recently; retried after expires_at
        if self._failures_in_row >= self._breaker_failures:
            return None
        entry = self._ask_online(toponym.query, toponym.lang, key)
        return place(location_from_entry(entry), "nominatim") if entry and entry.found else None

    def _record(self, key: str, toponym: Toponym) -> None:
        """Keep the gazetteer's answer in the cache (a fallback; the live pick still wins)."""
        loc = toponym.location
        assert loc is not None, "only a toponym the gazetteer placed is recorded"
        new = CacheEntry(status=FOUND, query=toponym.query, lang=toponym.lang, origin="gazetteer",
                         fetched_at=iso_utc(self._now()), key=loc.key, name=loc.name, display_name=loc.name,
                         kind=loc.kind, country=loc.country, lat=round(loc.lat, 5), lon=round(loc.lon, 5),
                         names=dict(loc.names))
        old = self.cache.get(key)
        if old is not None and replace(old, fetched_at=new.fetched_at) == new:
            return  # already recorded as it is: keep the file stable between runs
        self.cache.put(key, new)

    def _ask_online(self, query: str, lang: str, key: str) -> CacheEntry | None:
        assert self._client is not None, "asked online only when online"
        self._asked_this_run.add(key)
        now = self._now()
        try:
            raw = self._client.search(query)
        except GeocoderError as err:
            self.stats["online_errors"] += 1
            self._failures_in_row += 1
            log.warning("%s", err)
            if self._failures_in_row == self._breaker_failures:
                msg = (f"{self._failures_in_row} online lookups failed in a row; no more online lookups "
                       "this run (the names stay unresolved and are retried next run)")
                log.error(msg)
                self.problems.append(msg)
            return None
        self._failures_in_row = 0
        if raw is None:
            entry = CacheEntry(status=NOT_FOUND, query=query, lang=lang, origin="nominatim",
                               fetched_at=iso_utc(now), expires_at=iso_utc(now + self._ttl_s))
        else:
            try:
                entry = entry_from_nominatim(raw, query=query, lang=lang, fetched_at=iso_utc(now))
            except (KeyError, TypeError, ValueError) as err:
                self.stats["online_errors"] += 1
                log.warning("Nominatim answer for %r unusable: %s", query, err)
                return None
        self.cache.put(key, entry)
        return entry
