"""The Streamlit page: ``streamlit run dashboard/app.py``. The only module that imports streamlit.

Thin on purpose: the rules (filters, URL state, snippets, downloads, upload checks) live in
viewstate.py, search in search.py, review and corrections in review.py, the map in mapview/ (its
drawing in static/js), the analysis in pipeline.py. This file wires widgets to them.

The map and the side panel are one ``st.fragment``: a click on the map, a pick, a search hit or a
relation reruns only them, not the sidebar, timeline, review list and downloads.

Everything that came from an article is shown through ``_html`` (escaped by viewstate.esc), as
plain data (dataframes), or as a widget label escaped by viewstate.md_text; never as raw markdown.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import logging
import os
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the checkout: use this checkout's
# package (with its geodata/) even when an installed copy exists.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st
from streamlit_folium import st_folium

from dashboard import ingest, mapview, pipeline, review, search, settings
from dashboard import viewstate as vs
from dashboard.catalog import Catalog
from dashboard.errors import DashboardError, LibraryError
from dashboard.ingest import Library, query_words
from dashboard.models import LANGS, LINK_KINDS, PLACE_KINDS

log = logging.getLogger("dashboard.app")

LANG_NAMES = {"en": "English", "ru": "Russian", "kk": "Kazakh"}
MAP_HEIGHT = 600
MAP_KEY = "map"
ARTICLES_PAGE = 20  # article cards shown at once beside the map
SEARCH_HITS = 6
RETURNED = ["last_object_clicked_tooltip", "zoom", "center"]


# ---------------------------------------------------------------- data (cached) ------------------

def overrides_path() -> Path:
    """The overrides file the geocoding chain reads before the library's corrections."""
    return settings.overrides_file()


def folder_fingerprint(folder: Path) -> str:
    """Changes when a .txt file is added, removed or edited, so the folder is mirrored into the library again."""
    h = hashlib.sha256(str(folder).encode())
    try:
        # os.scandir, not Path.glob + stat: it runs on every rerun, 0.4 s for 10,000 files before.
        with os.scandir(folder) as entries:
            files = sorted((e.name, e.stat()) for e in entries if e.name.endswith(".txt") and e.is_file())
        h.update("".join(f"{name}\0{s.st_size}\0{s.st_mtime_ns}\n" for name, s in files).encode())
    except OSError as err:
        h.update(str(err).encode())
    return h.hexdigest()[:24]


def _secrets() -> dict:
    try:
        return dict(st.secrets)
    except Exception:  # no secrets.toml is the normal local case; streamlit raises its own error type
        return {}


@st.cache_resource(show_spinner=False)
def _library_at(url: str) -> Library:
    return ingest.open_library(url)


def current_library() -> Library:
    """The library settings name; with ``[connections.library]`` in the secrets (and no environment
    variable), through Streamlit's own SQL connection, the ecosystem's convention for a hosted database."""
    secrets = _secrets()
    if (secrets.get("connections") or {}).get(settings.SECRET_CONNECTION) and not os.environ.get(
            settings.ENV_LIBRARY_URL):
        engine = st.connection(settings.SECRET_CONNECTION, type="sql").engine
        return _library_on(str(engine.url), engine)
    return _library_at(settings.library_url(secrets=secrets))


@st.cache_resource(show_spinner=False)
def _library_on(url: str, _engine) -> Library:
    return Library(url, engine=_engine)


@st.cache_resource(show_spinner="Reading the articles folder into the library…", max_entries=4)
def synced_folder(library_url: str, folder: str, fingerprint: str, _library: Library) -> ingest.SyncReport:
    """The folder mirrored into the library, once per change of its files."""
    del library_url, fingerprint  # part of the cache key only
    return ingest.sync_folder(_library, folder)


@st.cache_resource(show_spinner="Analysing the articles…", max_entries=2)
def load_catalog(library_url: str, library_key: str, online: bool, user_agent: str | None, overrides: str,
                 _library: Library, _report: ingest.SyncReport, _previous: Catalog | None) -> Catalog:
    """The library's index as the page counts with it: new articles analysed first (an unchanged one never
    again). Shared by every session until an article or a correction is added, here or by another process,
    or the overrides file changes (``library_key`` holds both). ``_previous``, the catalog shown before, is
    extended when articles were only added."""
    del library_url, library_key  # part of the cache key only
    gc.unfreeze()  # what the last load froze (see _freeze_heap) is the collector's again: its cycles can go
    geocoder, version = ingest.analysis_context(_library, online=online, user_agent=user_agent,
                                                overrides_path=overrides)
    ingest.refresh(_library, geocoder=geocoder, version=version, workers=settings.workers())
    if pipeline.models_loaded():
        pipeline.release_models()  # the NER models are only needed again for a new article
    catalog = Catalog.of_library(_library, version, skipped=_report.skipped, previous=_previous)
    _freeze_heap()
    return catalog


def _freeze_heap() -> None:
    """Take everything alive now (libraries, gazetteer, catalog) out of the garbage collector's sight.

    Streamlit collects every generation after each run (runner.postScriptGC). After a build (a 700 MB
    heap) that took 150-400 ms, holding the interpreter right when the first run's map still waited to be
    sent and its frame's files to be served (bench_dashboard: the seeds' map at 1.35-1.54x the bare page).
    Frozen, the same collection takes 3-16 ms. A frozen object is still freed when its last reference
    goes; only reference cycles among them wait until the next catalog is loaded (unfrozen first)."""
    gc.collect()
    gc.freeze()


@st.cache_resource(max_entries=64)
def filtered_view(catalog_key: str, filters: vs.Filters, _catalog: Catalog) -> vs.View:
    return _catalog.view(filters)


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return "none"


_LAST_GOOD: dict[str, tuple[Catalog, str, float]] = {}  # library URL -> the last catalog shown, its key, when


def library_catalog(library: Library, folder: Path) -> tuple[Catalog, str]:
    """The catalog and its cache key. When the library cannot be used now, the last one loaded is shown
    with a note (the page keeps what it has); with none, the reason is shown and the page stops."""
    online = settings.online_settings(secrets=_secrets())
    overrides = overrides_path()
    try:
        report = synced_folder(library.url, str(folder), folder_fingerprint(folder), library)
        key = f"{library.version()}|{file_digest(overrides)}"
        previous = _LAST_GOOD.get(library.url)
        catalog = load_catalog(library.url, key, online.online, online.user_agent, str(overrides), library, report,
                               previous[0] if previous else None)
    except LibraryError as err:
        last = _LAST_GOOD.get(library.url)
        if last is None:
            st.error(vs.md_text(f"The article library cannot be used: {err.reason}"))
            st.stop()
        st.warning(vs.md_text(f"The article library cannot be used just now ({err.reason}); showing the articles "
                              f"as they were at {time.strftime('%H:%M', time.localtime(last[2]))}."), icon="⚠️")
        return last[0], last[1]
    _LAST_GOOD[library.url] = (catalog, key, time.time())
    return catalog, key


