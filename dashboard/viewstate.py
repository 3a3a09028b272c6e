"""What the dashboard shows, as plain values: filters, the selection, the URL state, the View (markers
and lines), snippets, escaping and downloads.

Pure Python (no streamlit, no folium) so every rule here is tested without a browser. The page
(app.py) reads widgets into a ``ViewState``, asks the catalog (catalog.Catalog.view) for a ``View`` and
hands it to mapview. Everything that came from an article is data; the ``*_html`` helpers escape it.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from dashboard.models import LANGS, LINK_KINDS, AnalyzedArticle, Article, Location, Mention

log = logging.getLogger(__name__)

ROLES = ("home", "partner", "mentioned")
ROLE_LABELS = {"home": "Kazakh side", "partner": "partner", "mentioned": "only mentioned"}
BASEMAPS = ("outline", "osm")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_MAX_PARAM = 300  # a URL parameter longer than this is not one we wrote
# The map cannot give back an object, only the text of its tooltip: mapview hides this tag in it.
SELECTION_TAG = "#sel="
_SELECTION_IN_TEXT = re.compile(r"#sel=(place|link):(\S+)\s*$")


# ---------------------------------------------------------------- state ---------------------------

@dataclass(frozen=True, slots=True)
class Filters:
    """Empty ``langs``/``countries`` mean "all"; ``None`` dates mean "unbounded"."""

    date_from: str | None = None
    date_to: str | None = None
    kinds: tuple[str, ...] = LINK_KINDS
    langs: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    articles: tuple[str, ...] | None = None  # ids of the articles a text search found; None: no search


@dataclass(frozen=True, slots=True)
class Selection:
    kind: str  # "place" | "link"
    id: str  # Location.key or link id


@dataclass(frozen=True, slots=True)
class ViewState:
    filters: Filters = field(default_factory=Filters)
    selection: Selection | None = None
    basemap: str = "outline"  # one of BASEMAPS
    zoom: float | None = None  # the map's zoom and centre, once the map has told them
    center: tuple[float, float] | None = None
    query: str = ""  # what the place search box holds (it finds places; it does not filter)
    text: str = ""  # the sidebar's text search over the articles (it filters)


MIN_ZOOM, MAX_ZOOM = 0.0, 19.0


def link_id(kind: str, home: Location, partner: Location) -> str:
    """Stable id of one line on the map; safe inside a URL and a tooltip (keys hold no spaces)."""
    return f"{kind}|{home.key}|{partner.key}"


def state_to_params(state: ViewState) -> dict[str, str]:
    """Only what differs from the default, so a plain URL stays plain."""
    f = state.filters
    params: dict[str, str] = {}
    if f.date_from:
        params["from"] = f.date_from
    if f.date_to:
        params["to"] = f.date_to
    if tuple(f.kinds) != LINK_KINDS:
        params["kinds"] = ",".join(f.kinds) or "none"
    if f.langs:
        params["langs"] = ",".join(f.langs)
    if f.countries:
        params["countries"] = ",".join(f.countries)
    if state.query:
        params["q"] = state.query
    if state.text:
        params["text"] = state.text
    if state.selection:
        params[state.selection.kind] = state.selection.id
    if state.basemap != "outline":
        params["tiles"] = state.basemap
    if state.zoom is not None and state.center is not None:
        params["zoom"] = f"{state.zoom:g}"
        params["center"] = f"{state.center[0]:.4f},{state.center[1]:.4f}"
    return params


def _param(params: Mapping, name: str) -> str:
    value = params.get(name)
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    return str(value).strip() if value is not None else ""


def _shown(value: str) -> str:
    """A URL value as a note quotes it: short, on one line."""
    value = " ".join(value.split())
    return value if len(value) <= 40 else value[:39] + "…"


KNOWN_PARAMS = ("from", "to", "kinds", "langs", "countries", "q", "text", "place", "link", "tiles", "zoom", "center")
_STREAMLIT_PARAMS = ("embed", "embed_options")


def parse_params(params: Mapping) -> tuple[ViewState, list[str]]:
    """Read a URL's query parameters. A value that is not one the page writes is ignored (the
    default stands) and named in a note for the user; this never raises."""
    notes: list[str] = []

    def ignore(name: str, value: str, why: str) -> None:
        notes.append(f"{name}={_shown(value)} was ignored: {why}.")

    def raw(name: str) -> str:
        value = _param(params, name)
        if len(value) > _MAX_PARAM:
            ignore(name, value, "too long")
            return ""
        return value

    def day(name: str) -> str | None:
        value = raw(name)
        if not value:
            return None
        if _ISO_DAY.match(value):
            try:
                date.fromisoformat(value)
                return value
            except ValueError:
                pass
        ignore(name, value, "a date is written YYYY-MM-DD")
        return None

    def listed(name: str, ok, what: str) -> tuple[str, ...]:
        items = [x.strip() for x in raw(name).split(",") if x.strip()]
        bad = [x for x in items if not ok(x)]
        if bad:
            ignore(name, ",".join(bad), what)
        return tuple(dict.fromkeys(x for x in items if ok(x)))

    kinds_raw = raw("kinds")
    kinds: tuple[str, ...]
    if not kinds_raw:
        kinds = LINK_KINDS
    elif kinds_raw == "none":
        kinds = ()
    else:
        asked = [k.strip() for k in kinds_raw.split(",") if k.strip()]
        known = tuple(k for k in LINK_KINDS if k in asked)
        unknown = [k for k in asked if k not in LINK_KINDS]
        if unknown:
            ignore("kinds", ",".join(unknown), f"the kinds are {', '.join(LINK_KINDS)} (or none)")
        # Nothing usable must not untick every kind: that hides every line.
        kinds = known or LINK_KINDS

    filters = Filters(
        date_from=day("from"),
        date_to=day("to"),
        kinds=kinds,
        langs=listed("langs", lambda x: x in LANGS, f"the languages are {', '.join(LANGS)}"),
        countries=listed("countries", lambda x: bool(_COUNTRY.match(x)),
                         "a country is a two-letter ISO code such as KZ"),
    )
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        ignore("to", filters.date_to, "it is before from")
        filters = replace(filters, date_to=None)
    query = raw("q")[:100]
    text = " ".join(raw("text").split())[:200]
    selection = None
    for kind in ("place", "link"):
        value = raw(kind)
        if value and not any(c.isspace() for c in value):
            selection = Selection(kind, value)
        elif value:
            ignore(kind, value, "not an id the page writes")
    basemap = raw("tiles")
    if basemap and basemap not in BASEMAPS:
        ignore("tiles", basemap, f"the basemaps are {', '.join(BASEMAPS)}")
    zoom_raw, center_raw = raw("zoom"), raw("center")
    zoom, center = _zoom(zoom_raw, ignore), _center(center_raw, ignore)
    if (zoom is None) != (center is None):
        if not zoom_raw or not center_raw:  # one is missing (a bad one has its own note)
            notes.append("zoom and center go together in the URL; the map opens fitted to the places.")
        zoom = center = None
    for name in params:
        if name not in KNOWN_PARAMS and name not in _STREAMLIT_PARAMS:
            notes.append(f"The URL parameter {_shown(str(name))!r} is not one this page knows; it was ignored.")
    return (ViewState(filters, selection, basemap if basemap in BASEMAPS else "outline", zoom, center, query, text),
            notes)


def _zoom(value: str, ignore) -> float | None:
    if not value:
        return None
    try:
        zoom = float(value)
    except ValueError:
        zoom = math.nan
    if not (math.isfinite(zoom) and MIN_ZOOM <= zoom <= MAX_ZOOM):
        ignore("zoom", value, f"a zoom is a number from {MIN_ZOOM:g} to {MAX_ZOOM:g}")
        return None
    return round(zoom, 2)


def _center(value: str, ignore) -> tuple[float, float] | None:
    if not value:
        return None
    try:
        lat, lon = (float(x) for x in value.split(","))
    except ValueError:
        lat = lon = math.nan
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -540 <= lon <= 540):
        ignore("center", value, "a centre is latitude,longitude in degrees, such as 43.3,68.3")
        return None
    return round(lat, 5), round(lon, 5)


def state_from_params(params: Mapping) -> ViewState:
    """``parse_params`` without the notes."""
    return parse_params(params)[0]


def selection_from_text(text: str | None) -> Selection | None:
    """The selection the map's script put at the end of the message it sends after a click
    (st_folium's ``last_object_clicked_tooltip``): ``... #sel=place:<key>``."""
    if not text:
        return None
    match = _SELECTION_IN_TEXT.search(text)
    return Selection(match.group(1), match.group(2)) if match else None


_POINT_IN_TEXT = re.compile(r"#pick=(-?\d{1,3}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)\s*$")


def point_from_text(text: str | None) -> tuple[float, float] | None:
    """A point the user clicked while picking (``... #pick=<lat>,<lon>``), or None."""
    match = _POINT_IN_TEXT.search(text or "")
    if not match:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


# ---------------------------------------------------------------- the filtered view --------------

@dataclass(frozen=True, slots=True)
class PlaceSummary:
    """One marker: a location across all shown articles."""

    location: Location
    role: str  # one of ROLES
    article_count: int
    mention_count: int
    surfaces: tuple[str, ...] = ()  # how the articles wrote it (Стивенейджем), for search
    first_date: str | None = None  # its first dated article or line


@dataclass(frozen=True, slots=True)
class Evidence:
    article_id: str
    date: str | None
    mention: Mention


@dataclass(frozen=True, slots=True)
class LinkSummary:
    """One line: every shown link with the same (kind, home, partner)."""

    id: str
    kind: str
    home: Location
    partner: Location
    article_count: int
    evidence_count: int
    first_date: str | None
    last_date: str | None

    @property
    def count(self) -> int:
        return self.article_count


@dataclass(frozen=True, slots=True)
class View:
    """What the map shows after the filters (catalog.Catalog.view counts it)."""

    places: tuple[PlaceSummary, ...] = ()
    links: tuple[LinkSummary, ...] = ()
    article_count: int = 0

    def place(self, key: str) -> PlaceSummary | None:
        return next((p for p in self.places if p.location.key == key), None)

    def link(self, lid: str) -> LinkSummary | None:
        return next((lk for lk in self.links if lk.id == lid), None)

    def counts(self) -> dict[str, int]:
        countries = {p.location.country for p in self.places if p.location.country}
        return {"articles": self.article_count, "places": len(self.places),
                "countries": len(countries), "links": len(self.links)}


def relations_of(view: View, key: str) -> tuple[LinkSummary, ...]:
    return tuple(lk for lk in view.links if key in (lk.home.key, lk.partner.key))


_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _colour(colours: Mapping[str, str], kind: str) -> str:
    value = colours.get(kind, "")
    return value if _HEX_COLOUR.match(value) else "#888888"


def timeline_svg(rows: list[dict], colours: Mapping[str, str]) -> str:
    """The timeline as a small stacked-bar SVG (one bar per month, a colour per kind, the numbers in
    each bar's <title>). Plain markup instead of a Vega chart: Vega's megabyte of JavaScript was
    compiled while the map's frame waited. Everything from the data is escaped and kept on one
    line: the page passes this through st.markdown (st.html's sanitiser drops <svg>), where a blank
    line would end the raw HTML block. Each drawn bar part is a ``rect.timeline-bar`` carrying its
    month, kind and count as data attributes (what the browser test counts)."""
    def label(value: object) -> str:
        return esc(" ".join(str(value).split()))

    months = sorted({r["month"] for r in rows})
    present = {r["kind"] for r in rows}
    kinds = [k for k in dict.fromkeys([*colours, *(r["kind"] for r in rows)]) if k in present]
    counts = Counter({(r["month"], r["kind"]): int(r["count"]) for r in rows})
    if not months:
        return ""
    top = max(sum(counts[(m, k)] for k in kinds) for m in months) or 1
    bar, gap, plot_h, left, bottom = 12, 3, 170, 36, 24
    width = left + len(months) * (bar + gap) + 8
    step = max(1, math.ceil(64 / (bar + gap)))  # a month label every ~64 px
    parts = [f'<line x1="{left - 4}" y1="{plot_h}" x2="{width}" y2="{plot_h}" stroke="#999"/>',
             f'<text x="{left - 8}" y="14" text-anchor="end" font-size="11">{top}</text>',
             f'<text x="{left - 8}" y="{plot_h}" text-anchor="end" font-size="11">0</text>']
    for i, month in enumerate(months):
        x, y = left + i * (bar + gap), float(plot_h)
        for kind in kinds:
            n = counts[(month, kind)]
            if not n:
                continue
            h = n / top * (plot_h - 10)
            y -= h
            parts.append(f'<rect class="timeline-bar" data-month="{label(month)}" data-kind="{label(kind)}" '
                         f'data-count="{n}" x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}" '
                         f'fill="{_colour(colours, kind)}">'
                         f'<title>{label(month)} · {label(kind)}: {n}</title></rect>')
        if i % step == 0:
            parts.append(f'<text x="{x}" y="{plot_h + 16}" font-size="11">{label(month)}</text>')
    legend = "".join(f'<span style="margin-right:14px"><span style="display:inline-block;width:10px;height:10px;'
                     f'background:{_colour(colours, k)};margin-right:5px"></span>{label(k)}</span>'
                     for k in kinds)
    return (f'<div class="timeline"><svg viewBox="0 0 {width} {plot_h + bottom}" width="100%" '
            'preserveAspectRatio="xMinYMax meet" '  # beside its axis and legend, not centred
            f'style="max-height:{plot_h + bottom + 40}px" role="img" aria-label="Events per month">'
            f'{"".join(parts)}</svg><div style="font-size:0.85em;color:#444">{legend}</div></div>')


# ---------------------------------------------------------------- reading articles ---------------

@dataclass(frozen=True, slots=True)
class Snippet:
    before: str
    hit: str
    after: str


def _flat(text: str) -> str:
    return " ".join(text.split())


def snippet(text: str, start: int, end: int, *, context: int = 180,
            within: tuple[int, int] | None = None) -> Snippet:
    """The mention with about ``context`` characters either side, cut at spaces, on one line,
    not reaching outside ``within`` (the body range it is in: no headline or page furniture)."""
    floor, ceiling = within or (0, len(text))
    lo = max(floor, start - context)
    hi = min(ceiling, end + context)
    if lo > floor:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < ceiling:
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    before, after = _flat(text[lo:start]), _flat(text[end:hi])
    return Snippet(("… " if lo > floor else "") + before + (" " if text[lo:start][-1:].isspace() else ""),
                   _flat(text[start:end]),
                   (" " if text[end:hi][:1].isspace() else "") + after + (" …" if hi < ceiling else ""))


def _range_of(article: Article, start: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in article.body_ranges if s <= start < e), None)


