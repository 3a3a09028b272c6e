"""Dashboard benchmark in headless Chromium (run by hand, not by pytest).

    python tests/bench/bench_dashboard.py [--sizes seeds 1000 10000 library-100000] [--runs 5]

For each corpus (the five seeds, N synthetic articles from corpus.write_corpus in the articles folder, or
``library-N``: a built library of N articles from corpus.write_library, as feeds leave it) it starts the
dashboard and a bare st_folium page (bare_map_app.py) with the same number of markers, loads each page
once to warm it (the first load analyses a synthetic corpus cold; that load is reported, not timed),
then, in a new browser context per run, alternating the two pages:

  (a) map ready: navigation start -> every place marker drawn inside the map's iframe
      (performance.now() in the page, sampled every 20 ms by an init script; the project's map marks
      its document when its canvas has drawn every marker, the bare page is counted by SVG paths);
  (b) click -> article list: the busiest place is clicked like a user, where the map drew it;
      from the click event in the iframe to its first article card beside the map, and to the last
      card (the list complete);
  (c) the same (a) on the bare page -> the ratio project / floor;
  (d) bytes: HTTP response bodies (CDP Network.loadingFinished encodedDataLength) and WebSocket
      frames (Streamlit sends the component's arguments, the whole map script, through its socket);
      the map's payload is the frame holding the Leaflet script, plus what a click re-sends;
  (e) server memory: VmRSS and VmHWM of the streamlit process from /proc;
  (f) page start: the server process started -> it answers (server_up_s), then the first session's
      navigation start -> every marker drawn (first_map_ready_ms; with a built library the index is read and
      nothing analysed). first_load_s is that load until the marker count has held for two seconds.

Results are printed as a table and written to tests/bench/results/dashboard.json, with the load
average (other jobs on a 2-core machine move the numbers).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from _browser import CHROMIUM, CHROMIUM_ARGS, MAP_FRAME, _free_port, start_server, stop_server  # noqa: E402

PLACE = "shymkent"  # the project's map: its script marks the document when every marker is drawn
BARE_MARKER = "path.leaflet-interactive"
VIEWPORT = {"width": 1500, "height": 1150}
WARM_TIMEOUT_MS = 900_000  # the first load of 10,000 articles analyses them all
RUN_TIMEOUT_MS = 120_000

# Top document only: when the iframe holds `want` markers, note the time since navigation start. The
# project draws on a canvas, so its script's own mark (html[data-shymkent-ready] = number of places,
# set on the frame after the canvas drew them) stands for the bare page's count of SVG paths.
READY_JS = """
(() => {
  if (window.top !== window) return;
  const selector = %s, want = %d;
  const timer = setInterval(() => {
    const f = document.querySelector('%s');
    const d = f && f.contentDocument;
    if (!d) return;
    const n = selector === "shymkent" ? +(d.documentElement.getAttribute("data-shymkent-ready") || 0)
                                      : d.querySelectorAll(selector).length;
    if (n >= want) { window.__mapReady = performance.now(); window.__markers = n; clearInterval(timer); }
  }, 20);
})();
"""

# In the map's iframe: every place marker as the map's script drew it (after spreading), with its name,
# article count and screen point.
PLACES_JS = """
() => {
  const d = window.ShymkentMap.debug(), box = window.map.getContainer().getBoundingClientRect();
  return d.places.filter(p => p.onMap).map(p => ({
    name: p.names.split(" · ")[0], tag: p.key, lat: p.lat, lng: p.lon,
    count: +((p.detail.match(/(\\d+) articles?/) || [0, 0])[1]), x: box.left + p.x, y: box.top + p.y}));
}
"""

# Arms the click timer: the iframe's click (capture phase, before Leaflet) and the panel's cards.
ARM_CLICK_JS = """
([frameSel, title]) => {
  window.__clickAt = null; window.__firstCard = null; window.__cards = [];
  const doc = document.querySelector(frameSel).contentDocument;
  doc.addEventListener("click", () => { if (window.__clickAt === null) window.__clickAt = performance.now(); },
                       {capture: true, once: true});
  let last = -1;
  window.__cardTimer = setInterval(() => {
    if (window.__clickAt === null) return;
    const h = [...document.querySelectorAll("h3.panel-title")].find(e => e.textContent.includes(title));
    const n = h ? document.querySelectorAll(".article-card").length : 0;
    if (n > 0 && window.__firstCard === null) window.__firstCard = performance.now();
    if (n !== last) { window.__cards.push([performance.now(), n]); last = n; }
  }, 10);
}
"""


class Traffic:
    """HTTP and WebSocket bytes of one page, through a CDP session."""

    def __init__(self, ctx, page):
        self.http: list[tuple[str, int]] = []
        self.ws: list[bytes] = []
        self._urls: dict[str, str] = {}
        cdp = ctx.new_cdp_session(page)
        cdp.on("Network.responseReceived", lambda p: self._urls.__setitem__(p["requestId"], p["response"]["url"]))
        cdp.on("Network.loadingFinished",
               lambda p: self.http.append((self._urls.get(p["requestId"], ""), int(p["encodedDataLength"]))))
        cdp.on("Network.webSocketFrameReceived", self._frame)
        cdp.send("Network.enable")
        self.cdp = cdp

    def _frame(self, p: dict) -> None:
        r = p["response"]
        data = r["payloadData"]
        self.ws.append(base64.b64decode(data) if r.get("opcode") == 2 else data.encode())

    def summary(self, since_ws: int = 0) -> dict:
        frames = self.ws[since_ws:]
        map_http = sum(n for u, n in self.http if "/component/streamlit_folium" in u or "/app/static/" in u)
        return {"http_bytes": sum(n for _, n in self.http), "map_http_bytes": map_http,
                "ws_bytes": sum(len(f) for f in frames),
                "map_script_bytes": sum(len(f) for f in frames if b"L.map(" in f)}


def _page(browser, base: str, query: str = "", *, ready: tuple[str, int] | None = None):
    ctx = browser.new_context(viewport=VIEWPORT, locale="en-GB")
    ctx.set_default_timeout(RUN_TIMEOUT_MS)
    if ready:
        ctx.add_init_script(READY_JS % (json.dumps(ready[0]), ready[1], MAP_FRAME))
    page = ctx.new_page()
    traffic = Traffic(ctx, page)
    return ctx, page, traffic


def _map_frame(page):
    for f in page.frames:
        try:
            if f.evaluate("() => !!(window.map && window.map.eachLayer)"):
                return f
        except Exception:  # noqa: S112 -- a frame that is being replaced
            continue
    return None


def _count(page, selector: str) -> int:
    if selector == PLACE:
        value = page.frame_locator(MAP_FRAME).locator("html").get_attribute("data-shymkent-ready")
        return int(value or 0)
    return page.frame_locator(MAP_FRAME).locator(selector).count()


def _stable_count(page, selector: str, timeout_ms: int) -> int:
    """Markers in the iframe once their number has stopped changing for two seconds."""
    first = "html[data-shymkent-ready]" if selector == PLACE else selector
    page.frame_locator(MAP_FRAME).locator(first).first.wait_for(state="attached", timeout=timeout_ms)
    last, since = -1, time.monotonic()
    while time.monotonic() - since < 2.0:
        n = _count(page, selector)
        if n != last:
            last, since = n, time.monotonic()
        time.sleep(0.2)
    return last


def warm(browser, base: str, selector: str) -> dict:
    """First load (untimed for the medians): returns the marker count and, for the project, its places."""
    # The project's map marks its document once every place is drawn: the first session's time to map.
    ctx, page, _ = _page(browser, base, ready=(PLACE, 1) if selector == PLACE else None)
    t0 = time.perf_counter()
    page.goto(base, timeout=WARM_TIMEOUT_MS)
    count = _stable_count(page, selector, WARM_TIMEOUT_MS)
    out = {"first_load_s": round(time.perf_counter() - t0, 1), "markers": count}
    if selector == PLACE:
        out["first_map_ready_ms"] = round(page.evaluate("() => window.__mapReady || 0"), 1)
        frame = _map_frame(page)
        places = frame.evaluate(PLACES_JS)
        out["links"] = frame.evaluate("() => window.ShymkentMap.debug().lines.length")
        out["busiest"] = max(places, key=lambda p: (p["count"], p["tag"]))
        out["busiest"]["text"] = out["busiest"]["name"]
    ctx.close()
    return out


def map_ready(browser, base: str, selector: str, want: int):
    ctx, page, traffic = _page(browser, base, ready=(selector, want))
    page.goto(base)
    page.wait_for_function("() => window.__mapReady !== undefined", timeout=RUN_TIMEOUT_MS, polling=50)
    ms = page.evaluate("() => window.__mapReady")
    return ctx, page, traffic, ms


def click_place(page, traffic: Traffic, place: dict) -> dict:
    """Click the busiest place where the map drew it at the opening view (no zooming needed: every
    place has its own spot), time the panel."""
    title = place["name"]
    for _attempt in range(3):
        previous = current = None
        for _ in range(20):
            current = next((p for p in _map_frame(page).evaluate(PLACES_JS) if p["tag"] == place["tag"]), None)
            if current and previous and (current["x"], current["y"]) == (previous["x"], previous["y"]):
                break
            previous = current
            page.wait_for_timeout(200)
        page.evaluate(ARM_CLICK_JS, [MAP_FRAME, title])
        ws_before = len(traffic.ws)
        box = page.locator(MAP_FRAME).bounding_box()
        page.mouse.click(box["x"] + current["x"], box["y"] + current["y"])
        try:
            page.wait_for_function("() => window.__firstCard !== null", timeout=60_000, polling=50)
        except Exception:  # noqa: S112 -- the click missed (the map was still moving): again
            page.evaluate("() => clearInterval(window.__cardTimer)")
            continue
        _settle(page)
        got = page.evaluate("() => ({click: window.__clickAt, first: window.__firstCard, cards: window.__cards})")
        page.evaluate("() => clearInterval(window.__cardTimer)")
        last_change = got["cards"][-1]
        return {"click_to_first_card_ms": got["first"] - got["click"],
                "click_to_all_cards_ms": last_change[0] - got["click"], "cards": last_change[1],
                "click_ws_bytes": traffic.summary(ws_before)["ws_bytes"]}
    raise RuntimeError(f"clicking {title} never showed its articles")


def _settle(page, quiet_s: float = 1.5) -> None:
    """Until the rerun is over: no stale elements and no new card for ``quiet_s``."""
    deadline = time.monotonic() + 120
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        state = page.evaluate("() => [document.querySelectorAll('[data-stale=\"true\"]').length,"
                              " window.__cards.length]")
        if state != last:
            last, since = state, time.monotonic()
        elif state[0] == 0 and time.monotonic() - since >= quiet_s:
            return
        time.sleep(0.1)


def memory(pid: int) -> dict:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = round(int(value.split()[0]) / 1024, 1)
    return fields


def start_bare(markers: int, tmp: Path):
    """bare_map_app.py beside a link to dashboard/static (Streamlit serves static/ next to the script)."""
    app_dir = tmp / "bare"
    app_dir.mkdir(exist_ok=True)
    shutil.copyfile(HERE / "bare_map_app.py", app_dir / "bare_map_app.py")
    if not (app_dir / "static").exists():
        (app_dir / "static").symlink_to(ROOT / "dashboard" / "static")
    from dashboard.mapview import install_leaflet

    install_leaflet()  # the bare page may start before the dashboard has put Leaflet there
    port = _free_port()
    log = tmp / f"bare-{port}.log"
    cmd = [sys.executable, "-m", "streamlit", "run", str(app_dir / "bare_map_app.py"), "--server.address",
           "127.0.0.1", "--server.port", str(port), "--server.headless", "true", "--server.enableStaticServing",
           "true", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=app_dir, env={**os.environ, "BENCH_MARKERS": str(markers)},
                                stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:  # noqa: S310
                if resp.read().strip() == b"ok":
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"the bare page did not start: {log.read_text()[-2000:]}")


def _median(rows: list[dict], key: str) -> float:
    return round(statistics.median(r[key] for r in rows), 1)


def bench(size: str, runs: int, browser, work: Path, keep: Path | None = None) -> dict:
    from corpus import write_corpus

    tmp = work / f"c{size}"
    tmp.mkdir()
    # A kept library holds the corpus's analyses, keyed by the extractor's version: any change to dashboard/
    # makes the first load cold again.
    corpus_dir = (keep / f"articles-{size}") if keep else tmp / "articles"
    library_env = None
    if size.startswith("library-"):  # a built library of N articles (as feeds leave it) and an empty folder
        from corpus import write_library

        library_file = (keep or tmp) / f"{size}.sqlite"
        if not library_file.exists():
            print(f"[{size}] building the library: {write_library(int(size.split('-')[1]), f'sqlite:///{library_file}')}",
                  flush=True)
        corpus_dir.mkdir(parents=True, exist_ok=True)
        library_env = os.environ["SHYMKENT_LIBRARY_URL"] = f"sqlite:///{library_file}"
    if corpus_dir.is_dir():
        articles = corpus_dir
    elif size == "seeds":
        articles = corpus_dir
        shutil.copytree(ROOT / "seeds", articles)
    else:
        articles = write_corpus(int(size), corpus_dir)
    n_articles = len(list(articles.glob("*.txt"))) if library_env is None else int(size.split("-")[1])
    kept = keep / f"cache-{size}" if keep else None
    warm_cache = bool(kept and kept.is_dir())
    if warm_cache:
        for part in ("cache", "data"):  # the gazetteer index; the library with its analyses
            if (kept / part).is_dir():
                shutil.copytree(kept / part, tmp / part)
    os.environ["SHYMKENT_CACHE_DIR"] = str(tmp / "cache")  # not the user's cache; start_server passes it on
    started = time.perf_counter()
    server = start_server(articles, tmp)
    server_up_s = round(time.perf_counter() - started, 1)
    bare_proc = None
    try:
        first = warm(browser, server.url, PLACE)
        print(f"[{size}] first load {first['first_load_s']} s (map drawn at {first.get('first_map_ready_ms')} ms), "
              f"{first['markers']} markers, "
              f"{first['links']} lines; busiest {first['busiest']['text']!r}", flush=True)
        if kept:
            for part in ("cache", "data"):
                if (tmp / part).is_dir():  # a built library's page may never make a cache
                    shutil.copytree(tmp / part, kept / part, dirs_exist_ok=True)
        bare_proc, bare_url = start_bare(first["markers"], tmp)
        bare_first = warm(browser, bare_url, BARE_MARKER)
        load_before = os.getloadavg()
        project, bare = [], []
        for i in range(runs):
            ctx, page, traffic, ms = map_ready(browser, server.url, PLACE, first["markers"])
            page.wait_for_timeout(500)  # the script's last deltas
            row = {"map_ready_ms": ms, **traffic.summary()}
            row.update(click_place(page, traffic, first["busiest"]))
            ctx.close()
            project.append(row)
            ctx, page, traffic, ms = map_ready(browser, bare_url, BARE_MARKER, bare_first["markers"])
            page.wait_for_timeout(500)
            bare.append({"map_ready_ms": ms, **traffic.summary()})
            ctx.close()
            print(f"[{size}] run {i + 1}: map {project[-1]['map_ready_ms']:.0f} ms (bare {ms:.0f}), click "
                  f"{project[-1]['click_to_first_card_ms']:.0f}/{project[-1]['click_to_all_cards_ms']:.0f} ms, "
                  f"script {project[-1]['map_script_bytes']} B", flush=True)
        mem = memory(server.proc.pid)
        bare_mem = memory(bare_proc.pid)
    finally:
        stop_server(server)
        if library_env:
            del os.environ["SHYMKENT_LIBRARY_URL"]
        if bare_proc is not None:
            bare_proc.terminate()
            bare_proc.wait(timeout=15)
    med = {k: _median(project, k) for k in project[0]}
    bare_med = {k: _median(bare, k) for k in bare[0]}
    return {
        "corpus": size, "articles": n_articles, "places": first["markers"], "lines": first["links"],
        "busiest_place": first["busiest"]["text"], "busiest_articles": first["busiest"]["count"],
        "server_up_s": server_up_s, "first_map_ready_ms": first.get("first_map_ready_ms"),
        "first_load_s": first["first_load_s"], "first_load_cache": warm_cache,
        "runs": runs,
        "map_ready_ms": med["map_ready_ms"], "bare_map_ready_ms": bare_med["map_ready_ms"],
        "ratio_to_bare": round(med["map_ready_ms"] / bare_med["map_ready_ms"], 2),
        "click_to_first_card_ms": med["click_to_first_card_ms"],
        "click_to_all_cards_ms": med["click_to_all_cards_ms"], "cards_shown": med["cards"],
        "map_script_bytes": med["map_script_bytes"], "bare_map_script_bytes": bare_med["map_script_bytes"],
        "click_ws_bytes": med["click_ws_bytes"], "page_ws_bytes": med["ws_bytes"],
        "page_http_bytes": med["http_bytes"], "map_http_bytes": med["map_http_bytes"],
        "server_rss_mb": mem.get("VmRSS"), "server_hwm_mb": mem.get("VmHWM"),
        "bare_server_rss_mb": bare_mem.get("VmRSS"),
        "load_avg": [round(x, 2) for x in load_before], "load_avg_after": [round(x, 2) for x in os.getloadavg()],
        "raw": {"project": project, "bare": bare},
    }


def targets(rows: list[dict]) -> dict:
    by = {r["corpus"]: r for r in rows}
    out = {}
    if "seeds" in by:
        out["map ready <= 1.3 x bare (seeds)"] = by["seeds"]["ratio_to_bare"] <= 1.3
    if "1000" in by:
        out["map ready <= 1.2 x bare (1,000)"] = by["1000"]["ratio_to_bare"] <= 1.2
    if "seeds" in by and "10000" in by:
        out["10,000 map ready <= 2 x seeds"] = by["10000"]["map_ready_ms"] <= 2 * by["seeds"]["map_ready_ms"]
    out["click -> article list <= 300 ms (every corpus, first card)"] = all(
        r["click_to_first_card_ms"] <= 300 for r in rows)
    if "10000" in by:
        out["map payload at 10,000 <= 1.5 MB"] = by["10000"]["map_script_bytes"] <= 1_500_000
        out["server memory at 10,000 <= 500 MB"] = by["10000"]["server_hwm_mb"] <= 500
    return out


def table(rows: list[dict]) -> str:
    head = ("| corpus | places / lines | map ready ms | bare ms | ratio | click→first card ms | click→all cards "
            "ms (cards) | map script KB | click re-sends KB | page HTTP KB | RSS / HWM MB | load |")
    lines = [head, "|" + "---|" * 12]
    for r in rows:
        lines.append(
            f"| {r['corpus']} ({r['articles']} art.) | {r['places']} / {r['lines']} | {r['map_ready_ms']:.0f} "
            f"| {r['bare_map_ready_ms']:.0f} | {r['ratio_to_bare']} | {r['click_to_first_card_ms']:.0f} "
            f"| {r['click_to_all_cards_ms']:.0f} ({r['cards_shown']:.0f}) | {r['map_script_bytes'] / 1000:.0f} "
            f"| {r['click_ws_bytes'] / 1000:.0f} | {r['page_http_bytes'] / 1000:.0f} "
            f"| {r['server_rss_mb']} / {r['server_hwm_mb']} | {r['load_avg'][0]} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["seeds", "1000", "10000"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=str(RESULTS / "dashboard.json"))
    parser.add_argument("--keep-cache", type=Path, default=None,
                        help="reuse (and fill) libraries and caches here, so a rerun skips the cold analysis")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for size in args.sizes:
                rows.append(bench(size, args.runs, browser, Path(tmp), args.keep_cache))
        finally:
            browser.close()
    met = targets(rows)
    out = {"machine": os.uname().machine, "cpus": os.cpu_count(), "when": time.strftime("%Y-%m-%d %H:%M"),
           "git": _git_head(), "rows": rows, "targets_met": met}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")
    print(table(rows))
    for name, ok in met.items():
        print(f"- {name}: {'met' if ok else 'NOT met'}")


def _git_head() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


if __name__ == "__main__":
    main()
