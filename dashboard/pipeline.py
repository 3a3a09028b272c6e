"""Composition only: articles -> toponyms -> geocoding -> relations -> Dataset.

No extraction logic lives here; each step is owned by its module. The processed-article cache keeps
the result of an unchanged article (same text, same extractor version) so it is never parsed twice.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dashboard import articles as articles_mod
from dashboard import gazetteer as gazetteer_mod
from dashboard import relations, toponyms
from dashboard.errors import ArticleError
from dashboard.geocoding import Geocoder
from dashboard.lang import en, ru
from dashboard.models import AnalyzedArticle, Article, Dataset, Extraction, Place, SkippedFile, Toponym
from dashboard.processed import ProcessedStore, file_key, fingerprint
from dashboard.settings import OVERRIDES_FILE, SEEDS_DIR

log = logging.getLogger(__name__)



@dataclass(frozen=True, slots=True)
class Located:
    """An article's places: what the extractor found, where the geocoder put it, what it could not place."""

    extraction: Extraction
    places: tuple[Place, ...]  # in order of first mention; one per location
    unresolved: tuple[Toponym, ...]


def locate(article: Article, *, geocoder: Geocoder, gazetteer=None) -> Located:
    """The places step: toponyms of the article, each through the geocoding chain. Places that resolve
    to the same location are merged."""
    gaz = gazetteer if gazetteer is not None else gazetteer_mod.load()
    extraction = toponyms.extract(article, gaz)
    by_key: dict[str, Place] = {}
    unresolved: list[Toponym] = []
    for toponym in extraction.toponyms:
        place = geocoder.locate(toponym)
        if place is None:
            unresolved.append(toponym)
            continue
        seen = by_key.get(place.location.key)
        if seen is None:
            by_key[place.location.key] = place
        else:  # "ЮКО" and "Южно-Казахстанская область" are one place with two names
            mentions = tuple(sorted({*seen.mentions, *place.mentions}, key=lambda m: (m.start, m.end)))
            by_key[place.location.key] = Place(location=seen.location, source=seen.source, mentions=mentions)
    places = tuple(sorted(by_key.values(), key=lambda p: p.mentions[0].start if p.mentions else 0))
    return Located(extraction=extraction, places=places, unresolved=tuple(unresolved))


def analyze(article: Article, *, geocoder: Geocoder, gazetteer=None) -> AnalyzedArticle:
    """One article through every step: places, then the relations between them."""
    gaz = gazetteer if gazetteer is not None else gazetteer_mod.load()
    located = locate(article, geocoder=geocoder, gazetteer=gaz)
    extraction = located.extraction
    links = tuple(relations.extract_links(article, located.places, extraction.demonyms,
                                          country_location=gaz.country))
    # An organisation has no place of its own: it is a marker only as a side of a link (the EU met by a
    # delegation), not wherever it is named (NATO in a news story is no place in Brussels).
    ends = {loc.key for link in links for loc in (link.home, link.partner)}
    places = tuple(p for p in located.places if p.location.kind != "organization" or p.location.key in ends)
    unresolved = sorted((m for t in located.unresolved for m in t.mentions), key=lambda m: m.start)
    return AnalyzedArticle(article=article, places=places, unresolved=tuple(unresolved),
                           links=links, demonyms=extraction.demonyms)


def release_models() -> None:
    """Free the NLP models after a build; the next article that needs them loads them again."""
    en.release()
    ru.release()


def models_loaded() -> bool:
    return en.loaded() or ru.loaded()


def make_geocoder(*, online: bool = False, user_agent: str | None = None,
                  overrides_path: str | Path = OVERRIDES_FILE) -> Geocoder:
    return Geocoder(overrides_path=overrides_path, online=online, user_agent=user_agent)


# An uploaded file or pasted text becomes an Article the same way a file in the folder does.
ANALYSED_CHARS = articles_mod.ANALYSED_CHARS
load_paths = articles_mod.load_paths  # (paths) -> (articles, skipped files)
iter_paths = articles_mod.iter_paths  # folders expanded to their .txt files
decode_upload = articles_mod.decode  # (bytes, name) -> (text, warnings); ArticleError when unreadable
article_from_text = articles_mod.load_text


def build_library(folder: str | Path, *, online: bool = False, user_agent: str | None = None,
                  overrides_path: str | Path = OVERRIDES_FILE) -> Dataset:
    """The dashboard's build of a folder: every article, unchanged ones from the processed-article cache.

    The cache is keyed by the code and geodata and by the overrides file in use, so a correction made on
    the page rebuilds what it changes. Without a usable cache folder the build is slower, not wrong."""
    store = None
    try:
        digest = hashlib.sha256(Path(overrides_path).read_bytes()).hexdigest() if Path(overrides_path).is_file() else ""
        key = hashlib.sha256(f"{fingerprint()}|{overrides_path}|{digest}".encode()).hexdigest()[:32]
        store = ProcessedStore(fingerprint_value=key)
    except (OSError, ValueError) as err:
        log.warning("processed-article cache unavailable: %s", err)
    geocoder = make_geocoder(online=online, user_agent=user_agent, overrides_path=overrides_path)
    return build([folder], geocoder=geocoder, store=store)


def build(paths: Iterable[str | Path] | None = None, *, online: bool = False, user_agent: str | None = None,
          geocoder: Geocoder | None = None, store: ProcessedStore | None = None) -> Dataset:
    """Load and analyse every article under ``paths`` (default: seeds/). Bad files are listed, not fatal.

    With a ``store``, an article whose bytes are unchanged is taken from it without parsing, and the
    gazetteer is not even loaded when every article is a hit.
    """
    geocoder = geocoder or make_geocoder(online=online, user_agent=user_agent)
    analyzed: list[AnalyzedArticle] = []
    skipped: list[SkippedFile] = []
    for item in articles_mod.read_files(list(paths) if paths is not None else [SEEDS_DIR]):
        if isinstance(item, SkippedFile):
            skipped.append(item)
            continue
        key = file_key(item.path, item.raw) if store is not None else ""
        hit = store.get(key) if store is not None else None
        if hit is not None:
            analyzed.append(hit)
            continue
        result = _analyze_safely(item, geocoder=geocoder)
        if isinstance(result, SkippedFile):
            skipped.append(result)
            continue
        analyzed.append(result)
        if store is not None:
            store.put(key, result)
    geocoder.flush()
    if store is not None:
        store.save()
    return Dataset(articles=tuple(analyzed), skipped=tuple(skipped))


def _analyze_safely(item: articles_mod.RawFile, *, geocoder: Geocoder) -> AnalyzedArticle | SkippedFile:
    """One file; whatever goes wrong with it is reported against it and the build goes on."""
    try:
        return analyze(articles_mod.parse_file(item), geocoder=geocoder)
    except ArticleError as err:
        return SkippedFile(path=err.path, reason=err.reason)
    except Exception as err:  # a bug on one odd article must not take the dashboard down
        log.exception("analysing %s failed", item.path)
        return SkippedFile(path=item.path, reason=f"could not be analysed ({type(err).__name__}: {err})")


def analyze_text(text: str, *, name: str, title: str | None = None, date: str | None = None,
                 source: str | None = None, geocoder: Geocoder | None = None) -> AnalyzedArticle:
    """An uploaded or pasted article, through the same steps as the files in seeds/."""
    article = articles_mod.load_text(text, article_id=name, path=f"<upload:{name}>", title=title,
                                     date_str=date, source=source)
    return analyze(article, geocoder=geocoder or make_geocoder())