def _adding_context(library: Library):
    """The geocoder and extractor version an added article is analysed with (the page's own)."""
    online = settings.online_settings(secrets=_secrets())
    return ingest.analysis_context(library, online=online.online, user_agent=online.user_agent,
                                   overrides_path=overrides_path())


# ---------------------------------------------------------------- state <-> widgets --------------

def _init_from_url(catalog: Catalog) -> None:
    """First run of a session: the URL's query parameters become the widgets' values; values that
    are not the page's own are ignored and named in a note."""
    if st.session_state.get("_initialised"):
        return
    state, notes = vs.parse_params(st.query_params.to_dict())
    f = state.filters
    for kind in LINK_KINDS:
        st.session_state[f"kind_{kind}"] = kind in f.kinds
    st.session_state["langs"] = list(f.langs)
    st.session_state["countries"] = list(f.countries)
    st.session_state["query"] = state.query
    st.session_state["text_search"] = state.text
    st.session_state["basemap"] = state.basemap
    lo, hi = catalog.date_bounds()
    if lo and hi:
        start = _day(f.date_from) or date.fromisoformat(lo)
        end = _day(f.date_to) or date.fromisoformat(hi)
        st.session_state["dates"] = (start, end)
    st.session_state["selection"] = state.selection
    st.session_state["_url_selection"] = state.selection
    if state.zoom is not None and state.center is not None:
        st.session_state["map_view"] = {"zoom": state.zoom, "center": list(state.center)}
    st.session_state["url_notes"] = notes
    # A shared URL with a place but no view: fly to the place. With zoom and centre: keep them.
    _command(fly=state.selection is not None and state.zoom is None)
    st.session_state["_initialised"] = True


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _command(*, fly: bool = False, pick: str | None = None) -> None:
    """The next message to the map in the browser: always the current selection (a new command
    replaces the last one, which may hold an older one), flown to or not, and pick mode."""
    sel = st.session_state.get("selection")
    seq = st.session_state.get("_map_cmd", {}).get("seq", 0) + 1
    st.session_state["_map_cmd"] = {"seq": seq, "select": (sel.kind, sel.id) if sel else None, "fly": fly,
                                    "pick": pick}


def _select(selection: vs.Selection | None, *, fly: bool = True) -> None:
    """A selection made beside the map (picker, search, relation list, button): the map flies to it."""
    st.session_state["selection"] = selection
    _command(fly=fly)


def _on_map_change() -> None:
    """st_folium's value changed: a click (the script's message in the tooltip field), or the map
    moved (zoom and centre, kept for the URL)."""
    value = st.session_state.get(MAP_KEY) or {}
    zoom, center = value.get("zoom"), value.get("center") or {}
    with contextlib.suppress(TypeError, ValueError, KeyError):  # not a view: keep the last one
        st.session_state["map_view"] = {"zoom": round(float(zoom), 2),  # type: ignore[arg-type]  # None: TypeError
                                        "center": [round(float(center["lat"]), 5), round(float(center["lng"]), 5)]}
    text = value.get("last_object_clicked_tooltip")
    if not text or text == st.session_state.get("_last_map_message"):
        return
    st.session_state["_last_map_message"] = text
    if text.endswith("#quiet") and not st.session_state.get("_page_complete"):
        st.session_state["_rerun_app"] = True  # the map is drawn and the user has paused: the rest now
        return
    clicked = vs.selection_from_text(text)
    if clicked:
        # The map drew the ring itself: no command, so the map is not sent again.
        st.session_state["selection"] = clicked
        st.session_state["_panel_first"] = True
    point = vs.point_from_text(text)
    if point and st.session_state.get("_map_cmd", {}).get("pick"):
        st.session_state["picked_point"] = point
        _command(pick=None)
        st.session_state["_rerun_app"] = True  # the correction form is outside the fragment


def _on_pick(widget: str, kind: str) -> None:
    """A picker changed. Only the picker of the current selection counts, and only for a new value:
    a rerun request can carry a picker the page has since replaced (the map was clicked meanwhile),
    and acting on it would fly the map back to an old selection."""
    sel = st.session_state.get("selection")
    current = sel.id if sel and sel.kind == kind else None
    value = st.session_state.get(widget)
    if widget != f"pick_{kind}:{current}" or value == current:
        return
    _select(vs.Selection(kind, value) if value else None)


def _reset() -> None:
    resets = st.session_state.get("_resets", 0) + 1
    for k in list(st.session_state.keys()):
        del st.session_state[k]
    st.session_state["_resets"] = resets  # a new map script, so the browser opens it fitted again
    st.query_params.clear()


def current_filters(catalog: Catalog, library: Library) -> tuple[vs.Filters, str]:
    """The filters from the sidebar widgets' state, read before the widgets are drawn: the sidebar is
    drawn after the map, so the map's element reaches the browser first (its frame then starts
    loading while the browser is still busy with the rest of the page)."""
    ss = st.session_state
    date_from = date_to = None
    lo, hi = catalog.date_bounds()
    if lo and hi:
        lo_d, hi_d = date.fromisoformat(lo), date.fromisoformat(hi)
        _follow_date_bounds(lo_d, hi_d)
        picked = ss.get("dates")
        if isinstance(picked, (tuple, list)) and len(picked) == 2:
            start, end = picked
            # The full extent means "no date filter", so undated articles stay visible.
            date_from = start.isoformat() if start > lo_d else None
            date_to = end.isoformat() if end < hi_d else None
    kinds = tuple(k for k in LINK_KINDS if ss.get(f"kind_{k}", True))
    filters = vs.Filters(date_from=date_from, date_to=date_to, kinds=kinds, langs=tuple(ss.get("langs") or ()),
                         countries=tuple(ss.get("countries") or ()), articles=text_search_ids(library))
    return filters, ss.get("basemap") or "outline"


