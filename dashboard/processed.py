"""Processed-article cache: an unchanged article is never analysed twice.

An entry is keyed by the file's bytes and path; the whole cache is tied to a fingerprint of the code and
the geodata (gazetteer data, overrides, geocode cache), so a new extractor or a corrected override
invalidates it at once instead of serving stale places. It is derived data: when the fingerprint changes
or the file is unreadable it starts empty (nothing a user wrote is lost), unlike geodata/geocache.json.

The files are pickles in the user's cache folder (``settings.cache_dir()``),
written by this program only; loading 10,000 analysed articles from it takes well under a second.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle  # noqa: S403 -- our own cache file in the user's cache folder, never downloaded
import shutil
from functools import cache
from pathlib import Path

from dashboard import settings
from dashboard.files import write_atomically
from dashboard.models import AnalyzedArticle
from dashboard.settings import GEODATA_DIR, PACKAGE_DIR

log = logging.getLogger(__name__)

FORMAT = 1


@cache
def _code_digest() -> str:
    """Hash of the package's code and data files: any change to the extractor changes it."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.suffix in (".py", ".json", ".csv", ".txt") and "__pycache__" not in path.parts:
            h.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def fingerprint(geodata_dir: Path = GEODATA_DIR) -> str:
    """Code + every geodata file except the big basemap, which does not change what is extracted."""
    h = hashlib.sha256(_code_digest().encode())
    if geodata_dir.is_dir():
        for path in sorted(geodata_dir.iterdir()):
            if path.is_file() and path.suffix in (".json", ".csv", ".tsv") and "countries" not in path.name:
                h.update(path.name.encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:32]


def file_key(path: str, raw: bytes) -> str:
    return hashlib.sha256(path.encode("utf-8") + b"\0" + raw).hexdigest()


class ProcessedStore:
    """``get``/``put`` analysed articles by ``file_key``; ``save`` writes what changed, atomically.

    Entries live in 256 shard files by key prefix, under a folder named by the fingerprint, so adding
    one article to 10,000 rewrites one small shard instead of the whole cache (2.2 s for 10,000).
    """

    def __init__(self, folder: str | os.PathLike | None = None, *, fingerprint_value: str | None = None):
        self.fingerprint = fingerprint_value or fingerprint()
        self.root = Path(folder or settings.cache_dir()) / f"processed-v{FORMAT}"
        self.path = self.root / self.fingerprint
        self._shards: dict[str, dict[str, AnalyzedArticle]] = {}
        self._dirty: set[str] = set()
        self.hits = self.misses = 0
        self._load()

    def _load(self) -> None:
        if not self.path.is_dir():
            return
        for shard in self.path.glob("*.pickle"):
            try:
                with open(shard, "rb") as fh:
                    items = pickle.load(fh)  # noqa: S301 -- see module docstring
            except Exception as err:  # a half-written or foreign file: derived data, that shard starts afresh
                log.warning("processed-article cache shard %s unreadable (%s); ignoring it", shard, err)
                continue
            if isinstance(items, dict):
                self._shards[shard.stem] = items

    def __len__(self) -> int:
        return sum(len(items) for items in self._shards.values())

    def get(self, key: str) -> AnalyzedArticle | None:
        found = self._shards.get(key[:2], {}).get(key)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put(self, key: str, value: AnalyzedArticle) -> None:
        self._shards.setdefault(key[:2], {})[key] = value
        self._dirty.add(key[:2])

    def save(self) -> None:
        if not self._dirty:
            return
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            for prefix in sorted(self._dirty):
                write_atomically(self.path / f"{prefix}.pickle",
                                 pickle.dumps(self._shards[prefix], protocol=pickle.HIGHEST_PROTOCOL), mode=0o600)
            self._dirty.clear()
            self._drop_other_fingerprints()
        except OSError as err:  # a read-only home (some hosts): the cache is an optimisation, not data
            log.warning("cannot write processed-article cache %s: %s", self.path, err)

    def _drop_other_fingerprints(self) -> None:
        """Caches of older code or geodata are never read again: remove them so the folder stays small."""
        for other in self.root.iterdir():
            if other.is_dir() and other.name != self.fingerprint:
                shutil.rmtree(other, ignore_errors=True)
