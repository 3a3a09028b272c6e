"""The Streamlit page: ``streamlit run dashboard/app.py``. The only module that imports streamlit.

Thin on purpose: the rules (filters, URL state, snippets, downloads, upload checks) live in
viewstate.py, the map in mapview.py, the analysis in pipeline.py. This file wires widgets to them.

Everything that came from an article is shown through ``_html`` (escaped by viewstate.esc) or as
plain data (dataframes, charts); nothing from an article is a widget label or markdown.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the checkout: use this checkout's
# package (with its geodata/) even when an installed copy exists.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402
from streamlit_folium import st_folium  # noqa: E402

from dashboard import mapview, pipeline  # noqa: E402
from dashboard import viewstate as vs  # noqa: E402
from dashboard.articles import decode  # noqa: E402
from dashboard.errors import DashboardError  # noqa: E402
from dashboard.geocoding import online_settings  # noqa: E402
from dashboard.models import LANGS, LINK_KINDS, Dataset  # noqa: E402

log = logging.getLogger("dashboard.app")

ENV_ARTICLES_DIR = "SHYMKENT_ARTICLES_DIR"
LANG_NAMES = {"en": "English", "ru": "Russian", "kk": "Kazakh"}
MAP_HEIGHT = 620
MAP_KEY = "map"
ARTICLES_PAGE = 20  # article cards shown at once beside the map


# ---------------------------------------------------------------- data (cached) ------------------

def articles_dir() -> Path:
    return Path(os.environ.get(ENV_ARTICLES_DIR) or pipeline.SEEDS_DIR)


def folder_fingerprint(folder: Path) -> str:
    """Changes when a .txt file is added, removed or edited, so the cached dataset is rebuilt."""
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


@st.cache_resource(show_spinner="Reading and analysing the articles…", max_entries=4)
def load_dataset(folder: str, fingerprint: str, online: bool, user_agent: str | None) -> Dataset:
    """The whole folder through the pipeline; shared by every session until a file changes."""
    del fingerprint  # part of the cache key only
    store = None
    try:
        from dashboard.processed import ProcessedStore

        store = ProcessedStore()
    except Exception as err:  # derived data: without it the build is slower, not wrong
        log.warning("processed-article cache unavailable: %s", err)
    dataset = pipeline.build([folder], online=online, user_agent=user_agent, store=store)
    pipeline.release_models()  # the dataset is cached; the NER models are only needed again for a new article
    return dataset


@st.cache_resource(max_entries=64)
def filtered_view(dataset_key: str, filters: vs.Filters, _dataset: Dataset) -> vs.View:
    return vs.filter_view(_dataset, filters)


def analyse_added(text: str, name: str, title: str | None, day: str | None, source: str | None):
    settings = online_settings(secrets=_secrets())
    geocoder = pipeline.make_geocoder(online=settings.online, user_agent=settings.user_agent)
    try:
        return pipeline.analyze_text(text, name=name, title=title, date=day, source=source, geocoder=geocoder)
    finally:
        pipeline.release_models()


# ---------------------------------------------------------------- state <-> widgets --------------

def _init_from_url(dataset: Dataset) -> None:
    """First run of a session: the URL's query parameters become the widgets' values."""
    if st.session_state.get("_initialised"):
        return
    state = vs.state_from_params(st.query_params.to_dict())
    f = state.filters
    for kind in LINK_KINDS:
        st.session_state[f"kind_{kind}"] = kind in f.kinds
    st.session_state["langs"] = list(f.langs)
    st.session_state["countries"] = list(f.countries)
    st.session_state["query"] = f.query
    st.session_state["basemap"] = state.basemap
    lo, hi = vs.date_bounds(dataset)
    if lo and hi:
        start = _day(f.date_from) or date.fromisoformat(lo)
        end = _day(f.date_to) or date.fromisoformat(hi)
        st.session_state["dates"] = (start, end)
    st.session_state["selection"] = state.selection
    st.session_state["_initialised"] = True


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _select(selection: vs.Selection | None) -> None:
    st.session_state["selection"] = selection
    st.session_state["_ring_on_map"] = None


def _on_map_click() -> None:
    """st_folium's value changed: a place or a line was clicked (pan and zoom do not get here)."""
    value = st.session_state.get(MAP_KEY) or {}
    clicked = vs.selection_from_text(value.get("last_object_clicked_tooltip"))
    if clicked:
        _select(clicked)
        # That map drew the ring itself (mapview._ClickSelect): sending it again would re-send the map.
        st.session_state["_ring_on_map"] = st.session_state.get("_shown_map")
        st.session_state["_map_clicked"] = True