def text_search_ids(library: Library) -> tuple[str, ...] | None:
    """The articles whose text holds every word of the sidebar's text search (None: no search)."""
    query = (st.session_state.get("text_search") or "").strip()
    if not query:
        return None
    try:
        return tuple(sorted(hit.name for hit in library.search(query)))
    except LibraryError as err:
        st.session_state["text_search_error"] = err.reason
        return None


def sidebar(catalog: Catalog) -> None:
    """The filter widgets; their values were read by current_filters at the top of the run."""
    sb = st.sidebar
    sb.header("Filters")
    sb.text_input("Search the articles' text", key="text_search", max_chars=200,
                  help="Words in any of the three languages (\"memorandum\", a surname, \"Шымкент\"): only "
                       "articles holding every word stay on the map. A word matches as the start of a word, "
                       "so Шымкент finds Шымкентом too.")
    if st.session_state.pop("text_search_error", None):
        sb.warning("The text search is not available just now.")
    lo, hi = catalog.date_bounds()
    if lo and hi:
        lo_d, hi_d = date.fromisoformat(lo), date.fromisoformat(hi)
        sb.date_input("Date range", min_value=lo_d, max_value=hi_d, key="dates",
                      help="Articles and relations dated inside this period. Narrowing it hides undated articles.")
    sb.caption("Relation kinds")
    for k in LINK_KINDS:
        sb.checkbox(k, key=f"kind_{k}")
    sb.multiselect("Languages", LANGS, key="langs", format_func=lambda x: LANG_NAMES.get(x, x))
    countries = sorted(set(catalog.place_countries()) | set(st.session_state.get("countries", [])))
    sb.multiselect("Countries", countries, key="countries", format_func=_country_label)
    sb.radio("Basemap", vs.BASEMAPS, key="basemap", format_func={
        "outline": "Country outlines (offline)", "osm": "OpenStreetMap tiles (loads tiles from the internet)"}.get)
    sb.button("Reset the view", on_click=_reset)


def _follow_date_bounds(lo_d: date, hi_d: date) -> None:
    """When an added article widens the dates, a range that was "everything" stays everything, and a
    chosen range is kept inside the new bounds (date_input refuses values outside them)."""
    old = st.session_state.get("_date_bounds")
    st.session_state["_date_bounds"] = (lo_d, hi_d)
    picked = st.session_state.get("dates")
    if not isinstance(picked, (tuple, list)) or not picked:
        st.session_state["dates"] = (lo_d, hi_d)
        return
    if len(picked) != 2:  # the user has picked a start and not yet an end
        return
    start, end = picked
    if old and tuple(picked) == tuple(old):
        start, end = lo_d, hi_d
    start, end = min(max(start, lo_d), hi_d), max(min(end, hi_d), lo_d)
    st.session_state["dates"] = (start, end)


def _country_label(code: str) -> str:
    name = review.country_name(code)
    return f"{code} · {name}" if name else code


def sync_url(filters: vs.Filters, basemap: str) -> None:
    """Write the view into the URL so a copied link reproduces it (only when it changed)."""
    view = st.session_state.get("map_view") or {}
    center = view.get("center")
    state = vs.ViewState(filters, st.session_state.get("selection"), basemap, view.get("zoom"),
                         tuple(center) if center else None, (st.session_state.get("query") or "").strip(),
                         " ".join((st.session_state.get("text_search") or "").split()))
    wanted = vs.state_to_params(state)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


# ---------------------------------------------------------------- page parts ---------------------

def _html(body: str) -> None:
    """Markup built here around text already escaped by viewstate.esc; st.html also sanitises."""
    st.html(body)


_PAGE_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }
h1 { font-size: 1.9rem !important; }
@media (max-width: 640px) { h1 { font-size: 1.25rem !important; padding-top: 0 !important; }
  /* the page's header bar (about 3.75rem, fixed) must not cover the title's first line on a phone */
  [data-testid="stMainBlockContainer"] { padding-top: 4.5rem; } }
.article-source a { text-decoration: none; }
h3.panel-title { scroll-margin-top: 4rem; }
.data-table { max-height: 24rem; overflow: auto; border: 1px solid #e6e6e6; border-radius: 4px; }
.data-table table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
.data-table th, .data-table td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eee;
  vertical-align: top; }