_ESCAPES = str.maketrans({ch: f"&#{ord(ch)};" for ch in "&<>\"'$`\\{}[]*_~:#|"})


def esc(text: object) -> str:
    """HTML-escape text from an article for st.html / st.markdown(unsafe_allow_html=True).

    Beyond what ``html.escape`` does: ``$`` (Streamlit markdown reads LaTeX), backtick, backslash,
    braces, brackets, ``*``, ``_``, ``~``, ``:``, ``#`` and ``|`` become character references too, so
    no markdown or template syntax survives and the text shows exactly as written."""
    return str(text).translate(_ESCAPES)


_MD_SPECIAL = set("\\`*_{}[]()<>#+-.!|:$~&=\"'")


def md_text(text: object) -> str:
    """Text for a markdown message (st.error, st.success): every markdown, HTML, LaTeX and emoji
    shortcut character is backslash-escaped, so an uploaded file named ``![x](http://host/p.png)``
    shows as those characters and loads nothing."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in " ".join(str(text).split()))


def text_match(article: Article, words: Iterable[str]) -> Snippet | None:
    """Where a text search matched: the first word of the body that starts with one of ``words`` (the
    library matches a word as a prefix, case and accents aside), with its context."""
    alternatives = "|".join(re.escape(w) for w in words if w)
    if not alternatives:
        return None
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)
    for s, e in article.body_ranges or ((0, len(article.text)),):
        found = pattern.search(article.text, s, e)
        if found:
            return snippet(article.text, found.start(), found.end(), within=(s, e))
    return None


def snippet_html(s: Snippet) -> str:
    return f"{esc(s.before)}<mark>{esc(s.hit)}</mark>{esc(s.after)}"


def marked_body_html(article: Article, marks: Iterable[tuple[int, int]]) -> str:
    """The cleaned article text (body ranges) as escaped paragraphs with ``marks`` highlighted."""
    spans = sorted({(s, e) for s, e in marks if e > s})
    ranges = article.body_ranges or ((0, len(article.text)),)
    paragraphs: list[str] = []
    for lo, hi in ranges:
        parts: list[str] = []
        pos = lo
        for s, e in spans:
            if e <= pos or s >= hi:
                continue
            s, e = max(s, pos), min(e, hi)
            parts.append(esc(article.text[pos:s]))
            parts.append(f"<mark>{esc(article.text[s:e])}</mark>")
            pos = e
        parts.append(esc(article.text[pos:hi]))
        chunk = "".join(parts).strip()
        if chunk:
            paragraphs.extend(f"<p>{p.strip()}</p>" for p in chunk.split("\n") if p.strip())
    return "\n".join(paragraphs)


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """One article to show in the side panel, with where to look in it."""

    article: Article
    snippet: Snippet
    marks: tuple[tuple[int, int], ...]
    date: str | None = None  # the relation's date for a line, else the article's


def mention_hits(articles: Sequence[AnalyzedArticle], key: str) -> list[ArticleHit]:
    """The articles (in the order given) with the place's mentions marked: it named the place, or (named only by a
    demonym) is an end of one of its lines, whose evidence is shown."""
    hits: list[ArticleHit] = []
    for analyzed in articles:
        art = analyzed.article
        mentions = [m for p in analyzed.places if p.location.key == key for m in p.mentions]
        if not mentions:
            ends = [lk.evidence for lk in analyzed.links if key in (lk.home.key, lk.partner.key)]
            if not ends:
                continue
            mentions = ends[:1]
        mentions.sort(key=lambda m: m.start)
        first = mentions[0]
        hits.append(ArticleHit(art, snippet(art.text, first.start, first.end,
                                            within=_range_of(art, first.start)),
                               _every_written_form(art, mentions), art.date))
    return hits


def _every_written_form(article: Article, mentions: Sequence[Mention]) -> tuple[tuple[int, int], ...]:
    """The mentions, and every other place in the body where the same words are written: a name the extractor
    left out as a place of its own (inside «Shymkent Pharm», in a quoted title) still shows the reader where
    the place is named."""
    spans = {(m.start, m.end) for m in mentions}
    for written in {m.text for m in mentions if len(m.text.strip()) >= 3}:
        pattern = re.compile(rf"(?<!\w){re.escape(written)}(?!\w)")
        for lo, hi in article.body_ranges or ((0, len(article.text)),):
            spans.update((f.start(), f.end()) for f in pattern.finditer(article.text, lo, hi))
    return tuple(sorted(spans))


def evidence_hits(evidence: Sequence[tuple[AnalyzedArticle, Evidence]]) -> list[ArticleHit]:
    """A line's evidence (in the order given), each sentence marked in its article."""
    hits: list[ArticleHit] = []
    for analyzed, ev in evidence:
        art, m = analyzed.article, ev.mention
        hits.append(ArticleHit(art, snippet(art.text, m.start, m.end, context=120,
                                            within=_range_of(art, m.start)),
                               ((m.start, m.end),), ev.date))
    return hits