def _on_pick(widget: str, kind: str) -> None:
    value = st.session_state.get(widget)
    _select(vs.Selection(kind, value) if value else None)


def _reset() -> None:
    for k in list(st.session_state.keys()):
        del st.session_state[k]
    st.query_params.clear()


def sidebar(dataset: Dataset) -> tuple[vs.Filters, str]:
    sb = st.sidebar
    sb.header("Filters")
    lo, hi = vs.date_bounds(dataset)
    date_from = date_to = None
    if lo and hi:
        lo_d, hi_d = date.fromisoformat(lo), date.fromisoformat(hi)
        _follow_date_bounds(lo_d, hi_d)
        picked = sb.date_input("Date range", min_value=lo_d, max_value=hi_d, key="dates",
                               help="Articles and relations dated inside this period. Narrowing it "
                                    "hides undated articles.")
        if isinstance(picked, (tuple, list)) and len(picked) == 2:
            start, end = picked
            # The full extent means "no date filter", so undated articles stay visible.
            date_from = start.isoformat() if start > lo_d else None
            date_to = end.isoformat() if end < hi_d else None
    sb.caption("Relation kinds")
    kinds = tuple(k for k in LINK_KINDS if sb.checkbox(k, key=f"kind_{k}"))
    langs = sb.multiselect("Languages", LANGS, key="langs", format_func=lambda x: LANG_NAMES.get(x, x))
    countries = sorted({p.location.country for a in dataset.articles for p in a.places
                        if p.location.country} | set(st.session_state.get("countries", [])))
    chosen = sb.multiselect("Countries", countries, key="countries", format_func=_country_label)
    query = sb.text_input("Find a place", key="query", max_chars=100,
                          help="English, Russian or Kazakh names: Stevenage, Стивенейдж, Шымкент")
    basemap = sb.radio("Basemap", vs.BASEMAPS, key="basemap", format_func={
        "outline": "Country outlines (offline)", "osm": "OpenStreetMap tiles (loads tiles from the internet)"}.get)
    sb.button("Reset the view", on_click=_reset)
    filters = vs.Filters(date_from=date_from, date_to=date_to, kinds=kinds, langs=tuple(langs),
                         countries=tuple(chosen), query=query.strip())
    return filters, basemap or "outline"


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
    try:
        import pycountry

        country = pycountry.countries.get(alpha_2=code)
    except (ImportError, LookupError, KeyError):
        country = None
    return f"{code} · {country.name}" if country else code


def sync_url(state: vs.ViewState) -> None:
    """Write the view into the URL so a copied link reproduces it (only when it changed)."""
    wanted = vs.state_to_params(state)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


# ---------------------------------------------------------------- page parts ---------------------

def _html(body: str) -> None:
    """Markup built here around text already escaped by viewstate.esc; st.html also sanitises."""
    st.html(body)


def overview(view: vs.View) -> None:
    counts = view.counts()
    cols = st.columns(4)
    for col, (label, n) in zip(cols, counts.items(), strict=True):
        col.metric(label.capitalize(), n)


def show_map(view: vs.View, state: vs.ViewState) -> None:
    # Built each run from the cached view (about 15 ms): st_folium adds `feature_group_to_add` to the
    # map object it is given, so a map shared through st.cache_resource would carry the previous
    # selection. The browser keeps the same map anyway: the component's key is a hash of the map's
    # script, which does not change when only the selection does.
    fmap = mapview.build_map(view, basemap=state.basemap, asset_prefix=_static_prefix(),
                             kinds=state.filters.kinds, height=MAP_HEIGHT)
    # The same map as last run (the view is cached per filters): its browser copy is kept.
    shown = (id(view), state.basemap)
    drawn_here = st.session_state.get("_ring_on_map") == shown
    if not drawn_here:  # another map since the click: its ring is gone with it
        st.session_state["_ring_on_map"] = None
    ring = _selection_layer(view, state.selection, drawn_here=drawn_here)
    st.session_state["_shown_map"] = shown
    st_folium(fmap, key=MAP_KEY, height=MAP_HEIGHT, use_container_width=True,
              returned_objects=["last_object_clicked", "last_object_clicked_tooltip"],
              feature_group_to_add=ring,
              on_change=_on_map_click)
    if state.basemap == "outline":
        st.caption("Country outlines: Natural Earth (public domain). Switch to OpenStreetMap tiles in the "
                   "sidebar for streets and towns.")