.data-table th { position: sticky; top: 0; background: #f6f6f6; }
</style>"""


def table(rows: list[dict], *, css_class: str) -> None:
    """A plain HTML table of escaped cells, scrolling past about ten rows. Not st.dataframe: its grid
    brings 1.3 MB of JavaScript that the browser compiled while the map waited for its turn."""
    if not rows:
        return
    head = "".join(f"<th>{vs.esc(k)}</th>" for k in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{vs.esc(v)}</td>" for v in row.values()) + "</tr>" for row in rows)
    _html(f'<div class="data-table {css_class}"><table><thead><tr>{head}</tr></thead>'
          f"<tbody>{body}</tbody></table></div>")


def overview(view: vs.View) -> None:
    counts = view.counts()
    cols = st.columns(4)
    for col, (label, n) in zip(cols, counts.items(), strict=True):
        col.metric(label.capitalize(), n)


def show_map(view: vs.View, filters: vs.Filters, basemap: str) -> None:
    # Built each run from cached rows (a few ms). The browser keeps the same map while only the
    # selection changes: st_folium keys the component by the map's script, and the selection goes
    # as a separate command the script runs.
    sig = (id(view), basemap, filters.kinds)
    if st.session_state.get("_map_sig") != sig:
        # A new map (filters, basemap): it opens where the user was (or on a shared URL's view),
        # and draws the selection without moving.
        if st.session_state.get("_map_sig") is not None:
            _command(fly=False, pick=st.session_state.get("_map_cmd", {}).get("pick"))
        st.session_state["_map_sig"] = sig
        st.session_state["_map_initial_view"] = st.session_state.get("map_view")
    fmap = mapview.build_map(view, basemap=basemap, asset_prefix=_static_prefix(), kinds=filters.kinds,
                             height=MAP_HEIGHT, initial_view=st.session_state.get("_map_initial_view"),
                             epoch=st.session_state.get("_resets", 0))
    cmd = st.session_state.get("_map_cmd") or {"seq": 0, "select": None, "fly": False, "pick": None}
    st_folium(fmap, key=MAP_KEY, height=MAP_HEIGHT, use_container_width=True, returned_objects=RETURNED,
              feature_group_to_add=mapview.command_layer(**cmd), on_change=_on_map_change)
    st.caption("Blue: the Kazakh side, red: partners, grey: only mentioned; lines: green partnership, purple "
               "dashed visit, orange dotted meeting (Legend on the map). Crowded markers are moved aside with "
               "a thin line to their place, or grouped in a numbered disc; ▶ plays the months.")


def _static_prefix() -> str:
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/app/static" if base else "/app/static"


def place_search(view: vs.View) -> None:
    """Forgiving search across every name a place has; a hit selects the place and the map flies there."""
    query = st.text_input("Find a place", key="query", max_chars=100,
                          placeholder="Stevenage, Стивенидж, Шымкент, Түркістан…",
                          help="English, Russian or Kazakh names; spelling variants are fine.")
    q = (query or "").strip()
    if not q:
        return
    hits = search.find_places(view.places, q, limit=SEARCH_HITS)
    if not hits:
        st.info(vs.md_text(f"No place matches “{q}” on the map (with the filters in the sidebar)."))
        return
    cols = st.columns(min(3, len(hits)))
    for i, hit in enumerate(hits):
        label = " · ".join(mapview.place_names(hit.location)[:2])
        cols[i % len(cols)].button(vs.md_text(label), key=f"hit:{hit.location.key}", use_container_width=True,
                                   on_click=_select, args=(vs.Selection("place", hit.location.key),))


def pickers(view: vs.View, selection: vs.Selection | None) -> None:
    """The same selection without the map: keyboard users, and tests without a browser.

    Each picker's key names the current selection, so a selection made elsewhere shows as a new
    widget with that value, never as a value set behind a live widget's back (which could fire its
    on_change and fly the map away from a click)."""
    place_keys = [p.location.key for p in view.places]
    names = {p.location.key: " · ".join(mapview.place_names(p.location)) for p in view.places}
    chosen = selection.id if selection and selection.kind == "place" else None
    key = f"pick_place:{chosen}"
    st.selectbox("Place", place_keys, key=key, index=place_keys.index(chosen) if chosen in names else None,
                 placeholder="Choose a place", format_func=lambda k: names.get(k, k),
                 on_change=_on_pick, args=(key, "place"))
    labels = {lk.id: f"{lk.home.name} — {lk.partner.name} ({lk.kind})" for lk in view.links}
    chosen = selection.id if selection and selection.kind == "link" else None
    key = f"pick_link:{chosen}"
    link_ids = list(labels)
    st.selectbox("Relation", link_ids, key=key, index=link_ids.index(chosen) if chosen in labels else None,
                 placeholder="Choose a relation", format_func=lambda k: labels.get(k, k),
                 on_change=_on_pick, args=(key, "link"))


def safe_url(url: str | None) -> str | None:
    """An article's source link, only when it is a plain http(s) address (never javascript:)."""
    if not url or any(c.isspace() or ord(c) < 32 for c in url) or len(url) > 2000:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _cut_note(art) -> str | None:
    if any("only the first" in w for w in art.warnings):
        return (f"A long text: places and relations were looked for in its first {pipeline.ANALYSED_CHARS:,} "
                f"characters, and the full text below stops there.")
    return None


def _article_card(hit: vs.ArticleHit, *, label: str) -> None:
    art = hit.article
    meta = " · ".join(x for x in (hit.date or art.date or "undated", art.source or "",
                                  LANG_NAMES.get(art.lang, art.lang)) if x)
    url = safe_url(art.url)
    link = (f'<div class="article-source"><a href="{vs.esc(url)}" target="_blank" rel="noopener noreferrer">'
            f"Source: {vs.esc(urlsplit(url).netloc)} ↗</a></div>") if url else ""
    note = _cut_note(art)
    _html(f'<div class="article-card"><div class="article-title"><b>{vs.esc(art.title)}</b></div>'
          f'<div class="article-meta" style="color:#666;font-size:0.85em">{vs.esc(meta)}</div>{link}'
          f'<div class="article-snippet" data-label="{vs.esc(label)}">{vs.snippet_html(hit.snippet)}</div>'
          + (f'<div class="article-cut" style="color:#8a5a00;font-size:0.85em">{vs.esc(note)}</div>' if note else "")
          + "</div>")
    with st.expander("Full text"):
        _html(f'<div class="article-body">{vs.marked_body_html(art, hit.marks)}</div>')


def _article_list(hits_of, *, label: str, key: str) -> None:
    """The newest ARTICLES_PAGE articles, then a button for more: a place named in thousands of articles
    must not put thousands of cards (each with its full text) on every click. ``hits_of(limit)`` gives the
    first ``limit`` hits and how many there are: only the cards shown are read from the library."""
    shown_key = f"_shown:{key}"
    shown = st.session_state.get(shown_key, ARTICLES_PAGE)
    hits, total = hits_of(shown)
    for hit in hits:
        _article_card(hit, label=label)
    rest = total - shown
    if rest > 0:
        st.button(f"Show {min(rest, ARTICLES_PAGE)} more of {rest}", key=f"more:{key}",
                  on_click=_show_more, args=(shown_key, shown + ARTICLES_PAGE))


def _show_more(shown_key: str, shown: int) -> None:
    st.session_state[shown_key] = shown


def _correct(target_id: str) -> None:
    st.session_state["correct_target"] = target_id
    st.session_state["_rerun_app"] = True


def place_panel(catalog: Catalog, view: vs.View, filters: vs.Filters, key: str) -> None:
    place = view.place(key)
    if place is None:
        return
    loc = place.location
    names = " · ".join(mapview.place_names(loc))
    _html(f'<h3 class="panel-title" data-selection="place:{vs.esc(key)}">{vs.esc(names)}</h3>'
          f'<div style="color:#666">{vs.esc(loc.kind)}{", " + vs.esc(loc.country) if loc.country else ""}'
          f" · {vs.esc(vs.ROLE_LABELS[place.role])} · {place.article_count} article(s)</div>")
    st.button("Wrong place? Correct it…", key="correct_this", on_click=_correct, args=(f"place:{key}",),
              help="Opens the correction form under “Needs review”.")
    relations = sorted(vs.relations_of(view, key), key=lambda lk: (-lk.count, lk.id))
    if relations:
        # The strongest only: a home city of 10,000 articles has thousands of lines.
        st.markdown("**Relations**")
        for lk in relations[:ARTICLES_PAGE]:
            other = lk.partner if lk.home.key == key else lk.home
            label = f"{lk.kind}: {other.name} ({lk.count} article{'s' if lk.count != 1 else ''})"
            st.button(vs.md_text(label), key=f"rel:{lk.id}", on_click=_select, args=(vs.Selection("link", lk.id),))
        more = len(relations) - ARTICLES_PAGE
        if more > 0:
            st.caption(f"… and {more} more (choose one under “Relation” above)")
    _article_list(lambda limit: catalog.place_hits(filters, key, limit=limit), label="mention", key=f"place:{key}")