def validate_selection(view: View, selection: Selection | None) -> Selection | None:
    """A selection the filters have hidden is dropped rather than shown as an empty panel."""
    if selection is None:
        return None
    found = view.place(selection.id) if selection.kind == "place" else view.link(selection.id)
    return selection if found else None


# ---------------------------------------------------------------- downloads ----------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """Neutralise spreadsheet formulas (OWASP "CSV injection"): a text cell starting with = + - @
    tab or CR gets a leading apostrophe. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(rows: list[dict]) -> str:
    if not rows:
        return ""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    return buf.getvalue()


def _names(loc: Location) -> str:
    return "; ".join(dict.fromkeys(n for _, n in loc.names)) if loc.names else loc.name


ArticleNames = Mapping[str, Sequence[str]]  # place key or line id -> the names of its shown articles


def place_rows(view: View, articles: ArticleNames) -> list[dict]:
    return [{"key": p.location.key, "name": p.location.name, "names": _names(p.location),
             "kind": p.location.kind, "country": p.location.country or "", "role": p.role,
             "lat": round(p.location.lat, 5), "lon": round(p.location.lon, 5),
             "articles": p.article_count, "mentions": p.mention_count,
             "article_ids": " ".join(articles.get(p.location.key, ()))} for p in view.places]