def _selection_layer(view: vs.View, selection: vs.Selection | None, *, drawn_here: bool):
    """The ring for a selection made without the map (a picker, a URL, or a map since redrawn).
    Nothing while the ring the map drew on its click is current: st_folium re-sends the whole map
    (a megabyte at 10,000 articles) whenever this layer changes; an unchanged map is not re-sent."""
    if selection is not None:
        return None if drawn_here else mapview.selection_layer(view, selection)
    return mapview.clear_selection_layer() if st.session_state.get("_map_clicked") else None


def _static_prefix() -> str:
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/app/static" if base else "/app/static"


def pickers(view: vs.View, selection: vs.Selection | None) -> None:
    """The same selection without the map: keyboard users, and tests without a browser."""
    place_keys = [p.location.key for p in view.places]
    names = {p.location.key: " · ".join(mapview.place_names(p.location)) for p in view.places}
    st.session_state["pick_place"] = selection.id if selection and selection.kind == "place" else None
    st.selectbox("Place", place_keys, key="pick_place", index=None, placeholder="Choose a place",
                 format_func=lambda k: names.get(k, k), on_change=_on_pick, args=("pick_place", "place"))
    labels = {lk.id: f"{lk.home.name} — {lk.partner.name} ({lk.kind})" for lk in view.links}
    st.session_state["pick_link"] = selection.id if selection and selection.kind == "link" else None
    st.selectbox("Relation", list(labels), key="pick_link", index=None, placeholder="Choose a relation",
                 format_func=lambda k: labels.get(k, k), on_change=_on_pick, args=("pick_link", "link"))


def _article_card(hit: vs.ArticleHit, *, label: str) -> None:
    art = hit.article
    meta = " · ".join(x for x in (hit.date or art.date or "undated", art.source or "",
                                  LANG_NAMES.get(art.lang, art.lang)) if x)
    _html(f'<div class="article-card"><div class="article-title"><b>{vs.esc(art.title)}</b></div>'
          f'<div class="article-meta" style="color:#666;font-size:0.85em">{vs.esc(meta)}</div>'
          f'<div class="article-snippet" data-label="{vs.esc(label)}">{vs.snippet_html(hit.snippet)}</div>'
          f"</div>")
    with st.expander("Full text"):
        _html(f'<div class="article-body">{vs.marked_body_html(art, hit.marks)}</div>')


def _article_list(hits: list[vs.ArticleHit], *, label: str, key: str) -> None:
    """The newest ARTICLES_PAGE articles, then a button for more: a place named in thousands of
    articles must not put thousands of cards (each with its full text) on every click."""
    shown_key = f"_shown:{key}"
    shown = st.session_state.get(shown_key, ARTICLES_PAGE)
    for hit in hits[:shown]:
        _article_card(hit, label=label)
    rest = len(hits) - shown
    if rest > 0:
        st.button(f"Show {min(rest, ARTICLES_PAGE)} more of {rest}", key=f"more:{key}",
                  on_click=_show_more, args=(shown_key, shown + ARTICLES_PAGE))


def _show_more(shown_key: str, shown: int) -> None:
    st.session_state[shown_key] = shown


def place_panel(view: vs.View, key: str) -> None:
    place = view.place(key)
    if place is None:
        return
    loc = place.location
    names = " · ".join(mapview.place_names(loc))
    _html(f'<h3 class="panel-title">{vs.esc(names)}</h3>'
          f'<div style="color:#666">{vs.esc(loc.kind)}{", " + vs.esc(loc.country) if loc.country else ""}'
          f" · {vs.esc(vs.ROLE_LABELS[place.role])} · {len(place.article_ids)} article(s)</div>")
    relations = sorted(vs.relations_of(view, key), key=lambda lk: -lk.count)
    if relations:
        # The strongest only: a home city of 10,000 articles has thousands of lines.
        items = "".join(
            f"<li>{vs.esc(lk.kind)}: {vs.esc(lk.home.name)} — {vs.esc(lk.partner.name)} "
            f"({lk.count} article{'s' if lk.count != 1 else ''})</li>" for lk in relations[:ARTICLES_PAGE])
        more = len(relations) - ARTICLES_PAGE
        if more > 0:
            items += f"<li>… and {more} more (choose one under “Relation” above)</li>"
        _html(f"<div><b>Relations</b><ul>{items}</ul></div>")
    _article_list(vs.place_hits(view, key), label="mention", key=f"place:{key}")