def link_panel(catalog: Catalog, view: vs.View, filters: vs.Filters, lid: str) -> None:
    lk = view.link(lid)
    if lk is None:
        return
    period = " – ".join(dict.fromkeys(d for d in (lk.first_date, lk.last_date) if d)) or "undated"
    _html(f'<h3 class="panel-title" data-selection="link:{vs.esc(lid)}">{vs.esc(lk.home.name)} — '
          f'{vs.esc(lk.partner.name)}</h3>'
          f'<div style="color:#666">{vs.esc(lk.kind)} · {lk.count} article(s) · {vs.esc(period)}</div>')
    cols = st.columns(2)
    for col, end in zip(cols, (lk.home, lk.partner), strict=True):
        col.button(vs.md_text(f"→ {end.name}"), key=f"end:{end.key}", use_container_width=True,
                   on_click=_select, args=(vs.Selection("place", end.key),))
    _article_list(lambda limit: catalog.link_hits(filters, lid, limit=limit), label="evidence", key=f"link:{lid}")


def selection_panel(catalog: Catalog, view: vs.View, filters: vs.Filters, selection: vs.Selection | None) -> None:
    # The search and pickers stay on top but are filled last: with 1,700 places and 11,000 relations
    # their re-render held the browser half a second before the clicked place's articles could show.
    picker_box = st.container()
    if selection is None:
        st.info("Click a place or a line on the map, or find a place above, to read its articles.")
    else:
        st.button("Clear the selection", on_click=_select, args=(None,), kwargs={"fly": False})
        if selection.kind == "place":
            place_panel(catalog, view, filters, selection.id)
        else:
            link_panel(catalog, view, filters, selection.id)
    if page_deferred():  # the first run: the map alone first (see page_deferred)
        return
    with picker_box:
        place_search(view)
        pickers(view, selection)


@st.fragment
def map_and_panel(catalog: Catalog, view: vs.View, filters: vs.Filters, basemap: str) -> None:
    """The map and the side panel; reruns alone on a click, a search hit or a picker."""
    selection = vs.validate_selection(view, st.session_state.get("selection"))
    if selection != st.session_state.get("selection"):
        st.session_state["selection"] = selection
    col_map, col_panel = st.columns([2, 1], gap="medium")
    map_box, panel_box = col_map.container(), col_panel.container()
    if st.session_state.pop("_panel_first", False):
        # After a click: its articles reach the browser before the map is compared and re-sent.
        with panel_box:
            selection_panel(catalog, view, filters, selection)
        with map_box:
            show_map(view, filters, basemap)
    else:  # the map first: its frame starts loading sooner
        with map_box:
            show_map(view, filters, basemap)
        with panel_box:
            selection_panel(catalog, view, filters, selection)
    sync_url(filters, basemap)
    if st.session_state.pop("_rerun_app", False):
        st.session_state["_page_complete"] = True
        st.rerun(scope="app")


@st.fragment(run_every=4.0)
def _complete_the_page_soon() -> None:
    """Fallback for a map that never says it is drawn (a script error, a browser without canvas):
    the rest of the page comes after eight seconds anyway. Its body also runs within the full run
    that first draws it, hence the clock."""
    now = time.monotonic()
    started = st.session_state.setdefault("_deferred_at", now)
    if not st.session_state.get("_page_complete") and now - started >= 8:
        st.session_state["_page_complete"] = True
        st.rerun(scope="app")


def page_deferred() -> bool:
    """On a session's first run only the title and the map are sent; the search, pickers, sidebar and
    the sections below follow once the map has drawn and the user has left it alone for a moment
    (the map's script says "#quiet"). On 2 cores the browser otherwise fetched and compiled the page's
    other widgets (about a megabyte of JavaScript) first: the map came up at 2.6x a bare map page,
    and a click right after it waited for that work.
    SHYMKENT_DEFER_PAGE=0 sends everything at once (tests without a browser)."""
    return not st.session_state.get("_page_complete") and settings.defer_page()


def timeline(catalog: Catalog, filters: vs.Filters) -> None:
    rows = catalog.timeline(filters)
    if not rows:
        st.caption("No dated events in this view.")
        return
    colours = {k: str(s["color"]) for k, s in mapview.KIND_STYLES.items()} | {"articles": "#0a6e99"}
    # Not _html: st.html's sanitiser (DOMPurify) drops <svg>, leaving only the legend. The markup is
    # built by viewstate.timeline_svg from escaped values only (months, kind names; numbers and
    # checked colours), on one line, so markdown passes it through as a raw HTML block.
    st.markdown(vs.timeline_svg(rows, colours), unsafe_allow_html=True)
    st.caption("To watch the relations appear month by month, press ▶ at the map's top right.")


def _download(make, view: vs.View, articles_of) -> str:
    return make(view, articles_of())


def downloads(catalog: Catalog, view: vs.View, filters: vs.Filters) -> None:
    cols = st.columns(4)
    places = functools.partial(catalog.article_names_by_place, filters)
    lines = functools.partial(catalog.article_names_by_line, filters)
    files = [("Places (CSV)", vs.places_csv, places, "places.csv", "text/csv"),
             ("Places (GeoJSON)", vs.places_geojson, places, "places.geojson", "application/geo+json"),
             ("Relations (CSV)", vs.links_csv, lines, "relations.csv", "text/csv"),
             ("Relations (GeoJSON)", vs.links_geojson, lines, "relations.geojson", "application/geo+json")]
    for col, (label, make, articles_of, name, mime) in zip(cols, files, strict=True):
        # Made when clicked (Streamlit runs the callable then): not on every rerun of a big view.
        col.download_button(label, functools.partial(_download, make, view, articles_of), file_name=name,
                            mime=mime, on_click="ignore", key=f"dl_{name}")


# ---------------------------------------------------------------- needs review -------------------

REVIEW_TITLES = 5  # articles named per row of the review tables; the rest are counted