def link_rows(view: View, articles: ArticleNames) -> list[dict]:
    return [{"id": lk.id, "kind": lk.kind, "home": lk.home.name, "home_key": lk.home.key,
             "partner": lk.partner.name, "partner_key": lk.partner.key,
             "partner_country": lk.partner.country or "", "count": lk.count,
             "first_date": lk.first_date or "", "last_date": lk.last_date or "",
             "article_ids": " ".join(articles.get(lk.id, ()))} for lk in view.links]


def places_csv(view: View, articles: ArticleNames) -> str:
    return _csv(place_rows(view, articles))


def links_csv(view: View, articles: ArticleNames) -> str:
    return _csv(link_rows(view, articles))


def places_geojson(view: View, articles: ArticleNames) -> str:
    feats = [{"type": "Feature",
              "geometry": {"type": "Point", "coordinates": [row.pop("lon"), row.pop("lat")]},
              "properties": row} for row in place_rows(view, articles)]
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, indent=1)


def links_geojson(view: View, articles: ArticleNames) -> str:
    feats = [{"type": "Feature",
              "geometry": {"type": "LineString",
                           "coordinates": [[round(lk.home.lon, 5), round(lk.home.lat, 5)],
                                           [round(lk.partner.lon, 5), round(lk.partner.lat, 5)]]},
              "properties": row} for lk, row in zip(view.links, link_rows(view, articles), strict=True)]
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, indent=1)


