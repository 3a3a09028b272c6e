"""The persistent geocode cache (geodata/geocache.json): keys, entries, load, merge and atomic save.

The file is committed, so a fresh clone renders every known place without network. It is:
- deterministic (sorted keys, readable Cyrillic, fixed indent) so diffs stay small and reviewable;
- versioned (``schema``), so an old program never misreads a newer layout;
- written atomically (temp file in the same directory + ``os.replace``) under a ``filelock`` lock,
  merging with what is on disk at write time, so concurrent writers never lose each other's entries;
- never silently replaced when broken: a corrupt, truncated or wrong-version file is moved aside
  (``geocache.json.corrupt-<UTC timestamp>``) and reported with a ``CacheError`` naming it.

What goes in (decided in geocoding.py, documented there): online answers, found and not found. Not found
answers carry ``expires_at`` so they are retried later; errors (timeouts, 5xx) are never stored.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from dashboard.errors import CacheError
from dashboard.files import LockTimeout, locked, write_atomically
from dashboard.names import name_key

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
FOUND = "found"
NOT_FOUND = "not_found"
LOCK_TIMEOUT_S = 30.0

def cache_key(name: str, lang: str) -> str:
    """``<lang>:<name key>``: the same spelling may mean different places in different languages. The name
    part is ``names.name_key``, the key the gazetteer, the overrides and the search use too."""
    return f"{lang.casefold()}:{name_key(name)}"


def current_key(key: str) -> str:
    """A stored key made again with today's key function: a file or library written under an older one
    still matches."""
    lang, _, name = key.partition(":")
    return cache_key(name, lang)


def iso_utc(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso_utc(text: str) -> float:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()


@dataclass(frozen=True, slots=True)
class CacheEntry:
    """One cached answer. ``status`` is "found" (coordinates set) or "not_found" (expires)."""

    status: str
    query: str
    lang: str
    origin: str  # who answered: "nominatim" today
    fetched_at: str  # ISO UTC
    key: str | None = None  # Location.key, e.g. "osm:R214665"
    name: str | None = None
    display_name: str | None = None
    kind: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    names: dict[str, str] = field(default_factory=dict)
    expires_at: str | None = None  # only for not_found

    @property
    def found(self) -> bool:
        return self.status == FOUND

    def expired(self, now: float) -> bool:
        return self.expires_at is not None and parse_iso_utc(self.expires_at) <= now

    def to_json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None and v != {}}

    @classmethod
    def from_json(cls, data: Mapping) -> CacheEntry:
        if not isinstance(data, Mapping):
            raise ValueError(f"expected an object, got {type(data).__name__}")
        known = set(cls.__dataclass_fields__)
        entry = cls(**{k: v for k, v in data.items() if k in known})
        if entry.status not in (FOUND, NOT_FOUND):
            raise ValueError(f"status must be {FOUND!r} or {NOT_FOUND!r}, got {entry.status!r}")
        if entry.found and not (isinstance(entry.lat, int | float) and isinstance(entry.lon, int | float)):
            raise ValueError(f"found entry without numeric lat/lon: {entry.lat!r}, {entry.lon!r}")
        parse_iso_utc(entry.fetched_at)
        return entry


def _newer(base: CacheEntry, new: CacheEntry) -> CacheEntry:
    """Merge rule for one key seen on disk (base) and in memory (new): the later fetch wins. On a tie
    (timestamps have 1 s resolution) the new entry wins, unless it would hide a hit behind a miss."""
    tb, tn = parse_iso_utc(base.fetched_at), parse_iso_utc(new.fetched_at)
    if tb != tn:
        return new if tn > tb else base
    return new if new.found or not base.found else base


def merge(base: Mapping[str, CacheEntry], new: Mapping[str, CacheEntry]) -> dict[str, CacheEntry]:
    out = dict(base)
    for key, entry in new.items():
        out[key] = _newer(out[key], entry) if key in out else entry
    return out


def dumps(entries: Mapping[str, CacheEntry]) -> str:
    doc = {"schema": SCHEMA_VERSION, "entries": {k: e.to_json() for k, e in entries.items()}}
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def parse(text: str) -> dict[str, CacheEntry]:
    """Entries from the file's text; ValueError says what is wrong (caller adds the file name)."""
    doc = json.loads(text)  # JSONDecodeError is a ValueError
    if not isinstance(doc, dict):
        raise ValueError(f"expected a JSON object at top level, got {type(doc).__name__}")
    if doc.get("schema") != SCHEMA_VERSION:
        raise ValueError(f"schema version {doc.get('schema')!r}, this program reads {SCHEMA_VERSION}")
    raw = doc.get("entries")
    if not isinstance(raw, dict):
        raise ValueError(f"'entries' must be an object, got {type(raw).__name__}")
    entries: dict[str, CacheEntry] = {}
    for key, value in raw.items():
        try:
            entry = CacheEntry.from_json(value)
        except (TypeError, ValueError) as err:
            raise ValueError(f"entry {key!r}: {err}") from err
        current = current_key(key)
        entries[current] = _newer(entries[current], entry) if current in entries else entry
    return entries