def link_panel(view: vs.View, lid: str) -> None:
    lk = view.link(lid)
    if lk is None:
        return
    period = " – ".join(dict.fromkeys(d for d in (lk.first_date, lk.last_date) if d)) or "undated"
    _html(f'<h3 class="panel-title">{vs.esc(lk.home.name)} — {vs.esc(lk.partner.name)}</h3>'
          f'<div style="color:#666">{vs.esc(lk.kind)} · {lk.count} article(s) · {vs.esc(period)}</div>')
    _article_list(vs.link_hits(view, lid), label="evidence", key=f"link:{lid}")


def selection_panel(view: vs.View, selection: vs.Selection | None) -> None:
    # The pickers stay on top but are filled last: with 1,700 places and 11,000 relations their
    # re-render held the browser half a second before the clicked place's articles could show.
    picker_box = st.container()
    if selection is None:
        st.info("Click a place or a line on the map to read its articles.")
    else:
        st.button("Clear the selection", on_click=_select, args=(None,))
        if selection.kind == "place":
            place_panel(view, selection.id)
        else:
            link_panel(view, selection.id)
    with picker_box:
        pickers(view, selection)


def timeline(view: vs.View) -> None:
    rows = vs.timeline(view)
    if not rows:
        st.caption("No dated events in this view.")
        return
    colours = {k: s["color"] for k, s in mapview.KIND_STYLES.items()} | {"articles": "#0a6e99"}
    # Not _html: st.html's sanitiser (DOMPurify) drops <svg>, leaving only the legend. The markup is
    # built by viewstate.timeline_svg from escaped values only (months, kind names; numbers and
    # checked colours), on one line, so markdown passes it through as a raw HTML block.
    st.markdown(vs.timeline_svg(rows, colours), unsafe_allow_html=True)


def downloads(view: vs.View) -> None:
    cols = st.columns(4)
    files = [("Places (CSV)", vs.places_csv, "places.csv", "text/csv"),
             ("Places (GeoJSON)", vs.places_geojson, "places.geojson", "application/geo+json"),
             ("Relations (CSV)", vs.links_csv, "relations.csv", "text/csv"),
             ("Relations (GeoJSON)", vs.links_geojson, "relations.geojson", "application/geo+json")]
    for col, (label, make, name, mime) in zip(cols, files, strict=True):
        # Made when clicked (Streamlit runs the callable then): not on every rerun of a big view.
        col.download_button(label, functools.partial(make, view), file_name=name, mime=mime,
                            on_click="ignore", key=f"dl_{name}")


def add_article(folder: Path) -> None:
    with st.expander("Add an article"):
        st.caption(f"A .txt file of at most {vs.MAX_UPLOAD_BYTES // 1_000_000} MB, or pasted text. It goes "
                   "through the same analysis and appears on the map at once.")
        with st.form("add_article", clear_on_submit=True):
            upload = st.file_uploader("Text file", type=["txt"], key="upload")
            pasted = st.text_area("…or paste the text", key="pasted", max_chars=vs.MAX_UPLOAD_BYTES)
            title = st.text_input("Title (optional)", key="add_title", max_chars=300)
            day = st.date_input("Date (optional)", value=None, key="add_date")
            source = st.text_input("Source (optional)", key="add_source", max_chars=200)
            submitted = st.form_submit_button("Add the article")
        if submitted:
            _handle_added(folder, upload, pasted, title.strip() or None,
                          day.isoformat() if day else None, source.strip() or None)
        for kind, message in st.session_state.pop("add_messages", []):
            getattr(st, kind)(message)


