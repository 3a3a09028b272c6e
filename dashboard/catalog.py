"""The page's index of the library: every analysed article reduced to a few numbers, so the map's markers,
lines, timeline and filters are counted in memory for 100,000 articles without holding one article.

An article is a row (language, date, whether it counts); each of its places and lines is a row of integers
(which article, which location, how many mentions; which kind, which two ends, which day). The library writes
these rows with every analysis (store.INDEX_*), and ``Catalog.of_library`` streams them into numpy arrays once
per library change; ``Catalog.of_dataset`` builds the same arrays from analysed articles in memory (the
command line, tests). Filtering and counting are array operations: a filter change costs milliseconds, not
a database round trip over a million rows. An article's text and analysis are read only for the page of
cards a panel shows (``place_hits``, ``link_hits``: a page at a time, from the library).

One filtering rule, written once (``_Masks``): articles go by language, text search and date; places and
lines then by country. A line needs its kind ticked and its own date (or its article's) in range, and a
country on either end. A marker's role comes from the lines shown.
"""

from __future__ import annotations

import array
import functools
import io
import json
import logging
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from dashboard import ingest
from dashboard.library import codec
from dashboard.models import AREA, LANGS, LINK_KINDS, AnalyzedArticle, Dataset, Location, SkippedFile
from dashboard.viewstate import (
    ArticleHit,
    Evidence,
    Filters,
    LinkSummary,
    PlaceSummary,
    View,
    evidence_hits,
    link_id,
    mention_hits,
)

log = logging.getLogger(__name__)

SNAPSHOT_FORMAT = 1
FetchArticles = Callable[[Sequence[int]], list[AnalyzedArticle]]  # article rows -> their analyses, in order


@functools.lru_cache(maxsize=65_536)  # a library of 100,000 articles has a few thousand distinct days
def day_number(day: str | None) -> int:
    """2024-05-01 -> 20240501; no date -> 0. Order and month (// 100) survive."""
    if not day or len(day) < 10:
        return 0
    try:
        return int(day[:4]) * 10_000 + int(day[5:7]) * 100 + int(day[8:10])
    except ValueError:
        return 0


def day_text(number: int) -> str | None:
    return f"{number // 10_000:04d}-{number // 100 % 100:02d}-{number % 100:02d}" if number else None


class _Rows:
    """Rows of integers in one flat C array, turned into numpy columns at the end: 4 bytes a number while
    100,000 articles stream in (a Python list of ints is 8 times that)."""

    def __init__(self, *names: str):
        self.names = names
        self.values = array.array("i")
        self.add = self.values.extend  # add((a, b, c)): one row, in the order of ``names``

    def arrays(self) -> dict[str, np.ndarray]:
        table = np.frombuffer(self.values, dtype=np.int32).reshape(-1, len(self.names)) if self.values else \
            np.zeros((0, len(self.names)), dtype=np.int32)
        return {n: np.ascontiguousarray(table[:, i]) for i, n in enumerate(self.names)}