def _titles(catalog: Catalog, names: Sequence[str]) -> str:
    shown = "; ".join(catalog.title(n) for n in names[:REVIEW_TITLES])
    return shown + (f" … and {len(names) - REVIEW_TITLES} more" if len(names) > REVIEW_TITLES else "")


def needs_review(catalog: Catalog, everything: vs.View) -> None:
    """Unplaced names and weakly supported places, and a form to correct one (kept in the library)."""
    unresolved = review.unresolved_names(catalog.unresolved_rows())
    weak = review.weak_places(everything.places, sources=catalog.place_sources, forms=catalog.place_forms)
    st.subheader("Needs review")
    for kind, message in st.session_state.pop("review_messages", []):
        getattr(st, kind)(message)
    _offer_session_overrides()
    if not unresolved and not weak:
        st.caption("Every name in the articles is placed, and no place rests on thin evidence.")
        return
    found = ([f"{len(unresolved)} name(s) no geocoder could place (so no marker and no line for them)"]
             if unresolved else []) + ([f"{len(weak)} place(s) resting on thin evidence"] if weak else [])
    st.caption(" and ".join(found).capitalize() + ". Correct one below: the correction is kept in the library, "
               "the articles that name it are read again, and the map shows it at once.")
    if unresolved:
        st.markdown("**Not placed**")
        table([{"name": u.name, "language": LANG_NAMES.get(u.lang, u.lang), "mentions": u.count,
                "articles": _titles(catalog, u.article_ids), "spellings": ", ".join(u.forms)}
               for u in unresolved], css_class="review-unplaced")
    if weak:
        st.markdown("**Weak places**")
        table([{"place": w.location.name, "kind": w.location.kind, "country": w.location.country or "",
                "why": "; ".join(w.reasons), "articles": w.article_count}
               for w in weak], css_class="review-weak")
    correction_form(catalog, everything, unresolved, weak)


def correction_form(catalog: Catalog, everything: vs.View, unresolved, weak) -> None:
    options: dict[str, str] = {}
    for u in unresolved:
        options[u.id] = f"“{u.name}” ({LANG_NAMES.get(u.lang, u.lang)}): not placed"
    for w in weak:
        options[w.id] = f"{w.location.name} ({w.location.country or '—'}): {w.reasons[0]}"
    wanted = st.session_state.get("correct_target")
    if wanted and wanted.startswith("place:") and wanted not in options:
        place = everything.place(wanted.removeprefix("place:"))
        if place:
            options[wanted] = f"{place.location.name} ({place.location.country or '—'})"
    # A new widget after each saved correction: the corrected item is gone from the list.
    choice_key = f"correct_choice:{st.session_state.get('_corrections', 0)}"
    if wanted in options:
        st.session_state[choice_key] = wanted
    st.markdown("**Correct a place**")
    choice = st.selectbox("Name or place to correct", list(options), key=choice_key, index=None,
                          placeholder="Choose a name or a place", format_func=lambda k: options.get(k, k))
    if not choice:
        return
    if st.session_state.get("_gaz_for") != choice:  # a new choice: search for its name
        st.session_state["_gaz_for"] = choice
        st.session_state["gaz_query"] = _choice_name(choice, unresolved, everything)
        st.session_state.pop("picked_point", None)
    forms = _choice_forms(choice, unresolved, catalog)
    st.caption(vs.md_text("Every article that writes " + ", ".join(f"“{t}”" for t, _ in forms[:6])
                          + (" …" if len(forms) > 6 else "") + " will use the place you choose."))
    by_name, by_map = st.columns(2)
    with by_name:
        q = st.text_input("Search the gazetteer (English, Russian or Kazakh)", key="gaz_query", max_chars=100)
        hits = search.search_gazetteer(q) if q and q.strip() else []
        if q and q.strip() and not hits:
            st.info(vs.md_text(f"No place in the gazetteer is named like “{q.strip()}”."))
        if hits:
            labels = {h.location.key: f"{h.location.name} — {h.location.kind}, {h.location.country or '—'} "
                                      f"({h.location.lat:.2f}, {h.location.lon:.2f})" for h in hits}
            chosen = st.radio("Matches", list(labels), key="gaz_choice", format_func=lambda k: vs.md_text(labels[k]))
            target = next(h.location for h in hits if h.location.key == chosen)
            st.button("Save: use this place", key="save_gazetteer", type="primary", on_click=_save_correction,
                      kwargs={"forms": forms, "target": target, "choice": choice})
    with by_map:
        st.caption("…or click the map where it is:")
        label = _choice_name(choice, unresolved, everything)
        st.button("Pick the point on the map", key="pick_on_map", on_click=_command, kwargs={"pick": label})
        point = st.session_state.get("picked_point")
        if point:
            guess = review.country_at(*point)
            st.write(vs.md_text(f"Point: {point[0]:.4f}, {point[1]:.4f}" + (f" ({guess})" if guess else "")))
            kind = st.selectbox("Kind", PLACE_KINDS, key="pick_kind")
            country = st.text_input("Country (ISO code)", value=guess or "", key="pick_country", max_chars=2)
            st.button("Save: this point", key="save_point", type="primary", on_click=_save_correction,
                      kwargs={"forms": forms, "point": point, "name": label, "kind": kind,
                              "country": (country or "").strip().upper() or None, "choice": choice})


def _choice_name(choice: str, unresolved, everything: vs.View) -> str:
    if choice.startswith("name:"):
        return next((u.name for u in unresolved if u.id == choice), choice.split(":", 2)[-1])
    place = everything.place(choice.removeprefix("place:"))
    return place.location.name if place else choice.removeprefix("place:")


def _choice_forms(choice: str, unresolved, catalog: Catalog) -> list[tuple[str, str]]:
    if choice.startswith("name:"):
        u = next((u for u in unresolved if u.id == choice), None)
        return [(f, u.lang) for f in u.forms] if u else []
    return list(catalog.place_forms(choice.removeprefix("place:")))


