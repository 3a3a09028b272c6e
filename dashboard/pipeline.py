"""Composition only: articles -> toponyms -> geocoding -> relations -> Dataset.

No extraction logic lives here; each step is owned by its module. ``ingest`` keeps the library's analyses
current with ``analyze``; ``code_version`` is the extractor's version they are keyed by.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dashboard import articles as articles_mod
from dashboard import gazetteer as gazetteer_mod
from dashboard import relations, toponyms
from dashboard.errors import AnalysisTimeout, ArticleError
from dashboard.geocoding import Geocoder
from dashboard.lang import en, ru
from dashboard.models import AnalyzedArticle, Article, Dataset, Extraction, Place, SkippedFile, Toponym
from dashboard.settings import GEODATA_DIR, OVERRIDES_FILE, PACKAGE_DIR, SEEDS_DIR

log = logging.getLogger(__name__)

# A news article is read in well under a second; one that takes this long has hit a bug (a parse that loops
# hung a whole build once). Geocoding is outside the limit: online, it waits a second per request.
READING_LIMIT_S = 60.0


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise AnalysisTimeout in the block after ``seconds`` of wall time. A signal is the only way to stop
    pure-Python code that never returns, and only a process's main thread receives one: the command line and
    the build's worker processes are limited; the page's own thread (Streamlit runs the script in another)
    is not."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise AnalysisTimeout(f"reading it took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)  # and again each second, should a broad except swallow it
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
    with _time_limit(READING_LIMIT_S):
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
    with _time_limit(READING_LIMIT_S):
        links = tuple(relations.extract_links(article, located.places, extraction.demonyms,
                                              country_location=gaz.country, bodies=extraction.bodies))
    # An organisation has no place of its own: it is a marker only as a side of a link (the EU met by a
    # delegation), not wherever it is named (NATO in a news story is no place in Brussels).
    ends = {loc.key for link in links for loc in (link.home, link.partner)}
    places = tuple(p for p in located.places if p.location.kind != "organization" or p.location.key in ends)
    unresolved = sorted((m for t in located.unresolved for m in t.mentions), key=lambda m: m.start)
    return AnalyzedArticle(article=article, places=places, unresolved=tuple(unresolved),
                           links=links, demonyms=extraction.demonyms)


def prepare() -> None:
    """Load what every analysis reads (the gazetteer index) now, e.g. before worker processes are forked."""
    gazetteer_mod.load()


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


def build(paths: Iterable[str | Path] | None = None, *, online: bool = False, user_agent: str | None = None,
          geocoder: Geocoder | None = None) -> Dataset:
    """Load and analyse every article file under ``paths`` (default: seeds/), without a library: the
    command line's ``extract`` and ``evaluate``. Bad files are listed, not fatal."""
    geocoder = geocoder or make_geocoder(online=online, user_agent=user_agent)
    analyzed: list[AnalyzedArticle] = []
    skipped: list[SkippedFile] = []
    for item in articles_mod.read_files(list(paths) if paths is not None else [SEEDS_DIR]):
        result = item if isinstance(item, SkippedFile) else analyze_safely(
            functools.partial(articles_mod.parse_file, item), path=item.path, geocoder=geocoder)
        if isinstance(result, SkippedFile):
            skipped.append(result)
        else:
            analyzed.append(result)
    geocoder.flush()
    return Dataset(articles=tuple(analyzed), skipped=tuple(skipped))


def analyze_safely(read: Callable[[], Article], *, path: str, geocoder: Geocoder) -> AnalyzedArticle | SkippedFile:
    """One article (``read`` parses it); whatever goes wrong with it is reported against it, and the build
    goes on."""
    try:
        return analyze(read(), geocoder=geocoder)
    except ArticleError as err:
        return SkippedFile(path=err.path, reason=err.reason)
    except AnalysisTimeout as err:
        log.error("analysing %s: %s", path, err)
        return SkippedFile(path=path, reason=f"skipped: {err} (a bug on this text; please report it)")
    except Exception as err:  # a bug on one odd article must not take the dashboard down
        log.exception("analysing %s failed", path)
        return SkippedFile(path=path, reason=f"could not be analysed ({type(err).__name__}: {err})")


# What the page and the command line are made of, not the extraction: changing them leaves every stored
# analysis valid (a fix to the map must not make a hosted library of 100,000 articles be analysed again).
# Anything not named here counts, so a new module is safe by default.
NOT_EXTRACTION = ("app.py", "cli.py", "__main__.py", "catalog.py", "viewstate.py", "search.py", "review.py",
                  "evaluate.py", "geocode_command.py", "mapview", "static", "library/store.py", "library/fetch.py",
                  "library/feeds.py")


@functools.cache
def code_version() -> str:
    """Hash of the extraction's code and data files and of the geodata it reads (all but the big basemap):
    any change to what an article would yield changes it."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        rel = path.relative_to(PACKAGE_DIR).as_posix()
        if any(rel == part or rel.startswith(part + "/") for part in NOT_EXTRACTION):
            continue
        if path.suffix in (".py", ".json", ".csv", ".txt") and "__pycache__" not in path.parts:
            h.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            h.update(path.read_bytes())
    if GEODATA_DIR.is_dir():
        for path in sorted(GEODATA_DIR.iterdir()):
            if (path.is_file() and path.suffix in (".json", ".csv", ".tsv") and path.name != OVERRIDES_FILE.name
                    and "countries" not in path.name):
                h.update(path.name.encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:32]


def analyze_text(text: str, *, name: str, title: str | None = None, date: str | None = None,
                 source: str | None = None, geocoder: Geocoder | None = None) -> AnalyzedArticle:
    """An uploaded or pasted article, through the same steps as the files in seeds/."""
    article = articles_mod.load_text(text, article_id=name, path=f"<upload:{name}>", title=title,
                                     date_str=date, source=source)
    return analyze(article, geocoder=geocoder or make_geocoder())