class _Builder:
    """Collects articles, places, lines and unresolved names as integer rows (one home for both sources)."""

    def __init__(self, previous: Catalog | None = None) -> None:
        """With ``previous``, the rows collected are the articles analysed since: numbered after its articles,
        with its locations, spellings and kinds known (copied, not changed: sessions share it)."""
        self.offset = len(previous.names) if previous is not None else 0
        self.names: list[str] = []
        self.titles: list[str] = []
        self.paths: list[str] = []
        self.row_ids: list[int] = []  # what ``fetch`` is given back: library id, or position in a Dataset
        self.arts = _Rows("lang", "day", "usable")
        self.places = _Rows("art", "loc", "mentions")
        self.links = _Rows("art", "seq", "kind", "home", "partner", "day")
        self.unresolved_art: list[int] = []
        self.unresolved_text: list[str] = []
        self.locations: list[Location] = []
        self.loc_index: dict[str, int] = {}
        self.forms: dict[int, dict[tuple[str, str], None]] = {}  # loc -> (spelling, language), first sight first
        self.sources: dict[int, set[str]] = {}
        self.kinds: list[str] = list(LINK_KINDS)
        self.skipped: list[SkippedFile] = []
        self.first_of_content: dict[str, str] = {}  # content key -> the path of the article counted
        self._described: set[tuple[int, str, str, str]] = set()
        if previous is not None:
            self.locations = list(previous.locations)
            self.loc_index = dict(previous.loc_index)
            self.forms = {i: dict.fromkeys(forms) for i, forms in previous.forms.items()}
            self.sources = {i: set(src) for i, src in previous.sources.items()}
            self.kinds = list(previous.kinds)

    def article(self, row_id: int, name: str, path: str, title: str | None, lang: str | None, day: str | None,
                content_key: str | None, failed: str | None) -> int:
        usable = failed is None
        if failed is not None:
            self.skipped.append(SkippedFile(path=path, reason=failed))
        elif content_key:
            first = self.first_of_content.setdefault(content_key, path)
            if first != path:  # the same text under another name: counted once
                self.skipped.append(SkippedFile(path=path, reason=f"the same text as {first}: counted once"))
                usable = False
        self.names.append(name)
        self.titles.append(title or name)
        self.paths.append(path)
        self.row_ids.append(row_id)
        self.arts.add((LANGS.index(lang) if lang in LANGS else -1, day_number(day), int(usable)))
        return self.offset + len(self.names) - 1

    def location(self, loc: Location) -> int:
        index = self.loc_index.get(loc.key)
        if index is None:
            index = self.loc_index[loc.key] = len(self.locations)
            self.locations.append(loc)
        return index

    def stored_location(self, key: str, stored: dict[str, dict]) -> int:
        """The location of a key as the library keeps it (decoded once); -1 when the library lacks it."""
        index = self.loc_index.get(key)
        if index is not None:
            return index
        value = stored.get(key)
        return self.location(codec.location_of(value)) if value is not None else -1

    def place(self, art: int, loc: int, mentions: int, source: str, forms: str, lang: str) -> None:
        """``forms``: the spellings of its mentions, one per line."""
        self.places.add((art, loc, mentions))
        if (loc, source, forms, lang) in self._described:  # most rows repeat a place's spellings
            return
        self._described.add((loc, source, forms, lang))
        self.sources.setdefault(loc, set()).add(source)
        seen = self.forms.setdefault(loc, {})
        for form in forms.split("\n"):
            if form:
                seen.setdefault((form, lang), None)

    def link(self, art: int, seq: int, kind: str, home: int, partner: int, day: str | None) -> None:
        if kind not in self.kinds:
            self.kinds.append(kind)
        self.links.add((art, seq, self.kinds.index(kind), home, partner, day_number(day)))

    def catalog(self, fetch: FetchArticles, previous: Catalog | None = None) -> Catalog:
        """The catalog of the rows collected; with ``previous``, of its articles and these after them."""
        arts, places, links = self.arts.arrays(), self.places.arrays(), self.links.arrays()
        row_ids = np.asarray(self.row_ids, dtype=np.int64)
        unresolved_art = np.asarray(self.unresolved_art, dtype=np.int32)
        names, titles, paths, unresolved_text = self.names, self.titles, self.paths, self.unresolved_text
        skipped: Sequence[SkippedFile] = self.skipped
        if previous is not None:
            arts = {"lang": np.concatenate([previous.art_lang, arts["lang"]]),
                    "day": np.concatenate([previous.art_day, arts["day"]]),
                    "usable": np.concatenate([previous.usable.astype(np.int32), arts["usable"]])}
            places = {k: np.concatenate([getattr(previous, f"p_{k}"), v]) for k, v in places.items()}
            links = {k: np.concatenate([getattr(previous, f"l_{k}"), v]) for k, v in links.items()}
            row_ids = np.concatenate([previous.row_ids, row_ids])
            unresolved_art = np.concatenate([previous.unresolved_art, unresolved_art])
            names, titles, paths = previous.names + names, previous.titles + titles, previous.paths + paths
            unresolved_text = previous.unresolved_text + unresolved_text
            skipped = (*previous.index_skipped, *skipped)
        return Catalog(names=names, titles=titles, paths=paths, row_ids=row_ids, arts=arts, places=places, links=links,
                       unresolved=(unresolved_art, unresolved_text),
                       locations=self.locations, forms={k: tuple(v) for k, v in self.forms.items()},
                       sources=self.sources, kinds=tuple(self.kinds), skipped=skipped, fetch=fetch)


