"""Articles into the library, and the library's analyses kept current: composition, like the pipeline.

- ``build``: the dashboard's start. The articles folder (seeds/ by default) is mirrored into the library by
  content, every article without an analysis of the current extractor version is analysed, and the
  library becomes a Dataset. An unchanged article is never analysed twice.
- ``add_text`` / ``add_url`` / ``add_paths``: an upload, a pasted text, a page's address, files.
- ``check_feeds``: every followed feed's new items become articles.
- ``export_corrections``: the overrides file as it would be with the library's corrections, to commit.

The extractor version is the code and geodata (``pipeline.code_version``) plus the corrections in use (the
overrides file and the library's corrections): a correction re-analyses what it may change.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from dashboard import articles as articles_mod
from dashboard import pipeline, settings
from dashboard.errors import ArticleError, FetchError
from dashboard.geocache import CacheEntry
from dashboard.geocoding import Geocoder, override_text
from dashboard.library import codec, feeds, fetch
from dashboard.library.store import Added, Library, NewArticle, StoredArticle, text_hash
from dashboard.library.store import query_words as query_words  # re-exported: the page reaches the library through here
from dashboard.models import AnalyzedArticle, Article, Dataset, SkippedFile
from dashboard.models import Correction as Correction  # re-exported for callers adding corrections

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]  # (done, total, what is being done)


def open_library(url: str | None = None, *, secrets: dict | None = None) -> Library:
    """The library at ``url``, else the one settings name (environment, secrets, else the SQLite file)."""
    return Library(url or settings.library_url(secrets=secrets))


def extractor_version(library: Library, overrides_path: str | Path = settings.OVERRIDES_FILE) -> str:
    return _version(library.corrections(), overrides_path)


def _version(corrections: Sequence[Correction], overrides_path: str | Path) -> str:
    h = hashlib.sha256(pipeline.code_version().encode())
    try:
        h.update(Path(overrides_path).read_bytes())
    except OSError:
        h.update(b"-")
    for row in corrections:
        h.update("\x1f".join(row.cells()).encode())
    return h.hexdigest()[:32]


def geocoder_for(library: Library, *, online: bool = False, user_agent: str | None = None,
                 overrides_path: str | Path = settings.OVERRIDES_FILE, **options) -> Geocoder:
    """The geocoding chain with the library's corrections after the overrides file, and the geocodes it
    learned online before (a hosted app's file system forgets them at every restart; the library does not)."""
    return _geocoder(library, library.corrections(), online=online, user_agent=user_agent,
                     overrides_path=overrides_path, **options)


def analysis_context(library: Library, *, online: bool = False, user_agent: str | None = None,
                     overrides_path: str | Path = settings.OVERRIDES_FILE) -> tuple[Geocoder, str]:
    """What an article is analysed with: the geocoding chain (``geocoder_for``) and the extractor version its
    analysis is kept under (``extractor_version``), both from one reading of the library's corrections."""
    corrections = library.corrections()
    return (_geocoder(library, corrections, online=online, user_agent=user_agent, overrides_path=overrides_path),
            _version(corrections, overrides_path))


def _geocoder(library: Library, corrections: Sequence[Correction], *, online: bool, user_agent: str | None,
              overrides_path: str | Path, **options) -> Geocoder:
    learned = {}
    for key, value in library.learned_geocodes().items():
        try:
            learned[key] = CacheEntry.from_json(value)
        except (TypeError, ValueError) as err:  # written by another version: asked again when needed
            log.warning("library geocode %r unreadable: %s", key, err)

    def keep(entries) -> None:
        library.keep_geocodes({k: e.to_json() for k, e in entries.items()})

    return Geocoder(overrides_path=overrides_path, online=online, user_agent=user_agent,
                    corrections=corrections, learned=learned, keep_learned=keep, **options)


def article_of(stored: StoredArticle) -> Article:
    """A stored article parsed as a file would be; what the user said about it wins."""
    return articles_mod.load_text(stored.text, article_id=stored.name, path=stored.shown_path, title=stored.title,
                                  date_str=stored.date, source=stored.source, url=stored.url)


# --------------------------------------------------------------------------------------- the folder

@dataclass(frozen=True, slots=True)
class SyncReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    skipped: tuple[SkippedFile, ...] = ()


SYNC_BATCH = 500  # new files stored per transaction when a folder is mirrored


def sync_folder(library: Library, folder: str | Path) -> SyncReport:
    """Mirror the folder's .txt files into the library, by content: a new file is added, a changed one
    replaced (and re-analysed), a removed one removed. A file with the same words as an article already
    in the library is counted once. Files the folder never held (uploads, pages) are not touched."""
    folder = Path(folder)
    # (id, text hash) by path: the texts stay in the library (a folder of 100,000 is compared in seconds)
    stored = {path: (aid, digest) for aid, path, digest in library.files() if _inside(path, folder)}
    added = updated = 0
    skipped: list[SkippedFile] = []
    seen: set[str] = set()
    new: list[NewArticle] = []  # files the library has not seen
    for item in articles_mod.read_files([folder]):
        if isinstance(item, SkippedFile):
            skipped.append(item)
            continue
        seen.add(item.path)
        try:
            text, _warnings = articles_mod.decode(item.raw, item.path)
        except ArticleError as err:
            skipped.append(SkippedFile(path=err.path, reason=err.reason))
            continue
        old = stored.get(item.path)
        if old is not None:
            if old[1] != text_hash(text):  # words changed (a change of case or spacing alone is the same article)
                library.replace_text(old[0], text)
                updated += 1
            continue
        new.append(NewArticle(text, name=item.article_id, origin="file", path=item.path))
    for start in range(0, len(new), SYNC_BATCH):
        batch = new[start:start + SYNC_BATCH]
        for file, result in zip(batch, library.add_articles(batch), strict=True):
            if result.duplicate:
                skipped.append(SkippedFile(path=file.path or file.name,
                                           reason=f"the same text as {result.article.shown_path}: counted once"))
            else:
                added += 1
    gone = [aid for path, (aid, _) in stored.items() if path not in seen]
    removed = library.remove(gone)
    return SyncReport(added=added, updated=updated, removed=removed, skipped=tuple(skipped))


def _inside(path: str, folder: Path) -> bool:
    try:
        return Path(path).resolve().parent == folder.resolve()
    except OSError:
        return False


# ---------------------------------------------------------------------------------------- analyses

SAVE_EVERY = 100  # analyses written per transaction during a build (one fsync each, not one per article)


def _analysed(stored: StoredArticle, geocoder: Geocoder) -> tuple[AnalyzedArticle | SkippedFile, dict]:
    """One stored article analysed, and what the library keeps of it (a failure too, so it is not retried
    at every start)."""
    result = pipeline.analyze_safely(lambda: article_of(stored), path=stored.shown_path, geocoder=geocoder)
    if isinstance(result, SkippedFile):
        return result, {"format": codec.FORMAT, codec.FAILED: result.reason}
    return result, codec.encode(result)


def analyse(library: Library, stored: StoredArticle, *, geocoder: Geocoder, version: str
            ) -> AnalyzedArticle | SkippedFile:
    """Analyse one stored article and keep the result at once."""
    result, payload = _analysed(stored, geocoder)
    library.save_analysis(stored.id, version, payload)
    return result


def refresh(library: Library, *, geocoder: Geocoder, version: str, progress: Progress | None = None,
            workers: int = 1) -> int:
    """Analyse every article without an analysis of ``version``. Returns how many were analysed. With
    ``workers`` > 1 the articles are analysed by that many processes (see ``_analyse_all``)."""
    todo = library.unanalysed(version)
    batch: dict[int, dict] = {}
    for n, (stored, payload) in enumerate(_analyse_all(todo, geocoder, workers), 1):
        if progress:
            progress(n - 1, len(todo), stored.title or stored.name)
        batch[stored.id] = payload
        if len(batch) >= SAVE_EVERY:
            library.save_analyses(version, batch)
            batch = {}
    library.save_analyses(version, batch)
    geocoder.flush()
    return len(todo)


PARALLEL_FROM = 40  # fewer new articles than this are analysed in the calling process: starting workers costs more
_WORKER_CHUNK = 8  # articles handed to a worker at a time
_worker_geocoder: Geocoder | None = None  # the build's geocoder, inherited by forked workers


def _analyse_all(todo: Sequence[StoredArticle], geocoder: Geocoder, workers: int
                 ) -> Iterator[tuple[StoredArticle, dict]]:
    """(article, what the library keeps of its analysis), in the order of ``todo``.

    Extraction is CPU-bound Python, so more cores mean more processes. Workers are forked: each inherits the
    loaded gazetteer and the build's geocoding chain (offline, read-only there) and loads the language models
    once; they end with the build, and their memory with them. Online geocoding stays in one process (one
    request per second to Nominatim), as does a platform without fork."""
    global _worker_geocoder
    if workers <= 1 or len(todo) < PARALLEL_FROM or geocoder.online \
            or "fork" not in multiprocessing.get_all_start_methods():
        for stored in todo:
            yield stored, _analysed(stored, geocoder)[1]
        return
    pipeline.prepare()  # the gazetteer once, before the fork, shared by every worker
    _worker_geocoder = geocoder
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from zip(todo, pool.map(_analysed_in_worker, todo, chunksize=_WORKER_CHUNK), strict=True)
    finally:
        _worker_geocoder = None


def _analysed_in_worker(stored: StoredArticle) -> dict:
    assert _worker_geocoder is not None, "a worker is forked from a build that set the geocoder"
    return _analysed(stored, _worker_geocoder)[1]


def analysed_article(stored: StoredArticle, payload: dict) -> AnalyzedArticle | SkippedFile:
    """A stored analysis around its article's text; a failure (kept, or a payload this program cannot read)
    as the file skipped and why."""
    if codec.FAILED in payload:
        return SkippedFile(path=stored.shown_path, reason=str(payload[codec.FAILED]))
    try:
        return codec.decode(payload, article_id=stored.name, path=stored.shown_path, text=stored.text)
    except ValueError as err:  # written by another program version: analysed again at the next build
        return SkippedFile(path=stored.shown_path, reason=f"stored analysis unreadable: {err}")


def dataset(library: Library, version: str, *, skipped: Sequence[SkippedFile] = ()) -> Dataset:
    """Every analysed article of the library, whole (the command line; the page reads catalog.Catalog)."""
    out: list[AnalyzedArticle] = []
    failed = list(skipped)
    for stored, payload in library.analysed(version):
        item = analysed_article(stored, payload)
        if isinstance(item, SkippedFile):
            failed.append(item)
        else:
            out.append(item)
    return Dataset(articles=tuple(out), skipped=tuple(failed))


def build(library: Library, folder: str | Path | None = None, *, online: bool = False,
          user_agent: str | None = None, overrides_path: str | Path = settings.OVERRIDES_FILE,
          progress: Progress | None = None, workers: int = 1) -> Dataset:
    """Mirror the folder, analyse what is new (with ``workers`` processes), and read the library."""
    report = sync_folder(library, folder if folder is not None else settings.SEEDS_DIR)
    geocoder, version = analysis_context(library, online=online, user_agent=user_agent,
                                         overrides_path=overrides_path)
    analysed = refresh(library, geocoder=geocoder, version=version, progress=progress, workers=workers)
    if analysed:
        log.info("library %s: %d article(s) analysed", library.shown_url, analysed)
    return dataset(library, version, skipped=report.skipped)


# ----------------------------------------------------------------------------------- adding articles

@dataclass(frozen=True, slots=True)
class AddOutcome:
    """What adding one article did. ``problem`` says why nothing was added; ``duplicate`` that it was
    already in the library (``stored`` is then the earlier one)."""

    what: str  # the file name, the address or "pasted text", for messages
    stored: StoredArticle | None = None
    duplicate: bool = False
    analysed: AnalyzedArticle | None = None
    problem: str | None = None


def add_text(library: Library, text: str, *, name: str, origin: str = "upload", title: str | None = None,
             date: str | None = None, source: str | None = None, url: str | None = None,
             geocoder: Geocoder, version: str, what: str | None = None) -> AddOutcome:
    what = what or name
    try:
        articles_mod.load_text(text, article_id=name, path=what, title=title, date_str=date, source=source)
    except ArticleError as err:
        return AddOutcome(what, problem=err.reason)
    result: Added = library.add_article(text, name=name, origin=origin, url=url, title=title, date=date,
                                        source=source)
    if result.duplicate:
        return AddOutcome(what, stored=result.article, duplicate=True)
    analysed = analyse(library, result.article, geocoder=geocoder, version=version)
    geocoder.flush()
    if isinstance(analysed, SkippedFile):
        return AddOutcome(what, stored=result.article, problem=analysed.reason)
    return AddOutcome(what, stored=result.article, analysed=analysed)


def add_url(library: Library, url: str, *, geocoder: Geocoder, version: str, allow_private: bool = False,
            origin: str = "url", resolver: fetch.Resolver = fetch.system_resolver,
            timeout_s: float = fetch.TIMEOUT_S) -> AddOutcome:
    """A page's address -> an article in the library (nothing when it is there already)."""
    url = url.strip()
    known = library.find(url=url)
    if known is not None:
        return AddOutcome(url, stored=known, duplicate=True)
    try:
        page = fetch.fetch_page(url, allow_private=allow_private, resolver=resolver, timeout_s=timeout_s)
    except FetchError as err:
        return AddOutcome(url, problem=err.reason)
    known = library.find(url=page.url)
    if known is not None:
        return AddOutcome(url, stored=known, duplicate=True)
    return add_text(library, page.text, name=slug(page.title or page.url), origin=origin, title=page.title,
                    date=page.date, source=page.source, url=page.url, geocoder=geocoder, version=version, what=url)


def add_paths(library: Library, paths: Iterable[str | Path], *, geocoder: Geocoder, version: str) -> list[AddOutcome]:
    """Article files (or folders of them) added as uploads would be."""
    out = []
    for item in articles_mod.read_files(list(paths)):
        if isinstance(item, SkippedFile):
            out.append(AddOutcome(item.path, problem=item.reason))
            continue
        try:
            text, _ = articles_mod.decode(item.raw, item.path)
        except ArticleError as err:
            out.append(AddOutcome(item.path, problem=err.reason))
            continue
        out.append(add_text(library, text, name=item.article_id, geocoder=geocoder, version=version,
                            what=item.path))
    return out


def slug(text: str) -> str:
    """A short readable name from a title or an address: letters and digits joined by dashes."""
    words = re.findall(r"[^\W_]+", text.casefold())
    words = [w for w in words if w not in ("http", "https", "www")]
    return "-".join(words)[:60].strip("-") or "article"


# --------------------------------------------------------------------------------------------- feeds

@dataclass(frozen=True, slots=True)
class FeedReport:
    url: str
    title: str | None = None
    new: int = 0
    known: int = 0
    failed: tuple[tuple[str, str], ...] = ()  # (item, why)
    error: str | None = None  # the feed itself could not be read
    added: tuple[str, ...] = field(default=())  # titles of the new articles


def check_feeds(library: Library, *, geocoder: Geocoder, version: str, allow_private: bool = False,
                progress: Progress | None = None, resolver: fetch.Resolver = fetch.system_resolver,
                timeout_s: float = fetch.TIMEOUT_S) -> list[FeedReport]:
    """Every followed feed: its items not seen before become articles. An item is added once however
    often the feed is checked; a failed one is tried again next time."""
    reports = []
    followed = library.feeds()
    for n, feed in enumerate(followed):
        if progress:
            progress(n, len(followed), feed.title or feed.url)
        try:
            parsed = feeds.read(feed.url, allow_private=allow_private, resolver=resolver, timeout_s=timeout_s)
        except FetchError as err:
            reports.append(FeedReport(feed.url, feed.title, error=err.reason))
            continue
        new = known = 0
        failed: list[tuple[str, str]] = []
        added: list[str] = []
        for item in parsed.items:
            if library.feed_entry_seen(feed.id, item.entry):
                known += 1
                continue
            if not item.url:
                failed.append((item.title or item.entry, "the item has no link"))
                library.record_feed_entry(feed.id, item.entry, url=None, status="failed", reason="no link")
                continue
            outcome = add_url(library, item.url, geocoder=geocoder, version=version, allow_private=allow_private,
                              origin="feed", resolver=resolver, timeout_s=timeout_s)
            if outcome.problem:
                failed.append((item.url, outcome.problem))
                library.record_feed_entry(feed.id, item.entry, url=item.url, status="failed", reason=outcome.problem)
                continue
            status = "known" if outcome.duplicate else "new"
            known, new = (known + 1, new) if outcome.duplicate else (known, new + 1)
            if not outcome.duplicate and outcome.stored is not None:
                added.append(outcome.analysed.article.title if outcome.analysed else outcome.stored.name)
            library.record_feed_entry(feed.id, item.entry, url=item.url, status=status,
                                      article_id=outcome.stored.id if outcome.stored else None)
        library.feed_checked(feed.id, title=parsed.title)
        reports.append(FeedReport(feed.url, parsed.title or feed.title, new=new, known=known, failed=tuple(failed),
                                  added=tuple(added)))
    if progress:
        progress(len(followed), len(followed), "done")
    return reports


# --------------------------------------------------------------------------------------- corrections

def export_corrections(library: Library, overrides_path: str | Path = settings.OVERRIDES_FILE) -> str:
    """The overrides file with the library's corrections appended (rows it already holds are not repeated):
    what to commit as geodata/overrides.csv so the corrections ship with the repository."""
    path = Path(overrides_path)
    try:
        present = path.read_text(encoding="utf-8-sig")
    except OSError:
        present = ""
    have = {",".join(c.strip() for c in line.split(",")[:6]) for line in present.splitlines()}
    new = [row for row in library.corrections() if ",".join(row.cells()[:6]) not in have]
    return override_text(path, list(dict.fromkeys(new)))


def save_corrections(library: Library, rows: Sequence[Correction]) -> None:
    """Keep a person's corrections in the library (DashboardError when it cannot be written)."""
    library.add_corrections(rows)

