"""``python -m dashboard geocode [--online] [--refresh] [--user-agent UA] [PATH ...]``.

Resolves every place name in the articles through the geocoding chain, writes new answers to the cache
file, and prints a summary: how many names came from overrides / cache / gazetteer / online, and the
unresolved names with the articles they come from (the list a user works from to add overrides).

Exit status: 0 when every file loaded and the cache is healthy; 1 when a file was skipped or the cache
file was broken / could not be written (the summary says which). Unresolved names alone are not an error.
"""

from __future__ import annotations

import logging
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from dashboard import pipeline
from dashboard.geocoding import Geocoder

log = logging.getLogger(__name__)

_SOURCE_LABELS = (("override", "overrides"), ("cache", "cache"), ("gazetteer", "gazetteer"),
                  ("nominatim", "online (Nominatim)"), ("unresolved", "unresolved"))


def run(paths: Iterable[str | Path], *, online: bool, refresh: bool = False, user_agent: str | None = None,
        out: TextIO = sys.stdout, err: TextIO = sys.stderr, geocoder: Geocoder | None = None,
        gazetteer=None) -> int:
    """Geocode every toponym of the articles under ``paths``; returns the exit status.

    ``geocoder`` / ``gazetteer`` are seams for tests; by default the geocoder uses the committed
    geodata/ files and raises ConfigError when ``online`` has no User-Agent.
    """
    loaded, skipped = pipeline.load_paths(list(paths))
    for bad in skipped:
        print(f"skipped {bad.path}: {bad.reason}", file=err)
    # recording gazetteer answers makes the committed cache list every place the articles name
    geo = geocoder or Geocoder(online=online, user_agent=user_agent, refresh=refresh, record_gazetteer=True)

    n_names = 0
    unresolved: dict[tuple[str, str], list[str]] = defaultdict(list)
    with geo:  # flushes new cache entries even if interrupted
        for article in tqdm(loaded, desc="geocoding", unit="article", file=err, disable=None):
            located = pipeline.locate(article, geocoder=geo, gazetteer=gazetteer)
            n_names += len(located.extraction.toponyms)
            for toponym in located.unresolved:
                ids = unresolved[(toponym.lang, toponym.query)]
                if article.id not in ids:
                    ids.append(article.id)

    _print_summary(out, geo, n_articles=len(loaded), n_skipped=len(skipped), n_names=n_names,
                   unresolved=unresolved)
    return 1 if skipped or geo.cache_error or geo.write_error else 0


def _print_summary(out: TextIO, geo: Geocoder, *, n_articles: int, n_skipped: int, n_names: int,
                   unresolved: dict[tuple[str, str], list[str]]) -> None:
    skipped = f", {n_skipped} file(s) skipped" if n_skipped else ""
    print(f"Geocoded {n_names} place names in {n_articles} articles{skipped}.", file=out)
    width = max(len(label) for _, label in _SOURCE_LABELS)
    for key, label in _SOURCE_LABELS:
        print(f"  {label:<{width}}  {geo.stats[key]:>5}", file=out)
    mode = "online" if geo.online else "offline"
    print(f"Nominatim: {mode}, {geo.requests} HTTP request(s), {geo.stats['online_errors']} failed name(s).",
          file=out)
    print(f"Cache: {_shown(geo.cache.path)} ({geo.written} new entries written, {len(geo.cache)} in total).", file=out)
    if unresolved:
        print(f"Unresolved names ({len(unresolved)}); add a row to geodata/overrides.csv to place one:", file=out)
        for (lang, query), ids in sorted(unresolved.items(), key=lambda kv: (kv[0][0], kv[0][1].casefold())):
            print(f"  {lang}  {query}  ({', '.join(ids)})", file=out)
    else:
        print("Unresolved names: none.", file=out)
    for problem in geo.problems:
        print(f"problem: {problem}", file=out)


def _shown(path: Path) -> str:
    """Relative to the working directory when inside it: shorter, and what the user would type."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
