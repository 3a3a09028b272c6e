"""Library benchmark: the page's side of a big library (run by hand, not by pytest).

    python tests/bench/bench_library.py [--sizes 10000 100000] [--templates 2000] [--workers 2] [--keep DIR]

For each size it builds a SQLite library of that many synthetic articles (corpus.write_library: ``templates``
analysed for real, the rest copies with their own closing line and their template's analysis), then, each
in a fresh interpreter as a restarted server would:

  - load: the page's index read from the library (Catalog.of_library), seconds and the process's memory:
    first from its rows (the first start after a build, which keeps a snapshot), then as a restart reads it;
  - map: the markers and lines of the opening view counted (Catalog.view, no filter), and with a filter;
  - click: the busiest place's first page of 20 articles (their texts and analyses read from the library);
  - add one: a new article analysed into the library (its models loaded first) and the page's index extended
    by its rows (and its snapshot kept again).

The browser's figures (time to map, click to first card, server memory of the whole page) come from
``bench_dashboard.py --sizes library-10000 library-100000``. Results: tests/bench/results/library.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RESULTS = HERE / "results"

PHASE = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from dashboard import ingest
from dashboard.catalog import Catalog
from dashboard import viewstate as vs
imported = time.perf_counter() - t0
url = sys.argv[1]
library = ingest.open_library(url)
rss0 = int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024
t1 = time.perf_counter()
version = ingest.extractor_version(library)
todo = len(library.unanalysed(version))
catalog = Catalog.of_library(library, version)
load = time.perf_counter() - t1
t2 = time.perf_counter()
view = catalog.view(vs.Filters())
first_view = time.perf_counter() - t2
t3 = time.perf_counter()
filtered = catalog.view(vs.Filters(langs=("ru",), kinds=("visit", "meeting")))
filtered_view = time.perf_counter() - t3
busiest = view.places[0]
clicks = []
for _ in range(5):
    t4 = time.perf_counter()
    hits, total = catalog.place_hits(vs.Filters(), busiest.location.key, limit=20)
    clicks.append(time.perf_counter() - t4)
line = max(view.links, key=lambda lk: lk.count)
t5 = time.perf_counter()
line_hits, line_total = catalog.link_hits(vs.Filters(), line.id, limit=20)
line_click = time.perf_counter() - t5
rss = int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024
out = {"import_s": imported, "todo": todo, "load_s": load, "first_view_s": first_view, "filtered_view_s": filtered_view,
       "click_s": sorted(clicks)[2], "first_click_s": clicks[0], "cards": len(hits), "busiest": busiest.location.name,
       "busiest_articles": total, "line_click_s": line_click, "line_evidence": line_total,
       "articles": view.article_count, "places": len(view.places), "lines": len(view.links),
       "rss_before_load_mb": rss0, "rss_mb": rss, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
if sys.argv[2] == "add":
    t6 = time.perf_counter()
    text = ("Делегация Шымкента посетила Ташкент\n\nДелегация города Шымкент во главе с акимом посетила Ташкент, "
            f"где стороны подписали меморандум о сотрудничестве (сообщение {time.time_ns()}).\n")  # new each run
    outcome = ingest.add_text(library, text, name="bench_added", geocoder=ingest.geocoder_for(library),
                              version=version)
    analysed = time.perf_counter() - t6
    Catalog.of_library(library, version, previous=catalog)  # as the page does: the new article's rows only
    out["add_one_s"] = time.perf_counter() - t6
    out["add_one_analyse_s"] = analysed
    out["add_one_ok"] = outcome.problem is None
print(json.dumps(out))
"""


def phase(url: str, mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PHASE, url, mode], cwd=ROOT, check=True, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench(size: int, work: Path, templates: int, workers: int) -> dict:
    sys.path.insert(0, str(HERE))
    from corpus import write_library

    path = work / f"library-{size}.sqlite"
    url = f"sqlite:///{path}"
    t0 = time.perf_counter()
    built = write_library(size, url, templates=templates, workers=workers) if not path.exists() else {}
    build_s = time.perf_counter() - t0
    first = phase(url, "read")  # the first start after a build: the index rows, and a snapshot kept
    read = phase(url, "read")  # a restarted server: the kept snapshot
    added = phase(url, "add")
    row = {"articles": size, "templates_analysed": built.get("analysed"), "workers": workers,
           "build_s": round(build_s, 1), **{k: v for k, v in built.items() if k != "version"},
           "db_mb": round(path.stat().st_size / 1e6, 1),
           "rows_load_s": round(first["load_s"], 3), "rows_rss_mb": round(first["rss_mb"], 1),
           **{k: round(v, 3) if isinstance(v, float) else v for k, v in read.items()},
           "add_one_s": round(added["add_one_s"], 2), "add_one_analyse_s": round(added["add_one_analyse_s"], 2),
           "add_one_ok": added["add_one_ok"]}
    print(json.dumps(row), flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--templates", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, default=None, help="build the libraries here and keep them")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            rows.append(bench(size, work, args.templates, args.workers))
    RESULTS.mkdir(exist_ok=True)
    out = {"machine": os.uname().machine, "cpus": os.cpu_count(), "python": sys.version.split()[0],
           "when": time.strftime("%Y-%m-%d %H:%M"), "rows": rows}
    (RESULTS / "library.json").write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")
    print("| articles | places / lines | index load: rows / snapshot (s) | RSS after load (MB) | map counted (ms) "
          "| filtered (ms) "
          "| click: 20 of N articles (ms) | line click (ms) | add one + reload (s) | library file (MB) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['articles']:,} | {r['places']:,} / {r['lines']:,} | {r['rows_load_s']:.2f} / {r['load_s']:.2f} "
              f"| {r['rss_mb']:.0f} "
              f"| {r['first_view_s'] * 1000:.0f} | {r['filtered_view_s'] * 1000:.0f} "
              f"| {r['click_s'] * 1000:.0f} ({r['busiest_articles']:,}) | {r['line_click_s'] * 1000:.0f} "
              f"| {r['add_one_s']} | {r['db_mb']} |")


if __name__ == "__main__":
    main()
