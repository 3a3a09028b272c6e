"""The library database: articles, their analyses, the page's corrections, feeds, full-text search.

SQLite by default (one file in the user's data folder, WAL mode, zero set-up); any SQLAlchemy URL when
hosted (PostgreSQL on Streamlit Community Cloud keeps what users add across restarts). The only module
that imports SQLAlchemy.

- An article is stored once: its text, what the user said about it (title, date, source, address), and
  a hash of its words (case and spacing ignored), which recognises the same article added again.
- Its analysis is stored per extractor version (the code, the geodata and the corrections in use), so an
  unchanged article is never analysed twice, and a new extractor re-analyses everything once.
- The schema is versioned in the ``meta`` table; ``Library`` upgrades an older database in place, one
  migration at a time, each in its own transaction.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from dashboard.errors import LibraryError
from dashboard.library import codec
from dashboard.models import Correction

log = logging.getLogger(__name__)

SCHEMA_VERSION = 6
ORIGINS = ("file", "upload", "url", "feed")
SEARCH_LIMIT = 200

_md = sa.MetaData()
META = sa.Table("meta", _md, sa.Column("key", sa.String(64), primary_key=True),
                sa.Column("value", sa.Text, nullable=False))
ARTICLES = sa.Table(
    "articles", _md,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),  # Article.id on the page and in exports
    sa.Column("origin", sa.String(16), nullable=False),  # one of ORIGINS
    sa.Column("path", sa.Text),  # the file it came from (origin "file")
    sa.Column("url", sa.Text, unique=True),  # the page it came from (origins "url", "feed")
    sa.Column("title", sa.Text), sa.Column("date", sa.String(10)), sa.Column("source", sa.Text),  # as given
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("text_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("added_at", sa.String(20), nullable=False),
)
ANALYSES = sa.Table(
    "analyses", _md,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("version", sa.String(64), primary_key=True),
    sa.Column("payload", sa.Text, nullable=False),
)
CORRECTIONS = sa.Table(
    "corrections", _md,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.Text, nullable=False), sa.Column("lang", sa.String(3), nullable=False),
    sa.Column("lat", sa.Float, nullable=False), sa.Column("lon", sa.Float, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False), sa.Column("country", sa.String(2)),
    sa.Column("note", sa.Text, nullable=False, default=""), sa.Column("key", sa.Text, nullable=False, default=""),
    sa.Column("added_at", sa.String(20), nullable=False),
)
FEEDS = sa.Table(
    "feeds", _md,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("url", sa.Text, nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("added_at", sa.String(20), nullable=False),
    sa.Column("checked_at", sa.String(20)),
)
FEED_ITEMS = sa.Table(
    "feed_items", _md,
    sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("entry", sa.String(500), primary_key=True),  # the entry's id, else its link
    sa.Column("url", sa.Text),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="SET NULL")),
    sa.Column("status", sa.String(16), nullable=False),  # new | known | failed
    sa.Column("reason", sa.Text),
    sa.Column("seen_at", sa.String(20), nullable=False),
)


GEOCODES = sa.Table(  # answers learned online (Nominatim), kept across restarts: geocache.CacheEntry as JSON
    "geocodes", _md,
    sa.Column("key", sa.String(400), primary_key=True),  # "<lang>:<name key>"
    sa.Column("entry", sa.Text, nullable=False),
    sa.Column("fetched_at", sa.String(20), nullable=False),
)


# The page's index: what the map and its filters need of every analysis, one small row per article, place,
# line and unresolved name, written with the analysis (codec.index_rows). The page reads these, never
# every analysis whole; an article's own analysis is read when its card is shown.
def _of_analysis(name: str, *columns: sa.Column) -> sa.Table:
    return sa.Table(name, _md,
                    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
                              primary_key=True),
                    sa.Column("version", sa.String(64), primary_key=True), *columns)


INDEX_ARTICLES = _of_analysis(
    "index_articles", sa.Column("lang", sa.String(3)), sa.Column("day", sa.String(10)), sa.Column("title", sa.Text),
    sa.Column("content_key", sa.String(20)), sa.Column("failed", sa.Text))  # failed: why it could not be analysed
INDEX_PLACES = _of_analysis(
    "index_places", sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("place_key", sa.String(200), nullable=False),
    sa.Column("mentions", sa.Integer, nullable=False), sa.Column("source", sa.String(16), nullable=False),
    sa.Column("forms", sa.Text, nullable=False))  # the spellings of its mentions, one per line
INDEX_LINKS = _of_analysis(
    "index_links", sa.Column("seq", sa.Integer, primary_key=True), sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("home_key", sa.String(200), nullable=False), sa.Column("partner_key", sa.String(200), nullable=False),
    sa.Column("day", sa.String(10)))  # the line's date, else its article's
INDEX_UNRESOLVED = _of_analysis(
    "index_unresolved", sa.Column("seq", sa.Integer, primary_key=True), sa.Column("text", sa.Text, nullable=False))
INDEX_LOCATIONS = sa.Table(  # a location once per extractor version, however many articles name it
    "index_locations", _md, sa.Column("version", sa.String(64), primary_key=True),
    sa.Column("key", sa.String(200), primary_key=True), sa.Column("location", sa.Text, nullable=False))
# What mirroring a folder compares at every start, without reading the articles' texts (Library.files)
ARTICLE_FILES = sa.Index("articles_files", ARTICLES.c.origin, ARTICLES.c.path, ARTICLES.c.text_hash)
INDEX_SNAPSHOTS = sa.Table(  # the page's index as one blob (catalog.Catalog.snapshot), for a quick restart
    "index_snapshots", _md, sa.Column("version", sa.String(64), primary_key=True),
    sa.Column("state", sa.String(200), nullable=False),  # Library.index_state when it was made
    sa.Column("data", sa.LargeBinary, nullable=False), sa.Column("made_at", sa.String(20), nullable=False))
sa.Index("index_places_by_version", INDEX_PLACES.c.version, INDEX_PLACES.c.article_id)
sa.Index("index_links_by_version", INDEX_LINKS.c.version, INDEX_LINKS.c.article_id)
_INDEX_ROWS = {"places": INDEX_PLACES, "links": INDEX_LINKS, "unresolved": INDEX_UNRESOLVED}
_BY_ARTICLE = (INDEX_ARTICLES, *_INDEX_ROWS.values())


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def text_hash(text: str) -> str:
    """The article's words, case and spacing ignored: the same article added twice has one hash."""
    return hashlib.sha256(" ".join(text.split()).casefold().encode("utf-8")).hexdigest()