def _save_correction(*, forms, choice: str, target=None, point=None, name=None, kind="city", country=None) -> None:
    messages: list[tuple[str, str]] = []
    if country and not (len(country) == 2 and country.isalpha()):
        st.session_state["review_messages"] = [("error", vs.md_text(f"“{country}” is not a two-letter country code."))]
        return
    try:
        rows = review.correction_rows(forms=forms, target=target, point=point, name=name, kind=kind, country=country)
    except ValueError as err:
        st.session_state["review_messages"] = [("error", vs.md_text(str(err)))]
        return
    new_key = target.key if target is not None else f"ovr:{point[0]:.5f},{point[1]:.5f}"
    try:
        ingest.save_corrections(current_library(), rows)
        messages.append(("success", vs.md_text(f"Saved {len(rows)} correction(s) in the library; the map now "
                                               "uses them.")))
    except LibraryError as err:
        st.session_state["_overrides_download"] = review.corrections_text(overrides_path(), rows)
        messages.append(("warning", vs.md_text(
            f"The correction could not be saved in the library ({err.reason}). Download the overrides file "
            "below and commit it as geodata/overrides.csv to keep it.")))
    st.session_state["review_messages"] = messages
    st.session_state.pop("picked_point", None)
    st.session_state.pop("correct_target", None)
    st.session_state["_corrections"] = st.session_state.get("_corrections", 0) + 1
    st.session_state.pop("_gaz_for", None)
    st.session_state["selection"] = vs.Selection("place", new_key)
    _command(fly=True)


def _offer_session_overrides() -> None:
    """When the library could not take a correction: the overrides file with it, to commit."""
    text = st.session_state.get("_overrides_download")
    if text:
        st.download_button("Download the overrides file (overrides.csv)", text.encode("utf-8"),
                           file_name="overrides.csv", mime="text/csv", key="dl_overrides")


# ---------------------------------------------------------------- adding articles ----------------

def add_article(library: Library) -> None:
    with st.expander("Add an article", expanded=bool(st.session_state.get("add_messages"))):
        st.caption(f"A web page's address, a .txt file or pasted text (files and text at most "
                   f"{vs.UPLOAD_LIMIT_MB} MB). It goes through the same analysis, is kept in the library and "
                   "appears on the map at once. The same article added again is recognised and not counted twice.")
        with st.form("add_url", clear_on_submit=True):
            address = st.text_input("Page address", key="add_address", max_chars=2000,
                                    placeholder="https://… (the page's text, title, date and outlet are read)")
            by_address = st.form_submit_button("Add the page")
        if by_address:
            _handle_address(library, address.strip())
        with st.form("add_article", clear_on_submit=True):
            upload = st.file_uploader("Text file", type=["txt"], key="upload", max_upload_size=vs.UPLOAD_LIMIT_MB)
            pasted = st.text_area("…or paste the text", key="pasted", max_chars=vs.MAX_UPLOAD_BYTES)
            title = st.text_input("Title (optional)", key="add_title", max_chars=300)
            day = st.date_input("Date (optional)", value=None, key="add_date")
            source = st.text_input("Source (optional)", key="add_source", max_chars=200)
            submitted = st.form_submit_button("Add the article")
        if submitted:
            _handle_added(library, upload, pasted, title.strip() or None, day.isoformat() if day else None,
                          source.strip() or None)
        for kind, message in st.session_state.pop("add_messages", []):
            getattr(st, kind)(message)


def _handle_address(library: Library, address: str) -> None:
    if not address:
        st.error("Type or paste the page's address first.")
        return
    geocoder, version = _adding_context(library)
    allow = settings.allow_private_urls(secrets=_secrets())
    with st.spinner("Fetching and analysing the page…"):
        try:
            outcome = ingest.add_url(library, address, geocoder=geocoder, version=version, allow_private=allow)
        except LibraryError as err:
            st.error(vs.md_text(f"The page could not be kept in the library: {err.reason}"))
            return
        finally:
            pipeline.release_models()
    _report_added(outcome)


def _handle_added(library: Library, upload, pasted: str, title, day, source) -> None:
    messages: list[tuple[str, str]] = []
    if upload is not None:
        raw = upload.getvalue()
        problem = vs.check_upload(upload.name, len(raw))
        if problem:
            st.error(vs.md_text(problem))
            return
        name = vs.safe_file_name(upload.name)
        try:
            text, warnings = pipeline.decode_upload(raw, name)
        except DashboardError as err:
            st.error(vs.md_text(f"{name} cannot be read: {getattr(err, 'reason', err)}"))
            return
        messages += [("warning", vs.md_text(f"{name}: {w}")) for w in warnings]
    elif pasted.strip():
        raw = pasted.encode("utf-8")
        problem = vs.check_upload("pasted.txt", len(raw))
        if problem:
            st.error(vs.md_text(problem.replace("'pasted.txt'", "The pasted text")))
            return
        name = vs.safe_file_name(title or "pasted", fallback="pasted")
        text = pasted
    else:
        st.error("Choose a .txt file or paste the article's text first.")
        return
    geocoder, version = _adding_context(library)
    try:
        outcome = ingest.add_text(library, text, name=name[:-4], title=title, date=day, source=source,
                                  geocoder=geocoder, version=version, what=name)
    except LibraryError as err:
        st.error(vs.md_text(f"{name} could not be kept in the library: {err.reason}"))
        return
    finally:
        pipeline.release_models()
    _report_added(outcome, messages)


def _report_added(outcome: ingest.AddOutcome, messages: list[tuple[str, str]] | None = None) -> None:
    """What adding did, in words; after a real addition the page reruns with the new article on the map."""
    messages = list(messages or [])
    if outcome.problem:
        st.error(vs.md_text(f"{outcome.what} was not added: {outcome.problem}"))
        return
    if outcome.duplicate and outcome.stored is not None:
        st.warning(vs.md_text(f"Already in the library as “{outcome.stored.title or outcome.stored.name}” "
                              f"({outcome.stored.shown_path}): not added again."))
        return
    analysed = outcome.analysed
    if analysed is None:
        return
    messages.append(("success", vs.md_text(f"Added “{analysed.article.title}”: {len(analysed.places)} "
                                           f"place(s), {len(analysed.links)} relation(s).")))
    unplaced = list(dict.fromkeys(" ".join(m.text.split()) for m in analysed.unresolved))
    if unplaced:
        messages.append(("warning", vs.md_text(
            f"{len(unplaced)} name(s) could not be placed, so they have no marker or line: "
            + ", ".join(f"“{n}”" for n in unplaced[:10]) + (" …" if len(unplaced) > 10 else "")
            + ". Place them under “Needs review”.")))
    if _cut_note(analysed.article):
        messages.append(("info", vs.md_text(_cut_note(analysed.article))))
    st.session_state["add_messages"] = messages
    st.rerun()