@dataclass(frozen=True)
class _Masks:
    """Which articles, place rows and line rows pass one set of filters."""

    arts: np.ndarray
    places: np.ndarray
    links: np.ndarray


CACHED_MASKS = 16


class Catalog:
    """The index the page counts with. Build it with ``of_library`` or ``of_dataset``."""

    def __init__(self, *, names: list[str], titles: list[str], paths: list[str], row_ids: np.ndarray,
                 arts: dict[str, np.ndarray], places: dict[str, np.ndarray], links: dict[str, np.ndarray],
                 unresolved: tuple[np.ndarray, list[str]], locations: list[Location],
                 forms: dict[int, tuple[tuple[str, str], ...]], sources: dict[int, set[str]],
                 kinds: tuple[str, ...], skipped: Sequence[SkippedFile], fetch: FetchArticles):
        self.names, self.titles, self.paths, self.row_ids = names, titles, paths, row_ids
        self.art_lang, self.art_day, self.usable = arts["lang"], arts["day"], arts["usable"].astype(bool)
        self.p_art, self.p_loc, self.p_mentions = places["art"], places["loc"], places["mentions"]
        self.l_art, self.l_seq, self.l_kind = links["art"], links["seq"], links["kind"]
        self.l_home, self.l_partner, self.l_day = links["home"], links["partner"], links["day"]
        self.unresolved_art, self.unresolved_text = unresolved
        self.locations = locations
        self.loc_index = {loc.key: i for i, loc in enumerate(locations)}
        self.countries = sorted({loc.country for loc in locations if loc.country})
        self.loc_country = np.asarray([self.countries.index(loc.country) if loc.country else -1
                                       for loc in locations], dtype=np.int32)
        self.forms, self.sources, self.kinds = forms, sources, kinds
        self.index_skipped = tuple(skipped)  # failed or the same text again: what the index says
        self.folder_skipped: tuple[SkippedFile, ...] = ()  # files the folder could not give (not in the index)
        self.state: str | None = None  # the library's state the catalog was read in (Library.index_state)
        self.version: str | None = None
        self._fetch = fetch
        self._art_index: dict[str, int] | None = None
        self._masks: OrderedDict[Filters, _Masks] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def skipped(self) -> tuple[SkippedFile, ...]:
        return (*self.folder_skipped, *self.index_skipped)

    # ------------------------------------------------------------------------------------ building
    @classmethod
    def of_dataset(cls, dataset: Dataset) -> Catalog:
        """Analysed articles held in memory (the command line, tests)."""
        b = _Builder()
        for row, analyzed in enumerate(dataset.articles):  # the rows the library's index would hold
            index, art = codec.index_of(analyzed), analyzed.article
            head = index["article"]
            a = b.article(row, art.id, art.path, head["title"], head["lang"], head["day"], head["content_key"], None)
            loc = {key: b.location(location) for key, location in index["locations"].items()}
            for p in index["places"]:
                b.place(a, loc[p["place_key"]], p["mentions"], p["source"], p["forms"], art.lang)
            for lk in index["links"]:
                b.link(a, lk["seq"], lk["kind"], loc[lk["home_key"]], loc[lk["partner_key"]], lk["day"])
            for u in index["unresolved"]:
                b.unresolved_art.append(a)
                b.unresolved_text.append(u["text"])
        articles = dataset.articles
        catalog = b.catalog(lambda rows: [articles[r] for r in rows])
        catalog.folder_skipped = tuple(dataset.skipped)
        return catalog

    @classmethod
    def of_library(cls, library, version: str, *, skipped: Sequence[SkippedFile] = (),
                   previous: Catalog | None = None) -> Catalog:
        """The library's index of this extractor version (``library`` is a store.Library; ``skipped``: the
        folder's files that could not be read). Read the quickest way that is right:

        - ``previous`` (the catalog the page showed) and the articles analysed since, when articles were only
          added (a page adding one article to 100,000 reads one article's rows);
        - else the snapshot the library keeps, when nothing has changed since it was made (a restarted server
          reads one blob);
        - else every row, streamed, and a new snapshot kept for the next start."""
        state = library.index_state(version)
        catalog = None
        after = library.only_added(previous.state, state) if previous is not None and previous.version == version \
            and previous.state is not None else None
        if previous is not None and after is not None:
            catalog = cls._of_rows(library, version, previous=previous, after=after)
            if catalog.article_count_all != library.index_count(state):  # not only added after all: read all
                catalog = None
            else:
                library.keep_snapshot(version, state, catalog.snapshot())
        if catalog is None:
            data = library.snapshot(version, state)
            if data is not None:
                try:
                    catalog = cls._from_snapshot(data, _library_fetch(library, version))
                except (ValueError, KeyError, OSError, EOFError, zipfile.BadZipFile) as err:  # not ours: the rows
                    log.warning("library %s: the index snapshot is unreadable (%s); reading the index",
                                library.shown_url, err)
        if catalog is None:
            catalog = cls._of_rows(library, version)
            library.keep_snapshot(version, state, catalog.snapshot())
        catalog.folder_skipped, catalog.state, catalog.version = tuple(skipped), state, version
        return catalog

    @property
    def article_count_all(self) -> int:
        """Every article in the index, counted or not (failed, the same text again)."""
        return len(self.names)

    @classmethod
    def _of_rows(cls, library, version: str, *, previous: Catalog | None = None, after: int = 0) -> Catalog:
        """From the index rows (of the articles after id ``after``, added to ``previous``)."""
        b = _Builder(previous)
        by_id: dict[int, int] = {}
        langs: dict[int, str] = {}
        heads = library.index_articles(version, after=after)
        if previous is not None:  # the same text as an article read before: counted once, as a full read would
            b.first_of_content.update(library.index_first_of_content(version, {h[7] for h in heads if h[7]}))
        for db_id, name, path, url, title, lang, day, content_key, failed in heads:
            shown = path or url or f"library:{name}"
            row = by_id[db_id] = b.article(db_id, name, shown, title, lang, day, content_key, failed)
            langs[row] = lang or ""
        stored = library.index_locations(version)
        for db_id, key, mentions, source, forms in library.index_places(version, after=after):
            a = by_id.get(db_id)
            if a is None:
                continue
            loc = b.stored_location(key, stored)
            if loc >= 0:
                b.place(a, loc, mentions, source, forms, langs[a])
        for db_id, seq, kind, home_key, partner_key, day in library.index_links(version, after=after):
            a = by_id.get(db_id)
            if a is None:
                continue
            home, partner = b.stored_location(home_key, stored), b.stored_location(partner_key, stored)
            if home >= 0 and partner >= 0:
                b.link(a, seq, kind, home, partner, day)
        for db_id, text in library.index_unresolved(version, after=after):
            if db_id in by_id:
                b.unresolved_art.append(by_id[db_id])
                b.unresolved_text.append(text)

        return b.catalog(_library_fetch(library, version), previous)

    # ----------------------------------------------------------------------------------- snapshots
    _ARRAYS = ("row_ids", "art_lang", "art_day", "usable", "p_art", "p_loc", "p_mentions", "l_art", "l_seq", "l_kind",
               "l_home", "l_partner", "l_day", "unresolved_art")

    def snapshot(self) -> bytes:
        """The index as one blob (numpy arrays and JSON, no pickle: a hosted database is data, not code)."""
        meta = {"format": SNAPSHOT_FORMAT, "names": self.names, "titles": self.titles, "paths": self.paths,
                "kinds": list(self.kinds), "locations": [codec.location_json(loc) for loc in self.locations],
                "forms": [[i, [list(f) for f in forms]] for i, forms in self.forms.items()],
                "sources": [[i, sorted(src)] for i, src in self.sources.items()],
                "unresolved_text": self.unresolved_text,
                "skipped": [[s.path, s.reason] for s in self.index_skipped]}
        out = io.BytesIO()
        np.savez(out, meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
                 **{name: getattr(self, name) for name in self._ARRAYS})
        return out.getvalue()

    @classmethod
    def _from_snapshot(cls, data: bytes, fetch: FetchArticles) -> Catalog:
        with np.load(io.BytesIO(data), allow_pickle=False) as stored:
            meta = json.loads(stored["meta"].tobytes().decode("utf-8"))
            if meta.get("format") != SNAPSHOT_FORMAT:
                raise ValueError(f"snapshot format {meta.get('format')!r}, this program reads {SNAPSHOT_FORMAT}")
            a = {name: stored[name] for name in cls._ARRAYS}
        return cls(names=meta["names"], titles=meta["titles"], paths=meta["paths"], row_ids=a["row_ids"],
                   arts={"lang": a["art_lang"], "day": a["art_day"], "usable": a["usable"]},
                   places={"art": a["p_art"], "loc": a["p_loc"], "mentions": a["p_mentions"]},
                   links={"art": a["l_art"], "seq": a["l_seq"], "kind": a["l_kind"], "home": a["l_home"],
                          "partner": a["l_partner"], "day": a["l_day"]},
                   unresolved=(a["unresolved_art"], meta["unresolved_text"]),
                   locations=[codec.location_of(v) for v in meta["locations"]],
                   forms={i: tuple((f, lg) for f, lg in forms) for i, forms in meta["forms"]},
                   sources={i: set(src) for i, src in meta["sources"]}, kinds=tuple(meta["kinds"]),
                   skipped=[SkippedFile(p, r) for p, r in meta["skipped"]], fetch=fetch)

    # ------------------------------------------------------------------------------------- reading
    @property
    def article_count(self) -> int:
        return int(self.usable.sum())

    def date_bounds(self) -> tuple[str | None, str | None]:
        days = np.concatenate([self.art_day[self.usable], self.l_day[self.usable[self.l_art]]])
        days = days[days > 0]
        return (day_text(int(days.min())), day_text(int(days.max()))) if days.size else (None, None)

    def place_countries(self) -> list[str]:
        """Countries of the places the counted articles name (the sidebar's choice)."""
        locs = _distinct(self.p_loc[self.usable[self.p_art]])
        return sorted({self.locations[i].country for i in locs.tolist() if self.locations[i].country})

    def title(self, name: str) -> str:
        rows = self._article_rows([name])
        return self.titles[int(rows[0])] if rows.size else name

    def article_summaries(self) -> dict[str, dict]:
        """Article name -> what its analysis read (title, language, date) and found (places, lines), for every
        article analysed, duplicates included (the command line's ``library list``)."""
        places = np.bincount(self.p_art, minlength=len(self.names))
        lines = np.bincount(self.l_art, minlength=len(self.names))
        return {name: {"title": self.titles[i], "lang": LANGS[self.art_lang[i]], "date": day_text(int(self.art_day[i])),
                       "places": int(places[i]), "links": int(lines[i])}
                for i, name in enumerate(self.names) if self.art_lang[i] >= 0}

    def location(self, key: str) -> Location | None:
        i = self.loc_index.get(key)
        return self.locations[i] if i is not None else None

    def place_forms(self, key: str) -> tuple[tuple[str, str], ...]:
        """How the articles wrote one place: (spelling, article language), in order of first sight."""
        i = self.loc_index.get(key)
        return self.forms.get(i, ()) if i is not None else ()

    def place_sources(self, key: str) -> set[str]:
        i = self.loc_index.get(key)
        return self.sources.get(i, set()) if i is not None else set()

    def unresolved_rows(self) -> Iterable[tuple[str, str, str]]:
        """(article name, language, spelling) of every name no geocoder could place, in counted articles."""
        for a, text in zip(self.unresolved_art.tolist(), self.unresolved_text, strict=True):
            if self.usable[a]:
                yield self.names[a], LANGS[self.art_lang[a]], text

    # ----------------------------------------------------------------------------------- filtering
    def _article_rows(self, names: Iterable[str]) -> np.ndarray:
        if self._art_index is None:
            self._art_index = {n: i for i, n in enumerate(self.names)}
        return np.asarray([self._art_index[n] for n in names if n in self._art_index], dtype=np.int64)

    def masks(self, f: Filters) -> _Masks:
        with self._lock:
            found = self._masks.get(f)
            if found is not None:
                self._masks.move_to_end(f)
                return found
        masks = self._compute_masks(f)
        with self._lock:
            self._masks[f] = masks
            while len(self._masks) > CACHED_MASKS:
                self._masks.popitem(last=False)
        return masks

    def _compute_masks(self, f: Filters) -> _Masks:
        arts = self.usable.copy()
        if f.langs:
            arts &= np.isin(self.art_lang, [LANGS.index(lang) for lang in f.langs if lang in LANGS])
        if f.articles is not None:
            chosen = np.zeros(len(arts), dtype=bool)
            chosen[self._article_rows(f.articles)] = True
            arts &= chosen
        arts &= _in_range(self.art_day, f)
        if f.countries:
            country_ok = np.isin(self.loc_country, [self.countries.index(c) for c in f.countries
                                                    if c in self.countries])
            names_one = np.zeros(len(arts), dtype=bool)
            names_one[self.p_art[country_ok[self.p_loc]]] = True
            arts &= names_one
        else:
            country_ok = np.ones(len(self.locations), dtype=bool)
        places = arts[self.p_art] & country_ok[self.p_loc]
        kinds_ok = np.asarray([k in f.kinds for k in self.kinds], dtype=bool)
        links = (arts[self.l_art] & kinds_ok[self.l_kind] & _in_range(self.l_day, f)
                 & (country_ok[self.l_home] | country_ok[self.l_partner]))  # a line is about both ends
        return _Masks(arts, places, links)

    def _place_pairs(self, m: _Masks) -> tuple[np.ndarray, np.ndarray]:
        """(location, article) pairs, each once: a place named by an article, or an end of one of its lines
        (the ends of a line are on the map even when an article named them only by a demonym)."""
        locs = np.concatenate([self.p_loc[m.places], self.l_home[m.links], self.l_partner[m.links]])
        arts = np.concatenate([self.p_art[m.places], self.l_art[m.links], self.l_art[m.links]])
        pairs = _distinct(locs.astype(np.int64) * len(self.names) + arts)
        return pairs // len(self.names), pairs % len(self.names)

    def _line_groups(self, m: _Masks) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The shown line rows, their line (kind, home, partner) as one number, and each row's group."""
        rows = np.flatnonzero(m.links)
        n = max(len(self.locations), 1)
        key = (self.l_kind[rows].astype(np.int64) * n + self.l_home[rows]) * n + self.l_partner[rows]
        groups, inverse = np.unique(key, return_inverse=True)
        return rows, groups, inverse

    def view(self, f: Filters) -> View:
        """Markers and lines left after the filters, counted."""
        m = self.masks(f)
        n_locs = len(self.locations)
        pair_locs, pair_arts = self._place_pairs(m)
        article_counts = np.bincount(pair_locs, minlength=n_locs)
        mention_counts = np.bincount(self.p_loc[m.places], weights=self.p_mentions[m.places], minlength=n_locs)
        first_day = _group_min(pair_locs, self.art_day[pair_arts], n_locs)

        rows, groups, inverse = self._line_groups(m)
        n = max(n_locs, 1)
        evidence = np.bincount(inverse, minlength=len(groups))
        line_arts = _distinct(inverse.astype(np.int64) * len(self.names) + self.l_art[rows])
        line_article_counts = np.bincount(line_arts // len(self.names), minlength=len(groups))
        days = self.l_day[rows]
        first = _group_min(inverse, days, len(groups))
        last = _group_max(inverse, days, len(groups))
        links: list[LinkSummary] = []
        for g, key in enumerate(groups.tolist()):
            kind, home, partner = self.kinds[key // (n * n)], key // n % n, key % n
            h, p = self.locations[home], self.locations[partner]
            links.append(LinkSummary(id=link_id(kind, h, p), kind=kind, home=h, partner=p,
                                     article_count=int(line_article_counts[g]), evidence_count=int(evidence[g]),
                                     first_date=day_text(int(first[g])), last_date=day_text(int(last[g]))))
            for end in (home, partner):  # a place is first seen no later than its first line
                if first[g] and (not first_day[end] or first[g] < first_day[end]):
                    first_day[end] = first[g]
        links.sort(key=lambda lk: (LINK_KINDS.index(lk.kind) if lk.kind in LINK_KINDS else 9, lk.id))

        homes = {lk.home.key for lk in links}
        partners = {lk.partner.key for lk in links}
        places = []
        for i in np.flatnonzero(article_counts).tolist():
            loc = self.locations[i]
            if loc.kind == AREA:
                continue  # a continent or a sea is no marker ("Europe" says where, not who)
            places.append(PlaceSummary(
                location=loc, role="home" if loc.key in homes else "partner" if loc.key in partners else "mentioned",
                article_count=int(article_counts[i]), mention_count=int(mention_counts[i]),
                surfaces=tuple(sorted({form for form, _ in self.forms.get(i, ())})),
                first_date=day_text(int(first_day[i]))))
        places.sort(key=lambda p: (-p.article_count, p.location.name, p.location.key))
        return View(places=tuple(places), links=tuple(links), article_count=int(m.arts.sum()))

    # ----------------------------------------------------------------------------------- the panels
    def _newest_first(self, arts: np.ndarray) -> np.ndarray:
        return arts[np.lexsort((arts, -self.art_day[arts].astype(np.int64)))]

    def place_articles(self, f: Filters, key: str) -> np.ndarray:
        """Rows of the shown articles that name the place or have it at an end of a shown line, newest first."""
        i = self.loc_index.get(key)
        if i is None:
            return np.zeros(0, dtype=np.int64)
        m = self.masks(f)
        arts = np.concatenate([self.p_art[m.places & (self.p_loc == i)],
                               self.l_art[m.links & ((self.l_home == i) | (self.l_partner == i))]])
        return self._newest_first(_distinct(arts))

    def place_hits(self, f: Filters, key: str, *, offset: int = 0, limit: int = 20) -> tuple[list[ArticleHit], int]:
        """One page of the place's articles, each with its mentions marked, and how many there are."""
        arts = self.place_articles(f, key)
        page = arts[offset:offset + limit].tolist()
        return mention_hits(self._fetch([int(self.row_ids[a]) for a in page]), key), len(arts)

    def link_rows(self, f: Filters, lid: str) -> np.ndarray:
        """Rows of the line's evidence (one per article mention), newest first."""
        try:
            kind, home_key, partner_key = lid.split("|")
        except ValueError:
            return np.zeros(0, dtype=np.int64)
        home, partner = self.loc_index.get(home_key), self.loc_index.get(partner_key)
        if home is None or partner is None or kind not in self.kinds:
            return np.zeros(0, dtype=np.int64)
        m = self.masks(f)
        rows = np.flatnonzero(m.links & (self.l_kind == self.kinds.index(kind)) & (self.l_home == home)
                              & (self.l_partner == partner))
        return rows[np.lexsort((rows, -self.l_day[rows].astype(np.int64)))]

    def link_hits(self, f: Filters, lid: str, *, offset: int = 0, limit: int = 20) -> tuple[list[ArticleHit], int]:
        """One page of the line's evidence, each sentence marked in its article, and how many there are."""
        rows = self.link_rows(f, lid)
        page = rows[offset:offset + limit].tolist()
        arts = list(dict.fromkeys(int(self.l_art[r]) for r in page))
        fetched = {a.article.id: a for a in self._fetch([int(self.row_ids[a]) for a in arts])}
        evidence = []
        for r in page:
            analyzed = fetched.get(self.names[self.l_art[r]])
            seq = int(self.l_seq[r])
            if analyzed is not None and seq < len(analyzed.links):
                evidence.append((analyzed, Evidence(analyzed.article.id, day_text(int(self.l_day[r])),
                                                    analyzed.links[seq].evidence)))
        return evidence_hits(evidence), len(rows)

    def articles(self, names: Sequence[str]) -> list[AnalyzedArticle]:
        """These articles' analyses (a page of search results), in the order given."""
        rows = self._article_rows(names)
        return self._fetch([int(self.row_ids[a]) for a in rows.tolist()])

    def shown_names(self, f: Filters, names: Sequence[str]) -> list[str]:
        """Of ``names``, those the filters show, in the order given."""
        m = self.masks(f)
        return [self.names[a] for a in self._article_rows(names).tolist() if m.arts[a]]

    def timeline(self, f: Filters) -> list[dict]:
        """Rows (month, kind, count) of the shown lines' evidence by month; articles by month when no line has
        a date. Months with nothing are left out; the chart fills its own axis."""
        m = self.masks(f)
        rows = np.flatnonzero(m.links & (self.l_day > 0))
        if rows.size:
            months, kinds = self.l_day[rows] // 100, self.l_kind[rows]
            labels = [self.kinds[k] for k in range(len(self.kinds))]
        else:
            arts = np.flatnonzero(m.arts & (self.art_day > 0))
            months, kinds, labels = self.art_day[arts] // 100, np.zeros(arts.size, dtype=np.int32), ["articles"]
        if not months.size:
            return []
        pairs, counts = np.unique(months.astype(np.int64) * 16 + kinds, return_counts=True)
        out = [{"month": f"{p // 16 // 100:04d}-{p // 16 % 100:02d}", "kind": labels[p % 16], "count": int(c)}
               for p, c in zip(pairs.tolist(), counts.tolist(), strict=True)]
        return sorted(out, key=lambda r: (r["month"], r["kind"]))

    def article_names_by_place(self, f: Filters) -> dict[str, list[str]]:
        """Place key -> names of the shown articles behind its marker (the downloads' article_ids column)."""
        locs, arts = self._place_pairs(self.masks(f))
        out: dict[str, list[str]] = {}
        for loc, a in zip(locs.tolist(), arts.tolist(), strict=True):
            out.setdefault(self.locations[loc].key, []).append(self.names[a])
        return out

    def article_names_by_line(self, f: Filters) -> dict[str, list[str]]:
        """Line id -> names of the shown articles behind it."""
        m = self.masks(f)
        out: dict[str, dict[str, None]] = {}
        for r in np.flatnonzero(m.links).tolist():
            kind = self.kinds[self.l_kind[r]]
            lid = link_id(kind, self.locations[self.l_home[r]], self.locations[self.l_partner[r]])
            out.setdefault(lid, {})[self.names[self.l_art[r]]] = None
        return {k: list(v) for k, v in out.items()}


def _library_fetch(library, version: str) -> FetchArticles:
    """The analyses of library articles by id, for the page of cards a panel shows."""
    def fetch(row_ids: Sequence[int]) -> list[AnalyzedArticle]:
        out = []
        for stored_article, payload in library.analyses_of(version, list(row_ids)):
            item = ingest.analysed_article(stored_article, payload)
            if isinstance(item, SkippedFile):  # the index said it was readable; rewritten since
                log.warning("article %s: %s", stored_article.name, item.reason)
            else:
                out.append(item)
        return out
    return fetch


def _distinct(values: np.ndarray) -> np.ndarray:
    """The values once each, sorted: np.unique by a sort (numpy 2's np.unique hashes, 5x slower here)."""
    ordered = np.sort(values)
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]


def _in_range(days: np.ndarray, f: Filters) -> np.ndarray:
    """Days inside the filters' period; with a period set, an undated item cannot be said to fall inside it."""
    if not (f.date_from or f.date_to):
        return np.ones(len(days), dtype=bool)
    ok = days > 0
    if f.date_from:
        ok &= days >= day_number(f.date_from)
    if f.date_to:
        ok &= days <= day_number(f.date_to)
    return ok


_NO_DAY = np.iinfo(np.int32).max


def _group_min(groups: np.ndarray, days: np.ndarray, n: int) -> np.ndarray:
    """Per group, the earliest day that is a day (0 where none)."""
    out = np.full(n, _NO_DAY, dtype=np.int64)
    dated = days > 0
    np.minimum.at(out, groups[dated], days[dated])
    out[out == _NO_DAY] = 0
    return out


def _group_max(groups: np.ndarray, days: np.ndarray, n: int) -> np.ndarray:
    out = np.zeros(n, dtype=np.int64)
    np.maximum.at(out, groups, days)
    return out