# ------------------------------------------------------------------------------------------- records

@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: int
    name: str
    origin: str
    path: str | None
    url: str | None
    title: str | None
    date: str | None
    source: str | None
    text: str
    text_hash: str
    added_at: str

    @property
    def shown_path(self) -> str:
        """What Article.path says for it: the file, the address, or ``library:<name>``."""
        return self.path or self.url or f"library:{self.name}"


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article to store (``add_articles``): its text and what is known of it."""

    text: str
    name: str
    origin: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None

    def fields(self) -> dict[str, Any]:
        if self.origin not in ORIGINS:
            raise ValueError(f"origin must be one of {ORIGINS}, got {self.origin!r}")
        return {"name": self.name, "origin": self.origin, "path": self.path, "url": self.url, "title": self.title,
                "date": self.date, "source": self.source}


@dataclass(frozen=True, slots=True)
class Added:
    """What ``add_article`` did: ``article`` is the stored one (the earlier one when ``duplicate``)."""

    article: StoredArticle
    duplicate: bool  # the same text (or address) was already in the library


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str | None
    added_at: str
    checked_at: str | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: int
    name: str
    rank: float


# ---------------------------------------------------------------------------------------- migrations

def _create(conn: Connection, *tables: sa.Table) -> None:
    # IF NOT EXISTS, not check-then-create: two processes opening a new library at once both succeed
    for table in tables:
        conn.execute(sa.schema.CreateTable(table, if_not_exists=True))


def _v1(conn: Connection) -> None:
    _create(conn, ARTICLES, ANALYSES, CORRECTIONS)


def _v2(conn: Connection) -> None:
    _create(conn, FEEDS, FEED_ITEMS)


def _v3(conn: Connection) -> None:
    """Full-text search: SQLite's FTS5 kept in step by triggers; PostgreSQL's tsvector with a GIN index.
    The 'simple' configuration and unicode61 fold case and accents without a language's stemmer: the
    library holds three languages, and a query word matches as a prefix (Шымкент finds Шымкентом)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
                             "text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')")
        conn.exec_driver_sql("CREATE TRIGGER IF NOT EXISTS articles_fts_ins AFTER INSERT ON articles BEGIN "
                             "INSERT INTO articles_fts(rowid, text) VALUES (new.id, new.text); END")
        conn.exec_driver_sql("CREATE TRIGGER IF NOT EXISTS articles_fts_del AFTER DELETE ON articles BEGIN "
                             "INSERT INTO articles_fts(articles_fts, rowid, text) VALUES ('delete', old.id, old.text);"
                             " END")
        conn.exec_driver_sql("CREATE TRIGGER IF NOT EXISTS articles_fts_upd AFTER UPDATE OF text ON articles BEGIN "
                             "INSERT INTO articles_fts(articles_fts, rowid, text) VALUES ('delete', old.id, old.text);"
                             " INSERT INTO articles_fts(rowid, text) VALUES (new.id, new.text); END")
        conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ALTER TABLE articles ADD COLUMN IF NOT EXISTS tsv tsvector "
                             "GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED")
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING gin (tsv)")


def _v4(conn: Connection) -> None:
    _create(conn, GEOCODES)