def text_search_results(catalog: Catalog, filters: vs.Filters) -> None:
    """The articles a text search found, each with the matching words highlighted."""
    query = (st.session_state.get("text_search") or "").strip()
    if not query:
        return
    words = query_words(query)
    st.subheader("Text search")
    found = catalog.shown_names(filters, filters.articles or ())
    if not found:
        st.info(vs.md_text(f"No article in this view holds every word of “{query}”."))
        return
    st.caption(vs.md_text(f"{len(found)} article(s) hold every word of “{query}”."))
    cards = []
    for analyzed in catalog.articles(found[:ARTICLES_PAGE]):
        art = analyzed.article
        hit = vs.text_match(art, words)
        cards.append(f'<div class="search-hit"><b>{vs.esc(art.title)}</b> <span class="meta">'
                     f'{vs.esc(art.date or "undated")} · {vs.esc(art.source or "")}</span>'
                     + (f"<div>{vs.snippet_html(hit)}</div>" if hit else "") + "</div>")
    _html("".join(cards))


def feeds_panel(library: Library) -> None:
    """The feeds followed, a form to follow one, and "Check feeds now" with its report."""
    report = st.session_state.get("feed_report")
    with st.expander("News feeds", expanded=bool(report)):
        st.caption("RSS or Atom feeds of the outlets you follow (Kazinform, Akorda, the akimats' sites…). "
                   "Checking adds each new item's page as an article, once; "
                   "`python -m dashboard feeds check` does the same from a scheduled job.")
        with st.form("add_feed", clear_on_submit=True):
            address = st.text_input("Feed address", key="feed_address", max_chars=2000, placeholder="https://…/rss")
            follow = st.form_submit_button("Follow this feed")
        if follow:
            _follow_feed(library, address.strip())
        try:
            followed = library.feeds()
        except LibraryError as err:
            st.warning(vs.md_text(f"The feeds cannot be read just now: {err.reason}"))
            return
        if followed:
            table([{"feed": f.title or f.url, "address": f.url, "last checked": f.checked_at or "never"}
                   for f in followed], css_class="feeds")
        if st.button("Check feeds now", disabled=not followed, key="check_feeds"):
            _check_feeds(library)
            return
        if report:
            table([{"feed": r.title or r.url, "new": r.new, "already known": r.known, "failed": len(r.failed),
                    "why": r.error or "; ".join(f"{item}: {why}" for item, why in r.failed[:5])}
                   for r in report], css_class="feed-report")


def _follow_feed(library: Library, address: str) -> None:
    if urlsplit(address).scheme not in ("http", "https") or not urlsplit(address).hostname:
        st.error("A feed address starts with http:// or https://.")
        return
    try:
        _feed, new = library.add_feed(address)
    except LibraryError as err:
        st.error(vs.md_text(f"The feed could not be saved: {err.reason}"))
        return
    (st.success if new else st.info)(vs.md_text(f"{'Following' if new else 'Already following'} {address}."))


def _check_feeds(library: Library) -> None:
    geocoder, version = _adding_context(library)
    with st.status("Checking the feeds…", expanded=True) as status:
        bar = st.progress(0.0)

        def progress(done: int, total: int, what: str) -> None:
            bar.progress(done / total if total else 1.0, text=vs.md_text(f"{done} of {total}: {what}"))

        try:
            reports = ingest.check_feeds(library, geocoder=geocoder, version=version, progress=progress,
                                         allow_private=settings.allow_private_urls(secrets=_secrets()))
        except LibraryError as err:
            status.update(label=vs.md_text(f"The library cannot be used: {err.reason}"), state="error")
            return
        finally:
            pipeline.release_models()
        new = sum(r.new for r in reports)
        status.update(label=f"Checked {len(reports)} feed(s): {new} new article(s).", state="complete")
    st.session_state["feed_report"] = reports
    if new:
        st.rerun()


def skipped_files(catalog: Catalog) -> None:
    if not catalog.skipped:
        return
    with st.expander(f"{len(catalog.skipped)} file(s) could not be loaded or were counted once"):
        table([{"file": s.path, "reason": s.reason} for s in catalog.skipped], css_class="skipped-files")


# ---------------------------------------------------------------- the page -----------------------

def main() -> None:
    st.set_page_config(page_title="Shymkent ties", page_icon="🌍", layout="wide")
    folder = settings.articles_dir()
    try:
        library = current_library()
    except LibraryError as err:
        st.error(vs.md_text(f"The article library cannot be opened: {err.reason}"))
        st.stop()
    catalog, catalog_key = library_catalog(library, folder)
    _init_from_url(catalog)
    filters, basemap = current_filters(catalog, library)
    view = filtered_view(catalog_key, filters, catalog)

    st.title("Shymkent, Turkistan region and Kazakhstan: ties around the world")
    notes = st.session_state.get("url_notes") or []
    if not page_deferred():  # shown on the first complete page, then gone with the next full rerun
        st.session_state.pop("url_notes", None)
    url_sel = st.session_state.get("_url_selection")
    if not page_deferred():
        st.session_state.pop("_url_selection", None)
    if url_sel is not None and vs.validate_selection(view, url_sel) is None:
        notes = [*notes, f"{url_sel.kind}={url_sel.id[:40]} was ignored: there is no such {url_sel.kind} in this view."]
    if notes:
        st.warning(vs.md_text("Some of the link's settings were not used. " + " ".join(notes)), icon="⚠️")
    map_and_panel(catalog, view, filters, basemap)
    # Constant CSS, nothing from an article. After the map: st.html's renderer is a chunk the browser
    # fetched before it would make the map's frame (600 ms in the benchmark).
    st.html(_PAGE_CSS)
    if page_deferred():
        _complete_the_page_soon()
        return
    sidebar(catalog)
    st.caption("Places named in news articles (English, Russian, Kazakh) and the relations between the "
               "Kazakh side and its partners: partnerships, visits, meetings.")
    overview(view)
    text_search_results(catalog, filters)  # right under the counts: what the sidebar's text search kept
    st.subheader("Timeline")
    timeline(catalog, filters)
    everything = filtered_view(catalog_key, vs.Filters(), catalog)
    needs_review(catalog, everything)
    st.subheader("Downloads")
    downloads(catalog, view, filters)
    add_article(library)
    feeds_panel(library)
    skipped_files(catalog)


if __name__ == "__main__":  # streamlit runs the page as __main__; importing it runs nothing
    main()
