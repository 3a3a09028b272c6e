"""Processed-article cache: an unchanged article is never analysed twice.

An entry is keyed by the file's bytes and path; the whole cache is tied to a fingerprint of the code and
the geodata (gazetteer data, overrides, geocode cache), so a new extractor or a corrected override
invalidates it at once instead of serving stale places. It is derived data: when the fingerprint changes
or the file is unreadable it starts empty (nothing a user wrote is lost), unlike geodata/geocache.json.

The file is a pickle in the user's cache folder (``$SHYMKENT_TIES_CACHE/shymkent-ties``, default ~/.cache/...),
written by this program only; loading 10,000 analysed articles from it takes well under a second.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle  # noqa: S403 -- our own cache file in the user's cache folder, never downloaded
import tempfile
from functools import cache
from pathlib import Path

from dashboard.models import AnalyzedArticle

log = logging.getLogger(__name__)

FORMAT = 1
PACKAGE_DIR = Path(__file__).resolve().parent
GEODATA_DIR = PACKAGE_DIR.parent / "geodata"


def default_dir() -> Path:
    """The same folder as the gazetteer's compiled index (``SHYMKENT_TIES_CACHE`` moves both)."""
    from dashboard.gazetteer import _default_cache_dir

    return _default_cache_dir()


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
    """``get``/``put`` analysed articles by ``file_key``; ``save`` writes the file atomically."""

    def __init__(self, folder: str | os.PathLike | None = None, *, fingerprint_value: str | None = None):
        self.fingerprint = fingerprint_value or fingerprint()
        self.path = Path(folder or default_dir()) / "processed.pickle"
        self._items: dict[str, AnalyzedArticle] = {}
        self._dirty = False
        self.hits = self.misses = 0
        self._load()

    def _load(self) -> None:
        try:
            with open(self.path, "rb") as fh:
                data = pickle.load(fh)  # noqa: S301 -- see module docstring
        except FileNotFoundError:
            return
        except Exception as err:  # a half-written or foreign file: derived data, start afresh
            log.warning("processed-article cache %s unreadable (%s); starting empty", self.path, err)
            return
        if isinstance(data, dict) and data.get("format") == FORMAT and data.get("fingerprint") == self.fingerprint:
            self._items = data["items"]

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: str) -> AnalyzedArticle | None:
        found = self._items.get(key)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put(self, key: str, value: AnalyzedArticle) -> None:
        self._items[key] = value
        self._dirty = True

    def save(self) -> None:
        if not self._dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".processed-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump({"format": FORMAT, "fingerprint": self.fingerprint, "items": self._items}, fh,
                                protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self.path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
            self._dirty = False
        except OSError as err:  # a read-only home (some hosts): the cache is an optimisation, not data
            log.warning("cannot write processed-article cache %s: %s", self.path, err)