def _v5(conn: Connection) -> None:
    """The page's index, filled from the analyses already stored (an upgrade re-analyses nothing)."""
    _create(conn, *_BY_ARTICLE, INDEX_LOCATIONS)
    for table in (INDEX_PLACES, INDEX_LINKS):
        for index in table.indexes:
            index.create(conn, checkfirst=True)
    query = (sa.select(ANALYSES.c.article_id, ANALYSES.c.version, ANALYSES.c.payload, ARTICLES.c.text)
             .join_from(ANALYSES, ARTICLES, ANALYSES.c.article_id == ARTICLES.c.id))
    for article_id, version, payload, text in conn.execute(query).all():
        _write_index(conn, version, {article_id: (json.loads(payload), text)})


def _v6(conn: Connection) -> None:
    _create(conn, INDEX_SNAPSHOTS)
    ARTICLE_FILES.create(conn, checkfirst=True)


MIGRATIONS = (_v1, _v2, _v3, _v4, _v5, _v6)  # MIGRATIONS[n - 1] takes a database from version n - 1 to n
assert len(MIGRATIONS) == SCHEMA_VERSION


# ------------------------------------------------------------------------------------------- library

class Library:
    """One library database. Every method raises ``LibraryError`` (with the reason in words) when the
    database is unreachable, locked for too long or not ours; nothing is half written."""

    def __init__(self, url: str, *, engine: Engine | None = None, upto: int = SCHEMA_VERSION):
        self.url = url
        try:
            self.engine = engine or _engine(url)
            self.schema_version = self._migrate(upto)
        except SQLAlchemyError as err:
            raise LibraryError(self.shown_url, _reason(err)) from err

    @property
    def shown_url(self) -> str:
        """The URL without its password, for messages."""
        try:
            return sa.engine.make_url(self.url).render_as_string(hide_password=True)
        except sa.exc.ArgumentError:
            return "<library>"

    def _migrate(self, upto: int) -> int:
        """Bring the schema to ``upto``, one migration per transaction. Several processes may start on a
        new library at once: on PostgreSQL they queue on an advisory lock; on SQLite the one writer at a
        time does it, and a process that finds its step done by another reads the version again."""
        for attempt in range(5):
            try:
                return self._migrate_once(upto)
            except (sa.exc.IntegrityError, sa.exc.OperationalError, sa.exc.ProgrammingError) as err:
                if attempt == 4:
                    raise
                log.info("library %s: another process is upgrading it (%s); reading it again", self.shown_url, err)
        raise AssertionError("unreachable")

    def _migrate_once(self, upto: int) -> int:
        with self.engine.execution_options(write=True).begin() as conn:
            _serialise(conn)
            conn.execute(sa.schema.CreateTable(META, if_not_exists=True))
        version = self._stored_version()
        if version > SCHEMA_VERSION:
            raise LibraryError(self.shown_url, f"schema version {version} is newer than this program's "
                                               f"{SCHEMA_VERSION}: update the program")
        while version < upto:
            with self.engine.execution_options(write=True).begin() as conn:
                _serialise(conn)
                current = conn.execute(sa.select(META.c.value).where(META.c.key == "schema_version")).scalar()
                version = int(current) if current is not None else 0
                if version >= upto:
                    break
                MIGRATIONS[version](conn)
                version += 1
                _set_meta(conn, "schema_version", str(version))
            log.info("library %s: upgraded to schema version %d", self.shown_url, version)
        return version

    def _stored_version(self) -> int:
        with self.engine.connect() as conn:
            value = conn.execute(sa.select(META.c.value).where(META.c.key == "schema_version")).scalar()
        return int(value) if value is not None else 0

    def _run(self, work, *, write: bool = False):
        """``work(conn)`` in one transaction; database errors become LibraryError."""
        try:
            with (self.engine.execution_options(write=True).begin() if write else self.engine.connect()) as conn:
                return work(conn)
        except SQLAlchemyError as err:
            raise LibraryError(self.shown_url, _reason(err)) from err

    # ------------------------------------------------------------------------------------ articles
    def version(self) -> str:
        """Changes whenever an article or a correction is added, changed or removed (here or by another
        process): the page's cache key, cheap (counts and maxima). Analyses are not counted: they follow
        from the articles, and counting them would make the page read the library twice after a build."""
        def work(conn):
            parts = []
            for table, column in ((ARTICLES, ARTICLES.c.id), (CORRECTIONS, CORRECTIONS.c.id)):
                count, top = conn.execute(sa.select(sa.func.count(), sa.func.max(column)).select_from(table)).one()
                parts.append(f"{count}:{top}")
            parts.append(conn.execute(sa.select(META.c.value).where(META.c.key == "changed")).scalar() or "")
            return "|".join(parts)
        return self._run(work)

    def add_article(self, text: str, *, name: str, origin: str, path: str | None = None, url: str | None = None,
                    title: str | None = None, date: str | None = None, source: str | None = None) -> Added:
        """Store an article unless the same text or address is there already (then that one is returned).
        ``name`` is made unique ("name-2") when another article has it."""
        if origin not in ORIGINS:
            raise ValueError(f"origin must be one of {ORIGINS}, got {origin!r}")
        digest = text_hash(text)

        def work(conn):
            return _insert(conn, text, digest, name=name, origin=origin, path=path, url=url, title=title,
                           date=date, source=source)

        for attempt in range(10):
            try:
                return self._run(work, write=True)
            except LibraryError as err:
                # Another session added the same text or address, or took the same name, between our
                # look and our insert: the first is a duplicate, the second a reason to look again.
                if not isinstance(err.__cause__, IntegrityError) or attempt == 9:
                    raise
                same = self._run(lambda conn: _find(conn, digest, url))
                if same is not None:
                    return Added(same, duplicate=True)
        raise AssertionError("unreachable")

    def add_articles(self, articles: Sequence[NewArticle]) -> list[Added]:
        """Many articles in one transaction: mirroring a folder of thousands writes once, not once per file.
        Falls back to one at a time if another writer interferes."""
        def work(conn):
            return [_insert(conn, a.text, text_hash(a.text), **a.fields()) for a in articles]

        try:
            return self._run(work, write=True)
        except LibraryError as err:
            if not isinstance(err.__cause__, IntegrityError):
                raise
            return [self.add_article(a.text, **a.fields()) for a in articles]

    def files(self) -> list[tuple[int, str, str]]:
        """(id, path, text hash) of every article that came from a file: what mirroring a folder compares,
        without reading every text."""
        query = (sa.select(ARTICLES.c.id, ARTICLES.c.path, ARTICLES.c.text_hash)
                 .where(ARTICLES.c.origin == "file", ARTICLES.c.path.is_not(None)).order_by(ARTICLES.c.id))
        return self._run(lambda conn: [tuple(row) for row in conn.execute(query)])

    def replace_text(self, article_id: int, text: str) -> None:
        """A file whose words changed: new text, and its analyses go (they read the old text)."""
        def work(conn):
            conn.execute(ARTICLES.update().where(ARTICLES.c.id == article_id)
                         .values(text=text, text_hash=text_hash(text)))
            conn.execute(ANALYSES.delete().where(ANALYSES.c.article_id == article_id))
            for table in _BY_ARTICLE:
                conn.execute(table.delete().where(table.c.article_id == article_id))
            _touch(conn)
        self._run(work, write=True)

    def remove(self, article_ids: Iterable[int]) -> int:
        ids = list(article_ids)
        if not ids:
            return 0

        def work(conn):
            conn.execute(ANALYSES.delete().where(ANALYSES.c.article_id.in_(ids)))
            for table in _BY_ARTICLE:
                conn.execute(table.delete().where(table.c.article_id.in_(ids)))
            conn.execute(FEED_ITEMS.update().where(FEED_ITEMS.c.article_id.in_(ids)).values(article_id=None))
            n = conn.execute(ARTICLES.delete().where(ARTICLES.c.id.in_(ids))).rowcount
            _touch(conn)
            return n
        return self._run(work, write=True)

    def articles(self, *, origin: str | None = None) -> list[StoredArticle]:
        query = sa.select(*_ARTICLE_COLUMNS).order_by(ARTICLES.c.id)
        if origin is not None:
            query = query.where(ARTICLES.c.origin == origin)
        return self._run(lambda conn: [StoredArticle(*row) for row in conn.execute(query)])

    def article(self, article_id: int) -> StoredArticle | None:
        query = sa.select(*_ARTICLE_COLUMNS).where(ARTICLES.c.id == article_id)
        return self._run(lambda conn: next((StoredArticle(*r) for r in conn.execute(query)), None))

    def find(self, *, text: str | None = None, url: str | None = None) -> StoredArticle | None:
        """The stored article with the same words, or from the same address."""
        digest = text_hash(text) if text is not None else None
        return self._run(lambda conn: _find(conn, digest, url))

    # ------------------------------------------------------------------------------------ analyses
    def unanalysed(self, version: str) -> list[StoredArticle]:
        # The ids first, from two indexes: a start with nothing new to analyse reads no article text (a
        # NOT IN over the articles read the whole table: seconds at 100,000 on a cold disk).
        done = sa.select(ANALYSES.c.article_id).where(ANALYSES.c.version == version)
        todo = sa.select(ARTICLES.c.id).except_(done)

        def work(conn):
            ids = sorted(conn.execute(todo).scalars())
            out = []
            for start in range(0, len(ids), 500):
                query = sa.select(*_ARTICLE_COLUMNS).where(ARTICLES.c.id.in_(ids[start:start + 500]))
                out += [StoredArticle(*row) for row in conn.execute(query.order_by(ARTICLES.c.id))]
            return out
        return self._run(work)

    def save_analysis(self, article_id: int, version: str, payload: dict[str, Any]) -> None:
        self.save_analyses(version, {article_id: payload})

    def save_analyses(self, version: str, payloads: dict[int, dict[str, Any]]) -> None:
        """Keep analyses of ``version`` (one transaction for all: a build writes them in batches); an
        article's analyses of other versions go."""
        if not payloads:
            return
        rows = [{"article_id": aid, "version": version,
                 "payload": json.dumps(p, ensure_ascii=False, separators=(",", ":"))} for aid, p in payloads.items()]

        def work(conn):
            ids = list(payloads)
            conn.execute(ANALYSES.delete().where(ANALYSES.c.article_id.in_(ids)))
            conn.execute(ANALYSES.insert(), rows)
            texts = dict(conn.execute(sa.select(ARTICLES.c.id, ARTICLES.c.text).where(ARTICLES.c.id.in_(ids))).all())
            _write_index(conn, version, {aid: (p, texts[aid]) for aid, p in payloads.items() if aid in texts})
        self._run(work, write=True)

    def analysed(self, version: str) -> list[tuple[StoredArticle, dict[str, Any]]]:
        """Every article with its analysis of this version, oldest first."""
        query = (sa.select(*_ARTICLE_COLUMNS, ANALYSES.c.payload)
                 .join_from(ARTICLES, ANALYSES, ANALYSES.c.article_id == ARTICLES.c.id)
                 .where(ANALYSES.c.version == version).order_by(ARTICLES.c.id))
        return self._run(lambda conn: [(StoredArticle(*row[:-1]), json.loads(row[-1]))
                                       for row in conn.execute(query)])

    def analyses_of(self, version: str, article_ids: Sequence[int]) -> list[tuple[StoredArticle, dict[str, Any]]]:
        """These articles with their analyses of this version (the page's cards), in the order asked."""
        if not article_ids:
            return []
        query = (sa.select(*_ARTICLE_COLUMNS, ANALYSES.c.payload)
                 .join_from(ARTICLES, ANALYSES, ANALYSES.c.article_id == ARTICLES.c.id)
                 .where(ANALYSES.c.version == version, ARTICLES.c.id.in_(list(article_ids))))
        found = self._run(lambda conn: {row[0]: (StoredArticle(*row[:-1]), json.loads(row[-1]))
                                        for row in conn.execute(query)})
        return [found[i] for i in article_ids if i in found]

    # ------------------------------------------------------------------------------ the page's index
    def index_articles(self, version: str, *, after: int = 0) -> list[tuple]:
        """(id, name, path, url, title, lang, day, content key, why it failed) of every article analysed with
        this version (with an id above ``after``), oldest first."""
        c = INDEX_ARTICLES.c
        query = (sa.select(ARTICLES.c.id, ARTICLES.c.name, ARTICLES.c.path, ARTICLES.c.url, c.title, c.lang, c.day,
                           c.content_key, c.failed)
                 .join_from(ARTICLES, INDEX_ARTICLES, INDEX_ARTICLES.c.article_id == ARTICLES.c.id)
                 .where(INDEX_ARTICLES.c.version == version, INDEX_ARTICLES.c.article_id > after)
                 .order_by(ARTICLES.c.id))
        return self._run(lambda conn: [tuple(row) for row in conn.execute(query).all()])

    def index_places(self, version: str, *, after: int = 0) -> Iterator[tuple[int, str, int, str, str]]:
        """(article id, place key, mentions, geocoding source, spellings) rows, streamed."""
        c = INDEX_PLACES.c
        return self._stream(sa.select(c.article_id, c.place_key, c.mentions, c.source, c.forms)
                            .where(c.version == version, c.article_id > after))

    def index_links(self, version: str, *, after: int = 0) -> Iterator[tuple[int, int, str, str, str, str | None]]:
        """(article id, position in its analysis, kind, home key, partner key, day) rows, streamed."""
        c = INDEX_LINKS.c
        return self._stream(sa.select(c.article_id, c.seq, c.kind, c.home_key, c.partner_key, c.day)
                            .where(c.version == version, c.article_id > after))

    def index_unresolved(self, version: str, *, after: int = 0) -> Iterator[tuple[int, str]]:
        c = INDEX_UNRESOLVED.c
        return self._stream(sa.select(c.article_id, c.text).where(c.version == version, c.article_id > after))

    def index_first_of_content(self, version: str, keys: Iterable[str]) -> dict[str, str]:
        """Content key -> the shown path of the first article with it (the one counted)."""
        wanted = list(keys)
        if not wanted:
            return {}
        c = INDEX_ARTICLES.c
        first = (sa.select(c.content_key, sa.func.min(c.article_id).label("first"))
                 .where(c.version == version, c.content_key.in_(wanted)).group_by(c.content_key).subquery())
        query = (sa.select(first.c.content_key, ARTICLES.c.path, ARTICLES.c.url, ARTICLES.c.name)
                 .join_from(first, ARTICLES, ARTICLES.c.id == first.c.first))
        return self._run(lambda conn: {key: path or url or f"library:{name}"
                                       for key, path, url, name in conn.execute(query)})

    def index_locations(self, version: str) -> dict[str, dict[str, Any]]:
        query = sa.select(INDEX_LOCATIONS.c.key, INDEX_LOCATIONS.c.location).where(INDEX_LOCATIONS.c.version == version)
        return self._run(lambda conn: {k: json.loads(v) for k, v in conn.execute(query)})

    def index_state(self, version: str) -> str:
        """Changes whenever the index of ``version`` may have: an article or correction added, changed or
        removed, or an analysis saved (counted and the newest)."""
        query = sa.select(sa.func.count(), sa.func.max(INDEX_ARTICLES.c.article_id)).where(
            INDEX_ARTICLES.c.version == version)
        count, top = self._run(lambda conn: conn.execute(query).one())
        return f"{self.version()}|{count}:{top}"

    @staticmethod
    def only_added(before: str, now: str) -> int | None:
        """When the library went from state ``before`` to ``now`` (index_state) only by articles analysed (none
        changed or removed, no correction), the newest article id of ``before``; else None."""
        old, new = before.split("|"), now.split("|")
        if len(old) != 4 or len(new) != 4 or old[1:3] != new[1:3]:
            return None
        top = old[3].split(":")[1]
        return int(top) if top.isdigit() else 0

    @staticmethod
    def index_count(state: str) -> int:
        """How many articles the index held in ``state``."""
        return int(state.split("|")[3].split(":")[0])

    def snapshot(self, version: str, state: str) -> bytes | None:
        """The page's index of ``version`` as kept when the library was in ``state``; None when there is none."""
        query = sa.select(INDEX_SNAPSHOTS.c.data).where(INDEX_SNAPSHOTS.c.version == version,
                                                        INDEX_SNAPSHOTS.c.state == state)
        return self._run(lambda conn: conn.execute(query).scalar())

    def keep_snapshot(self, version: str, state: str, data: bytes) -> None:
        """Keep the page's index in place of any kept before. A cache: a failure is logged, not raised."""
        def work(conn):
            conn.execute(INDEX_SNAPSHOTS.delete())  # an older version's goes too: one blob of ~10 MB is enough
            conn.execute(INDEX_SNAPSHOTS.insert().values(version=version, state=state, data=data, made_at=now_utc()))
        try:
            self._run(work, write=True)
        except LibraryError as err:  # another process kept one at the same moment, or the database is busy
            log.info("library %s: the index snapshot was not kept: %s", self.shown_url, err.reason)

    _STREAM_ROWS = 20_000

    def _stream(self, query) -> Iterator[tuple]:
        """Rows a batch at a time, straight from the driver's cursor: a million index rows never sit in memory
        as a list, and skip SQLAlchemy's per-row work (a third of the page's start at 100,000 articles)."""
        driver_error = self.engine.dialect.loaded_dbapi.Error  # what the cursor raises: sqlite3's, psycopg's
        try:
            with self.engine.connect() as conn:
                sql = str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
                driver = conn.connection.dbapi_connection
                assert driver is not None, "a checked-out connection has its driver's connection"
                cursor = driver.cursor()
                try:
                    cursor.execute(sql)
                    while rows := cursor.fetchmany(self._STREAM_ROWS):
                        yield from rows
                finally:
                    cursor.close()
        except SQLAlchemyError as err:
            raise LibraryError(self.shown_url, _reason(err)) from err
        except driver_error as err:
            raise LibraryError(self.shown_url, f"cannot read the database: {err}") from err

    # --------------------------------------------------------------------------------- corrections
    def add_corrections(self, rows: Sequence[Correction]) -> None:
        stamp = now_utc()
        values = [{"name": r.name, "lang": r.lang, "lat": r.lat, "lon": r.lon, "kind": r.kind,
                   "country": r.country, "note": r.note, "key": r.key, "added_at": stamp} for r in rows]
        if values:
            self._run(lambda conn: conn.execute(CORRECTIONS.insert(), values), write=True)

    def corrections(self) -> list[Correction]:
        query = sa.select(CORRECTIONS.c.name, CORRECTIONS.c.lang, CORRECTIONS.c.lat, CORRECTIONS.c.lon,
                          CORRECTIONS.c.kind, CORRECTIONS.c.country, CORRECTIONS.c.note,
                          CORRECTIONS.c.key).order_by(CORRECTIONS.c.id)
        return self._run(lambda conn: [Correction(*row) for row in conn.execute(query)])

    # --------------------------------------------------------------------------------------- feeds
    def add_feed(self, url: str, *, title: str | None = None) -> tuple[Feed, bool]:
        """The feed, and whether it is new."""
        def work(conn):
            row = conn.execute(sa.select(*_FEED_COLUMNS).where(FEEDS.c.url == url)).first()
            if row is not None:
                return Feed(*row), False
            stamp = now_utc()
            new_id = conn.execute(FEEDS.insert().values(url=url, title=title, added_at=stamp)).inserted_primary_key[0]
            return Feed(new_id, url, title, stamp, None), True
        return self._run(work, write=True)

    def feeds(self) -> list[Feed]:
        return self._run(lambda conn: [Feed(*row) for row in
                                       conn.execute(sa.select(*_FEED_COLUMNS).order_by(FEEDS.c.id))])

    def feed_entry_seen(self, feed_id: int, entry: str) -> bool:
        """Whether this entry was added (or known) before; a failed one is tried again."""
        query = sa.select(FEED_ITEMS.c.status).where(FEED_ITEMS.c.feed_id == feed_id, FEED_ITEMS.c.entry == entry)
        return self._run(lambda conn: conn.execute(query).scalar() in ("new", "known"))

    def record_feed_entry(self, feed_id: int, entry: str, *, url: str | None, status: str,
                          article_id: int | None = None, reason: str | None = None) -> None:
        def work(conn):
            conn.execute(FEED_ITEMS.delete().where(FEED_ITEMS.c.feed_id == feed_id, FEED_ITEMS.c.entry == entry))
            conn.execute(FEED_ITEMS.insert().values(feed_id=feed_id, entry=entry[:500], url=url,
                                                    article_id=article_id, status=status, reason=reason,
                                                    seen_at=now_utc()))
        self._run(work, write=True)

    def feed_checked(self, feed_id: int, *, title: str | None) -> None:
        values: dict[str, Any] = {"checked_at": now_utc()}
        if title:
            values["title"] = title
        self._run(lambda conn: conn.execute(FEEDS.update().where(FEEDS.c.id == feed_id).values(**values)),
                  write=True)

    # ------------------------------------------------------------------------------------ geocodes
    def learned_geocodes(self) -> dict[str, dict[str, Any]]:
        query = sa.select(GEOCODES.c.key, GEOCODES.c.entry)
        return self._run(lambda conn: {k: json.loads(v) for k, v in conn.execute(query)})

    def keep_geocodes(self, entries: dict[str, dict[str, Any]]) -> None:
        """Keep (or replace) answers by key; what is kept for another key stays."""
        if not entries:
            return

        def work(conn):
            conn.execute(GEOCODES.delete().where(GEOCODES.c.key.in_(list(entries))))
            conn.execute(GEOCODES.insert(), [{"key": k, "entry": json.dumps(v, ensure_ascii=False, sort_keys=True),
                                              "fetched_at": str(v.get("fetched_at", now_utc()))}
                                             for k, v in entries.items()])
        self._run(work, write=True)

    # -------------------------------------------------------------------------------------- search
    def search(self, query: str, *, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        """Articles holding every word of ``query`` (each as a word prefix, case and accents ignored), the
        best matches first. An empty query finds nothing."""
        words = query_words(query)
        if not words:
            return []

        def work(conn):
            if conn.dialect.name == "sqlite":
                match = " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)
                rows = conn.exec_driver_sql(
                    "SELECT a.id, a.name, bm25(articles_fts) FROM articles_fts JOIN articles a ON a.id = "
                    "articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
                    (match, limit))
                return [SearchHit(r[0], r[1], -float(r[2])) for r in rows]
            if conn.dialect.name == "postgresql":
                tsquery = " & ".join(f"{w}:*" for w in words)
                rows = conn.execute(sa.text(
                    "SELECT id, name, ts_rank(tsv, q) AS r FROM articles, to_tsquery('simple', :q) q "
                    "WHERE tsv @@ q ORDER BY r DESC, id LIMIT :n"), {"q": tsquery, "n": limit})
                return [SearchHit(r[0], r[1], float(r[2])) for r in rows]
            # another database: a plain scan, correct but slow
            found = []
            for row in conn.execute(sa.select(ARTICLES.c.id, ARTICLES.c.name, ARTICLES.c.text)):
                text = row[2].casefold()
                if all(re.search(rf"(?<!\w){re.escape(w)}", text) for w in words):
                    found.append(SearchHit(row[0], row[1], 0.0))
            return found[:limit]
        return self._run(work)


def query_words(query: str) -> list[str]:
    """The words of a search, folded; punctuation and query syntax are not passed to the database."""
    return [w.casefold() for w in re.findall(r"\w+", query or "")][:12]


_ARTICLE_COLUMNS = (ARTICLES.c.id, ARTICLES.c.name, ARTICLES.c.origin, ARTICLES.c.path, ARTICLES.c.url,
                    ARTICLES.c.title, ARTICLES.c.date, ARTICLES.c.source, ARTICLES.c.text, ARTICLES.c.text_hash,
                    ARTICLES.c.added_at)
_FEED_COLUMNS = (FEEDS.c.id, FEEDS.c.url, FEEDS.c.title, FEEDS.c.added_at, FEEDS.c.checked_at)


def _find(conn: Connection, digest: str | None, url: str | None) -> StoredArticle | None:
    conditions = []
    if digest is not None:
        conditions.append(ARTICLES.c.text_hash == digest)
    if url:
        conditions.append(ARTICLES.c.url == url)
    if not conditions:
        return None
    row = conn.execute(sa.select(*_ARTICLE_COLUMNS).where(sa.or_(*conditions)).order_by(ARTICLES.c.id)).first()
    return StoredArticle(*row) if row is not None else None


def _insert(conn: Connection, text: str, digest: str, *, name: str, origin: str, path: str | None = None,
            url: str | None = None, title: str | None = None, date: str | None = None,
            source: str | None = None) -> Added:
    # New articles one writer at a time: two sessions adding "same-name" at once each found "same-name-7" free
    # and one lost its insert to the unique index, again and again under load (CI saw ten losses in a row)
    _serialise(conn, _ARTICLE_LOCK)
    same = _find(conn, digest, url)
    if same is not None:
        return Added(same, duplicate=True)
    row: dict[str, Any] = {"name": _free_name(conn, name), "origin": origin, "path": path, "url": url,
                           "title": title, "date": date, "source": source, "text": text, "text_hash": digest,
                           "added_at": now_utc()}
    key = conn.execute(ARTICLES.insert().values(**row)).inserted_primary_key
    assert key is not None, "an insert of one row has its key"
    return Added(StoredArticle(id=key[0], **row), duplicate=False)


def _free_name(conn: Connection, name: str) -> str:
    base = (name.strip() or "article")[:180]
    if conn.execute(sa.select(ARTICLES.c.id).where(ARTICLES.c.name == base)).first() is None:
        return base  # the usual case, answered by the unique index (a LIKE scan per insert made 10,000 slow)
    taken = set(conn.execute(sa.select(ARTICLES.c.name).where(ARTICLES.c.name.like(f"{base}%"))).scalars())
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


_SCHEMA_LOCK, _ARTICLE_LOCK = 727365, 727366  # constants of ours: "schema changes", "new articles"


def _serialise(conn: Connection, lock: int = _SCHEMA_LOCK) -> None:
    """PostgreSQL: one such transaction at a time across processes (released with the transaction). SQLite
    needs none: its writers are one at a time already (BEGIN IMMEDIATE)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": lock})


def _set_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute(META.delete().where(META.c.key == key))
    conn.execute(META.insert().values(key=key, value=value))


def _write_index(conn: Connection, version: str, analyses: dict[int, tuple[dict[str, Any], str]]) -> None:
    """The index rows of these analyses (payload, article text), replacing any the articles had."""
    ids = list(analyses)
    for table in _BY_ARTICLE:
        conn.execute(table.delete().where(table.c.article_id.in_(ids)))
    heads: list[dict[str, Any]] = []
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in _INDEX_ROWS}
    locations: dict[str, str] = {}
    for article_id, (payload, text) in analyses.items():
        try:
            index = codec.index_rows(payload, text=text)
        except ValueError as err:  # written by another program version: analysed again at the next build
            index = codec.index_rows({codec.FAILED: f"stored analysis unreadable: {err}"}, text=text)
        heads.append({"article_id": article_id, "version": version, **index["article"]})
        for name in _INDEX_ROWS:
            rows[name] += [{"article_id": article_id, "version": version, **row} for row in index[name]]
        for key, loc in index["locations"].items():
            locations.setdefault(key, json.dumps(loc, ensure_ascii=False, sort_keys=True))
    conn.execute(INDEX_ARTICLES.insert(), heads)
    for name, table in _INDEX_ROWS.items():
        if rows[name]:
            conn.execute(table.insert(), rows[name])
    if locations:
        known = set(conn.execute(sa.select(INDEX_LOCATIONS.c.key).where(
            INDEX_LOCATIONS.c.version == version, INDEX_LOCATIONS.c.key.in_(list(locations)))).scalars())
        new = [{"version": version, "key": k, "location": v} for k, v in locations.items() if k not in known]
        if new:
            conn.execute(_insert_new(conn, INDEX_LOCATIONS), new)


def _insert_new(conn: Connection, table: sa.Table):
    """An insert that leaves a row another writer has just added (same key) as it is."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        return pg_insert(table).on_conflict_do_nothing()
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert
        return sqlite_insert(table).on_conflict_do_nothing()
    return table.insert()


def _touch(conn: Connection) -> None:
    """A change the counts do not show (a text replaced, an article removed): bump the version."""
    current = conn.execute(sa.select(META.c.value).where(META.c.key == "changed")).scalar()
    _set_meta(conn, "changed", str(int(current or 0) + 1))


def _engine(url: str) -> Engine:
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # 30 s: two sessions adding at once wait for each other instead of failing
        engine = sa.create_engine(url, connect_args={"timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # WAL: readers never wait for the one writer
            dbapi_conn.isolation_level = None  # the driver's own implicit BEGIN off: _begin says which kind
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @sa.event.listens_for(engine, "begin")
        def _begin(conn):
            # A writing transaction takes the write lock before it reads, so what it read (a free name, no
            # such text yet) is still true when it writes; readers take none.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def _reason(err: SQLAlchemyError) -> str:
    """A database error in words a user can act on (the driver's own message, first line)."""
    original = getattr(err, "orig", None) or err
    text = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    if "locked" in text.lower():
        return f"the database is busy (locked by another writer for too long): {text}"
    if isinstance(err, sa.exc.OperationalError):
        return f"cannot use the database: {text}"
    return text