# ---------------------------------------------------------------- uploads ------------------------

# One limit, stated once: the upload widget (max_upload_size), the pasted-text check and the caption.
UPLOAD_LIMIT_MB = 1  # a news article is a few kilobytes; a megabyte is a wrong file
MAX_UPLOAD_BYTES = UPLOAD_LIMIT_MB * 1024 * 1024  # Streamlit's megabyte
ALLOWED_SUFFIXES = (".txt",)
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def safe_file_name(name: str, *, fallback: str = "article") -> str:
    """A file name that stays inside the articles folder: no directories, no dots in front, .txt.

    ``../../etc/passwd`` becomes ``passwd.txt``; ``C:\\x\\y.txt`` becomes ``y.txt``."""
    base = re.split(r"[\\/]", name or "")[-1]
    stem = base[:-4] if base.lower().endswith(".txt") else base
    stem = _UNSAFE_NAME.sub("_", stem).strip("._-")[:80]
    return f"{stem or fallback}.txt"


def check_upload(name: str, size: int) -> str | None:
    """Why an upload is refused, or None when it may go on."""
    if not name.lower().endswith(ALLOWED_SUFFIXES):
        return f"Only plain-text .txt files are accepted, not {name!r}."
    if size > MAX_UPLOAD_BYTES:
        return (f"{name!r} is {size / 1024 / 1024:.1f} MB; an article may be at most "
                f"{UPLOAD_LIMIT_MB} MB.")
    if size == 0:
        return f"{name!r} is empty."
    return None


MAX_MARKER_RADIUS = 30.0


def marker_radius(article_count: int) -> float:
    """Pixels: area grows with the number of articles, so ten articles is not ten times wider; capped
    so a home city of thousands of articles does not cover its neighbours (2,618 articles gave 209 px)."""
    return round(min(5 + 4 * math.sqrt(max(article_count, 1)), MAX_MARKER_RADIUS), 1)