def _handle_added(folder: Path, upload, pasted: str, title, day, source) -> None:
    messages: list[tuple[str, str]] = []
    if upload is not None:
        raw = upload.getvalue()
        problem = vs.check_upload(upload.name, len(raw))
        if problem:
            st.error(vs.md_text(problem))
            return
        name = vs.safe_file_name(upload.name)
        try:
            text, warnings = decode(raw, name)
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
    saved_name, note = save_article(folder, name, text, title=title, day=day, source=source)
    stem = saved_name[:-4]
    try:
        analysed = analyse_added(text, stem, title, day, source)
    except DashboardError as err:
        st.error(vs.md_text(f"{name} could not be analysed: {err}"))
        return
    added = [a for a in st.session_state.get("added", []) if a.article.id != stem]
    st.session_state["added"] = [*added, analysed]
    messages.append(("success", vs.md_text(f"Added “{analysed.article.title}”: {len(analysed.places)} "
                                           f"place(s), {len(analysed.links)} relation(s).")))
    messages.append(note)
    st.session_state["add_messages"] = messages
    st.rerun()


def save_article(folder: Path, name: str, text: str, *, title, day, source) -> tuple[str, tuple[str, str]]:
    """Write the article into the articles folder under a new safe name; never overwrite, never
    leave the folder. Returns the file name used and a message for the user."""
    header = "".join(f"{k}: {' '.join(v.split())}\n" for k, v in
                     (("title", title), ("date", day), ("source", source)) if v)
    body = (header + "\n" + text) if header else text
    stem = name[:-4]
    for i in range(1, 100):
        candidate = vs.safe_file_name(f"{stem}-{i}.txt" if i > 1 else name)
        target = folder / candidate
        if target.resolve().parent != folder.resolve():  # belt and braces: safe_file_name has no /
            break
        try:
            with open(target, "x", encoding="utf-8") as fh:
                fh.write(body)
        except FileExistsError:
            continue
        except OSError as err:
            return candidate, ("info", f"Shown for this session only: the articles folder is not writable "
                                       f"({err.strerror or err}). On Streamlit Community Cloud files are "
                                       f"not kept; add the article to seeds/ in the repository.")
        return candidate, ("info", f"Saved as {candidate} in the articles folder.")
    return name, ("info", "Shown for this session only: no free file name in the articles folder.")


def skipped_files(dataset: Dataset) -> None:
    if not dataset.skipped:
        return
    with st.expander(f"{len(dataset.skipped)} file(s) could not be loaded"):
        st.dataframe(pd.DataFrame([{"file": s.path, "reason": s.reason} for s in dataset.skipped]),
                     hide_index=True, width="stretch")


# ---------------------------------------------------------------- the page -----------------------

def main() -> None:
    st.set_page_config(page_title="Shymkent ties", page_icon="🌍", layout="wide")
    folder = articles_dir()
    settings = online_settings(secrets=_secrets())
    fingerprint = folder_fingerprint(folder)  # one pass over the folder per rerun
    base = load_dataset(str(folder), fingerprint, settings.online, settings.user_agent)
    added = st.session_state.get("added", [])
    dataset = vs.with_extra(base, added)
    dataset_key = fingerprint + "".join(
        f"|{a.article.id}:{hashlib.sha256(a.article.text.encode()).hexdigest()[:12]}" for a in added)

    _init_from_url(dataset)
    filters, basemap = sidebar(dataset)
    view = filtered_view(dataset_key, filters, dataset)
    selection = vs.validate_selection(view, st.session_state.get("selection"))
    state = vs.ViewState(filters, selection, basemap)
    sync_url(state)

    head = st.container()  # filled after the map: the map's iframe starts loading sooner
    col_map, col_panel = st.columns([3, 2], gap="medium")
    # The panel first: a click's articles reach the browser before the map is rebuilt and compared.
    with col_panel:
        selection_panel(view, selection)
    with col_map:
        show_map(view, state)
    with head:
        st.title("Shymkent, Turkistan region and Kazakhstan: ties around the world")
        st.caption("Places named in news articles (English, Russian, Kazakh) and the relations between the "
                   "Kazakh side and its partners: partnerships, visits, meetings.")
        overview(view)
    st.subheader("Timeline")
    timeline(view)
    st.subheader("Downloads")
    downloads(view)
    add_article(folder)
    skipped_files(dataset)


if __name__ == "__main__":  # streamlit runs the page as __main__; importing it runs nothing
    main()