class GeoCache:
    """The cache file plus the entries added in this process and not yet written.

    ``load()`` reads the file (missing file = empty cache). A broken file is moved aside and
    ``CacheError`` raised; the instance is then empty and usable, and the next ``flush()`` starts a
    fresh file (the bad one stays kept aside for a human to look at).
    """

    def __init__(self, path: str | os.PathLike, *, now=time.time):
        self.path = Path(path)
        self._now = now
        self._entries: dict[str, CacheEntry] = {}
        self._pending: dict[str, CacheEntry] = {}

    # -- reading ------------------------------------------------------------------------------
    def load(self) -> GeoCache:
        self._entries = self._read_disk()
        return self

    def _read_disk(self) -> dict[str, CacheEntry]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as err:
            raise self._quarantine(f"cannot read: {err}") from err
        try:
            return parse(text)
        except ValueError as err:
            raise self._quarantine(str(err)) from err

    def _quarantine(self, reason: str) -> CacheError:
        """Move the bad file aside (never delete it); return the CacheError naming both files."""
        stamp = datetime.fromtimestamp(self._now(), UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while aside.exists():  # two failures in one second must not overwrite each other
            n += 1
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        kept_as = None
        try:
            os.replace(self.path, aside)
            kept_as = str(aside)
        except OSError as err:  # read-only deployment: report, still never overwrite it later
            log.warning("could not move the bad cache %s aside: %s", self.path, err)
            reason += f"; moving it aside failed: {err}"
        log.error("geocode cache %s is unusable (%s); kept as %s", self.path, reason, kept_as)
        return CacheError(str(self.path), reason, kept_as=kept_as)

    def adopt(self, entries: Mapping[str, CacheEntry]) -> None:
        """Entries kept elsewhere (the library's learned geocodes) join what the file holds; the later
        fetch of a key wins. They are not written to the file."""
        self._entries = merge(self._entries, {current_key(k): e for k, e in entries.items()})

    def pending_entries(self) -> dict[str, CacheEntry]:
        return dict(self._pending)

    def get(self, key: str) -> CacheEntry | None:
        return self._pending.get(key) or self._entries.get(key)

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __len__(self) -> int:
        return len(self._entries.keys() | self._pending.keys())

    def keys(self) -> set[str]:
        return set(self._entries) | set(self._pending)

    @property
    def pending(self) -> int:
        return len(self._pending)

    # -- writing ------------------------------------------------------------------------------
    def put(self, key: str, entry: CacheEntry) -> None:
        self._pending[key] = entry

    def flush(self) -> int:
        """Write pending entries: lock, re-read the disk, merge, atomic replace. Returns entries written.

        With nothing pending it does nothing (an offline dashboard never touches the file).
        """
        if not self._pending:
            return 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with locked(self.path, timeout=LOCK_TIMEOUT_S):
                try:
                    on_disk = self._read_disk()
                except CacheError as err:
                    # Moved aside by _read_disk; our entries go into a fresh file, the error is surfaced.
                    log.error("%s", err)
                    on_disk = {}
                merged = merge(on_disk, self._pending)
                write_atomically(self.path, dumps(merged))
        except LockTimeout as err:
            raise CacheError(str(self.path), f"lock {self.path}.lock busy for {LOCK_TIMEOUT_S:.0f}s") from err
        written = len(self._pending)
        self._entries = merge(self._entries, merged)  # adopted entries (not in the file) stay known
        self._pending = {}
        log.info("geocode cache %s: wrote %d new entries (%d total)", self.path, written, len(merged))
        return written
